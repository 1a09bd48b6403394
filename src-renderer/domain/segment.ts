// Segment value & needs maps: per segment, its needs, the offer against them, the fit, and
// its value. Plain readonly data and pure functions; no React, Dexie or DOM. Field names are
// stored in IndexedDB ("segments" table) and in backups: changing one needs a migration.
import { z } from 'zod';
import { timeMs } from './row-fields';
import { idPattern, newId } from './ids';
import { appLocale, formatCompact, formatNumber, readNumber } from './numbers';
import { capText, textLength, tooLongMessage } from './text';

export const needKinds = ['job', 'pain', 'gain'] as const;
export type NeedKind = (typeof needKinds)[number];

export const offerKinds = ['product', 'pain-reliever', 'gain-creator'] as const;
export type OfferKind = (typeof offerKinds)[number];

export const needKindLabels: Readonly<Record<NeedKind, string>> = { job: 'Jobs', pain: 'Pains', gain: 'Gains' };
export const offerKindLabels: Readonly<Record<OfferKind, string>> = {
  product: 'Products & services',
  'pain-reliever': 'Pain relievers',
  'gain-creator': 'Gain creators',
};

export interface Need {
  readonly id: string;
  readonly kind: NeedKind;
  readonly text: string;
  /** 1 (nice to have) to 5 (essential). */
  readonly importance: number;
}

export interface Offer {
  readonly id: string;
  readonly kind: OfferKind;
  readonly text: string;
  /** The needs this offer answers. */
  readonly needIds: readonly string[];
}

export const priorities = ['high', 'medium', 'low'] as const;
export type Priority = (typeof priorities)[number];

/** The portfolio strategies the method names for a segment. FORMAT: stored. */
export const portfolioStrategies = ['grow', 'keep', 'lower-cost', 'rethink'] as const;
export type PortfolioStrategy = (typeof portfolioStrategies)[number];

export interface Segment {
  readonly id: string;
  readonly workshopId: string;
  readonly name: string;
  readonly description: string;
  readonly color: string;
  readonly needs: readonly Need[];
  readonly offers: readonly Offer[];
  /** Number of customers (or accounts) in the segment. */
  readonly size: number;
  /** Value today, per year, in the workshop's currency. */
  readonly currentValue: number;
  /** Value the segment could bring, per year. */
  readonly potentialValue: number;
  /** The priority the room agreed, or null while undecided (the suggestion is shown instead). */
  readonly priority: Priority | null;
  /** What the room decided to do with the segment (grow, keep, serve at lower cost, rethink), or null while undecided. */
  readonly strategy: PortfolioStrategy | null;
  /** Position in the list (ascending). */
  readonly order: number;
  /** ms since epoch */
  readonly createdAt: number;
}

export const segmentLimits = {
  name: 80,
  description: 1000,
  needText: 300,
  offerText: 300,
  needsPerSegment: 60,
  offersPerSegment: 60,
  /** Largest number accepted for size and values. */
  maxNumber: 1e12,
} as const;

// ---------------------------------------------------------------------------------------------
// Pure functions from old to new. Every change returns a new Segment; nothing is mutated.


/** Segment colours, in the order new segments take them; each keeps white text readable. */
export const segmentColors = ['#2f4fd8', '#0f7a5f', '#b4481f', '#7a4fd6', '#a3326b', '#1f6f8b', '#8a5a00', '#5b6b1f'] as const;

export const needKindSingular: Readonly<Record<NeedKind, string>> = { job: 'job', pain: 'pain', gain: 'gain' };
export const offerKindSingular: Readonly<Record<OfferKind, string>> = {
  product: 'product or service',
  'pain-reliever': 'pain reliever',
  'gain-creator': 'gain creator',
};
export const priorityLabels: Readonly<Record<Priority, string>> = { high: 'High', medium: 'Medium', low: 'Low' };
export const strategyLabels: Readonly<Record<PortfolioStrategy, string>> = { grow: 'Grow', keep: 'Keep', 'lower-cost': 'Serve at lower cost', rethink: 'Rethink' };
export const importanceLabels: Readonly<Record<number, string>> = {
  1: 'Nice to have',
  2: 'Minor',
  3: 'Important',
  4: 'Very important',
  5: 'Essential',
};
export const DEFAULT_IMPORTANCE = 3;

export function createSegment(workshopId: string, name: string, order: number, now: number = Date.now()): Segment {
  return {
    id: newId(),
    workshopId,
    name,
    description: '',
    color: segmentColors[((order % segmentColors.length) + segmentColors.length) % segmentColors.length]!,
    needs: [],
    offers: [],
    size: 0,
    currentValue: 0,
    potentialValue: 0,
    priority: null,
    strategy: null,
    order,
    createdAt: now,
  };
}

/** A stored segment made whole: rows from before portfolio strategies read as undecided. */
export function readSegment<T extends Omit<Segment, 'strategy'> & { readonly strategy?: PortfolioStrategy | null }>(row: T): Segment {
  return { ...row, strategy: row.strategy ?? null };
}

/** The order a new segment takes: after the last one. */
export function nextOrder(all: readonly Segment[]): number {
  return all.reduce((m, s) => Math.max(m, s.order + 1), 0);
}

/** Segments in list order (stable for equal orders). */
export function sortSegments(all: readonly Segment[]): Segment[] {
  return [...all].sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
}

/**
 * Moves a segment one place up (-1) or down (+1) in list order. Returns the segments whose
 * order changed (with their new order), or [] when it cannot move.
 */
export function moveSegment(all: readonly Segment[], id: string, delta: -1 | 1): { id: string; order: number }[] {
  const list = sortSegments(all);
  const i = list.findIndex((s) => s.id === id);
  const j = i + delta;
  if (i === -1 || j < 0 || j >= list.length) return [];
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next.flatMap((s, k) => (s.order === k ? [] : [{ id: s.id, order: k }]));
}

export interface NewItemOptions {
  readonly id?: string;
  readonly text?: string;
  /** Insert right after this item (Enter in an item adds the next one below it). */
  readonly afterId?: string;
}

function insertAfter<T extends { id: string }>(list: readonly T[], item: T, afterId?: string): T[] {
  const i = afterId ? list.findIndex((x) => x.id === afterId) : -1;
  if (i === -1) return [...list, item];
  return [...list.slice(0, i + 1), item, ...list.slice(i + 1)];
}

export function addNeed(s: Segment, kind: NeedKind, opts: NewItemOptions & { importance?: number } = {}): Segment {
  const need: Need = { id: opts.id ?? newId(), kind, text: opts.text ?? '', importance: opts.importance ?? DEFAULT_IMPORTANCE };
  return { ...s, needs: insertAfter(s.needs, need, opts.afterId) };
}

export function updateNeed(s: Segment, needId: string, patch: Partial<Pick<Need, 'text' | 'importance' | 'kind'>>): Segment {
  return { ...s, needs: s.needs.map((n) => (n.id === needId ? { ...n, ...patch } : n)) };
}

/** Removes a need and its links from every offer that answered it. */
export function removeNeed(s: Segment, needId: string): Segment {
  return {
    ...s,
    needs: s.needs.filter((n) => n.id !== needId),
    offers: s.offers.map((o) => (o.needIds.includes(needId) ? { ...o, needIds: o.needIds.filter((id) => id !== needId) } : o)),
  };
}

export function addOffer(s: Segment, kind: OfferKind, opts: NewItemOptions & { needIds?: readonly string[] } = {}): Segment {
  const offer: Offer = { id: opts.id ?? newId(), kind, text: opts.text ?? '', needIds: [...(opts.needIds ?? [])] };
  return { ...s, offers: insertAfter(s.offers, offer, opts.afterId) };
}

export function updateOffer(s: Segment, offerId: string, patch: Partial<Pick<Offer, 'text' | 'kind'>>): Segment {
  return { ...s, offers: s.offers.map((o) => (o.id === offerId ? { ...o, ...patch } : o)) };
}

export function removeOffer(s: Segment, offerId: string): Segment {
  return { ...s, offers: s.offers.filter((o) => o.id !== offerId) };
}

/** The offer answering (on) or no longer answering (off) a need. Never duplicates a link. */
export function linkOffer(offer: Offer, needId: string, on: boolean): Offer {
  const has = offer.needIds.includes(needId);
  if (on === has) return offer;
  return { ...offer, needIds: on ? [...offer.needIds, needId] : offer.needIds.filter((id) => id !== needId) };
}

/** linkOffer inside a segment; a link to a need the segment does not have is ignored. */
export function setOfferLink(s: Segment, offerId: string, needId: string, on: boolean): Segment {
  if (on && !s.needs.some((n) => n.id === needId)) return s;
  return { ...s, offers: s.offers.map((o) => (o.id === offerId ? linkOffer(o, needId, on) : o)) };
}

// ---------------------------------------------------------------------------------------------
// Fit and priority

export interface Fit {
  /** Needs at least one offer answers, in map order. */
  readonly answered: Need[];
  /** Needs nothing answers, most important first (map order among equals). */
  readonly unanswered: Need[];
  /** Share of need importance that is answered, 0..1 (0 when there are no needs). */
  readonly score: number;
  /** Offers that answer no need of this segment. */
  readonly offersWithoutNeed: Offer[];
}

export function fit(s: Segment): Fit {
  const needIds = new Set(s.needs.map((n) => n.id));
  const linked = new Set<string>();
  for (const o of s.offers) for (const id of o.needIds) if (needIds.has(id)) linked.add(id);
  const answered = s.needs.filter((n) => linked.has(n.id));
  const unanswered = s.needs
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => !linked.has(n.id))
    .sort((a, b) => b.n.importance - a.n.importance || a.i - b.i)
    .map(({ n }) => n);
  const total = s.needs.reduce((sum, n) => sum + n.importance, 0);
  const got = answered.reduce((sum, n) => sum + n.importance, 0);
  return {
    answered,
    unanswered,
    score: total > 0 ? got / total : 0,
    offersWithoutNeed: s.offers.filter((o) => !o.needIds.some((id) => needIds.has(id))),
  };
}

/** Importance from which an unanswered need counts as a reason to prioritise. */
export const IMPORTANT_NEED = 4;
/** Fit below which a large segment is under-served. */
export const FIT_THRESHOLD = 0.7;

export interface PrioritySuggestion {
  readonly priority: Priority;
  /** 0..1, for ranking: 0.5 × relative potential + 0.3 × relative headroom + 0.2 × (1 − fit). */
  readonly score: number;
  /** Why, in words the room understands. */
  readonly reasons: string[];
}

/**
 * Suggests a priority for one segment among all of the workshop's segments.
 *
 * - relative potential = potential value ÷ the largest potential value of all segments;
 * - relative headroom = (potential − current) ÷ the largest headroom of all segments;
 * - fit = the importance-weighted share of needs the offer answers.
 *
 * High: potential in the top third (relative potential ≥ ⅔) and either fit below 70 % (with
 * needs captured) or relative headroom ≥ ½; or potential in the middle third with at least two important
 * needs (importance 4–5) unanswered and relative headroom ≥ ⅓.
 * Low: potential in the bottom third and relative headroom below ⅓.
 * Medium: everything else, and every segment while no potential value has been entered.
 */
export function suggestPriority(s: Segment, all: readonly Segment[]): PrioritySuggestion {
  const pool = all.some((x) => x.id === s.id) ? all : [...all, s];
  const maxPotential = Math.max(0, ...pool.map((x) => x.potentialValue));
  const headroomOf = (x: Segment) => Math.max(0, x.potentialValue - x.currentValue);
  const maxHeadroom = Math.max(0, ...pool.map(headroomOf));
  const relPotential = maxPotential > 0 ? s.potentialValue / maxPotential : 0;
  const headroom = headroomOf(s);
  const relHeadroom = maxHeadroom > 0 ? headroom / maxHeadroom : 0;
  const f = fit(s);
  const important = f.unanswered.filter((n) => n.importance >= IMPORTANT_NEED);
  const gap = s.needs.length > 0 ? 1 - f.score : 1;
  const score = round3(0.5 * relPotential + 0.3 * relHeadroom + 0.2 * gap);
  const reasons: string[] = [];

  if (maxPotential === 0) {
    reasons.push('No potential value entered yet: enter current and potential value to get a suggestion.');
    return { priority: 'medium', score, reasons };
  }

  const third = relPotential >= 2 / 3 ? 'top' : relPotential >= 1 / 3 ? 'middle' : 'bottom';
  reasons.push(
    s.potentialValue === maxPotential
      ? `Largest potential value (${formatValue(s.potentialValue)}).`
      : `Potential ${formatValue(s.potentialValue)} is ${pct(relPotential)} of the largest (${formatValue(maxPotential)}): ${third} third.`,
  );
  reasons.push(
    headroom > 0
      ? `Room to grow ${formatValue(headroom)} (potential − current), ${pct(relHeadroom)} of the largest.`
      : 'No room to grow: current value already meets the potential.',
  );
  if (s.needs.length === 0) reasons.push('No needs captured yet, so the fit is unknown.');
  else reasons.push(`Fit ${pct(f.score)}: ${f.score < FIT_THRESHOLD ? 'the offer leaves needs unanswered' : 'the offer answers most needs'}.`);
  if (important.length > 0) {
    const names = important.slice(0, 3).map((n) => `“${n.text.trim() || 'untitled'}”`).join(', ');
    reasons.push(`${important.length} important ${important.length === 1 ? 'need' : 'needs'} unanswered: ${names}${important.length > 3 ? '…' : ''}.`);
  }

  // Without needs the fit is unknown, so it cannot make a segment look under-served.
  const underServed = s.needs.length > 0 && f.score < FIT_THRESHOLD;
  let priority: Priority;
  if (third === 'top' && (underServed || relHeadroom >= 0.5)) priority = 'high';
  else if (third === 'middle' && important.length >= 2 && relHeadroom >= 1 / 3) priority = 'high';
  else if (third === 'bottom' && relHeadroom < 1 / 3) priority = 'low';
  else priority = 'medium';
  return { priority, score, reasons };
}

/** The priority the room agreed, or the suggestion while undecided. */
export function effectivePriority(s: Segment, all: readonly Segment[]): Priority {
  return s.priority ?? suggestPriority(s, all).priority;
}

/** Segments ranked by suggestion score, highest first (list order among equals). */
export function rankSegments(all: readonly Segment[]): { segment: Segment; suggestion: PrioritySuggestion }[] {
  return sortSegments(all)
    .map((segment, i) => ({ segment, suggestion: suggestPriority(segment, all), i }))
    .sort((a, b) => b.suggestion.score - a.suggestion.score || a.i - b.i)
    .map(({ segment, suggestion }) => ({ segment, suggestion }));
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function pct(n: number): string {
  return `${Math.round(n * 100)} %`;
}

// ---------------------------------------------------------------------------------------------
// Numbers and text

/**
 * Compact form for charts and lists, in the app's locale: 850, 1.2 k, 850 k, 14.5 M, 3.4 bn
 * (three significant digits: 14,500,000 is "14.5 M", not "15 M").
 */
export function formatValue(n: number, locale: string = appLocale): string {
  return formatCompact(n, locale);
}

/** A whole number with the locale's thousands separators, e.g. "12,000" ("12.000" in German). */
export function formatCount(n: number, locale: string = appLocale): string {
  return Number.isFinite(n) ? formatNumber(Math.round(n), locale, 0) : '–';
}

export type NumberField = 'size' | 'currentValue' | 'potentialValue';
export const numberFieldLabels: Readonly<Record<NumberField, string>> = {
  size: 'Size',
  currentValue: 'Current value',
  potentialValue: 'Potential value',
};

/** Null when the number can be stored; otherwise what is wrong, ready to show. */
export function validateSegmentNumber(value: number, label = 'Value'): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${label} must be a number.`;
  if (value < 0) return `${label} cannot be negative.`;
  if (value > segmentLimits.maxNumber) return `${label} is limited to ${formatCount(segmentLimits.maxNumber)}.`;
  return null;
}

/**
 * Reads what a facilitator types into a number field, in the app's locale (domain/numbers.ts):
 * "1200000", "1,200,000", "2.400.000", "1 200 000", "1.2M", "1,5 Mio", "850 k", "3.4 bn". Empty
 * means 0. Returns the number, or a message.
 */
export function parseSegmentNumber(text: string, label = 'Value', locale: string = appLocale): { value: number } | { error: string } {
  const r = readNumber(text, locale);
  if (!r.ok) {
    if (r.reason === 'empty') return { value: 0 };
    if (r.reason === 'unknown-suffix') return { error: `${label}: “${capText(r.suffix, 20)}” is not a unit (use k, M or bn).` };
    return { error: `${label} must be a number, like ${formatNumber(12000, locale)} or ${formatCompact(1.2e6, locale)}.` };
  }
  const rounded = Math.round(r.value * 100) / 100;
  const error = validateSegmentNumber(rounded, label);
  return error ? { error } : { value: rounded };
}

export type SegmentTextField = 'name' | 'description' | 'needText' | 'offerText';
export const segmentTextLabels: Readonly<Record<SegmentTextField, string>> = {
  name: 'Segment name',
  description: 'Description',
  needText: 'Need',
  offerText: 'Offer',
};

/** Null when the text can be stored; over-long text is refused (never cut). A name is required. */
export function validateSegmentText(field: SegmentTextField, value: string, label = segmentTextLabels[field]): string | null {
  const max = segmentLimits[field];
  if (textLength(value) > max) return tooLongMessage(label, max);
  if (field === 'name' && !value.trim()) return 'Give the segment a name.';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Schema for rows read from outside (backup files). Strict: unknown fields are refused.

const text = (max: number, label: string) =>
  z.string().refine((v) => textLength(v) <= max, { message: tooLongMessage(label, max) });
const id = z.string().regex(idPattern, 'is not a valid id');
const amount = z
  .number()
  .finite()
  .min(0, 'cannot be negative')
  .max(segmentLimits.maxNumber, `is limited to ${segmentLimits.maxNumber.toLocaleString('en-US')}`);

const needSchema = z.strictObject({
  id,
  kind: z.enum(needKinds),
  text: text(segmentLimits.needText, 'Need'),
  importance: z.number().int().min(1).max(5),
});

const offerSchema = z.strictObject({
  id,
  kind: z.enum(offerKinds),
  text: text(segmentLimits.offerText, 'Offer'),
  needIds: z.array(id).max(segmentLimits.needsPerSegment),
});

export const segmentRowSchema = z
  .strictObject({
    id,
    workshopId: id,
    name: text(segmentLimits.name, 'Segment name'),
    description: text(segmentLimits.description, 'Description'),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #2f4fd8'),
    needs: z.array(needSchema).max(segmentLimits.needsPerSegment),
    offers: z.array(offerSchema).max(segmentLimits.offersPerSegment),
    size: amount,
    currentValue: amount,
    potentialValue: amount,
    priority: z.enum(priorities).nullable(),
    // Added after the first release: a row without it reads as undecided (records.ts fills null).
    strategy: z.enum(portfolioStrategies).nullable().optional(),
    order: z.number().int().min(0),
    createdAt: timeMs,
  })
  .superRefine((s, ctx) => {
    const needIds = new Set<string>();
    s.needs.forEach((n, i) => {
      if (needIds.has(n.id)) ctx.addIssue({ code: 'custom', path: ['needs', i, 'id'], message: `duplicate need id ${n.id}` });
      needIds.add(n.id);
    });
    const offerIds = new Set<string>();
    s.offers.forEach((o, i) => {
      if (offerIds.has(o.id)) ctx.addIssue({ code: 'custom', path: ['offers', i, 'id'], message: `duplicate offer id ${o.id}` });
      offerIds.add(o.id);
      o.needIds.forEach((nid, j) => {
        if (!needIds.has(nid)) {
          ctx.addIssue({ code: 'custom', path: ['offers', i, 'needIds', j], message: `names a need this segment does not have (${nid})` });
        }
      });
    });
  });
