// Running a workshop: the stored run session (current step, per-step timers, what the presenter
// window shows), the room exercises (silent brainstorm) and participants, and the pure timer
// arithmetic. Remaining time is always derived from stored times and `now`, never counted down,
// so it survives a reload and keeps running across screens and windows.
// Imports nothing from React, Dexie or the DOM. Field names are stored: renaming one needs a migration.
import { z } from 'zod';
import { rowId, rowText, timeMs, orderNumber, type DeepReadonly } from './row-fields';
import { limits, type AgendaStep } from './workshop';
import { newId } from './ids';
import { formatClockTime, type ClockFormat } from './clock';
import { voteExerciseRowSchema } from './voting';
import { emotionRoundRowSchema, scoringRoundRowSchema } from './phone-rounds';

// ---------------------------------------------------------------------------
// Timers
// ---------------------------------------------------------------------------

/** One step's countdown. All times are ms since epoch. */
export interface StepTimer {
  /** When the countdown was first started; null while never started. */
  readonly startedAt: number | null;
  /** When it was paused; null while running (or never started). */
  readonly pausedAt: number | null;
  /** Total time spent paused before `pausedAt`. */
  readonly pausedMs: number;
  /** Minutes added on top of the step's plan (+5 at a time). */
  readonly addedMinutes: number;
}

export const idleTimer: StepTimer = { startedAt: null, pausedAt: null, pausedMs: 0, addedMinutes: 0 };

export function isRunning(t: StepTimer): boolean {
  return t.startedAt !== null && t.pausedAt === null;
}

/** Time counted so far: from start to now (or to the pause), minus the pauses. */
export function elapsedMs(t: StepTimer, now: number): number {
  if (t.startedAt === null) return 0;
  const end = t.pausedAt ?? now;
  return Math.max(0, end - t.startedAt - t.pausedMs);
}

export function plannedMs(minutes: number, t: StepTimer): number {
  return (minutes + t.addedMinutes) * 60_000;
}

/** Time left (negative once over time). */
export function remainingMs(minutes: number, t: StepTimer, now: number): number {
  return plannedMs(minutes, t) - elapsedMs(t, now);
}

export function startTimer(t: StepTimer, now: number): StepTimer {
  if (t.startedAt === null) return { ...t, startedAt: now, pausedAt: null, pausedMs: 0 };
  if (t.pausedAt !== null) return { ...t, pausedAt: null, pausedMs: t.pausedMs + (now - t.pausedAt) };
  return t;
}

export function pauseTimer(t: StepTimer, now: number): StepTimer {
  return isRunning(t) ? { ...t, pausedAt: now } : t;
}

export function addMinutes(t: StepTimer, minutes: number): StepTimer {
  return { ...t, addedMinutes: Math.max(0, t.addedMinutes + minutes) };
}

export function resetTimer(t: StepTimer): StepTimer {
  return { ...idleTimer, addedMinutes: t.addedMinutes };
}

/** "12:05" for time left; "+2:13" once over (callers add "over"). Hours show as "1:02:05". */
export function formatClock(ms: number): string {
  const over = ms < 0;
  // Round time left up (a countdown shows 0:01 until it is really over) and overrun down.
  const total = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
  return over ? `+${body}` : body;
}

/** A countdown in words for the timer's accessible name. */
export function describeClock(ms: number): string {
  const over = ms < 0;
  const total = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  const words = `${m} min ${s} s`;
  return over ? `${words} over time` : `${words} left`;
}

// ---------------------------------------------------------------------------
// The run session (stored in the 'sessions' table, one row per workshop)
// ---------------------------------------------------------------------------

/** What the presenter window shows. */
export type PresenterFocus =
  | { readonly type: 'step' }
  | { readonly type: 'vote'; readonly id: string }
  | { readonly type: 'brainstorm'; readonly id: string }
  | { readonly type: 'assessment'; readonly id: string; readonly questionId?: string };

export interface RunSession {
  readonly id: string;
  readonly workshopId: string;
  readonly kind: 'run';
  /** When the facilitator started the run (ms), null before. */
  readonly startedAt: number | null;
  /** The planned start time of the agenda (ms since epoch). */
  readonly plannedStart: number;
  readonly currentStepId: string | null;
  readonly timers: Readonly<Record<string, StepTimer>>;
  /** The end-of-step sound is off. */
  readonly muted: boolean;
  readonly focus: PresenterFocus;
  /** When the facilitator ended the run, null while running. */
  readonly endedAt: number | null;
  /** Steps the facilitator marked done, in the order marked (absent: none). Visiting a step marks nothing. */
  readonly done?: readonly string[];
}

/** The stored id of a workshop's run session. FORMAT: a storage key. */
export function runSessionId(workshopId: string): string {
  return `run-${workshopId}`;
}

export function createRunSession(workshopId: string, agenda: readonly AgendaStep[], plannedStart: number, now: number): RunSession {
  return {
    id: runSessionId(workshopId), workshopId, kind: 'run', startedAt: now, plannedStart,
    currentStepId: agenda[0]?.id ?? null, timers: {}, muted: false, focus: { type: 'step' }, endedAt: null,
  };
}

export function timerOf(s: RunSession, stepId: string): StepTimer {
  return s.timers[stepId] ?? idleTimer;
}

export function withTimer(s: RunSession, stepId: string, change: (t: StepTimer) => StepTimer): RunSession {
  return { ...s, timers: { ...s.timers, [stepId]: change(timerOf(s, stepId)) } };
}

/**
 * Moves to another step: pauses the step being left; if its timer was running, the next
 * step's timer starts, so the clock keeps moving through the agenda without an extra click.
 */
export function goToStep(s: RunSession, stepId: string, now: number): RunSession {
  if (stepId === s.currentStepId) return s;
  const leaving = s.currentStepId;
  const wasRunning = leaving !== null && isRunning(timerOf(s, leaving));
  let next: RunSession = leaving ? withTimer(s, leaving, (t) => pauseTimer(t, now)) : s;
  if (wasRunning) next = withTimer(next, stepId, (t) => startTimer(t, now));
  return { ...next, currentStepId: stepId, focus: { type: 'step' } };
}

export function isStepDone(s: RunSession, stepId: string): boolean {
  return s.done?.includes(stepId) ?? false;
}

/** Marks a step done or not done; nothing else changes. */
export function markStepDone(s: RunSession, stepId: string, done: boolean): RunSession {
  const list = (s.done ?? []).filter((id) => id !== stepId);
  return { ...s, done: done ? [...list, stepId] : list };
}

/**
 * "Done, next step": marks the current step done and moves on to the next step in the agenda
 * that is not done (after it, else from the start), its clock carried on as `goToStep` does.
 * With every step done it stays put.
 */
export function completeStep(s: RunSession, agenda: readonly AgendaStep[], now: number): RunSession {
  const current = s.currentStepId;
  if (current === null) return s;
  const marked = markStepDone(s, current, true);
  const i = agenda.findIndex((st) => st.id === current);
  const order = [...agenda.slice(i + 1), ...agenda.slice(0, Math.max(0, i))];
  const next = order.find((st) => !isStepDone(marked, st.id));
  if (!next) return withTimer(marked, current, (t) => pauseTimer(t, now));
  return goToStep(marked, next.id, now);
}

export interface Schedule {
  /** ms since epoch */
  readonly plannedEnd: number;
  /** When the agenda will end if every remaining step takes its planned time from now. */
  readonly projectedEnd: number;
  /** projectedEnd − plannedEnd: positive when behind. */
  readonly behindMs: number;
  /** Time spent so far across all steps (timers only). */
  readonly spentMs: number;
}

/**
 * The agenda's running total against its planned end: the current step takes what is left of
 * its countdown (at least nothing), every other step not marked done its plan, wherever it is
 * in the agenda (jumping ahead skips nothing; going back undoes nothing). Before the planned
 * start, the agenda is projected from the planned start.
 */
export function schedule(agenda: readonly AgendaStep[], s: RunSession, now: number): Schedule {
  const total = agenda.reduce((n, st) => n + st.minutes, 0) * 60_000;
  const plannedEnd = s.plannedStart + total;
  const i = agenda.findIndex((st) => st.id === s.currentStepId);
  let projectedEnd: number;
  if (i === -1 || s.endedAt !== null) {
    projectedEnd = s.endedAt ?? now;
  } else {
    const cur = agenda[i]!;
    const t = timerOf(s, cur.id);
    const open = agenda.filter((st) => st.id !== cur.id && !isStepDone(s, st.id)).reduce((n, st) => n + st.minutes, 0) * 60_000;
    // A step whose clock has not started yet cannot start before the planned start.
    const from = t.startedAt === null ? Math.max(now, s.plannedStart) : now;
    const current = isStepDone(s, cur.id) ? 0 : Math.max(0, remainingMs(cur.minutes, t, now));
    projectedEnd = from + current + open;
  }
  const spentMs = Object.values(s.timers).reduce((n, t) => n + elapsedMs(t, now), 0);
  return { plannedEnd, projectedEnd, behindMs: projectedEnd - plannedEnd, spentMs };
}

/** "On track", "12 min behind", "5 min ahead": within a minute counts as on track. */
export function describeSchedule(behindMs: number): { text: string; tone: 'ok' | 'behind' | 'ahead' } {
  const min = Math.floor(Math.abs(behindMs) / 60_000);
  if (min < 1) return { text: 'On track', tone: 'ok' };
  const amount = min >= 60 ? `${Math.floor(min / 60)} h ${min % 60} min` : `${min} min`;
  return behindMs > 0 ? { text: `${amount} behind`, tone: 'behind' } : { text: `${amount} ahead`, tone: 'ahead' };
}

/** "09:30" (or "9:30 AM" on the 12-hour clock) for a ms time in the local time zone. */
export function formatTimeOfDay(ms: number, format: ClockFormat = '24h'): string {
  return formatClockTime(ms, format);
}

/** Today (the day of `now`) at "HH:MM" local time, in ms; null when the text is not a time. */
export function timeOfDayToMs(hhmm: string, now: number): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  const d = new Date(now);
  d.setHours(h, min, 0, 0);
  return d.getTime();
}

// ---------------------------------------------------------------------------
// Participants (the 'participants' table)
// ---------------------------------------------------------------------------

export interface Participant {
  readonly id: string;
  readonly workshopId: string;
  readonly name: string;
  readonly department: string;
  readonly role: string;
  readonly order: number;
  readonly createdAt: number;
}

export const participantLimits = { name: 80, department: 80, role: 80 } as const;

export function createParticipant(workshopId: string, input: { name: string; department?: string; role?: string }, order: number, now = Date.now()): Participant {
  return {
    id: newId(), workshopId, name: input.name.trim(), department: (input.department ?? '').trim(),
    role: (input.role ?? '').trim(), order, createdAt: now,
  };
}

export function sortParticipants<T extends { order: number; createdAt: number }>(ps: readonly T[]): T[] {
  return [...ps].sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
}

/** Up to two initials for a dot or avatar. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = [...parts[0]!][0] ?? '';
  const last = parts.length > 1 ? ([...parts[parts.length - 1]!][0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

// ---------------------------------------------------------------------------
// Silent brainstorm (a 'sessions' row of kind 'brainstorm')
// ---------------------------------------------------------------------------

export interface Idea {
  readonly id: string;
  readonly text: string;
  /** Who had it, if the facilitator recorded it. */
  readonly participantId: string | null;
  readonly createdAt: number;
  /** Kept after the reveal (kept ideas can be voted on). */
  readonly kept: boolean;
  /** Where it was sent, e.g. "Parking lot". */
  readonly sentTo?: string;
  /** Written on a participant's phone in the room: the revision of their entry stored (replays and older revisions change nothing). */
  readonly rev?: number;
  /** The theme the facilitator grouped it under after the reveal (absent, or a theme no longer there: not grouped). */
  readonly themeId?: string;
}

/** A group of revealed ideas, named by the room ("Onboarding friction"). */
export interface IdeaTheme {
  readonly id: string;
  readonly name: string;
  /** Where the theme was sent, e.g. "Roadmap: Retention". */
  readonly sentTo?: string;
}

export interface Brainstorm {
  readonly id: string;
  readonly workshopId: string;
  readonly kind: 'brainstorm';
  readonly stepId: string | null;
  /** The question the room answers silently. */
  readonly prompt: string;
  readonly minutes: number;
  readonly timer: StepTimer;
  /** Ideas are hidden until revealed, then all shown at once. */
  readonly revealedAt: number | null;
  /** The shared screen shows who wrote each idea on reveal (absent: anonymous). */
  readonly named?: boolean;
  readonly ideas: readonly Idea[];
  /** Themes the revealed ideas are grouped into, in the order shown (absent: none yet). */
  readonly themes?: readonly IdeaTheme[];
  readonly createdAt: number;
}

export const brainstormLimits = { prompt: 300, idea: 280, ideas: 300, themes: 40, theme: 80, sentTo: 80 } as const;

export function createBrainstorm(workshopId: string, stepId: string | null, prompt: string, minutes: number, now = Date.now()): Brainstorm {
  return { id: newId(), workshopId, kind: 'brainstorm', stepId, prompt: prompt.trim(), minutes, timer: idleTimer, revealedAt: null, ideas: [], createdAt: now };
}

export function addIdea(b: Brainstorm, text: string, participantId: string | null, now = Date.now()): Brainstorm {
  const idea: Idea = { id: newId(), text: text.trim(), participantId, createdAt: now, kept: true };
  return { ...b, ideas: [...b.ideas, idea] };
}

export function revealIdeas(b: Brainstorm, now: number): Brainstorm {
  return b.revealedAt === null ? { ...b, revealedAt: now, timer: pauseTimer(b.timer, now) } : b;
}

export function keptIdeas(b: Brainstorm): Idea[] {
  return b.revealedAt === null ? [] : b.ideas.filter((i) => i.kept);
}

/** Adds an empty-named theme at the end (the screen asks for its name at once); unchanged when the round is hidden or full. */
export function addTheme(b: Brainstorm, id: string, name = ''): Brainstorm {
  const themes = b.themes ?? [];
  if (b.revealedAt === null || themes.length >= brainstormLimits.themes || themes.some((t) => t.id === id)) return b;
  return { ...b, themes: [...themes, { id, name: name.trim().slice(0, brainstormLimits.theme) }] };
}

export function renameTheme(b: Brainstorm, themeId: string, name: string): Brainstorm {
  return { ...b, themes: (b.themes ?? []).map((t) => (t.id === themeId ? { ...t, name: name.slice(0, brainstormLimits.theme) } : t)) };
}

/** Removes a theme; its ideas go back to "not grouped" (nothing else is lost). */
export function removeTheme(b: Brainstorm, themeId: string): Brainstorm {
  return {
    ...b,
    themes: (b.themes ?? []).filter((t) => t.id !== themeId),
    ideas: b.ideas.map((i) => (i.themeId === themeId ? withoutTheme(i) : i)),
  };
}

function withoutTheme(i: Idea): Idea {
  const { themeId: _drop, ...rest } = i;
  void _drop;
  return rest;
}

/** Puts an idea under a theme (null or an unknown theme: not grouped). */
export function groupIdea(b: Brainstorm, ideaId: string, themeId: string | null): Brainstorm {
  const known = themeId !== null && (b.themes ?? []).some((t) => t.id === themeId);
  return { ...b, ideas: b.ideas.map((i) => (i.id !== ideaId ? i : known ? { ...i, themeId: themeId! } : withoutTheme(i))) };
}

/** Moves a theme one place up (-1) or down (+1). */
export function moveTheme(b: Brainstorm, themeId: string, by: -1 | 1): Brainstorm {
  const themes = [...(b.themes ?? [])];
  const i = themes.findIndex((t) => t.id === themeId);
  const j = i + by;
  if (i < 0 || j < 0 || j >= themes.length) return b;
  [themes[i], themes[j]] = [themes[j]!, themes[i]!];
  return { ...b, themes };
}

export interface ThemeGroup {
  readonly theme: IdeaTheme;
  readonly ideas: readonly Idea[];
}

/** The themes with their ideas (in the ideas' order), and the ideas under no (existing) theme. */
export function groupedIdeas(b: Brainstorm): { themes: ThemeGroup[]; ungrouped: Idea[] } {
  const themes = (b.themes ?? []).map((theme) => ({ theme, ideas: [] as Idea[] }));
  const byId = new Map(themes.map((g) => [g.theme.id, g]));
  const ungrouped: Idea[] = [];
  for (const i of b.ideas) {
    const g = i.themeId ? byId.get(i.themeId) : undefined;
    if (g) g.ideas.push(i);
    else ungrouped.push(i);
  }
  return { themes, ungrouped };
}

/** A theme's name as shown: its own, or "Theme N" while unnamed. */
export function themeName(b: Brainstorm, theme: IdeaTheme): string {
  return theme.name.trim() || `Theme ${(b.themes ?? []).findIndex((t) => t.id === theme.id) + 1}`;
}

// ---------------------------------------------------------------------------
// Schemas (for backups and any other border)
// ---------------------------------------------------------------------------


const stepTimerSchema = z.strictObject({
  startedAt: timeMs.nullable(),
  pausedAt: timeMs.nullable(),
  pausedMs: z.number().nonnegative().finite(),
  addedMinutes: z.number().nonnegative().finite(),
});

const presenterFocusSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('step') }),
  z.strictObject({ type: z.literal('vote'), id: rowId }),
  z.strictObject({ type: z.literal('brainstorm'), id: rowId }),
  z.strictObject({ type: z.literal('assessment'), id: rowId, questionId: rowId.optional() }),
]);

/** The run session ('sessions' table, kind "run"), strictly. Timers are keyed by agenda step id. */
export const runSessionRowSchema = z.strictObject({
  id: rowId,
  workshopId: rowId,
  kind: z.literal('run'),
  startedAt: timeMs.nullable(),
  plannedStart: timeMs,
  currentStepId: rowId.nullable(),
  done: z.array(rowId).max(500, { error: 'must list at most 500 steps' }).optional(),
  timers: z.record(rowId, stepTimerSchema),
  muted: z.boolean(),
  focus: presenterFocusSchema,
  endedAt: timeMs.nullable(),
});

const ideaSchema = z.strictObject({
  id: rowId,
  text: rowText(brainstormLimits.idea),
  participantId: rowId.nullable(),
  createdAt: timeMs,
  kept: z.boolean(),
  // Where the idea was sent ("Parking lot"); a short label.
  sentTo: rowText(brainstormLimits.sentTo).optional(),
  rev: z.number().int().min(1).max(1e9).optional(),
  themeId: rowId.optional(),
});

const ideaThemeSchema = z.strictObject({
  id: rowId,
  name: rowText(brainstormLimits.theme),
  sentTo: rowText(brainstormLimits.sentTo).optional(),
});

/** The setup starts from the step's first prompt, which may be longer than a typed question. */
const brainstormPromptMax = Math.max(brainstormLimits.prompt, limits.prompt);

/** A silent brainstorm ('sessions' table, kind "brainstorm"), strictly; limits from `brainstormLimits`. */
export const brainstormRowSchema = z.strictObject({
  id: rowId,
  workshopId: rowId,
  kind: z.literal('brainstorm'),
  stepId: rowId.nullable(),
  prompt: rowText(brainstormPromptMax),
  // The setup form clamps the round to 1–60 minutes.
  minutes: z.number().finite().min(1, { error: 'must be from 1 to 60 minutes' }).max(60, { error: 'must be from 1 to 60 minutes' }),
  timer: stepTimerSchema,
  revealedAt: timeMs.nullable(),
  named: z.boolean().optional(),
  ideas: z.array(ideaSchema).max(brainstormLimits.ideas, { error: `must hold at most ${brainstormLimits.ideas} ideas` }),
  themes: z.array(ideaThemeSchema).max(brainstormLimits.themes, { error: `must hold at most ${brainstormLimits.themes} themes` }).optional(),
  createdAt: timeMs,
});

/** Any row of the 'sessions' table: the run session, a dot-voting exercise, a silent brainstorm, or a round scored on phones (domain/phone-rounds.ts). */
export const sessionRowSchema = z.discriminatedUnion(
  'kind',
  [runSessionRowSchema, voteExerciseRowSchema, brainstormRowSchema, scoringRoundRowSchema, emotionRoundRowSchema],
  { error: 'must be "run", "vote", "brainstorm", "scoring" or "emotions"' },
);

/** One participant ('participants' table), strictly; limits from `participantLimits`. */
export const participantRowSchema = z.strictObject({
  id: rowId,
  workshopId: rowId,
  name: rowText(participantLimits.name),
  department: rowText(participantLimits.department),
  role: rowText(participantLimits.role),
  order: orderNumber,
  createdAt: timeMs,
});

// Keeps the schemas and the types in step: a field on one and not the other, or a value one
// allows and the other does not, fails to compile.
type SchemaRunSession = z.infer<typeof runSessionRowSchema>;
type SchemaBrainstorm = z.infer<typeof brainstormRowSchema>;
type SchemaParticipant = z.infer<typeof participantRowSchema>;
const _runFromSchema: (s: SchemaRunSession) => RunSession = (s) => s;
const _runToSchema: (s: RunSession) => DeepReadonly<SchemaRunSession> = (s) => s;
const _brainstormFromSchema: (b: SchemaBrainstorm) => Brainstorm = (b) => b;
const _brainstormToSchema: (b: Brainstorm) => DeepReadonly<SchemaBrainstorm> = (b) => b;
const _participantFromSchema: (p: SchemaParticipant) => Participant = (p) => p;
const _participantToSchema: (p: Participant) => SchemaParticipant = (p) => p;
type _Keys<A, B> = Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>;
const _runKeysMatch: [_Keys<RunSession, SchemaRunSession> | _Keys<Brainstorm, SchemaBrainstorm> | _Keys<Idea, z.infer<typeof ideaSchema>> | _Keys<IdeaTheme, z.infer<typeof ideaThemeSchema>> | _Keys<Participant, SchemaParticipant>] extends [never]
  ? true
  : never = true;
void _runFromSchema;
void _runToSchema;
void _brainstormFromSchema;
void _brainstormToSchema;
void _participantFromSchema;
void _participantToSchema;
void _runKeysMatch;
