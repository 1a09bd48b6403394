// Editing a workshop's agenda: rename, re-time, add, remove and reorder steps, add or remove
// the artifacts a step works on, the planned start time, and each step's clock times. Pure
// functions from old workshop to new; every result stays within the stored row's rules
// (workshop-schema.ts), so an edit can never write a row a backup would refuse.
// Imports nothing from React, Dexie or the DOM.
import { artifactKinds, assessmentSets, type ArtifactKind, type AssessmentSet } from './artifacts';
import { newId } from './ids';
import { textLength } from './text';
import { limits, type AgendaStep, type StepArtifact, type Workshop } from './workshop';
import { workshopRowLimits } from './workshop-schema';

/** A step's planned duration: whole minutes within what the stored row allows. */
export const stepMinutesRange = { min: 1, max: 480 } as const;

/** Minutes a new step is planned for until the facilitator says otherwise. */
export const newStepMinutes = 15;

/** Why an agenda edit was refused, in words for the facilitator (null: fine). */
export type AgendaProblem = string | null;

export function stepTitleProblem(title: string): AgendaProblem {
  if (!title.trim()) return 'A step needs a title.';
  if (textLength(title) > limits.stepTitle) return `A step title can be at most ${limits.stepTitle} characters.`;
  return null;
}

/** Reads typed minutes ("45", " 90 "); null unless a whole number in range. */
export function parseStepMinutes(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n >= stepMinutesRange.min && n <= stepMinutesRange.max ? n : null;
}

export const stepMinutesMessage = `Enter whole minutes from ${stepMinutesRange.min} to ${stepMinutesRange.max}.`;

function withAgenda(w: Workshop, agenda: readonly AgendaStep[]): Workshop {
  return { ...w, agenda };
}

/** Renames a step (trimmed). Unchanged when the title is blank or too long, or the step is gone. */
export function renameStep(w: Workshop, stepId: string, title: string): Workshop {
  if (stepTitleProblem(title)) return w;
  return withAgenda(w, w.agenda.map((s) => (s.id === stepId ? { ...s, title: title.trim() } : s)));
}

/** Sets a step's planned minutes. Unchanged when out of range or not whole. */
export function retimeStep(w: Workshop, stepId: string, minutes: number): Workshop {
  if (!Number.isInteger(minutes) || minutes < stepMinutesRange.min || minutes > stepMinutesRange.max) return w;
  return withAgenda(w, w.agenda.map((s) => (s.id === stepId ? { ...s, minutes } : s)));
}

/** A new, empty step (the facilitator names it at once). */
export function newStep(title = 'New step', minutes = newStepMinutes, id = newId()): AgendaStep {
  return { id, title, minutes, instructions: '', prompts: [], artifacts: [], notes: '' };
}

/**
 * Inserts a step at `index` (clamped; the end by default). Unchanged when the agenda is full or
 * the id is already used (a replayed add must not duplicate a step).
 */
export function addStep(w: Workshop, step: AgendaStep, index = w.agenda.length): Workshop {
  if (w.agenda.length >= workshopRowLimits.agendaStepsMax || w.agenda.some((s) => s.id === step.id)) return w;
  const at = Math.max(0, Math.min(w.agenda.length, index));
  return withAgenda(w, [...w.agenda.slice(0, at), step, ...w.agenda.slice(at)]);
}

export function removeStep(w: Workshop, stepId: string): Workshop {
  return withAgenda(w, w.agenda.filter((s) => s.id !== stepId));
}

/** Moves a step to position `to` (clamped), the others keeping their order. */
export function moveStep(w: Workshop, stepId: string, to: number): Workshop {
  const from = w.agenda.findIndex((s) => s.id === stepId);
  if (from === -1) return w;
  const target = Math.max(0, Math.min(w.agenda.length - 1, to));
  if (target === from) return w;
  const rest = w.agenda.filter((s) => s.id !== stepId);
  return withAgenda(w, [...rest.slice(0, target), w.agenda[from]!, ...rest.slice(target)]);
}

/** What a step can work on: every artifact kind, an assessment with its question set. */
export interface ArtifactChoice {
  readonly kind: ArtifactKind;
  readonly set?: AssessmentSet;
}

/** Every artifact a step can be given, in the order offered: the assessments one per set. */
export const artifactChoices: readonly ArtifactChoice[] = artifactKinds.flatMap((kind): ArtifactChoice[] =>
  kind === 'assessment' ? assessmentSets.map((set) => ({ kind, set })) : [{ kind }],
);

/** "persona", "assessment:readiness": a stable key for a choice (select values, test ids). */
export function choiceKey(c: ArtifactChoice): string {
  return c.set ? `${c.kind}:${c.set}` : c.kind;
}

export function choiceFromKey(key: string): ArtifactChoice | null {
  return artifactChoices.find((c) => choiceKey(c) === key) ?? null;
}

/**
 * Adds an artifact to a step: created there if no earlier step already works on the same one,
 * else opened from that step. Unchanged when the step already has it or is full.
 */
export function addStepArtifact(w: Workshop, stepId: string, choice: ArtifactChoice): Workshop {
  const index = w.agenda.findIndex((s) => s.id === stepId);
  const step = w.agenda[index];
  if (!step || step.artifacts.length >= workshopRowLimits.artifactsPerStepMax) return w;
  const same = (a: StepArtifact) => a.kind === choice.kind && a.set === choice.set;
  if (step.artifacts.some(same)) return w;
  const earlier = w.agenda.slice(0, index).some((s) => s.artifacts.some(same));
  const artifact: StepArtifact = { kind: choice.kind, action: earlier ? 'open' : 'create', ...(choice.set ? { set: choice.set } : {}) };
  return withAgenda(w, w.agenda.map((s) => (s.id === stepId ? { ...s, artifacts: [...s.artifacts, artifact] } : s)));
}

/** Takes an artifact off a step (what was made with it stays in the workshop). */
export function removeStepArtifact(w: Workshop, stepId: string, artifactIndex: number): Workshop {
  return withAgenda(
    w,
    w.agenda.map((s) => (s.id === stepId ? { ...s, artifacts: s.artifacts.filter((_, i) => i !== artifactIndex) } : s)),
  );
}

// ---------------------------------------------------------------------------
// Clock times
// ---------------------------------------------------------------------------

/** "09:30" (24-hour, as time inputs give it) → minutes after midnight; null when not a time. */
export function parseStartTime(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

/** The planned start used until the facilitator sets one. */
export const defaultStartTime = '09:00';

/** The workshop's planned start as minutes after midnight. */
export function startMinutes(w: Pick<Workshop, 'startTime'>): number {
  return parseStartTime(w.startTime ?? '') ?? parseStartTime(defaultStartTime)!;
}

/** Sets the planned start ("HH:MM"); unchanged when the text is not a time. */
export function setStartTime(w: Workshop, hhmm: string): Workshop {
  const m = parseStartTime(hhmm);
  if (m === null) return w;
  return { ...w, startTime: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` };
}

export interface StepTimes {
  readonly stepId: string;
  /** Minutes after the start day's midnight (can pass 24 h for a long agenda). */
  readonly start: number;
  readonly end: number;
}

/** Each step's planned start and end, one after the other from `start` (minutes after midnight). */
export function stepTimes(agenda: readonly AgendaStep[], start: number): StepTimes[] {
  let at = start;
  return agenda.map((s) => {
    const t = { stepId: s.id, start: at, end: at + s.minutes };
    at = t.end;
    return t;
  });
}
