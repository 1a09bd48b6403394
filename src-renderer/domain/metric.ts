// Measurement-plan metrics: what is measured per lifecycle stage or initiative, the rules that
// say what is wrong with a row, the metric library's format, and stage health (where the
// resources should shift). Plain readonly data and pure functions; no React, Dexie or DOM.
// Field names are stored in IndexedDB ("metrics" table) and in backups: changing one needs a migration.
import { z } from 'zod';
import { rowId, rowText, timeMs, orderNumber } from './row-fields';
import { newId } from './ids';
import {
  initiativeStatuses,
  isLifecycleStage,
  lifecycleStages,
  stageLabels,
  type Initiative,
  type InitiativeStatus,
  type LifecycleStage,
} from './roadmap';
import { appLocale, formatNumber, parseNumber } from './numbers';
import { isIsoDate } from './roadmap-dates';
import { textLength } from './text';

export const metricKinds = ['behavioural', 'attitudinal'] as const;
export type MetricKind = (typeof metricKinds)[number];
export const metricTimings = ['leading', 'lagging'] as const;
export type MetricTiming = (typeof metricTimings)[number];
export const metricUnits = ['percent', 'count', 'currency', 'days', 'hours', 'score', 'ratio'] as const;
export type MetricUnit = (typeof metricUnits)[number];
export const metricDirections = ['up', 'down'] as const;
export type MetricDirection = (typeof metricDirections)[number];
export const metricCadences = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type MetricCadence = (typeof metricCadences)[number];
/** "committed" and "tracking" metrics are ones someone has signed up to report: they need an owner. */
export const metricStatuses = ['proposed', 'committed', 'tracking', 'retired'] as const;
export type MetricStatus = (typeof metricStatuses)[number];

// Attitudinal metrics (satisfaction, NPS, ratings) measure what customers think and feel; they
// are not customers' motivations (the "why" a persona records from research), so the labels
// never call them "why".
export const kindLabels: Readonly<Record<MetricKind, string>> = { behavioural: 'Behavioural (what customers do)', attitudinal: 'Attitudinal (what customers think and feel)' };
export const kindShort: Readonly<Record<MetricKind, string>> = { behavioural: 'Behaviour', attitudinal: 'Attitude' };
export const timingLabels: Readonly<Record<MetricTiming, string>> = { leading: 'Leading', lagging: 'Lagging' };
export const unitLabels: Readonly<Record<MetricUnit, string>> = {
  percent: '%',
  count: 'Count',
  currency: 'Currency',
  days: 'Days',
  hours: 'Hours',
  score: 'Score',
  ratio: 'Ratio',
};
export const directionLabels: Readonly<Record<MetricDirection, string>> = { up: 'Higher is better', down: 'Lower is better' };
export const cadenceLabels: Readonly<Record<MetricCadence, string>> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  yearly: 'Yearly',
};
export const metricStatusLabels: Readonly<Record<MetricStatus, string>> = {
  proposed: 'Proposed',
  committed: 'Committed',
  tracking: 'Tracking',
  retired: 'Retired',
};

export interface Metric {
  readonly id: string;
  readonly workshopId: string;
  readonly name: string;
  /** Definition or formula, e.g. "Customers lost in the period ÷ customers at its start". */
  readonly definition: string;
  /** The lifecycle stage it measures (a stage id; every metric belongs to one). */
  readonly stage: LifecycleStage;
  /** The initiative it measures, or null for the stage as a whole. */
  readonly initiativeId: string | null;
  readonly kind: MetricKind;
  readonly timing: MetricTiming;
  readonly unit: MetricUnit;
  /** As typed (so a non-number can be pointed out rather than lost); empty = not known yet. */
  readonly baseline: string;
  readonly target: string;
  /**
   * Where the metric stands now, as typed like the baseline; empty = not measured since. Optional
   * so rows and fixtures made before it stay valid; `normalizeMetric` always fills it in.
   */
  readonly current?: string;
  /** The day the current value was read, "YYYY-MM-DD"; empty = not given. */
  readonly currentDate?: string;
  readonly direction: MetricDirection;
  /** Where the number comes from, e.g. "CRM", "Quarterly NPS survey". */
  readonly source: string;
  readonly owner: string;
  readonly cadence: MetricCadence;
  readonly status: MetricStatus;
  /** The library entry it was added from, or null when made by hand. */
  readonly libraryId: string | null;
  readonly order: number;
  /** ms since epoch */
  readonly createdAt: number;
}

export const metricLimits = { name: 120, definition: 600, value: 30, source: 120, owner: 80, metrics: 500 } as const;

export const metricTextFields = ['name', 'definition', 'baseline', 'target', 'current', 'source', 'owner'] as const;
export type MetricTextField = (typeof metricTextFields)[number];
export const metricTextLabels: Readonly<Record<MetricTextField, string>> = {
  name: 'Name',
  definition: 'Definition',
  baseline: 'Baseline',
  target: 'Target',
  current: 'Current value',
  source: 'Data source',
  owner: 'Owner',
};
export function metricTextMax(field: MetricTextField): number {
  return field === 'baseline' || field === 'target' || field === 'current' ? metricLimits.value : metricLimits[field];
}

function pick<T extends string>(all: readonly T[], v: unknown, fallback: T): T {
  return (all as readonly unknown[]).includes(v) ? (v as T) : fallback;
}

/** A metric as stored, read defensively (backups, older rows): missing fields get defaults. */
export function normalizeMetric(stored: object): Metric {
  // Reads any stored or arriving shape field by field; what is missing or wrong gets its default.
  const row = stored as Readonly<Record<string, unknown>>;
  const str = (k: string) => (typeof row[k] === 'string' ? (row[k] as string) : typeof row[k] === 'number' ? String(row[k]) : '');
  return {
    id: String(row.id),
    workshopId: String(row.workshopId),
    name: str('name'),
    definition: str('definition'),
    stage: isLifecycleStage(row.stage) ? row.stage : 'acquisition',
    initiativeId: typeof row.initiativeId === 'string' ? row.initiativeId : null,
    kind: pick(metricKinds, row.kind, 'behavioural'),
    timing: pick(metricTimings, row.timing, 'lagging'),
    unit: pick(metricUnits, row.unit, 'count'),
    baseline: str('baseline'),
    target: str('target'),
    current: str('current'),
    currentDate: isIsoDate(row.currentDate) ? row.currentDate : '',
    direction: pick(metricDirections, row.direction, 'up'),
    source: str('source'),
    owner: str('owner'),
    cadence: pick(metricCadences, row.cadence, 'monthly'),
    status: pick(metricStatuses, row.status, 'proposed'),
    libraryId: typeof row.libraryId === 'string' ? row.libraryId : null,
    order: typeof row.order === 'number' ? row.order : 0,
    createdAt: typeof row.createdAt === 'number' ? row.createdAt : 0,
  };
}

export function createMetric(workshopId: string, stage: LifecycleStage, order: number, now: number, from?: Partial<Metric>): Metric {
  return {
    name: 'New metric',
    definition: '',
    initiativeId: null,
    kind: 'behavioural',
    timing: 'lagging',
    unit: 'percent',
    baseline: '',
    target: '',
    current: '',
    currentDate: '',
    direction: 'up',
    source: '',
    owner: '',
    cadence: 'monthly',
    status: 'proposed',
    libraryId: null,
    ...from,
    id: newId(),
    workshopId,
    stage,
    order,
    createdAt: now,
  };
}

// ---------------------------------------------------------------------------
// Numbers and validation
// ---------------------------------------------------------------------------

/**
 * Reads a number as people type it in a workshop, in the app's locale (domain/numbers.ts):
 * "12.5", "12,5", "1 200", "2.400.000", "−3", "45%", "€80", "3.2k", "1,5 Mio". Returns null for
 * empty or non-numeric text. Currency signs and a trailing % are ignored (the unit says what the
 * number is).
 */
export function parseMetricNumber(text: string, locale: string = appLocale): number | null {
  return parseNumber(text, locale);
}

export function isCommitted(m: Pick<Metric, 'status'>): boolean {
  return m.status === 'committed' || m.status === 'tracking';
}

export interface MetricIssue {
  readonly field: 'baseline' | 'target' | 'owner' | 'name' | 'currentDate' | MetricTextField;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

function fmt(n: number): string {
  return formatNumber(n);
}

/** Everything wrong with a metric, in words the room understands; empty when it is fine. */
export function validateMetric(m: Metric): MetricIssue[] {
  const issues: MetricIssue[] = [];
  if (!m.name.trim()) issues.push({ field: 'name', severity: 'error', message: 'Give the metric a name.' });
  for (const f of metricTextFields) {
    if (textLength(m[f] ?? '') > metricTextMax(f)) {
      issues.push({ field: f, severity: 'error', message: `${metricTextLabels[f]} is limited to ${metricTextMax(f)} characters.` });
    }
  }
  const values = { baseline: parseMetricNumber(m.baseline), target: parseMetricNumber(m.target), current: parseMetricNumber(m.current ?? '') };
  for (const f of ['baseline', 'target', 'current'] as const) {
    const raw = (m[f] ?? '').trim();
    const n = values[f];
    if (raw && n === null) {
      issues.push({ field: f, severity: 'error', message: `${metricTextLabels[f]} “${raw}” is not a number.` });
    } else if (n !== null && m.unit === 'percent' && (n < 0 || n > 100)) {
      issues.push({ field: f, severity: 'error', message: `${metricTextLabels[f]} ${fmt(n)}% is outside 0–100%.` });
    } else if (n !== null && n < 0 && (m.unit === 'count' || m.unit === 'days' || m.unit === 'hours' || m.unit === 'currency')) {
      issues.push({ field: f, severity: 'error', message: `${metricTextLabels[f]} cannot be negative for ${unitLabels[m.unit].toLowerCase()}.` });
    }
  }
  const b = values.baseline;
  const t = values.target;
  if (b !== null && t !== null) {
    if (m.direction === 'up' && t < b) {
      issues.push({ field: 'target', severity: 'error', message: `Target ${fmt(t)} is below the baseline ${fmt(b)}, but higher is better.` });
    } else if (m.direction === 'down' && t > b) {
      issues.push({ field: 'target', severity: 'error', message: `Target ${fmt(t)} is above the baseline ${fmt(b)}, but lower is better.` });
    } else if (t === b) {
      issues.push({ field: 'target', severity: 'warning', message: 'Target equals the baseline: nothing would change.' });
    }
  }
  if (m.current?.trim() && !m.currentDate) {
    issues.push({ field: 'currentDate', severity: 'warning', message: 'Say when the current value was measured.' });
  }
  if (isCommitted(m)) {
    if (!m.owner.trim()) issues.push({ field: 'owner', severity: 'error', message: `A ${m.status} metric needs an owner.` });
    if (!m.baseline.trim()) issues.push({ field: 'baseline', severity: 'warning', message: 'No baseline yet: make finding it an action.' });
    if (!m.target.trim()) issues.push({ field: 'target', severity: 'warning', message: 'No target yet.' });
  }
  return issues;
}

/**
 * A value for summaries and the deck. Typed with a sign, currency or suffix it stays exactly as
 * typed: "£96", "+25", "45%" and "3.2k" are the room's words. A bare number is shown in the
 * app's locale with its unit: "40" is "40%" for a percentage, "12" is "12 days".
 */
export function formatValue(raw: string, unit: MetricUnit, locale: string = appLocale): string {
  const typed = raw.trim();
  const n = parseMetricNumber(typed, locale);
  if (n === null) return typed || '—';
  if (!/^[\d.,\s\u00a0\u202f']+$/.test(typed)) return typed;
  const v = formatNumber(n, locale);
  switch (unit) {
    case 'percent':
      return `${v}%`;
    case 'days':
      return `${v} ${n === 1 ? 'day' : 'days'}`;
    case 'hours':
      return `${v} h`;
    default:
      return v;
  }
}

// ---------------------------------------------------------------------------
// Metric library (templates/library/metric-library.json)
// ---------------------------------------------------------------------------

const libraryText = (max: number) => z.string().trim().min(1).max(max);

export const metricLibraryEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be lower-case letters, digits and hyphens' }),
  name: libraryText(metricLimits.name),
  stage: z.enum(lifecycleStages),
  definition: libraryText(metricLimits.definition),
  kind: z.enum(metricKinds),
  timing: z.enum(metricTimings),
  unit: z.enum(metricUnits),
  direction: z.enum(metricDirections),
  cadence: z.enum(metricCadences),
  source: libraryText(metricLimits.source),
});
export type MetricLibraryEntry = z.infer<typeof metricLibraryEntrySchema>;

export const metricLibrarySchema = z
  .strictObject({
    formatVersion: z.literal(1),
    metrics: z.array(metricLibraryEntrySchema).min(1).max(200),
  })
  .superRefine((lib, ctx) => {
    const seen = new Set<string>();
    lib.metrics.forEach((m, i) => {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: ['metrics', i, 'id'], message: `duplicate id "${m.id}"` });
      seen.add(m.id);
    });
  });
export type MetricLibrary = z.infer<typeof metricLibrarySchema>;

/** Validates the library file; the error names the field ("metrics.3.unit: …"). */
export function parseMetricLibrary(data: unknown): { ok: true; library: MetricLibrary } | { ok: false; error: string } {
  const r = metricLibrarySchema.safeParse(data);
  if (r.success) return { ok: true, library: r.data };
  const first = r.error.issues[0]!;
  return { ok: false, error: `metric-library.json: ${first.path.join('.') || '(root)'}: ${first.message}` };
}

/** A metric made from a library entry, ready to edit. */
export function metricFromLibrary(e: MetricLibraryEntry, workshopId: string, order: number, now: number): Metric {
  return createMetric(workshopId, e.stage, order, now, {
    name: e.name,
    definition: e.definition,
    kind: e.kind,
    timing: e.timing,
    unit: e.unit,
    direction: e.direction,
    cadence: e.cadence,
    source: e.source,
    libraryId: e.id,
  });
}

// ---------------------------------------------------------------------------
// CSV rows for the measurement plan (the writer is export/csv.ts)
// ---------------------------------------------------------------------------

export const metricCsvHeader = [
  'Stage',
  'Initiative',
  'Metric',
  'Definition or formula',
  'Kind',
  'Leading or lagging',
  'Unit',
  'Baseline',
  'Target',
  'Current',
  'Current as of',
  'Direction',
  'Data source',
  'Owner',
  'Cadence',
  'Status',
  'Issues',
] as const;

/** One array of cells per metric, in plan order; values as typed (numbers stay numbers when they are). */
export function metricCsvRows(metrics: readonly Metric[], initiatives: readonly Pick<Initiative, 'id' | 'title'>[]): string[][] {
  const titles = new Map(initiatives.map((i) => [i.id, i.title]));
  return sortMetrics(metrics).map((m) => [
    stageLabels[m.stage],
    m.initiativeId ? (titles.get(m.initiativeId) ?? '') : '',
    m.name,
    m.definition,
    kindLabels[m.kind],
    timingLabels[m.timing],
    unitLabels[m.unit],
    m.baseline,
    m.target,
    m.current ?? '',
    m.currentDate ?? '',
    directionLabels[m.direction],
    m.source,
    m.owner,
    cadenceLabels[m.cadence],
    metricStatusLabels[m.status],
    validateMetric(m)
      .filter((i) => i.severity === 'error')
      .map((i) => i.message)
      .join(' '),
  ]);
}

/** Plan order: by lifecycle stage, then position. */
export function sortMetrics(metrics: readonly Metric[]): Metric[] {
  return [...metrics].sort(
    (a, b) => lifecycleStages.indexOf(a.stage) - lifecycleStages.indexOf(b.stage) || a.order - b.order || a.createdAt - b.createdAt,
  );
}

// ---------------------------------------------------------------------------
// Stage health: progress from baseline to target per stage; where to shift resources
// ---------------------------------------------------------------------------

/**
 * How far a metric's baseline is from its target, 0 (target met) to 1 (far off), or null when
 * either number is missing. Relative to the larger magnitude so % points, days and scores compare.
 * It says how ambitious the target is, not how far the work has come: that is `metricProgress`.
 */
export function metricGap(m: Pick<Metric, 'baseline' | 'target' | 'direction'>): number | null {
  const b = parseMetricNumber(m.baseline);
  const t = parseMetricNumber(m.target);
  if (b === null || t === null) return null;
  const short = m.direction === 'up' ? t - b : b - t;
  if (short <= 0) return 0;
  const scale = Math.max(Math.abs(t), Math.abs(b));
  return scale === 0 ? 0 : Math.min(1, short / scale);
}

/** Where a metric stands between its baseline and its target. */
export type MetricProgress =
  /** Baseline or target missing (or equal): there is no way to target to measure. */
  | { readonly kind: 'no-target' }
  /** Baseline and target known, but nobody has recorded where it stands now. */
  | { readonly kind: 'no-current' }
  /**
   * (current − baseline) ÷ (target − baseline): 0 at the baseline, 1 at the target, above 1
   * beyond it, below 0 when it moved away. The same formula serves lower-is-better metrics,
   * since target and current then both lie below the baseline.
   */
  | { readonly kind: 'measured'; readonly fraction: number };

export function metricProgress(m: Pick<Metric, 'baseline' | 'target' | 'current'>, locale: string = appLocale): MetricProgress {
  const b = parseMetricNumber(m.baseline, locale);
  const t = parseMetricNumber(m.target, locale);
  if (b === null || t === null || t === b) return { kind: 'no-target' };
  const c = parseMetricNumber(m.current ?? '', locale);
  if (c === null) return { kind: 'no-current' };
  return { kind: 'measured', fraction: (c - b) / (t - b) };
}

/** "93%", "−20%": a progress fraction as the room reads it (not capped: 120% means beyond target). */
export function formatProgress(fraction: number, locale: string = appLocale): string {
  return `${formatNumber(Math.round(fraction * 100), locale, 0)}%`;
}

export interface StageHealth {
  readonly stage: LifecycleStage;
  readonly metrics: readonly { metric: Metric; gap: number | null; progress: MetricProgress }[];
  /** Mean gap of the stage's metrics with a baseline and target, or null when none has both. */
  readonly gap: number | null;
  /** Mean progress of the stage's metrics with a current value, or null when none has one. */
  readonly progress: number | null;
  readonly byStatus: Readonly<Record<InitiativeStatus, number>>;
  /** Planned + in progress. */
  readonly active: number;
  readonly total: number;
  /** Share of all active initiatives that serve this stage (0–1). */
  readonly share: number;
}

export interface HealthSignal {
  /** The stage that most needs resources, or null when nothing is measured yet. */
  readonly weakest: LifecycleStage | null;
  /** One or two sentences the room can read aloud. */
  readonly message: string;
  /** Stages with no metric that has a baseline and a target. */
  readonly unmeasured: readonly LifecycleStage[];
}

/** Per stage: the stage's metrics with their gap and progress, initiatives by status (via each initiative's lane stage). */
export function stageHealth(
  metrics: readonly Metric[],
  initiatives: readonly Pick<Initiative, 'laneId' | 'status'>[],
  stageOfLane: (laneId: string) => LifecycleStage | null,
): StageHealth[] {
  const activeAll = initiatives.filter((i) => i.status === 'planned' || i.status === 'in-progress').length;
  const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  return lifecycleStages.map((stage) => {
    const ms = sortMetrics(metrics.filter((m) => m.stage === stage && m.status !== 'retired')).map((metric) => ({
      metric,
      gap: metricGap(metric),
      progress: metricProgress(metric),
    }));
    const byStatus = Object.fromEntries(initiativeStatuses.map((s) => [s, 0])) as Record<InitiativeStatus, number>;
    for (const i of initiatives) if (stageOfLane(i.laneId) === stage) byStatus[i.status]++;
    const active = byStatus.planned + byStatus['in-progress'];
    const total = initiativeStatuses.reduce((n, s) => n + (s === 'dropped' ? 0 : byStatus[s]), 0);
    return {
      stage,
      metrics: ms,
      gap: mean(ms.map((x) => x.gap).filter((g): g is number => g !== null)),
      progress: mean(ms.flatMap((x) => (x.progress.kind === 'measured' ? [x.progress.fraction] : []))),
      byStatus,
      active,
      total,
      share: activeAll ? active / activeAll : 0,
    };
  });
}

/**
 * The weakest stage is the one that has come least of the way to its targets (by current
 * values); while no stage has a current value, the one whose targets are furthest from its
 * baselines. Ties go to the one with fewer active initiatives. The message says why, and whether
 * the initiatives follow the need.
 */
export function healthSignal(health: readonly StageHealth[]): HealthSignal {
  const unmeasured = health.filter((h) => h.gap === null).map((h) => h.stage);
  const tracked = health.filter((h) => h.progress !== null);
  const measured = health.filter((h) => h.gap !== null);
  if (measured.length === 0) {
    return { weakest: null, unmeasured, message: 'No stage has a baseline and a target yet. Record them in the measurement plan to see where resources should go.' };
  }
  let weakest: StageHealth;
  let why: string;
  if (tracked.length > 0) {
    weakest = [...tracked].sort((a, b) => a.progress! - b.progress! || a.active - b.active)[0]!;
    const fractionOf = (p: MetricProgress) => (p.kind === 'measured' ? p.fraction : Number.POSITIVE_INFINITY);
    const worst = [...weakest.metrics].filter((x) => x.progress.kind === 'measured').sort((a, b) => fractionOf(a.progress) - fractionOf(b.progress))[0]!;
    const m = worst.metric;
    why = `${m.name} is at ${formatValue(m.current ?? '', m.unit)}, ${formatProgress(fractionOf(worst.progress))} of the way from ${formatValue(m.baseline, m.unit)} to ${formatValue(m.target, m.unit)}`;
  } else {
    weakest = [...measured].sort((a, b) => b.gap! - a.gap! || a.active - b.active)[0]!;
    const worst = [...weakest.metrics].filter((x) => x.gap !== null).sort((a, b) => b.gap! - a.gap!)[0]!;
    const m = worst.metric;
    why = `${m.name} is ${formatValue(m.baseline, m.unit)} against a target of ${formatValue(m.target, m.unit)} (no current values yet)`;
  }
  const name = stageLabels[weakest.stage];
  const mostFunded = [...health].sort((a, b) => b.active - a.active)[0]!;
  let shift: string;
  if (weakest.active === 0) shift = `No active initiative serves it yet: move budget and people here first.`;
  else if (mostFunded.stage !== weakest.stage && mostFunded.active > weakest.active) {
    shift = `It has ${weakest.active} active initiative${weakest.active === 1 ? '' : 's'}, against ${mostFunded.active} in ${stageLabels[mostFunded.stage]}: shift resources towards ${name}.`;
  } else shift = `It already has the most active initiatives (${weakest.active}); keep resources there.`;
  return { weakest: weakest.stage, unmeasured, message: `${name} is the weakest stage: ${why}. ${shift}` };
}

// ---------------------------------------------------------------------------
// Schema (for backups and any other border)
// ---------------------------------------------------------------------------


/**
 * One stored metric row, strictly: no unknown fields, every value of the right type and within
 * the measurement plan's limits (`metricLimits`). Fields `normalizeMetric` fills in when missing
 * are optional; when present they must be valid. Baseline and target are text as typed.
 */
export const metricRowSchema = z.strictObject({
  id: rowId,
  workshopId: rowId,
  name: rowText(metricTextMax('name')).optional(),
  definition: rowText(metricTextMax('definition')).optional(),
  stage: z.enum(lifecycleStages).optional(),
  initiativeId: rowId.nullable().optional(),
  kind: z.enum(metricKinds).optional(),
  timing: z.enum(metricTimings).optional(),
  unit: z.enum(metricUnits).optional(),
  baseline: rowText(metricTextMax('baseline')).optional(),
  target: rowText(metricTextMax('target')).optional(),
  current: rowText(metricTextMax('current')).optional(),
  currentDate: z.union([z.literal(''), z.string().refine(isIsoDate, 'must be a real day written YYYY-MM-DD')]).optional(),
  direction: z.enum(metricDirections).optional(),
  source: rowText(metricTextMax('source')).optional(),
  owner: rowText(metricTextMax('owner')).optional(),
  cadence: z.enum(metricCadences).optional(),
  status: z.enum(metricStatuses).optional(),
  // A metric-library entry id (lower-case letters, digits and hyphens).
  libraryId: rowId.nullable().optional(),
  order: orderNumber.optional(),
  createdAt: timeMs.optional(),
});

// Keeps the schema and the type in step: a field on one and not the other, or a value one
// allows and the other does not, fails to compile.
type SchemaMetric = z.infer<typeof metricRowSchema>;
const _metricFromSchema: (m: Required<SchemaMetric>) => Metric = (m) => m;
const _metricToSchema: (m: Metric) => SchemaMetric = (m) => m;
type _MetricKeys = Exclude<keyof Metric, keyof SchemaMetric> | Exclude<keyof SchemaMetric, keyof Metric>;
const _metricKeysMatch: [_MetricKeys] extends [never] ? true : never = true;
void _metricFromSchema;
void _metricToSchema;
void _metricKeysMatch;
