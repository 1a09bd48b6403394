// @vitest-environment node
// Persona edits through the command layer: each is one undo step, and deleting takes the
// journeys' links with it (and gives them back on undo).
import { aJourney, aSegment } from '../../helpers/records';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/db';
import type { CentricDb } from '../../../src-renderer/db/database';
import { undo, useHistory } from '../../../src-renderer/state/history';
import { useNotifications } from '../../../src-renderer/state/notifications';
import { createWorkshop } from '../../../src-renderer/domain/workshop';
import type { Persona } from '../../../src-renderer/domain/persona';
import {
  addClaimAt,
  addPersona,
  deletePersona,
  duplicateToWorkshop,
  findPersonaLinks,
  moveClaimTo,
  setClaimSource,
  setClaimText,
  setPersonaName,
} from '../../../src-renderer/features/personas/persona-actions';

let db: CentricDb;
beforeEach(() => {
  db = freshDb();
  useHistory.setState({ stacks: {}, revision: 0 });
  useNotifications.setState({ toasts: [] });
});

async function setup() {
  const w = createWorkshop({ title: 'W', client: 'C', template: null });
  const other = createWorkshop({ title: 'Other', client: 'D', template: null });
  await db.workshops.bulkPut([w, other]);
  const id = (await addPersona(w.id))!;
  const get = async () => (await db.personas.get(id)) as unknown as Persona;
  return { w, other, id, get };
}

describe('persona actions', () => {
  it('adds "New persona", then "New persona 2"', async () => {
    const { w, get } = await setup();
    expect((await get()).name).toBe('New persona');
    const second = await addPersona(w.id);
    expect(((await db.personas.get(second!)) as unknown as Persona).name).toBe('New persona 2');
  });

  it('edits claims by id, each change one undo step with its label', async () => {
    const { w, get } = await setup();
    const p = await get();
    await setPersonaName(p, 'Ana');
    await addClaimAt(p, 'goals', 0, 'g1');
    await addClaimAt(p, 'goals', 1, 'g2');
    await setClaimText(p, 'goals', 'g1', 'Pay rent');
    await setClaimText(p, 'goals', 'g2', 'Save');
    await setClaimSource(p, 'goals', 'g2', 'survey');
    await moveClaimTo(p, 'goals', 'g2', 0);
    expect((await get()).goals.map((c) => [c.text, c.source])).toEqual([
      ['Save', 'survey'],
      ['Pay rent', 'assumption'],
    ]);
    const labels = useHistory.getState().stacks[w.id]!.undo.map((c) => c.label);
    expect(labels).toEqual([
      'Add persona',
      'Rename persona',
      'Add goal',
      'Add goal',
      'Edit goals',
      'Edit goals',
      'Change evidence',
      'Reorder goals',
    ]);
    await undo(w.id);
    expect((await get()).goals.map((c) => c.id)).toEqual(['g1', 'g2']);
  });

  it('deletes with the journeys\u2019 links in one command; undo restores both', async () => {
    const { w, get, id } = await setup();
    await db.journeys.bulkPut([
      aJourney(w.id, { id: 'j1', name: 'Onboarding', personaId: id }),
      aJourney(w.id, { id: 'j2', name: 'Renewal', personaId: 'someone-else' }),
    ]);
    await db.segments.put(aSegment(w.id, { id: 's1', name: 'Young families', order: 0 }));
    await db.personas.update(id, { segmentId: 's1' });
    const p = await get();
    expect(await findPersonaLinks(p)).toEqual({ segmentName: 'Young families', journeys: [{ id: 'j1', title: 'Onboarding' }] });
    const before = useHistory.getState().stacks[w.id]!.undo.length;
    expect(await deletePersona(p)).toBe(true);
    expect(await db.personas.get(id)).toBeUndefined();
    expect((await db.journeys.get('j1'))!.personaId).toBeNull();
    expect((await db.journeys.get('j2'))!.personaId).toBe('someone-else');
    expect(useHistory.getState().stacks[w.id]!.undo.length).toBe(before + 1);
    expect(useNotifications.getState().toasts.at(-1)).toMatchObject({ message: 'Deleted New persona', action: { label: 'Undo' } });
    useNotifications.getState().toasts.at(-1)!.action!.run();
    await expect.poll(async () => (await db.personas.get(id)) !== undefined).toBe(true);
    expect((await db.journeys.get('j1'))!.personaId).toBe(id);
    expect((await get()).segmentId).toBe('s1');
  });

  it('copies into another workshop, undoable there', async () => {
    const { other, get } = await setup();
    const p = await get();
    await addClaimAt(p, 'pains', 0, 'c1');
    const copyId = await duplicateToWorkshop(await get(), other.id);
    const copy = (await db.personas.get(copyId!)) as unknown as Persona;
    expect(copy.workshopId).toBe(other.id);
    expect(copy.pains).toHaveLength(1);
    expect(copy.pains[0]!.id).not.toBe('c1');
    expect(useHistory.getState().stacks[other.id]!.undo.map((c) => c.label)).toEqual(['Copy persona here']);
    await undo(other.id);
    expect(await db.personas.get(copyId!)).toBeUndefined();
  });
});
