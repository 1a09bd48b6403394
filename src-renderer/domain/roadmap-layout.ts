// Where each initiative card sits on the roadmap: its horizontal extent from its dates (or
// bucket) and a sub-row inside its lane so that no two cards ever overlap. Pure: pixels in,
// pixels out; no DOM. The screen renders exactly what this returns.
import { addDays, diffDays, snapDaysToWeeks, startOfWeek } from './roadmap-dates';
import { bucketOf, horizonColumns, type Initiative, type RoadmapSettings } from './roadmap';

export interface Span {
  readonly id: string;
  /** Left edge (inclusive). */
  readonly x0: number;
  /** Right edge (exclusive); must be greater than x0. */
  readonly x1: number;
  /** Tie-break for spans starting at the same place (lower first). */
  readonly order?: number;
}

export interface Packing {
  /** Sub-row index per span id, 0 = top. */
  readonly rows: ReadonlyMap<string, number>;
  readonly rowCount: number;
}

/**
 * Greedy interval packing: spans sorted by left edge go into the first sub-row whose last span
 * ends at least `gap` before they start. Sorting by start makes first-fit optimal: the number of
 * rows equals the largest number of spans over any one point.
 */
export function packRows(spans: readonly Span[], gap = 0): Packing {
  const sorted = [...spans].sort((a, b) => a.x0 - b.x0 || (a.order ?? 0) - (b.order ?? 0) || b.x1 - a.x1 || (a.id < b.id ? -1 : 1));
  const rowEnds: number[] = [];
  const rows = new Map<string, number>();
  for (const s of sorted) {
    let row = rowEnds.findIndex((end) => end + gap <= s.x0);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(s.x1);
    } else rowEnds[row] = s.x1;
    rows.set(s.id, row);
  }
  return { rows, rowCount: rowEnds.length };
}

/** True when two spans in the same row overlap (used by tests and a dev check). */
export function overlaps(a: Span, b: Span): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1;
}

export interface TimelineGeometry {
  readonly kind: 'quarters' | 'buckets';
  /** Width of the dated (or bucket) area in px, after the unscheduled column. */
  readonly width: number;
  /** Width of the "Unscheduled" column on a quarters horizon (0 when there is none). */
  readonly unscheduledWidth: number;
  /** Quarters: first and last day shown. */
  readonly firstDay: string | null;
  readonly lastDay: string | null;
  readonly totalDays: number;
  readonly bucketCount: number;
}

export interface CardBox {
  readonly id: string;
  readonly laneId: string;
  readonly left: number;
  readonly width: number;
  readonly row: number;
  /** The initiative starts before / ends after the visible horizon. */
  readonly clippedLeft: boolean;
  readonly clippedRight: boolean;
  /** On a quarters horizon without dates. */
  readonly unscheduled: boolean;
}

export interface TimelineLayout {
  readonly geometry: TimelineGeometry;
  readonly cards: readonly CardBox[];
  /** Sub-rows per lane id (at least 1, so an empty lane still shows). */
  readonly laneRows: Readonly<Record<string, number>>;
}

export interface LayoutOptions {
  /** Total width available for unscheduled column + horizon, px. */
  readonly width: number;
  /** Smallest card width so a title stays readable, px. */
  readonly minCardWidth: number;
  /** Horizontal gap kept between cards in one sub-row, px. */
  readonly gap: number;
  readonly unscheduledWidth: number;
}

export function timelineGeometry(settings: RoadmapSettings, hasUnscheduled: boolean, opts: LayoutOptions): TimelineGeometry {
  const cols = horizonColumns(settings);
  if (settings.horizon === 'buckets') {
    return { kind: 'buckets', width: opts.width, unscheduledWidth: 0, firstDay: null, lastDay: null, totalDays: 0, bucketCount: cols.length };
  }
  const unscheduledWidth = hasUnscheduled ? opts.unscheduledWidth : 0;
  const firstDay = cols[0]!.start!;
  const lastDay = cols[cols.length - 1]!.end!;
  return {
    kind: 'quarters',
    width: Math.max(1, opts.width - unscheduledWidth),
    unscheduledWidth,
    firstDay,
    lastDay,
    totalDays: diffDays(firstDay, lastDay) + 1,
    bucketCount: 0,
  };
}

/** x of the start of a calendar day, relative to the dated area. */
export function dayToX(g: TimelineGeometry, day: string): number {
  return (diffDays(g.firstDay!, day) / g.totalDays) * g.width;
}

/** Lays out every initiative: lane, extent and sub-row; never two overlapping boxes in one lane row. */
export function layoutTimeline(
  initiatives: readonly Initiative[],
  settings: RoadmapSettings,
  opts: LayoutOptions,
): TimelineLayout {
  const laneIds = settings.lanes.map((l) => l.id);
  const laneOf = (i: Initiative) => (laneIds.includes(i.laneId) ? i.laneId : laneIds[0]!);
  const quarters = settings.horizon === 'quarters';
  const hasUnscheduled = quarters && initiatives.some((i) => !i.start);
  const g = timelineGeometry(settings, hasUnscheduled, opts);
  const pad = opts.gap / 2;
  const raw = initiatives.map((i) => {
    if (g.kind === 'buckets') {
      const col = g.width / g.bucketCount;
      const b = Math.min(g.bucketCount - 1, bucketOf(i));
      return { i, left: b * col + pad, right: (b + 1) * col - pad, clippedLeft: false, clippedRight: false, unscheduled: false };
    }
    if (!i.start) return { i, left: -g.unscheduledWidth + pad, right: -pad, clippedLeft: false, clippedRight: false, unscheduled: true };
    const end = i.end ?? i.start;
    let left = dayToX(g, i.start);
    let right = dayToX(g, addDays(end, 1));
    const clippedLeft = left < 0;
    const clippedRight = right > g.width;
    left = Math.max(0, Math.min(left, g.width));
    right = Math.max(0, Math.min(right, g.width));
    // Keep a readable width, inside the horizon.
    if (right - left < opts.minCardWidth) {
      right = left + opts.minCardWidth;
      if (right > g.width) {
        right = g.width;
        left = Math.max(0, right - opts.minCardWidth);
      }
    }
    return { i, left: left + pad, right: right - pad, clippedLeft, clippedRight, unscheduled: false };
  });
  const laneRows: Record<string, number> = {};
  const cards: CardBox[] = [];
  for (const laneId of laneIds) {
    const inLane = raw.filter((r) => laneOf(r.i) === laneId);
    const packing = packRows(
      inLane.map((r) => ({ id: r.i.id, x0: r.left, x1: Math.max(r.right, r.left + 1), order: r.i.order })),
      opts.gap / 2,
    );
    laneRows[laneId] = Math.max(1, packing.rowCount);
    for (const r of inLane) {
      cards.push({
        id: r.i.id,
        laneId,
        left: r.left + g.unscheduledWidth,
        width: Math.max(1, r.right - r.left),
        row: packing.rows.get(r.i.id) ?? 0,
        clippedLeft: r.clippedLeft,
        clippedRight: r.clippedRight,
        unscheduled: r.unscheduled,
      });
    }
  }
  return { geometry: g, cards, laneRows };
}

/** Default length of an initiative scheduled by dragging it out of "Unscheduled": six weeks. */
export const DEFAULT_DURATION_DAYS = 42;

/** Where a horizontal drag of `dx` px moves a dated initiative: whole weeks, duration kept. */
export function shiftDatesByPixels(g: TimelineGeometry, start: string, end: string, dx: number): { start: string; end: string } {
  const days = snapDaysToWeeks((dx / g.width) * g.totalDays);
  return { start: addDays(start, days), end: addDays(end, days) };
}

/** Dates for an undated initiative dropped at x (relative to the dated area): from that week's Monday, six weeks. */
export function datesAtX(g: TimelineGeometry, x: number): { start: string; end: string } {
  const dayIndex = Math.max(0, Math.min(g.totalDays - 1, Math.floor((x / g.width) * g.totalDays)));
  let start = startOfWeek(addDays(g.firstDay!, dayIndex));
  if (start < g.firstDay!) start = g.firstDay!;
  return { start, end: addDays(start, DEFAULT_DURATION_DAYS - 1) };
}

/** The bucket under x (relative to the bucket area). */
export function bucketAtX(g: TimelineGeometry, x: number): number {
  return Math.max(0, Math.min(g.bucketCount - 1, Math.floor((x / g.width) * g.bucketCount)));
}

/** Where "today" falls on a quarters horizon, or null when outside it. */
export function todayX(g: TimelineGeometry, today: string): number | null {
  if (g.kind !== 'quarters' || today < g.firstDay! || today > g.lastDay!) return null;
  return dayToX(g, today) + g.unscheduledWidth;
}

