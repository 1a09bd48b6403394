// What the facilitator's app does with a sheet that arrives from a participant's phone in a round
// answered on phones (an assessment scored by each person, emotion per journey stage), and what
// it publishes to the room about the round. Pure, like room-mirror.ts: given the entry and the
// rows as stored it decides (store this sheet, nothing to do, or refuse with a message for the
// phone); the room engine (src-renderer/room/) applies the decision through the command layer.
import { answerOptions, type AssessmentSetDef } from './assessment';
import type { Journey } from './journey';
import { emotionRange } from './journey';
import { answerChoices, type EmotionRound, type EmotionSheet, type PhoneAnswer, type ScoreSheet, type ScoringRound } from './phone-rounds';
import { checkRow } from './records';
import { deviceEmotionsSchema, deviceScoresSchema, roomLimits, type PublishedEmotions, type PublishedScoring, type SheetReceipt } from './room';
import { textLength, tooLongMessage } from './text';
import { assessmentLimits } from './assessment';

export type SheetDecision<S> = { readonly kind: 'put'; readonly sheet: S } | { readonly kind: 'same' } | { readonly kind: 'refuse'; readonly message: string };

interface SheetContext<R> {
  /** Whose document the entry came from (the connection's identity, never the entry's claim). */
  readonly participantId: string;
  /** The round the entry names, as stored (undefined: no such round in this workshop). */
  readonly round: R | undefined;
  /** The round the room answers now (null: none). */
  readonly liveId: string | null;
  /**
   * What the facilitator's app last told this phone it stored (OWN.status): after the reveal the
   * sheets have no owners, so a replay is recognised by this receipt instead.
   */
  readonly receipt: SheetReceipt | null;
}

export interface ScoresContext extends SheetContext<ScoringRound> {
  /** The question set of the round's assessment run (undefined: the run or its set is gone). */
  readonly set: AssessmentSetDef | undefined;
}

export const scoringClosedMessage = 'Scoring has closed: your scores were not stored.';
export const emotionsClosedMessage = 'The emotion round has closed: your ratings were not stored.';

function replayed(entry: { id: string; rev: number }, ctx: SheetContext<{ sheets: readonly { participantId: string | null; rev: number }[] }>): boolean {
  if (ctx.receipt && ctx.receipt.id === entry.id && ctx.receipt.rev >= entry.rev) return true;
  const stored = ctx.round?.sheets.find((s) => s.participantId === ctx.participantId);
  return stored !== undefined && entry.rev <= stored.rev;
}

/**
 * Decides what a participant's score sheet does to the round: stored whole (replacing their
 * earlier sheet) or refused whole, nothing in between. Only the live round takes scores, and only
 * before the reveal; every item must be one of the set's, every answer one of its choices.
 */
export function mirrorDeviceScores(entry: unknown, ctx: ScoresContext): SheetDecision<ScoreSheet> {
  const parsed = deviceScoresSchema.safeParse(entry);
  if (!parsed.success) return { kind: 'refuse', message: 'Your scores could not be read and were not stored.' };
  const e = parsed.data;
  if (replayed(e, ctx)) return { kind: 'same' };
  const round = ctx.round;
  if (!round || round.id !== ctx.liveId || round.revealedAt !== null) return { kind: 'refuse', message: scoringClosedMessage };
  const set = ctx.set;
  if (!set) return { kind: 'refuse', message: 'This assessment is no longer open for scoring: your scores were not stored.' };
  const items = new Set(set.questions.map((q) => q.id));
  const options = answerOptions(set.answerType);
  const answers: Record<string, PhoneAnswer> = {};
  for (const [item, value] of Object.entries(e.answers)) {
    if (!items.has(item)) return { kind: 'refuse', message: 'A score was for an item that is not part of this assessment: nothing was stored.' };
    const known = value === 'unknown' ? 'unknown' : options.find((o) => o === value);
    if (known === undefined) {
      return { kind: 'refuse', message: set.answerType === 'scale-5' ? 'Scores go from 1 to 5: nothing was stored.' : 'An answer was not one of the choices: nothing was stored.' };
    }
    answers[item] = known;
  }
  const notes: Record<string, string> = {};
  for (const [item, raw] of Object.entries(e.notes)) {
    if (!items.has(item)) return { kind: 'refuse', message: 'A note was for an item that is not part of this assessment: nothing was stored.' };
    const text = raw.trim();
    if (textLength(text) > assessmentLimits.note) return { kind: 'refuse', message: tooLongMessage('Evidence', assessmentLimits.note) };
    if (text) notes[item] = text;
  }
  const done = e.done && set.questions.every((q) => answers[q.id] !== undefined);
  let employee: ScoreSheet['employee'];
  if (e.employee) {
    if (!set.employeesTest) return { kind: 'refuse', message: 'This assessment has no five-employees test: nothing was stored.' };
    const department = e.employee.department.trim();
    const answer = e.employee.answer.trim();
    if (textLength(department) > assessmentLimits.name) return { kind: 'refuse', message: tooLongMessage('A department', assessmentLimits.name) };
    if (textLength(answer) > assessmentLimits.employeeAnswer) return { kind: 'refuse', message: tooLongMessage('An employee’s answer', assessmentLimits.employeeAnswer) };
    if (answer) employee = { department, answer };
  }
  return { kind: 'put', sheet: { participantId: ctx.participantId, rev: e.rev, answers, notes, done, ...(employee ? { employee } : {}) } };
}

export interface EmotionsContext extends SheetContext<EmotionRound> {
  /** The round's journey as stored (undefined: gone). */
  readonly journey: Journey | undefined;
}

/** Decides what a participant's emotion sheet does to the round, like scores: whole or nothing. */
export function mirrorDeviceEmotions(entry: unknown, ctx: EmotionsContext): SheetDecision<EmotionSheet> {
  const parsed = deviceEmotionsSchema.safeParse(entry);
  if (!parsed.success) return { kind: 'refuse', message: 'Your ratings could not be read and were not stored.' };
  const e = parsed.data;
  if (replayed(e, ctx)) return { kind: 'same' };
  const round = ctx.round;
  if (!round || round.id !== ctx.liveId || round.closedAt !== null) return { kind: 'refuse', message: emotionsClosedMessage };
  const journey = ctx.journey;
  if (!journey || journey.id !== round.journeyId) return { kind: 'refuse', message: 'This journey is no longer open for rating: your ratings were not stored.' };
  const stages = new Set(journey.stages.map((s) => s.id));
  const ratings: Record<string, number> = {};
  for (const [stage, v] of Object.entries(e.ratings)) {
    if (!stages.has(stage)) return { kind: 'refuse', message: 'A rating was for a stage that is not on this journey: nothing was stored.' };
    if (!Number.isInteger(v) || v < emotionRange.min || v > emotionRange.max) return { kind: 'refuse', message: 'Ratings go from −3 to +3: nothing was stored.' };
    ratings[stage] = v;
  }
  const done = e.done && journey.stages.every((s) => ratings[s.id] !== undefined);
  return { kind: 'put', sheet: { participantId: ctx.participantId, rev: e.rev, ratings, done } };
}

/** The round with one participant's sheet in place of their earlier one, checked against the sessions table's one definition (null: refused). */
export function withSheet<R extends ScoringRound | EmotionRound>(round: R, sheet: R['sheets'][number]): R | null {
  const sheets = [...round.sheets.filter((s) => s.participantId !== sheet.participantId), sheet];
  const checked = checkRow('sessions', { ...round, sheets });
  return checked.ok && checked.row.kind === round.kind ? (checked.row as R) : null;
}

const doneOf = (sheets: readonly { participantId: string | null; done: boolean }[]) =>
  sheets.filter((s) => s.done && s.participantId !== null).map((s) => s.participantId!).sort();

/** The assessment as the room sees it: items, choices, who has finished; never a score. */
export function publishScoring(round: ScoringRound, set: AssessmentSetDef): PublishedScoring {
  return {
    id: round.id,
    title: set.name,
    rule: set.rule ?? '',
    choices: answerChoices(set).map((c) => ({ value: c.value, label: c.label, meaning: c.meaning })),
    items: set.questions.slice(0, roomLimits.scoringItems).map((q) => ({ id: q.id, short: q.short, text: q.text, hint: q.hint ?? '' })),
    revealed: round.revealedAt !== null,
    done: doneOf(round.sheets),
    ...(set.employeesTest ? { employees: true } : {}),
  };
}

/** The emotion round as the room sees it: the stages, who has finished; never a rating. */
export function publishEmotions(round: EmotionRound, journey: Journey): PublishedEmotions {
  return {
    id: round.id,
    journeyName: journey.name,
    stages: journey.stages.slice(0, roomLimits.emotionStages).map((s) => ({ id: s.id, name: s.name })),
    closed: round.closedAt !== null,
    done: doneOf(round.sheets),
  };
}
