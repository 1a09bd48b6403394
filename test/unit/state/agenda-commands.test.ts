// @vitest-environment node
// Agenda edits as commands on the stored workshop: each is one undo step, undo and redo give back
// exactly the agenda before and after, a removed step comes back with its notes and nothing is
// ever doubled, and "Save agenda as template" saves the agenda as edited, so a workshop created
// from the template starts with the edits.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/db';
import { redo, resetHistory, undo, useHistory } from '../../../src-renderer/state/history';
import { useNotifications } from '../../../src-renderer/state/notifications';
import { createWorkshop, type Workshop } from '../../../src-renderer/domain/workshop';
import { workshopRowSchema } from '../../../src-renderer/domain/workshop-schema';
import { parseTemplate } from '../../../src-renderer/domain/template';
import {
  addAgendaStep, addArtifactToStep, moveAgendaStep, removeAgendaStep, renameAgendaStep, retimeAgendaStep, setAgendaStart,
} from '../../../src-renderer/features/workshop/agenda-actions';
import { saveAgendaAsTemplate } from '../../../src-renderer/features/workshop/workshop-actions';
import { setStepField } from '../../../src-renderer/features/shared/agenda-steps';
import type { CentricDb } from '../../../src-renderer/db/database';
import { shippedTemplatesForTests } from '../domain/shipped';

let db: CentricDb;
let w: Workshop;
beforeEach(async () => {
  db = freshDb();
  resetHistory();
  useNotifications.setState({ toasts: [] });
  w = createWorkshop({ title: 'Kick-off', client: 'Acme', template: shippedTemplatesForTests().find((t) => t.id === 'readiness-kickoff')! });
  await db.workshops.put(w);
});

const stored = async () => (await db.workshops.get(w.id))!;
const titles = async () => (await stored()).agenda.map((s) => s.title);
const undoSteps = () => useHistory.getState().stacks[w.id]?.undo.length ?? 0;

describe('agenda commands', () => {
  it('renames, re-times, adds, removes and reorders, each one undo step, undone and redone exactly', async () => {
    const original = w.agenda.map((s) => s.title);
    const [a, b, c] = w.agenda;
    const snapshots: string[][] = [original];
    const record = async () => snapshots.push(await titles());

    expect(await renameAgendaStep(w.id, a!.id, 'Welcome and coffee')).toBe(true);
    await record();
    expect(await retimeAgendaStep(w.id, b!.id, 50)).toBe(true);
    await record();
    const added = await addAgendaStep(w.id, 1);
    expect(added).not.toBeNull();
    await record();
    expect(await moveAgendaStep(w.id, c!.id, 0)).toBe(true);
    await record();
    expect(await removeAgendaStep(w.id, b!.id, b!.title)).toBe(true);
    await record();
    expect(undoSteps()).toBe(5);

    const now = await stored();
    expect(now.agenda.map((s) => s.title).slice(0, 3)).toEqual([c!.title, 'Welcome and coffee', 'New step']);
    expect(workshopRowSchema.safeParse(now).success).toBe(true);
    // The removal offers its own Undo in a toast.
    expect(useNotifications.getState().toasts.at(-1)?.action?.label).toBe('Undo');

    for (let i = snapshots.length - 2; i >= 0; i--) {
      await undo(w.id);
      expect(await titles()).toEqual(snapshots[i]);
    }
    expect((await stored()).agenda.find((s) => s.id === b!.id)!.minutes).toBe(b!.minutes);
    for (let i = 1; i < snapshots.length; i++) {
      await redo(w.id);
      expect(await titles()).toEqual(snapshots[i]);
    }
    // Redoing "Add step" put back the very same step: one new step, never two.
    expect((await stored()).agenda.filter((s) => s.id === added)).toHaveLength(1);
    expect((await stored()).agenda).toHaveLength(w.agenda.length);
  });

  it('brings a removed step back with its notes, and redo removes it again', async () => {
    const step = w.agenda[2]!;
    await setStepField(w.id, step.id, { notes: 'The room agreed on three goals.' }, 'Edit step notes');
    await removeAgendaStep(w.id, step.id, step.title);
    expect((await stored()).agenda.some((s) => s.id === step.id)).toBe(false);
    await undo(w.id);
    const back = (await stored()).agenda;
    expect(back[2]!.id).toBe(step.id);
    expect(back[2]!.notes).toBe('The room agreed on three goals.');
    expect(back.filter((s) => s.id === step.id)).toHaveLength(1);
    await redo(w.id);
    expect((await stored()).agenda.some((s) => s.id === step.id)).toBe(false);
  });

  it('folds quick typing in one title into one undo step, and ignores invalid values', async () => {
    const id = w.agenda[0]!.id;
    for (const t of ['W', 'We', 'Wel', 'Welcome']) await renameAgendaStep(w.id, id, t);
    expect(undoSteps()).toBe(1);
    await retimeAgendaStep(w.id, id, 0);
    await renameAgendaStep(w.id, id, '   ');
    expect((await stored()).agenda[0]!.title).toBe('Welcome');
    expect((await stored()).agenda[0]!.minutes).toBe(w.agenda[0]!.minutes);
    await undo(w.id);
    expect((await stored()).agenda[0]!.title).toBe(w.agenda[0]!.title);
  });

  it('adds any artifact to any step; the start time is stored and undoable', async () => {
    const last = w.agenda.at(-1)!;
    await addArtifactToStep(w.id, last.id, { kind: 'journey' });
    expect((await stored()).agenda.at(-1)!.artifacts.at(-1)).toEqual({ kind: 'journey', action: 'create' });
    await setAgendaStart(w.id, '08:15');
    expect((await stored()).startTime).toBe('08:15');
    await undo(w.id);
    expect((await stored()).startTime).toBeUndefined();
    await undo(w.id);
    expect((await stored()).agenda.at(-1)!.artifacts).toEqual(last.artifacts);
  });

  it('saves the edited agenda as a template; a workshop made from it starts with the edits', async () => {
    const [a, b] = w.agenda;
    await renameAgendaStep(w.id, a!.id, 'Welcome and coffee');
    await retimeAgendaStep(w.id, b!.id, 40);
    const added = (await addAgendaStep(w.id))!;
    await renameAgendaStep(w.id, added, 'Map one journey');
    await addArtifactToStep(w.id, added, { kind: 'journey' });
    await removeAgendaStep(w.id, w.agenda.at(-1)!.id, w.agenda.at(-1)!.title);

    expect(await saveAgendaAsTemplate(w.id, 'Kick-off with a journey', 'Our kick-off.')).toBeNull();
    const rows = await db.templates.toArray();
    expect(rows).toHaveLength(1);
    const parsed = parseTemplate(rows[0]!.template, 'stored');
    expect(parsed.ok).toBe(true);
    const template = rows[0]!.template;
    const edited = await stored();
    expect(template.steps.map((s) => s.title)).toEqual(edited.agenda.map((s) => s.title));
    expect(template.steps.map((s) => s.minutes)).toEqual(edited.agenda.map((s) => s.minutes));

    const fresh = createWorkshop({ title: 'Next client', client: 'Beta', template });
    expect(fresh.agenda.map((s) => s.title)).toEqual(edited.agenda.map((s) => s.title));
    expect(fresh.agenda[0]!.title).toBe('Welcome and coffee');
    expect(fresh.agenda[1]!.minutes).toBe(40);
    expect(fresh.agenda.at(-1)!.title).toBe('Map one journey');
    expect(fresh.agenda.at(-1)!.artifacts).toEqual([{ kind: 'journey', action: 'create' }]);
    expect(fresh.agenda.every((s) => s.notes === '')).toBe(true);
    expect(workshopRowSchema.safeParse(fresh).success).toBe(true);
  });
});
