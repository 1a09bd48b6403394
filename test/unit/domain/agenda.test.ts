// @vitest-environment node
// The agenda's pure edits: each keeps the stored row valid, refuses what the row would refuse,
// and the clock times follow the planned start and the facilitator's clock format.
import { describe, expect, it } from 'vitest';
import {
  addStep, addStepArtifact, artifactChoices, moveStep, newStep, parseStepMinutes, removeStep, removeStepArtifact, renameStep, retimeStep, setStartTime,
  startMinutes, stepTimes,
} from '../../../src-renderer/domain/agenda';
import { formatClockTime, formatMinutesOfDay } from '../../../src-renderer/domain/clock';
import { settingsFromRows } from '../../../src-renderer/domain/settings';
import { createWorkshop } from '../../../src-renderer/domain/workshop';
import { workshopRowSchema } from '../../../src-renderer/domain/workshop-schema';
import { shippedTemplatesForTests } from './shipped';

const kickoff = () => createWorkshop({ title: 'Kick-off', client: 'Acme', template: shippedTemplatesForTests().find((t) => t.id === 'readiness-kickoff')! });
const titles = (w: { agenda: readonly { title: string }[] }) => w.agenda.map((s) => s.title);

describe('agenda edits', () => {
  it('renames, re-times, adds, removes and reorders steps, keeping the row valid', () => {
    let w = kickoff();
    const [a, b, c] = w.agenda;
    w = renameStep(w, a!.id, '  Welcome, goals and coffee  ');
    w = retimeStep(w, b!.id, 45);
    const added = newStep('Journey warm-up', 20, 'step-new-1');
    w = addStep(w, added, 1);
    w = moveStep(w, c!.id, 0);
    w = removeStep(w, b!.id);
    expect(titles(w).slice(0, 3)).toEqual([c!.title, 'Welcome, goals and coffee', 'Journey warm-up']);
    expect(w.agenda.find((s) => s.id === 'step-new-1')!.minutes).toBe(20);
    expect(w.agenda.some((s) => s.id === b!.id)).toBe(false);
    expect(workshopRowSchema.safeParse(w).success).toBe(true);
  });

  it('refuses what the stored row would refuse, changing nothing', () => {
    const w = kickoff();
    const id = w.agenda[0]!.id;
    expect(renameStep(w, id, '   ')).toBe(w);
    expect(renameStep(w, id, 'x'.repeat(121))).toBe(w);
    expect(retimeStep(w, id, 0)).toBe(w);
    expect(retimeStep(w, id, 481)).toBe(w);
    expect(retimeStep(w, id, 12.5)).toBe(w);
    // A replayed add must not duplicate the step.
    const once = addStep(w, newStep('Extra', 10, 'extra'));
    expect(addStep(once, newStep('Extra', 10, 'extra'))).toBe(once);
    expect(parseStepMinutes(' 90 ')).toBe(90);
    for (const bad of ['0', '481', '1.5', '', 'ten', '-5']) expect(parseStepMinutes(bad)).toBeNull();
  });

  it('moves a step up, down and to either end', () => {
    const w = kickoff();
    const ids = w.agenda.map((s) => s.id);
    expect(moveStep(w, ids[2]!, 1).agenda.map((s) => s.id)).toEqual([ids[0], ids[2], ids[1], ...ids.slice(3)]);
    expect(moveStep(w, ids[0]!, 1).agenda.map((s) => s.id)).toEqual([ids[1], ids[0], ...ids.slice(2)]);
    expect(moveStep(w, ids[0]!, 99).agenda.map((s) => s.id)).toEqual([...ids.slice(1), ids[0]]);
    expect(moveStep(w, ids[0]!, 0)).toBe(w);
  });

  it('lets any step work on any artifact: created the first time, opened after', () => {
    let w = kickoff();
    const [first, second] = w.agenda;
    expect(artifactChoices.map((c) => c.kind)).toEqual(expect.arrayContaining(['persona', 'segment-map', 'journey', 'roadmap', 'measurement-plan', 'actions', 'assessment']));
    w = addStepArtifact(w, first!.id, { kind: 'journey' });
    w = addStepArtifact(w, second!.id, { kind: 'journey' });
    w = addStepArtifact(w, second!.id, { kind: 'assessment', set: 'audit' });
    const again = addStepArtifact(w, second!.id, { kind: 'journey' });
    expect(again).toBe(w);
    const s1 = w.agenda[0]!.artifacts.at(-1)!;
    const s2 = w.agenda[1]!.artifacts;
    expect(s1).toEqual({ kind: 'journey', action: 'create' });
    expect(s2.at(-2)).toEqual({ kind: 'journey', action: 'open' });
    expect(s2.at(-1)).toEqual({ kind: 'assessment', action: 'create', set: 'audit' });
    expect(workshopRowSchema.safeParse(w).success).toBe(true);
    const n = w.agenda[1]!.artifacts.length;
    w = removeStepArtifact(w, second!.id, n - 1);
    expect(w.agenda[1]!.artifacts).toHaveLength(n - 1);
  });
});

describe('clock times', () => {
  it('gives each step its start and end from the planned start', () => {
    let w = kickoff();
    expect(startMinutes(w)).toBe(9 * 60);
    w = setStartTime(w, '8:30');
    expect(w.startTime).toBe('08:30');
    expect(setStartTime(w, '25:00')).toBe(w);
    const t = stepTimes(w.agenda, startMinutes(w));
    expect(t[0]).toEqual({ stepId: w.agenda[0]!.id, start: 510, end: 510 + w.agenda[0]!.minutes });
    for (let i = 1; i < t.length; i++) expect(t[i]!.start).toBe(t[i - 1]!.end);
    expect(workshopRowSchema.safeParse(w).success).toBe(true);
    expect(workshopRowSchema.safeParse({ ...w, startTime: '9:00' }).success).toBe(false);
  });

  it('shows times in the 24-hour or 12-hour clock, as the setting says', () => {
    expect(formatMinutesOfDay(14 * 60 + 5, '24h')).toBe('14:05');
    expect(formatMinutesOfDay(14 * 60 + 5, '12h')).toBe('2:05 PM');
    expect(formatMinutesOfDay(0, '12h')).toBe('12:00 AM');
    expect(formatMinutesOfDay(12 * 60, '12h')).toBe('12:00 PM');
    expect(formatMinutesOfDay(25 * 60, '24h')).toBe('01:00');
    expect(formatClockTime(new Date(2026, 10, 30, 9, 7).getTime(), '24h')).toBe('09:07');
    expect(settingsFromRows([]).clockFormat).toBe('24h');
    expect(settingsFromRows([{ key: 'clockFormat', value: '12h' }]).clockFormat).toBe('12h');
    expect(settingsFromRows([{ key: 'clockFormat', value: 'am/pm' }]).clockFormat).toBe('24h');
  });
});
