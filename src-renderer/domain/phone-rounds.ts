// Rounds the room answers privately on phones, stored as 'sessions' rows like the silent
// brainstorm: an assessment scored by each person (kind "scoring") and the customer's emotion per
// journey stage rated by each person (kind "emotions"). Each person's sheet is kept with their id
// only while the round is open (so a replay or a later revision replaces it instead of adding
// one); the reveal drops the ids and shuffles the sheets, so what stays in the workshop and its
// backups is anonymous. Also the pure arithmetic on the sheets (spread per item, mean and band per
// stage). Imports nothing from React, Dexie or the DOM.
// FORMAT: field names are stored in IndexedDB and in backups; renaming one needs a migration.
import { z } from 'zod';
import { answerLabel, answerOptions, answerScore, answerValueSchema, assessmentLimits, EMPLOYEES_NEEDED, type AnswerType, type AnswerValue, type AssessmentSetDef } from './assessment';
import { emotionRange } from './journey';
import { newId } from './ids';
import { rowId, rowText, timeMs, type DeepReadonly } from './row-fields';

/** An answer given on a phone: one of the set's answers, or "don't know". FORMAT: stored. */
export type PhoneAnswer = AnswerValue | 'unknown';

export const phoneRoundLimits = {
  /** Sheets in one round: a room holds at most 60 people; a margin for people removed and rejoined. */
  sheets: 200,
  /** Answers on one sheet (a set has at most 40 questions). */
  answers: 40,
  /** Stages rated on one sheet (a journey has at most 40 stages). */
  stages: 40,
} as const;

// ---------------------------------------------------------------------------
// Assessment scored on phones
// ---------------------------------------------------------------------------

export interface ScoreSheet {
  /** Whose sheet, while the round is open; null once revealed (anonymous from then on). */
  readonly participantId: string | null;
  /** The revision of the participant's entry stored (0 once anonymous). */
  readonly rev: number;
  /** Question id → answer. */
  readonly answers: Readonly<Record<string, PhoneAnswer>>;
  /** Question id → the evidence or example behind the answer (plain text). */
  readonly notes: Readonly<Record<string, string>>;
  /** Every question answered and sent as finished. */
  readonly done: boolean;
  /** For a set with the five-employees test: an employee's answer this person collected (their department and words; no name). */
  readonly employee?: { readonly department: string; readonly answer: string };
}

export interface ScoringRound {
  readonly id: string;
  readonly workshopId: string;
  readonly kind: 'scoring';
  /** The assessment run the room scores. */
  readonly runId: string;
  readonly createdAt: number;
  /** When the facilitator revealed the spread: the round takes no more scores. */
  readonly revealedAt: number | null;
  readonly sheets: readonly ScoreSheet[];
}

export function createScoringRound(workshopId: string, runId: string, now = Date.now()): ScoringRound {
  return { id: newId(), workshopId, kind: 'scoring', runId, createdAt: now, revealedAt: null, sheets: [] };
}

// ---------------------------------------------------------------------------
// Emotion per stage rated on phones
// ---------------------------------------------------------------------------

export interface EmotionSheet {
  /** Whose sheet, while the round is open; null once closed (anonymous from then on). */
  readonly participantId: string | null;
  readonly rev: number;
  /** Stage id → how the customer feels there, -3..+3. */
  readonly ratings: Readonly<Record<string, number>>;
  readonly done: boolean;
}

export interface EmotionRound {
  readonly id: string;
  readonly workshopId: string;
  readonly kind: 'emotions';
  readonly journeyId: string;
  readonly createdAt: number;
  /** When the facilitator closed the round and showed the room's curve. */
  readonly closedAt: number | null;
  readonly sheets: readonly EmotionSheet[];
}

export function createEmotionRound(workshopId: string, journeyId: string, now = Date.now()): EmotionRound {
  return { id: newId(), workshopId, kind: 'emotions', journeyId, createdAt: now, closedAt: null, sheets: [] };
}

// ---------------------------------------------------------------------------
// Revealing: the sheets lose their owners
// ---------------------------------------------------------------------------

/** The sheets without owners, in an order that says nothing about who answered first. */
function anonymous<S extends { participantId: string | null; rev: number }>(sheets: readonly S[], random: () => number): S[] {
  return sheets
    .map((s) => ({ s: { ...s, participantId: null, rev: 0 }, k: random() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.s);
}

export function revealScoring(r: ScoringRound, now: number, random: () => number = Math.random): ScoringRound {
  return r.revealedAt !== null ? r : { ...r, revealedAt: now, sheets: anonymous(r.sheets, random) };
}

export function closeEmotions(r: EmotionRound, now: number, random: () => number = Math.random): EmotionRound {
  return r.closedAt !== null ? r : { ...r, closedAt: now, sheets: anonymous(r.sheets, random) };
}

/** The round the phones answer: the newest of the workshop's rounds of that kind (open or not). */
export function liveRound<R extends { createdAt: number; id: string }>(rounds: readonly R[]): R | null {
  let live: R | null = null;
  for (const r of rounds) if (!live || r.createdAt > live.createdAt || (r.createdAt === live.createdAt && r.id > live.id)) live = r;
  return live;
}

// ---------------------------------------------------------------------------
// What each answer means on a phone
// ---------------------------------------------------------------------------

export interface AnswerChoice {
  readonly value: PhoneAnswer;
  readonly label: string;
  /** What choosing it means, shown under the label. */
  readonly meaning: string;
}

/** The answers a phone offers for a set, with the level descriptions, and "don't know" last. */
export function answerChoices(set: Pick<AssessmentSetDef, 'answerType' | 'scaleLabels'>): AnswerChoice[] {
  const type = set.answerType;
  const meaning = (v: AnswerValue): string => {
    if (type === 'scale-5') {
      const [low, high] = set.scaleLabels ?? ['Lowest', 'Highest'];
      return v === 1 ? low : v === 2 ? `Mostly ${low.toLocaleLowerCase()}` : v === 3 ? 'Halfway between' : v === 4 ? `Mostly ${high.toLocaleLowerCase()}` : high;
    }
    if (v === 'yes') return 'An honest yes, with evidence';
    if (v === 'partly') return 'Some of it, or only in places';
    if (v === 'no') return 'Not yet';
    if (v === 'present') return 'We see this sign here';
    return 'This sign is not here';
  };
  return [
    ...answerOptions(type).map((v) => ({ value: v, label: answerLabel(v), meaning: meaning(v) })),
    { value: 'unknown', label: 'Don’t know', meaning: 'I cannot judge this one' },
  ];
}

export const phoneAnswerLabel = (v: PhoneAnswer): string => (v === 'unknown' ? 'Don’t know' : answerLabel(v));

// ---------------------------------------------------------------------------
// The spread once revealed
// ---------------------------------------------------------------------------

export interface ItemSpread {
  readonly questionId: string;
  /** Answers that count (not "don't know"). */
  readonly n: number;
  readonly unknown: number;
  /** How many chose each answer, in the set's order. */
  readonly counts: readonly { readonly value: AnswerValue; readonly n: number }[];
  /** On the 0–1 score of `answerScore`; null without answers. */
  readonly min: number | null;
  readonly median: number | null;
  readonly max: number | null;
  /** Population standard deviation of the scores (0–1). */
  readonly stdev: number;
  /** The evidence people gave, without names. */
  readonly notes: readonly string[];
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

/** Spread per question of the set from the round's sheets, the largest disagreement first (range, then deviation; ties in set order). */
export function scoringSpread(set: AssessmentSetDef, round: Pick<ScoringRound, 'sheets'>): ItemSpread[] {
  const type: AnswerType = set.answerType;
  const out = set.questions.map((q, i) => {
    const scores: number[] = [];
    let unknown = 0;
    const counts = answerOptions(type).map((value) => ({ value, n: 0 }));
    const notes: string[] = [];
    for (const sheet of round.sheets) {
      const a = sheet.answers[q.id];
      const note = sheet.notes[q.id]?.trim();
      if (note) notes.push(note);
      if (a === undefined) continue;
      if (a === 'unknown') {
        unknown++;
        continue;
      }
      const s = answerScore(type, a);
      if (s === null) continue;
      scores.push(s);
      const c = counts.find((x) => x.value === a);
      if (c) (c as { n: number }).n++;
    }
    scores.sort((a, b) => a - b);
    const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
    const stdev = scores.length ? Math.sqrt(scores.reduce((a, v) => a + (v - mean) ** 2, 0) / scores.length) : 0;
    const item: ItemSpread = { questionId: q.id, n: scores.length, unknown, counts, min: scores[0] ?? null, median: median(scores), max: scores.at(-1) ?? null, stdev, notes };
    return { item, i };
  });
  const range = (s: ItemSpread) => (s.max ?? 0) - (s.min ?? 0);
  return out.sort((a, b) => range(b.item) - range(a.item) || b.item.stdev - a.item.stdev || a.i - b.i).map((x) => x.item);
}

/** A 0–1 score as the set shows it: 1–5 on a scale, else the nearest answer's label ("Partly"). */
export function showScore(type: AnswerType, score: number): string {
  if (type === 'scale-5') {
    const v = 1 + score * 4;
    return Number.isInteger(v) ? String(v) : v.toFixed(1);
  }
  const options = answerOptions(type);
  let best = options[0]!;
  for (const o of options) if (Math.abs((answerScore(type, o) ?? 0) - score) < Math.abs((answerScore(type, best) ?? 0) - score)) best = o;
  return answerLabel(best);
}

/** Sheets marked finished. */
export const finishedSheets = (round: { sheets: readonly { done: boolean }[] }) => round.sheets.filter((s) => s.done).length;

/**
 * The run's five-employees test with the answers brought on phones added (no name; never the same
 * words twice), up to what the test holds (its editor allows three more than the five it needs).
 */
export function withEmployeeAnswers<R extends { employees: readonly { id: string; name: string; department: string; answer: string }[] }>(
  run: R,
  round: Pick<ScoringRound, 'sheets'>,
  makeId: () => string = newId,
): R {
  const have = new Set(run.employees.map((e) => e.answer.trim()));
  const fresh: { id: string; name: string; department: string; answer: string }[] = [];
  for (const s of round.sheets) {
    if (!s.employee || have.has(s.employee.answer)) continue;
    have.add(s.employee.answer);
    fresh.push({ id: makeId(), name: '', department: s.employee.department, answer: s.employee.answer });
  }
  const max = Math.max(EMPLOYEES_NEEDED + 3, run.employees.length);
  return { ...run, employees: [...run.employees, ...fresh].slice(0, max) };
}

// ---------------------------------------------------------------------------
// The room's emotion curve
// ---------------------------------------------------------------------------

export interface StageEmotion {
  readonly stageId: string;
  readonly n: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly stdev: number;
}

/** Mean, range and deviation per stage (stages nobody rated are left out), in the order given. */
export function stageEmotions(stageIds: readonly string[], round: Pick<EmotionRound, 'sheets'>): StageEmotion[] {
  const out: StageEmotion[] = [];
  for (const stageId of stageIds) {
    const v = round.sheets.map((s) => s.ratings[stageId]).filter((x): x is number => typeof x === 'number');
    if (v.length === 0) continue;
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const stdev = Math.sqrt(v.reduce((a, x) => a + (x - mean) ** 2, 0) / v.length);
    out.push({ stageId, n: v.length, mean, min: Math.min(...v), max: Math.max(...v), stdev });
  }
  return out;
}

/** "+1.3", "0", "−2": a signed score as the journey shows it. */
export function signed(v: number): string {
  const r = Math.round(v * 10) / 10;
  const t = Number.isInteger(r) ? String(Math.abs(r)) : Math.abs(r).toFixed(1);
  return r > 0 ? `+${t}` : r < 0 ? `−${t}` : '0';
}

// ---------------------------------------------------------------------------
// Schemas (for backups and any other border)
// ---------------------------------------------------------------------------

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, { error: 'must be an item id of the assessment' });
const sheetRev = z.number().int().min(0).max(1e9);

const scoreSheetSchema = z.strictObject({
  participantId: rowId.nullable(),
  rev: sheetRev,
  answers: z.record(slug, z.union([answerValueSchema, z.literal('unknown')])).refine((a) => Object.keys(a).length <= phoneRoundLimits.answers, { error: `must hold at most ${phoneRoundLimits.answers} answers` }),
  notes: z.record(slug, rowText(assessmentLimits.note)).refine((a) => Object.keys(a).length <= phoneRoundLimits.answers, { error: `must hold at most ${phoneRoundLimits.answers} notes` }),
  done: z.boolean(),
  employee: z.strictObject({ department: rowText(assessmentLimits.name), answer: rowText(assessmentLimits.employeeAnswer) }).optional(),
});

/** An assessment scored on phones ('sessions' table, kind "scoring"), strictly. */
export const scoringRoundRowSchema = z.strictObject({
  id: rowId,
  workshopId: rowId,
  kind: z.literal('scoring'),
  runId: rowId,
  createdAt: timeMs,
  revealedAt: timeMs.nullable(),
  sheets: z.array(scoreSheetSchema).max(phoneRoundLimits.sheets, { error: `must hold at most ${phoneRoundLimits.sheets} sheets` }),
});

const emotionSheetSchema = z.strictObject({
  participantId: rowId.nullable(),
  rev: sheetRev,
  ratings: z.record(rowId, z.number().int().min(emotionRange.min).max(emotionRange.max)).refine((a) => Object.keys(a).length <= phoneRoundLimits.stages, { error: `must hold at most ${phoneRoundLimits.stages} stages` }),
  done: z.boolean(),
});

/** Emotions per stage rated on phones ('sessions' table, kind "emotions"), strictly. */
export const emotionRoundRowSchema = z.strictObject({
  id: rowId,
  workshopId: rowId,
  kind: z.literal('emotions'),
  journeyId: rowId,
  createdAt: timeMs,
  closedAt: timeMs.nullable(),
  sheets: z.array(emotionSheetSchema).max(phoneRoundLimits.sheets, { error: `must hold at most ${phoneRoundLimits.sheets} sheets` }),
});

// Keeps the schemas and the types in step: a field on one and not the other fails to compile.
type SchemaScoring = z.infer<typeof scoringRoundRowSchema>;
type SchemaEmotions = z.infer<typeof emotionRoundRowSchema>;
const _scoringFromSchema: (r: SchemaScoring) => ScoringRound = (r) => r;
const _scoringToSchema: (r: ScoringRound) => DeepReadonly<SchemaScoring> = (r) => r;
const _emotionsFromSchema: (r: SchemaEmotions) => EmotionRound = (r) => r;
const _emotionsToSchema: (r: EmotionRound) => DeepReadonly<SchemaEmotions> = (r) => r;
type _Keys<A, B> = Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>;
const _keysMatch: [_Keys<ScoringRound, SchemaScoring> | _Keys<EmotionRound, SchemaEmotions> | _Keys<ScoreSheet, z.infer<typeof scoreSheetSchema>> | _Keys<EmotionSheet, z.infer<typeof emotionSheetSchema>>] extends [never] ? true : never = true;
void _scoringFromSchema;
void _scoringToSchema;
void _emotionsFromSchema;
void _emotionsToSchema;
void _keysMatch;
