// The lifecycle roadmap and its initiatives, and measurement-plan metrics. Plain readonly
// data; no React, Dexie or DOM. Field names are stored in IndexedDB ("initiatives", "metrics"
// tables and the workshop's roadmap settings) and in backups: changing one needs a migration.
import { z } from 'zod';
import { rowId, rowText, timeMs, orderNumber, type DeepReadonly } from './row-fields';
import { newId } from './ids';
import { addQuarters, isIsoDate, quarterEnd, quarterLabel, quarterOf, quarterStart, type YearQuarter } from './roadmap-dates';
import { textLength } from './text';

export const lifecycleStages = ['acquisition', 'activation', 'retention', 'reactivation'] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

export const initiativeStatuses = ['idea', 'planned', 'in-progress', 'done', 'dropped'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

export interface Initiative {
  readonly id: string;
  readonly workshopId: string;
  readonly title: string;
  readonly description: string;
  readonly owner: string;
  /** The lane (a lifecycle stage id or a custom lane id from the roadmap settings). */
  readonly laneId: string;
  /** Local-calendar dates YYYY-MM-DD, or null when on a now/next/later horizon. */
  readonly start: string | null;
  readonly end: string | null;
  /** For now/next/later horizons: the bucket index (0 = now). */
  readonly bucket: number | null;
  readonly status: InitiativeStatus;
  /** 1 (small) to 5 (very large). */
  readonly effort: number;
  /** 1 (low) to 5 (very high). */
  readonly impact: number;
  readonly personaIds: readonly string[];
  /** Journey opportunity cards this initiative serves. */
  readonly cardIds: readonly string[];
  /** Budget or people moved to it, free text, e.g. "2 FTE, €80k". */
  readonly resources: string;
  readonly order: number;
  /** ms since epoch */
  readonly createdAt: number;
}

// ---------------------------------------------------------------------------
// Settings, defaults and pure edits
// ---------------------------------------------------------------------------

export const stageLabels: Readonly<Record<LifecycleStage, string>> = {
  acquisition: 'Acquisition',
  activation: 'Activation',
  retention: 'Retention',
  reactivation: 'Re-activation',
};

/** What each stage is about, for lane headers and empty lanes. */
export const stagePurposes: Readonly<Record<LifecycleStage, string>> = {
  acquisition: 'Win the right new customers',
  activation: 'Get them to first value, fast',
  retention: 'Keep them and grow the relationship',
  reactivation: 'Win back those who left or lapsed',
};

export const statusLabels: Readonly<Record<InitiativeStatus, string>> = {
  idea: 'Idea',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export const effortLabels = ['', 'Very small', 'Small', 'Medium', 'Large', 'Very large'] as const;
export const impactLabels = ['', 'Very low', 'Low', 'Medium', 'High', 'Very high'] as const;

export function isLifecycleStage(s: unknown): s is LifecycleStage {
  return typeof s === 'string' && (lifecycleStages as readonly string[]).includes(s);
}

/** One roadmap lane. The four lifecycle lanes keep their stage id as lane id; a template or the facilitator may add more. */
export interface RoadmapLane {
  /** A lifecycle stage id, or "lane-…" for an added lane. Initiatives refer to it by `laneId`. */
  readonly id: string;
  /** Shown in the lane header; renamable. */
  readonly name: string;
  /** The lifecycle stage the lane serves (null for an added lane that serves none, e.g. "Enablers"). */
  readonly stage: LifecycleStage | null;
  /**
   * Who owns the stage: one owner, or a partnership of owners ("Sales & Service"), who can move
   * budget and people to it. Added later: absent on older workshops, read as no owner yet.
   */
  readonly owner?: string;
}

export const horizonKinds = ['quarters', 'buckets'] as const;
export type HorizonKind = (typeof horizonKinds)[number];

/**
 * Per-workshop roadmap settings, stored as the optional `roadmap` field of the workshop record
 * (absent on workshops that never opened the roadmap: `readRoadmapSettings` supplies the default).
 * Field names are stored in IndexedDB and backups: changing one needs a migration.
 */
export interface RoadmapSettings {
  readonly lanes: readonly RoadmapLane[];
  /** Quarters with real dates, or now / next / later buckets. */
  readonly horizon: HorizonKind;
  /** First quarter shown on a quarters horizon. */
  readonly startYear: number;
  readonly startQuarter: number;
  /** Number of quarters shown, 1 to 12. */
  readonly quarterCount: number;
  /** Names of the buckets on a now/next/later horizon (index = Initiative.bucket). */
  readonly bucketNames: readonly string[];
}

export const roadmapLimits = {
  title: 120,
  description: 2000,
  owner: 80,
  resources: 300,
  laneName: 40,
  laneOwner: 120,
  bucketName: 30,
  lanes: 10,
  quarterCount: 12,
  minYear: 2000,
  maxYear: 2100,
} as const;

export const defaultBucketNames = ['Now', 'Next', 'Later'] as const;

export function defaultLanes(): RoadmapLane[] {
  return lifecycleStages.map((s) => ({ id: s, name: stageLabels[s], stage: s }));
}

/** The default settings: the four lifecycle lanes, four quarters from the quarter of `anchorDate` (the workshop date). */
export function defaultRoadmapSettings(anchorDate: string): RoadmapSettings {
  const q = isIsoDate(anchorDate) ? quarterOf(anchorDate) : { year: 2027, quarter: 1 };
  return { lanes: defaultLanes(), horizon: 'quarters', startYear: q.year, startQuarter: q.quarter, quarterCount: 4, bucketNames: [...defaultBucketNames] };
}

const laneSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(roadmapLimits.laneName * 4),
  stage: z.enum(lifecycleStages).nullable(),
  owner: z.string().max(roadmapLimits.laneOwner * 4).optional(),
});

/** Validates stored or imported roadmap settings (the backup format can reuse it for the workshop's `roadmap` field). */
export const roadmapSettingsSchema = z.object({
  lanes: z.array(laneSchema).min(1).max(roadmapLimits.lanes),
  horizon: z.enum(horizonKinds),
  startYear: z.number().int().min(roadmapLimits.minYear).max(roadmapLimits.maxYear),
  startQuarter: z.number().int().min(1).max(4),
  quarterCount: z.number().int().min(1).max(roadmapLimits.quarterCount),
  bucketNames: z.array(z.string().max(roadmapLimits.bucketName * 4)).length(3),
});

/** The workshop's roadmap settings, or the default when missing or unreadable (never throws). */
export function readRoadmapSettings(w: { readonly date: string; readonly roadmap?: unknown }): RoadmapSettings {
  const parsed = roadmapSettingsSchema.safeParse(w.roadmap);
  if (!parsed.success) return defaultRoadmapSettings(w.date);
  const lanes = parsed.data.lanes.filter((l, i, all) => all.findIndex((o) => o.id === l.id) === i);
  return { ...parsed.data, lanes };
}

export interface HorizonColumn {
  readonly key: string;
  readonly label: string;
  /** Quarters: first and last day. Buckets: null. */
  readonly start: string | null;
  readonly end: string | null;
}

export function quartersOf(s: RoadmapSettings): YearQuarter[] {
  const first = { year: s.startYear, quarter: s.startQuarter };
  return Array.from({ length: s.quarterCount }, (_, i) => addQuarters(first, i));
}

/** The columns of the horizon, left to right. */
export function horizonColumns(s: RoadmapSettings): HorizonColumn[] {
  if (s.horizon === 'buckets') return s.bucketNames.map((name, i) => ({ key: `b${i}`, label: name.trim() || defaultBucketNames[i]!, start: null, end: null }));
  return quartersOf(s).map((q) => ({ key: `${q.year}q${q.quarter}`, label: quarterLabel(q), start: quarterStart(q), end: quarterEnd(q) }));
}

/** "Q1 2027 – Q4 2027" or "Now · Next · Later". */
export function horizonSummary(s: RoadmapSettings): string {
  const cols = horizonColumns(s);
  if (s.horizon === 'buckets') return cols.map((c) => c.label).join(' · ');
  return cols.length === 1 ? cols[0]!.label : `${cols[0]!.label} – ${cols[cols.length - 1]!.label}`;
}

export function laneName(lane: RoadmapLane): string {
  return lane.name.trim() || (lane.stage ? stageLabels[lane.stage] : 'Untitled lane');
}

/** Adds a lane (not tied to a stage) at the end. */
export function addLane(s: RoadmapSettings, name: string, id = `lane-${newId()}`): RoadmapSettings {
  return { ...s, lanes: [...s.lanes, { id, name, stage: null }] };
}

/** Sets who owns a lane's stage (one owner or a partnership); blank removes it. */
export function setLaneOwner(s: RoadmapSettings, laneId: string, owner: string): RoadmapSettings {
  return {
    ...s,
    lanes: s.lanes.map((l) => {
      if (l.id !== laneId) return l;
      const { owner: _, ...rest } = l;
      return owner.trim() ? { ...rest, owner: owner.slice(0, roadmapLimits.laneOwner) } : rest;
    }),
  };
}

export function renameLane(s: RoadmapSettings, laneId: string, name: string): RoadmapSettings {
  return { ...s, lanes: s.lanes.map((l) => (l.id === laneId ? { ...l, name } : l)) };
}

/** Removes an added lane; the four lifecycle lanes stay (they carry the lifecycle). */
export function removeLane(s: RoadmapSettings, laneId: string): RoadmapSettings {
  return { ...s, lanes: s.lanes.filter((l) => l.id !== laneId || l.stage !== null) };
}

// ---------------------------------------------------------------------------
// Initiatives
// ---------------------------------------------------------------------------

export const DEFAULT_INITIATIVE_TITLE = 'New initiative';

function clampScore(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(5, Math.max(1, Math.round(n))) : 3;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * An initiative as stored, read defensively: rows come from this editor, from journey cards
 * promoted elsewhere and from backups, so missing or odd fields get their defaults here
 * rather than crashing a screen.
 */
export function normalizeInitiative(stored: object): Initiative {
  // Reads any stored or arriving shape field by field; what is missing or wrong gets its default.
  const row = stored as Readonly<Record<string, unknown>>;
  const str = (k: string) => (typeof row[k] === 'string' ? (row[k] as string) : '');
  const start = isIsoDate(row.start) ? row.start : null;
  let end = isIsoDate(row.end) ? row.end : null;
  if (start && end && end < start) end = start;
  const status = (initiativeStatuses as readonly unknown[]).includes(row.status) ? (row.status as InitiativeStatus) : 'idea';
  const bucket = typeof row.bucket === 'number' && Number.isInteger(row.bucket) ? Math.min(2, Math.max(0, row.bucket)) : null;
  return {
    id: String(row.id),
    workshopId: String(row.workshopId),
    title: str('title'),
    description: str('description'),
    owner: str('owner'),
    laneId: str('laneId') || 'acquisition',
    start,
    end: start ? (end ?? start) : null,
    bucket,
    status,
    effort: clampScore(row.effort),
    impact: clampScore(row.impact),
    personaIds: strings(row.personaIds),
    cardIds: strings(row.cardIds),
    resources: str('resources'),
    order: typeof row.order === 'number' ? row.order : 0,
    createdAt: typeof row.createdAt === 'number' ? row.createdAt : 0,
  };
}

export interface NewInitiativeInput {
  readonly workshopId: string;
  readonly laneId: string;
  readonly title?: string;
  readonly start?: string | null;
  readonly end?: string | null;
  readonly bucket?: number | null;
  readonly order: number;
  readonly now: number;
}

export function createInitiative(input: NewInitiativeInput): Initiative {
  return {
    id: newId(),
    workshopId: input.workshopId,
    title: input.title ?? DEFAULT_INITIATIVE_TITLE,
    description: '',
    owner: '',
    laneId: input.laneId,
    start: input.start ?? null,
    end: input.end ?? input.start ?? null,
    bucket: input.bucket ?? 0,
    status: 'idea',
    effort: 3,
    impact: 3,
    personaIds: [],
    cardIds: [],
    resources: '',
    order: input.order,
    createdAt: input.now,
  };
}

/** Which bucket an initiative sits in on a now/next/later horizon (undated rows promoted from journeys start in "now"). */
export function bucketOf(i: Pick<Initiative, 'bucket'>): number {
  return i.bucket ?? 0;
}

/** A problem with an initiative's dates, or null. */
export function dateProblem(start: string | null, end: string | null): string | null {
  if (start && !isIsoDate(start)) return 'Start is not a calendar date.';
  if (end && !isIsoDate(end)) return 'End is not a calendar date.';
  if (start && end && end < start) return 'End must be on or after the start.';
  if (!start && end) return 'Set a start date before an end date.';
  return null;
}

export function initiativeTextProblem(field: 'title' | 'description' | 'owner' | 'resources', value: string): string | null {
  const max = roadmapLimits[field];
  return textLength(value) > max ? `${fieldLabels[field]} is limited to ${max.toLocaleString()} characters.` : null;
}
const fieldLabels = { title: 'Title', description: 'Description', owner: 'Owner', resources: 'Resources' } as const;

// ---------------------------------------------------------------------------
// Impact / effort
// ---------------------------------------------------------------------------

export const quadrants = ['quick-win', 'big-bet', 'fill-in', 'money-pit'] as const;
export type Quadrant = (typeof quadrants)[number];

export const quadrantInfo: Readonly<Record<Quadrant, { label: string; advice: string }>> = {
  'quick-win': { label: 'Quick wins', advice: 'High impact, low effort: do these first.' },
  'big-bet': { label: 'Big bets', advice: 'High impact, high effort: plan and fund deliberately.' },
  'fill-in': { label: 'Fill-ins', advice: 'Low impact, low effort: do when there is slack.' },
  'money-pit': { label: 'Money pits', advice: 'Low impact, high effort: challenge or drop.' },
};

/**
 * The quadrant of an impact/effort pair on the 1–5 scales. The middle score 3 counts as high
 * on both axes: a medium impact is worth doing, and a medium effort is not a quick win. So the
 * dividing lines sit between 2 and 3.
 */
export function quadrantOf(impact: number, effort: number): Quadrant {
  const highImpact = impact >= 3;
  const highEffort = effort >= 3;
  if (highImpact) return highEffort ? 'big-bet' : 'quick-win';
  return highEffort ? 'money-pit' : 'fill-in';
}

/** Spreads items that share a grid point around it so no dot hides another (offsets in grid units). */
export function spreadOffsets(count: number, radius = 0.22): { dx: number; dy: number }[] {
  if (count <= 1) return [{ dx: 0, dy: 0 }];
  return Array.from({ length: count }, (_, i) => {
    const a = (2 * Math.PI * i) / count - Math.PI / 2;
    return { dx: Math.cos(a) * radius, dy: Math.sin(a) * radius };
  });
}

/** Two-letter initials of a name, for avatars ("Ana Lima" -> "AL"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0]!)[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1]!)[0] ?? '') : (Array.from(words[0]!)[1] ?? '');
  return (first + last).toLocaleUpperCase();
}

// ---------------------------------------------------------------------------
// Schema (for backups and any other border)
// ---------------------------------------------------------------------------

const rowDate = z.string().refine(isIsoDate, { error: 'must be a calendar date written YYYY-MM-DD' });
const score = z.number().int({ error: 'must be a whole number from 1 to 5' }).min(1, { error: 'must be a whole number from 1 to 5' }).max(5, { error: 'must be a whole number from 1 to 5' });
/** Promoting a journey card keeps up to 200 characters of its text as the title (journey-actions.ts), more than the form's limit. */
const promotedTitleMax = 200;

/**
 * One stored initiative row, strictly: no unknown fields, every value of the right type and
 * within the editor's limits. Fields `normalizeInitiative` fills in when missing are optional;
 * when present they must be valid. Ids of lanes follow `RoadmapLane.id` (1 to 64 characters).
 */
export const initiativeRowSchema = z
  .strictObject({
    id: rowId,
    workshopId: rowId,
    title: rowText(Math.max(roadmapLimits.title, promotedTitleMax)).optional(),
    description: rowText(roadmapLimits.description).optional(),
    owner: rowText(roadmapLimits.owner).optional(),
    laneId: z.string().min(1, { error: 'must name a roadmap lane' }).max(64, { error: 'must name a roadmap lane' }).optional(),
    start: rowDate.nullable().optional(),
    end: rowDate.nullable().optional(),
    // Index into the three bucket names of a now/next/later horizon.
    bucket: z.number().int({ error: 'must be 0, 1 or 2' }).min(0, { error: 'must be 0, 1 or 2' }).max(2, { error: 'must be 0, 1 or 2' }).nullable().optional(),
    status: z.enum(initiativeStatuses).optional(),
    effort: score.optional(),
    impact: score.optional(),
    personaIds: z.array(rowId).optional(),
    cardIds: z.array(rowId).optional(),
    resources: rowText(roadmapLimits.resources).optional(),
    order: orderNumber.optional(),
    createdAt: timeMs.optional(),
  })
  .superRefine((i, ctx) => {
    // The form's rule (dateProblem): no end without a start, and never before it.
    if (!i.start && i.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'is set without a start date' });
    if (i.start && i.end && i.end < i.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'is before the start date' });
  });

// Keeps the schema and the type in step: a field on one and not the other, or a value one
// allows and the other does not, fails to compile.
type SchemaInitiative = z.infer<typeof initiativeRowSchema>;
const _initiativeFromSchema: (i: Required<SchemaInitiative>) => Initiative = (i) => i;
const _initiativeToSchema: (i: Initiative) => DeepReadonly<SchemaInitiative> = (i) => i;
type _InitiativeKeys = Exclude<keyof Initiative, keyof SchemaInitiative> | Exclude<keyof SchemaInitiative, keyof Initiative>;
const _initiativeKeysMatch: [_InitiativeKeys] extends [never] ? true : never = true;
void _initiativeFromSchema;
void _initiativeToSchema;
void _initiativeKeysMatch;

/**
 * The lifecycle stage a journey stage most likely serves, from its name (in English, German,
 * French or Dutch) or else from where it sits in the journey (first third acquisition, and so on):
 * what *Promote to roadmap* offers first.
 */
export function lifecycleStageOf(stageName: string, index: number, count: number): LifecycleStage {
  const n = stageName.toLocaleLowerCase();
  const has = (words: readonly string[]) => words.some((w) => n.includes(w));
  if (has(['win back', 'win-back', 'winback', 'lapse', 'churn', 'reactiv', 're-activ', 'return', 'rückgewinn', 'reconquête', 'terugwin'])) return 'reactivation';
  if (has(['renew', 'loyal', 'use', 'service', 'support', 'grow', 'retain', 'retention', 'nutz', 'verläng', 'fidél', 'utilis', 'gebruik', 'verleng'])) return 'retention';
  if (has(['onboard', 'activat', 'first use', 'set up', 'setup', 'welcome', 'start', 'einricht', 'aktivier', 'accueil', 'activ', 'welkom'])) return 'activation';
  if (has(['leave', 'cancel', 'exit', 'kündig', 'résili', 'opzeg'])) return 'reactivation';
  if (has(['aware', 'discover', 'consider', 'research', 'compare', 'buy', 'purchase', 'choose', 'sign', 'kauf', 'entdeck', 'vergleich', 'achat', 'découv', 'koop', 'ontdek', 'vergelijk'])) return 'acquisition';
  const at = count > 1 ? index / (count - 1) : 0;
  return at < 0.34 ? 'acquisition' : at < 0.5 ? 'activation' : 'retention';
}
