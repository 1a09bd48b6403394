// Assessments: the question-set file format (templates/assessments/*.json, validated with zod),
// the stored run of an assessment, and the pure arithmetic on it: scoring per answer type,
// spread across participants, scores per dimension, gap ranking, the change between two runs,
// the readiness verdict, the value-steps checklist, warning signs' reach and the five-employees test. Imports nothing from React, Dexie or the DOM.
// Field names are stored in IndexedDB and in backups: renaming one needs a migration.
import { z } from 'zod';
import { rowId, rowText, timeMs, type DeepReadonly } from './row-fields';
import { assessmentSets, type AssessmentSet } from './artifacts';
import { newId } from './ids';

// ---------------------------------------------------------------------------
// Question sets (template data)
// ---------------------------------------------------------------------------

/** How a question is answered. FORMAT: stored in set files and runs. */
export type AnswerType = 'yes-partly-no' | 'checklist' | 'scale-5';

/** FORMAT: bump together with a migration for older set files. */
export const ASSESSMENT_SET_FORMAT_VERSION = 1;

const text = (max: number) => z.string().trim().min(1).max(max);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, { error: 'must be lower-case letters, digits and dashes' });

export const assessmentQuestionSchema = z.strictObject({
  /** Unique within the set; answers are stored under it. */
  id: slug,
  /** A few words, used as the dimension's label on charts ("One customer truth"). */
  short: text(40),
  /** The question as read to the room. */
  text: text(400),
  /** Optional guidance shown under the question. */
  hint: text(400).optional(),
  /** Area id (audit only): questions are scored per area. */
  area: slug.optional(),
});

/** The second, scored checklist of a set (the contrasts' value steps: creation, delivery, capture), answered yes / partly / no. */
const checklistSchema = z.strictObject({
  title: text(80),
  intro: text(400).optional(),
  groups: z.array(z.strictObject({
    id: slug,
    label: text(40),
    items: z.array(z.strictObject({ id: slug, short: text(40), text: text(400) })).min(1).max(12),
  })).min(1).max(6),
});

export const assessmentSetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(ASSESSMENT_SET_FORMAT_VERSION),
    id: z.enum(assessmentSets),
    name: text(80),
    summary: text(400),
    answerType: z.enum(['yes-partly-no', 'checklist', 'scale-5']),
    /** Labels of the ends of a 1–5 scale, e.g. "Inward-looking" / "Customer-centric". */
    scaleLabels: z.tuple([text(40), text(40)]).optional(),
    /** A rule shown prominently while scoring (the capability set's honesty rule). */
    rule: text(400).optional(),
    /** Closing guidance shown with the results (e.g. the two levers against the warning signs). */
    closing: text(600).optional(),
    /** Groups of questions scored together (the audit's four areas). */
    areas: z.array(z.strictObject({ id: slug, label: text(40) })).max(8).optional(),
    /** Whether the run records the five-employees test. */
    employeesTest: z.boolean().optional(),
    /** 'all-yes': the run ends in a verdict, ready only when every question is answered yes (the readiness check). */
    verdict: z.literal('all-yes').optional(),
    /** Whether each ticked item is marked company-wide or local (the warning signs). */
    scopeMarking: z.boolean().optional(),
    /** Whether an item can be ticked only with an example written down (the warning signs). */
    exampleRequired: z.boolean().optional(),
    /** A second checklist scored on its own, shown with the results and in the deck. */
    checklist: checklistSchema.optional(),
    questions: z.array(assessmentQuestionSchema).min(1).max(40),
  })
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.checklist?.groups.forEach((g, gi) => g.items.forEach((item, ii) => {
      // Checklist answers are stored next to the questions' answers, under the item's id.
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: ['checklist', 'groups', gi, 'items', ii, 'id'], message: `"${item.id}" is used twice` });
      ids.add(item.id);
    }));
    if (s.verdict && s.answerType !== 'yes-partly-no') ctx.addIssue({ code: 'custom', path: ['verdict'], message: 'needs yes / partly / no answers' });
    if (s.scopeMarking && s.answerType !== 'checklist') ctx.addIssue({ code: 'custom', path: ['scopeMarking'], message: 'needs a checklist' });
    if (s.exampleRequired && s.answerType !== 'checklist') ctx.addIssue({ code: 'custom', path: ['exampleRequired'], message: 'needs a checklist' });
    s.questions.forEach((q, i) => {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `"${q.id}" is used twice` });
      ids.add(q.id);
      if (s.areas && !q.area) ctx.addIssue({ code: 'custom', path: ['questions', i, 'area'], message: 'is required when the set has areas' });
      if (q.area && !s.areas?.some((a) => a.id === q.area)) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'area'], message: `"${q.area}" is not one of the set's areas` });
      }
    });
    if (s.answerType === 'scale-5' && !s.scaleLabels) ctx.addIssue({ code: 'custom', path: ['scaleLabels'], message: 'is required for a 1–5 scale' });
  });

export type AssessmentSetDef = z.infer<typeof assessmentSetSchema>;
export type AssessmentQuestion = z.infer<typeof assessmentQuestionSchema>;

export type SetParseResult = { readonly ok: true; readonly set: AssessmentSetDef } | { readonly ok: false; readonly error: string };

/** Validates one set file; the error starts with the file name and names the field. */
export function parseAssessmentSet(json: unknown, source: string): SetParseResult {
  const r = assessmentSetSchema.safeParse(json);
  if (r.success) return { ok: true, set: r.data };
  const issue = r.error.issues[0]!;
  const path = issue.path.length ? issue.path.join('.') : '(file)';
  return { ok: false, error: `${source}: ${path}: ${issue.message}` };
}

export interface AssessmentSetLibrary {
  readonly sets: Partial<Record<AssessmentSet, AssessmentSetDef>>;
  readonly errors: readonly string[];
}

/** Loads every set file (keyed by path); a bad file is reported and the others still load. */
export function loadAssessmentSets(files: Record<string, unknown>): AssessmentSetLibrary {
  const sets: Partial<Record<AssessmentSet, AssessmentSetDef>> = {};
  const errors: string[] = [];
  for (const path of Object.keys(files).sort()) {
    const name = path.split(/[\\/]/).pop() ?? path;
    const r = parseAssessmentSet(files[path], name);
    if (!r.ok) errors.push(r.error);
    else if (name !== `${r.set.id}.json`) errors.push(`${name}: id: "${r.set.id}" must match the file name`);
    else sets[r.set.id] = r.set;
  }
  return { sets, errors };
}

// ---------------------------------------------------------------------------
// Answers and runs (stored in the 'assessments' table)
// ---------------------------------------------------------------------------

/** yes/partly/no; 'present'/'absent' for a checklist; 1–5 for a scale. FORMAT: stored. */
export type AnswerValue = 'yes' | 'partly' | 'no' | 'present' | 'absent' | 1 | 2 | 3 | 4 | 5;

export const answerValueSchema = z.union([
  z.enum(['yes', 'partly', 'no', 'present', 'absent']),
  z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5),
]);

export interface QuestionAnswer {
  /** The answer the room agreed on (group mode, or the agreed answer after individual scores). */
  readonly group?: AnswerValue;
  /** Each participant's own answer, keyed by participant id. */
  readonly people?: Readonly<Record<string, AnswerValue>>;
  /** One sentence of evidence or disagreement. */
  readonly note?: string;
  /** Where a ticked sign holds (sets with `scopeMarking`): across the company or in one department. */
  readonly scope?: SignScope;
}

/** FORMAT: stored. */
export type SignScope = 'company' | 'local';

export interface Commitment {
  readonly id: string;
  readonly text: string;
  readonly owner: string;
}

/** One answer of the five-employees test. */
export interface EmployeeAnswer {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  /** What customer centricity means for the customer, in their words. */
  readonly answer: string;
}

export interface AssessmentRun {
  readonly id: string;
  readonly workshopId: string;
  readonly set: AssessmentSet;
  /** ms since epoch */
  readonly createdAt: number;
  /** Who scores: the room as one group, or each participant (showing spread). */
  readonly mode: 'group' | 'individual';
  readonly answers: Readonly<Record<string, QuestionAnswer>>;
  /** Target per dimension in percent (0–100). */
  readonly targets: Readonly<Record<string, number>>;
  readonly commitments: readonly Commitment[];
  readonly employees: readonly EmployeeAnswer[];
  /**
   * How uniform the five answers are, 1 (five different companies) to 5 (one voice). Stored as
   * `consistency` since the first build, when it was the test's only judgement; the name stays.
   */
  readonly consistency: Judgement;
  /** How clear the answers are, 1 (vague) to 5 (clear); null until judged. */
  readonly clarity: Judgement;
  /** How enthusing the answers are, 1 (flat) to 5 (enthusing); null until judged. */
  readonly enthusiasm: Judgement;
  readonly consistencyNote: string;
  readonly notes: string;
}

export type Judgement = 1 | 2 | 3 | 4 | 5 | null;

export const assessmentLimits = { note: 600, commitment: 400, owner: 120, employeeAnswer: 2000, name: 120, notes: 8000 } as const;

export function createRun(workshopId: string, set: AssessmentSet, now = Date.now()): AssessmentRun {
  return {
    id: newId(), workshopId, set, createdAt: now, mode: 'group', answers: {}, targets: {},
    commitments: [], employees: [], consistency: null, clarity: null, enthusiasm: null, consistencyNote: '', notes: '',
  };
}

/** Fills fields a row from an older build may lack, so screens never meet undefined. */
export function readRun(stored: object): AssessmentRun {
  // Reads any stored or arriving shape field by field; what is missing or wrong gets its default.
  const row = stored as Readonly<Record<string, unknown>>;
  const r = row as Partial<AssessmentRun> & { id: string; workshopId: string; set: AssessmentSet };
  return {
    id: r.id, workshopId: r.workshopId, set: r.set, createdAt: r.createdAt ?? 0, mode: r.mode ?? 'group',
    answers: r.answers ?? {}, targets: r.targets ?? {}, commitments: r.commitments ?? [], employees: r.employees ?? [],
    consistency: r.consistency ?? null, clarity: r.clarity ?? null, enthusiasm: r.enthusiasm ?? null, consistencyNote: r.consistencyNote ?? '', notes: r.notes ?? '',
  };
}

/** The values a question of this type accepts, in display order. */
export function answerOptions(type: AnswerType): readonly AnswerValue[] {
  if (type === 'yes-partly-no') return ['yes', 'partly', 'no'];
  if (type === 'checklist') return ['present', 'absent'];
  return [1, 2, 3, 4, 5];
}

export function answerLabel(v: AnswerValue): string {
  switch (v) {
    case 'yes': return 'Yes';
    case 'partly': return 'Partly';
    case 'no': return 'No';
    case 'present': return 'We see this';
    case 'absent': return 'Not here';
    default: return String(v);
  }
}

/**
 * Why an item cannot be ticked as it stands, or null: in a set that asks for an example
 * (`exampleRequired`), "We see this" needs one written first.
 */
export function tickRefusal(set: Pick<AssessmentSetDef, 'exampleRequired'>, value: AnswerValue | undefined, note: string | undefined): string | null {
  if (!set.exampleRequired || value !== 'present' || note?.trim()) return null;
  return 'Write an example first: a sign without an example stays unticked.';
}

/**
 * An answer as a score from 0 (worst) to 1 (best), or null when it does not fit the type.
 * A ticked warning sign is bad, so 'present' scores 0.
 */
export function answerScore(type: AnswerType, v: AnswerValue | undefined): number | null {
  if (v === undefined) return null;
  if (type === 'yes-partly-no') return v === 'yes' ? 1 : v === 'partly' ? 0.5 : v === 'no' ? 0 : null;
  if (type === 'checklist') return v === 'absent' ? 1 : v === 'present' ? 0 : null;
  return typeof v === 'number' ? (v - 1) / 4 : null;
}

export interface Spread {
  readonly n: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Population standard deviation (the room is the whole population). */
  readonly stdev: number;
}

/** Min, max, mean and standard deviation; null for no values. */
export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
  return { n, min: Math.min(...values), max: Math.max(...values), mean, stdev: Math.sqrt(variance) };
}

/** The scores (0–1) of the participants who answered a question. */
export function peopleScores(type: AnswerType, a: QuestionAnswer | undefined, participantIds?: readonly string[]): number[] {
  if (!a?.people) return [];
  const ids = participantIds ?? Object.keys(a.people);
  const out: number[] = [];
  for (const id of ids) {
    const s = answerScore(type, a.people[id]);
    if (s !== null) out.push(s);
  }
  return out;
}

/**
 * A question's score (0–1): the agreed answer when there is one; otherwise, in individual mode,
 * the mean of the participants' scores. Null when nobody has answered.
 */
export function questionScore(type: AnswerType, mode: AssessmentRun['mode'], a: QuestionAnswer | undefined): number | null {
  const agreed = answerScore(type, a?.group);
  if (agreed !== null) return agreed;
  if (mode === 'group') return null;
  return spread(peopleScores(type, a))?.mean ?? null;
}

export interface DimensionScore {
  readonly id: string;
  readonly label: string;
  /** 0–100, or null when no question of the dimension is answered. */
  readonly score: number | null;
  readonly answered: number;
  readonly total: number;
}

/** The set's dimensions: its areas when it has them, otherwise one per question. */
export function dimensionsOf(set: AssessmentSetDef): { id: string; label: string; questions: AssessmentQuestion[] }[] {
  if (set.areas) return set.areas.map((a) => ({ id: a.id, label: a.label, questions: set.questions.filter((q) => q.area === a.id) }));
  return set.questions.map((q) => ({ id: q.id, label: q.short, questions: [q] }));
}

/** Score per dimension, normalised to 0–100 %, the mean of its answered questions. */
export function dimensionScores(set: AssessmentSetDef, run: Pick<AssessmentRun, 'mode' | 'answers'>): DimensionScore[] {
  return dimensionsOf(set).map((d) => {
    const scores = d.questions.map((q) => questionScore(set.answerType, run.mode, run.answers[q.id])).filter((s): s is number => s !== null);
    const score = scores.length ? (scores.reduce((a, b) => a + b, 0) / scores.length) * 100 : null;
    return { id: d.id, label: d.label, score, answered: scores.length, total: d.questions.length };
  });
}

/** The mean of the scored dimensions (0–100), or null. */
export function overallScore(scores: readonly DimensionScore[]): number | null {
  const s = scores.map((d) => d.score).filter((v): v is number => v !== null);
  return s.length ? s.reduce((a, b) => a + b, 0) / s.length : null;
}

export interface Gap {
  readonly id: string;
  readonly label: string;
  readonly score: number;
  /** The target (0–100); 100 when none was set, so the lowest scores rank first. */
  readonly target: number;
  readonly hasTarget: boolean;
  /** target − score, in percentage points. */
  readonly gap: number;
}

/**
 * The largest gaps first: target minus score where a target is set, otherwise 100 minus the
 * score. Unscored dimensions and those at or above target are left out; ties keep set order.
 */
export function rankGaps(scores: readonly DimensionScore[], targets: Readonly<Record<string, number>>, limit = Infinity): Gap[] {
  const gaps: Gap[] = [];
  for (const d of scores) {
    if (d.score === null) continue;
    const t = targets[d.id];
    const target = typeof t === 'number' ? t : 100;
    const gap = target - d.score;
    if (gap <= 0) continue;
    gaps.push({ id: d.id, label: d.label, score: d.score, target, hasTarget: typeof t === 'number', gap });
  }
  return gaps
    .map((g, i) => ({ g, i }))
    .sort((a, b) => b.g.gap - a.g.gap || a.i - b.i)
    .slice(0, limit)
    .map(({ g }) => g);
}

export interface DimensionChange {
  readonly id: string;
  readonly label: string;
  readonly before: number | null;
  readonly after: number | null;
  /** after − before in percentage points, or null when either is unscored. */
  readonly delta: number | null;
}

/** The change per dimension between an earlier and a later run of the same set. */
export function compareScores(before: readonly DimensionScore[], after: readonly DimensionScore[]): DimensionChange[] {
  return after.map((a) => {
    const b = before.find((x) => x.id === a.id);
    const bs = b?.score ?? null;
    return { id: a.id, label: a.label, before: bs, after: a.score, delta: bs !== null && a.score !== null ? a.score - bs : null };
  });
}

/** The runs of one set, oldest first; a run's predecessor is the one just before it. */
export function runsOfSet<T extends Pick<AssessmentRun, 'set' | 'createdAt' | 'id'>>(runs: readonly T[], set: AssessmentSet): T[] {
  return runs.filter((r) => r.set === set).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export function previousRun<T extends Pick<AssessmentRun, 'set' | 'createdAt' | 'id'>>(runs: readonly T[], run: T): T | null {
  const list = runsOfSet(runs, run.set);
  const i = list.findIndex((r) => r.id === run.id);
  return i > 0 ? list[i - 1]! : null;
}

// ---------------------------------------------------------------------------
// The readiness verdict, the value-steps checklist and the warning signs' reach
// ---------------------------------------------------------------------------

export interface VerdictQuestion {
  readonly id: string;
  readonly short: string;
  /** 'partly' for a mean between no and yes when participants answered individually. */
  readonly answer: 'partly' | 'no' | null;
}

export interface Verdict {
  /** Ready: every question an honest yes. Not ready: at least one partly or no. Open: no blocker yet, some unanswered. */
  readonly status: 'ready' | 'not-ready' | 'open';
  /** The questions answered partly or no: what to fix before a roadmap is worth building. */
  readonly blocking: readonly VerdictQuestion[];
  /** The questions not answered yet. */
  readonly unanswered: readonly VerdictQuestion[];
}

/**
 * The verdict of a set with `verdict: 'all-yes'` (the readiness check), or null for other sets.
 * Ready only when every question scores a full yes; an average says nothing here, because one
 * no is enough to make a roadmap premature.
 */
export function runVerdict(set: AssessmentSetDef, run: Pick<AssessmentRun, 'mode' | 'answers'>): Verdict | null {
  if (set.verdict !== 'all-yes') return null;
  const blocking: VerdictQuestion[] = [];
  const unanswered: VerdictQuestion[] = [];
  for (const q of set.questions) {
    const s = questionScore(set.answerType, run.mode, run.answers[q.id]);
    if (s === null) unanswered.push({ id: q.id, short: q.short, answer: null });
    else if (s < 1) blocking.push({ id: q.id, short: q.short, answer: s === 0 ? 'no' : 'partly' });
  }
  return { status: blocking.length ? 'not-ready' : unanswered.length ? 'open' : 'ready', blocking, unanswered };
}

export const verdictHeadline: Readonly<Record<Verdict['status'], string>> = {
  ready: 'Ready: an honest yes to all five',
  'not-ready': 'Not ready yet',
  open: 'No verdict yet',
};

/**
 * Score per group of the set's checklist (0–100 %, the mean of its answered items; answered
 * yes / partly / no by the room as a group). Empty for a set without a checklist. Checklist
 * items are never part of `dimensionScores`, so adding a checklist leaves the set's scores as
 * they were.
 */
export function checklistScores(set: AssessmentSetDef, run: Pick<AssessmentRun, 'answers'>): DimensionScore[] {
  if (!set.checklist) return [];
  return set.checklist.groups.map((g) => {
    const scores = g.items.map((i) => answerScore('yes-partly-no', run.answers[i.id]?.group)).filter((x): x is number => x !== null);
    const score = scores.length ? (scores.reduce((a, b) => a + b, 0) / scores.length) * 100 : null;
    return { id: g.id, label: g.label, score, answered: scores.length, total: g.items.length };
  });
}

export interface SignReach {
  readonly company: number;
  readonly local: number;
  /** Ticked but not yet marked either way. */
  readonly unmarked: number;
}

/** How many ticked signs hold company-wide, locally, or are not marked yet (sets with `scopeMarking`). */
export function signReach(set: AssessmentSetDef, run: Pick<AssessmentRun, 'mode' | 'answers'>): SignReach {
  let company = 0;
  let local = 0;
  let unmarked = 0;
  for (const q of set.questions) {
    const a = run.answers[q.id];
    const s = questionScore(set.answerType, run.mode, a);
    // A sign counts as ticked when its score is below full (present, or a room divided on it).
    if (s === null || s === 1) continue;
    if (a?.scope === 'company') company++;
    else if (a?.scope === 'local') local++;
    else unmarked++;
  }
  return { company, local, unmarked };
}

export const scopeLabels: Readonly<Record<SignScope, string>> = { company: 'Company-wide', local: 'Local' };

/** Converts between a 1–5 scale value and percent (1 → 0 %, 5 → 100 %). */
export const scaleToPercent = (v: number): number => ((v - 1) / 4) * 100;
export const percentToScale = (p: number): number => 1 + (p / 100) * 4;

// ---------------------------------------------------------------------------
// The five-employees test
// ---------------------------------------------------------------------------

export const EMPLOYEES_NEEDED = 5;

/** The three things the five answers are judged on, with the run field each is stored in. */
export const judgementCriteria = [
  { field: 'consistency', label: 'Uniform', question: 'Are the answers uniform?', low: 'Five different companies', high: 'One voice' },
  { field: 'clarity', label: 'Clear', question: 'Are they clear?', low: 'Vague', high: 'Clear to any customer' },
  { field: 'enthusiasm', label: 'Enthusing', question: 'Are they enthusing?', low: 'Flat', high: 'Enthusing' },
] as const satisfies readonly { field: keyof AssessmentRun; label: string; question: string; low: string; high: string }[];

export type JudgementField = (typeof judgementCriteria)[number]['field'];

export interface EmployeesTestStatus {
  /** Answers with text. */
  readonly answered: number;
  /** Distinct departments among the answered ones (case- and space-insensitive). */
  readonly departments: number;
  /** Departments named more than once. */
  readonly repeatedDepartments: readonly string[];
  /** Five answers from five different departments, judged on all three criteria. */
  readonly complete: boolean;
  /** The mean of the judgements given as 0–100 % (1 → 0, 5 → 100), or null when none is given. */
  readonly judgementScore: number | null;
  /** What is still missing, in words; empty when complete. */
  readonly missing: readonly string[];
}

export function employeesTestStatus(run: Pick<AssessmentRun, 'employees' | JudgementField>): EmployeesTestStatus {
  const answered = run.employees.filter((e) => e.answer.trim() !== '');
  const seen = new Map<string, { label: string; n: number }>();
  for (const e of answered) {
    const key = e.department.trim().toLocaleLowerCase().replace(/\s+/g, ' ');
    if (!key) continue;
    const cur = seen.get(key);
    seen.set(key, { label: cur?.label ?? e.department.trim(), n: (cur?.n ?? 0) + 1 });
  }
  const repeated = [...seen.values()].filter((v) => v.n > 1).map((v) => v.label);
  const missing: string[] = [];
  if (answered.length < EMPLOYEES_NEEDED) missing.push(`${EMPLOYEES_NEEDED - answered.length} more answer${EMPLOYEES_NEEDED - answered.length === 1 ? '' : 's'}`);
  if (seen.size < EMPLOYEES_NEEDED) missing.push(`${EMPLOYEES_NEEDED} different departments (${seen.size} so far)`);
  const unjudged = judgementCriteria.filter((c) => run[c.field] === null).map((c) => c.label.toLocaleLowerCase());
  if (unjudged.length) missing.push(`a judgement of ${unjudged.join(', ')}`);
  const given = judgementCriteria.map((c) => run[c.field]).filter((v): v is 1 | 2 | 3 | 4 | 5 => v !== null);
  return {
    answered: answered.length,
    departments: seen.size,
    repeatedDepartments: repeated,
    complete: missing.length === 0,
    judgementScore: given.length ? given.map(scaleToPercent).reduce((a, b) => a + b, 0) / given.length : null,
    missing,
  };
}

export function formatPercent(v: number | null): string {
  return v === null ? '–' : `${Math.round(v)}%`;
}

// ---------------------------------------------------------------------------
// Schema of a stored run (for backups and any other border)
// ---------------------------------------------------------------------------

/** The five-employees test lets the room add people until it has three more than it needs. */
const employeesMax = EMPLOYEES_NEEDED + 3;

const judgementSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).nullable().optional();

const questionAnswerSchema = z.strictObject({
  group: answerValueSchema.optional(),
  // Keyed by participant id.
  people: z.record(rowId, answerValueSchema).optional(),
  note: rowText(assessmentLimits.note).optional(),
  scope: z.enum(['company', 'local']).optional(),
});

const commitmentSchema = z.strictObject({
  id: rowId,
  text: rowText(assessmentLimits.commitment),
  owner: rowText(assessmentLimits.owner),
});

const employeeAnswerSchema = z.strictObject({
  id: rowId,
  name: rowText(assessmentLimits.name),
  department: rowText(assessmentLimits.name),
  answer: rowText(assessmentLimits.employeeAnswer),
});

/**
 * One stored assessment run, strictly: no unknown fields, every value of the right type and
 * within `assessmentLimits`. Fields `readRun` fills in when missing are optional; when present
 * they must be valid. Answers are keyed by question id, targets by dimension id (both set-file
 * slugs), people's answers by participant id.
 */
export const assessmentRowSchema = z.strictObject({
  id: rowId,
  workshopId: rowId,
  set: z.enum(assessmentSets),
  createdAt: timeMs.optional(),
  mode: z.enum(['group', 'individual']).optional(),
  answers: z.record(slug, questionAnswerSchema).optional(),
  targets: z.record(slug, z.number().finite().min(0, { error: 'must be a percentage from 0 to 100' }).max(100, { error: 'must be a percentage from 0 to 100' })).optional(),
  commitments: z.array(commitmentSchema).optional(),
  employees: z.array(employeeAnswerSchema).max(employeesMax, { error: `must hold at most ${employeesMax} people` }).optional(),
  consistency: judgementSchema,
  clarity: judgementSchema,
  enthusiasm: judgementSchema,
  consistencyNote: rowText(assessmentLimits.note).optional(),
  notes: rowText(assessmentLimits.notes).optional(),
});

// Keeps the schema and the type in step: a field on one and not the other, or a value one
// allows and the other does not, fails to compile.
type SchemaRun = z.infer<typeof assessmentRowSchema>;
const _runFromSchema: (r: Required<SchemaRun>) => AssessmentRun = (r) => r;
const _runToSchema: (r: AssessmentRun) => DeepReadonly<SchemaRun> = (r) => r;
type _RunKeys = Exclude<keyof AssessmentRun, keyof SchemaRun> | Exclude<keyof SchemaRun, keyof AssessmentRun>;
const _runKeysMatch: [_RunKeys] extends [never] ? true : never = true;
void _runFromSchema;
void _runToSchema;
void _runKeysMatch;
