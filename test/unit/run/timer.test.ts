import { describe, expect, it } from 'vitest';
import {
  addMinutes, completeStep, isRunning, isStepDone, markStepDone, createRunSession, describeSchedule, elapsedMs, formatClock, goToStep, idleTimer, pauseTimer, remainingMs,
  schedule, startTimer, timerOf, timeOfDayToMs, initials, createBrainstorm, addIdea, revealIdeas, keptIdeas,
} from '../../../src-renderer/domain/run';
import type { AgendaStep } from '../../../src-renderer/domain/workshop';

const MIN = 60_000;
const step = (id: string, minutes: number): AgendaStep => ({ id, title: id, minutes, instructions: '', prompts: [], artifacts: [], notes: '' });
const agenda = [step('a', 10), step('b', 20), step('c', 30)];

describe('step timer', () => {
  it('counts from the stored start time, not a ticking counter', () => {
    const t = startTimer(idleTimer, 1_000);
    expect(elapsedMs(t, 1_000 + 3 * MIN)).toBe(3 * MIN);
    expect(remainingMs(10, t, 1_000 + 3 * MIN)).toBe(7 * MIN);
  });

  it('stops counting while paused and subtracts every pause', () => {
    let t = startTimer(idleTimer, 0);
    t = pauseTimer(t, 2 * MIN);
    expect(elapsedMs(t, 50 * MIN)).toBe(2 * MIN);
    t = startTimer(t, 5 * MIN); // resumed after 3 min paused
    expect(t.pausedMs).toBe(3 * MIN);
    t = pauseTimer(t, 6 * MIN);
    t = startTimer(t, 8 * MIN);
    expect(t.pausedMs).toBe(5 * MIN);
    expect(elapsedMs(t, 10 * MIN)).toBe(5 * MIN);
  });

  it('adds minutes on top of the plan and shows overrun', () => {
    let t = startTimer(idleTimer, 0);
    expect(remainingMs(10, t, 12 * MIN + 13_000)).toBe(-(2 * MIN + 13_000));
    expect(formatClock(remainingMs(10, t, 12 * MIN + 13_000))).toBe('+2:13');
    t = addMinutes(t, 5);
    expect(remainingMs(10, t, 12 * MIN + 13_000)).toBe(2 * MIN + 47_000);
    expect(addMinutes(idleTimer, -5).addedMinutes).toBe(0);
  });

  it('formats a countdown', () => {
    expect(formatClock(10 * MIN)).toBe('10:00');
    expect(formatClock(500)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65 * MIN)).toBe('1:05:00');
  });
});

describe('run session', () => {
  it('pauses the step left and carries a running clock to the next step', () => {
    let s = createRunSession('w', agenda, 0, 0);
    s = { ...s, timers: { a: startTimer(idleTimer, 0) } };
    s = goToStep(s, 'b', 4 * MIN);
    expect(s.currentStepId).toBe('b');
    expect(timerOf(s, 'a').pausedAt).toBe(4 * MIN);
    expect(elapsedMs(timerOf(s, 'b'), 6 * MIN)).toBe(2 * MIN);
    // Going back resumes where step a was, with its pause subtracted.
    s = goToStep(s, 'a', 10 * MIN);
    expect(elapsedMs(timerOf(s, 'a'), 11 * MIN)).toBe(5 * MIN);
  });

  it('does not start the next clock when the current one was paused', () => {
    const s = goToStep(createRunSession('w', agenda, 0, 0), 'b', MIN);
    expect(timerOf(s, 'b').startedAt).toBeNull();
  });

  it('projects the end of the agenda against the planned end', () => {
    let s = createRunSession('w', agenda, 0, 0);
    expect(schedule(agenda, s, 0).behindMs).toBe(0);
    s = { ...s, timers: { a: startTimer(idleTimer, 5 * MIN) } }; // started 5 minutes late
    const sch = schedule(agenda, s, 6 * MIN);
    expect(sch.plannedEnd).toBe(60 * MIN);
    expect(sch.projectedEnd).toBe(65 * MIN);
    expect(describeSchedule(sch.behindMs)).toEqual({ text: '5 min behind', tone: 'behind' });
    // Overrun on the current step keeps adding: 12 minutes into a 10-minute step.
    expect(schedule(agenda, s, 17 * MIN).behindMs).toBe(17 * MIN + 50 * MIN - 60 * MIN);
  });

  it('marks a step done only when told: jumping ahead skips nothing, going back undoes nothing', () => {
    let s = createRunSession('w', agenda, 0, 0);
    // Straight to the last step at the planned start: every other step is still to do.
    s = goToStep(s, agenda[agenda.length - 1]!.id, 0);
    expect(agenda.filter((st) => isStepDone(s, st.id))).toEqual([]);
    expect(schedule(agenda, s, 0).behindMs).toBe(0);
    expect(describeSchedule(schedule(agenda, s, 0).behindMs).tone).toBe('ok');
    // Back to the first: the last is not done either.
    s = goToStep(s, 'a', MIN);
    expect(isStepDone(s, agenda[agenda.length - 1]!.id)).toBe(false);
    // Marking a step done takes its plan off what is left.
    s = markStepDone(s, 'b', true);
    const b = agenda.find((st) => st.id === 'b')!;
    expect(schedule(agenda, s, 0).projectedEnd).toBe(60 * MIN - b.minutes * MIN);
    expect(markStepDone(s, 'b', false).done).toEqual([]);
  });

  it('"Done, next step" marks the current step and goes to the next not done, carrying the clock', () => {
    let s = createRunSession('w', agenda, 0, 0);
    s = markStepDone({ ...s, timers: { a: startTimer(idleTimer, 0) } }, 'b', true);
    s = completeStep(s, agenda, 2 * MIN);
    expect(s.done).toEqual(['b', 'a']);
    expect(s.currentStepId).toBe(agenda.find((st) => st.id !== 'a' && st.id !== 'b')!.id);
    expect(isRunning(timerOf(s, s.currentStepId!))).toBe(true);
    expect(isRunning(timerOf(s, 'a'))).toBe(false);
    // With every step done it stays on the last one, its clock paused.
    for (const st of agenda) s = markStepDone(s, st.id, true);
    const last = completeStep({ ...s, currentStepId: 'a' }, agenda, 3 * MIN);
    expect(last.currentStepId).toBe('a');
  });

  it('holds the plan before the planned start', () => {
    const s = createRunSession('w', agenda, 30 * MIN, 0);
    expect(schedule(agenda, s, 10 * MIN).behindMs).toBe(0);
    expect(describeSchedule(-20 * MIN).text).toBe('20 min ahead');
    expect(describeSchedule(30_000).text).toBe('On track');
    expect(describeSchedule(75 * MIN).text).toBe('1 h 15 min behind');
  });

  it('reads a time of day', () => {
    const d = timeOfDayToMs('09:30', new Date(2026, 4, 12, 14, 0).getTime());
    expect(new Date(d!).getHours()).toBe(9);
    expect(timeOfDayToMs('25:00', 0)).toBeNull();
    expect(timeOfDayToMs('nine', 0)).toBeNull();
  });
});

describe('participants and brainstorm', () => {
  it('makes initials', () => {
    expect(initials('Ana de la Cruz')).toBe('AC');
    expect(initials('  ')).toBe('?');
    expect(initials('Émile')).toBe('É');
  });

  it('keeps ideas hidden until revealed, then shows the kept ones', () => {
    let b = createBrainstorm('w', null, 'What frustrates customers?', 5, 0);
    b = addIdea(b, ' Long waits ', null, 1);
    b = addIdea(b, 'Forms twice', 'p1', 2);
    expect(keptIdeas(b)).toEqual([]);
    b = revealIdeas(b, 3);
    expect(keptIdeas(b).map((i) => i.text)).toEqual(['Long waits', 'Forms twice']);
    expect(revealIdeas(b, 9).revealedAt).toBe(3);
  });
});
