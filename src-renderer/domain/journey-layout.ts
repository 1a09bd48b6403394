// Where everything on a journey canvas goes: columns per stage, rows per lane (growing to fit
// their cards), each card's rectangle inside its cell, and which cell a point falls in.
// Pure geometry in canvas units; no React, Dexie or DOM. Also the card moves (drag, keyboard,
// paste) as functions from the cards as stored to the cards that change.
import {
  clampNumber,
  createCard,
  type CardMark,
  type Journey,
  type JourneyCard,
  type LaneKind,
} from './journey';

export interface LayoutOptions {
  /** Width of the lane header column on the left. */
  readonly headerWidth: number;
  /** Height of the stage header row on top. */
  readonly headerHeight: number;
  /** Card width, or 'fill' for one card per row filling the cell (big screen). */
  readonly cardWidth: number | 'fill';
  readonly fontSize: number;
  /** Line height as a multiple of the font size. */
  readonly lineHeight: number;
  /** Average glyph advance as a multiple of the font size (Inter: about 0.52). */
  readonly charWidth: number;
  readonly cardPadX: number;
  readonly cardPadY: number;
  /** Space between cards. */
  readonly gap: number;
  /** Space between a cell's edge and its cards. */
  readonly cellPad: number;
  /** Longer text is clamped (with an ellipsis) to this many lines. */
  readonly maxLines: number;
  /** Card border width (inside the card's box). */
  readonly border: number;
  /** The emotion lane is at least this tall (room for the curve at large type). */
  readonly minEmotionHeight: number;
  /**
   * Marks show as labelled pills this wide (in ems of the card font) and wrap onto more footer
   * lines when they do not fit side by side (big screen); unset, marks are icons on one line.
   */
  readonly markWordEms?: number;
}

export const normalLayout: LayoutOptions = {
  headerWidth: 220,
  headerHeight: 72,
  cardWidth: 196,
  fontSize: 15,
  lineHeight: 1.35,
  charWidth: 0.55,
  cardPadX: 12,
  cardPadY: 10,
  gap: 12,
  cellPad: 14,
  maxLines: 6,
  border: 1.5,
  minEmotionHeight: 0,
};

/**
 * Big-screen layout: one card per row, type sized so that when the stages fill the width of
 * the screen, card text is at least `minScreenPx` tall.
 */
export function bigScreenLayout(journey: Pick<Journey, 'stages'>, screenWidth: number, minScreenPx = 28): LayoutOptions {
  const headerWidth = 260;
  const total = headerWidth + journey.stages.reduce((n, s) => n + s.width, 0);
  const fitZoom = Math.min(1, (screenWidth - 48) / Math.max(1, total));
  const fontSize = Math.ceil(minScreenPx / fitZoom);
  return {
    headerWidth,
    headerHeight: Math.round(fontSize * 2.6),
    cardWidth: 'fill',
    fontSize,
    lineHeight: 1.25,
    charWidth: 0.57,
    cardPadX: Math.round(fontSize * 0.5),
    cardPadY: Math.round(fontSize * 0.4),
    gap: Math.round(fontSize * 0.4),
    cellPad: Math.round(fontSize * 0.45),
    maxLines: 5,
    border: 3,
    minEmotionHeight: fontSize * 8,
    // "Moment of truth" at 0.7 em with its icon and padding (journey.css, .jy-mark-word).
    markWordEms: 7.6,
  };
}

export interface CellRef {
  readonly stageId: string;
  readonly laneId: string;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface CardRect extends Rect {
  /** Lines of text shown (after clamping). */
  readonly lines: number;
}

export interface ColumnLayout {
  readonly stageId: string;
  readonly x: number;
  readonly width: number;
}

export interface RowLayout {
  readonly laneId: string;
  readonly kind: LaneKind;
  readonly y: number;
  readonly height: number;
}

export interface CellLayout extends Rect, CellRef {
  /** Card ids in display order. */
  readonly cardIds: readonly string[];
  /** Cards per row in this cell. */
  readonly columns: number;
}

export interface JourneyLayout {
  readonly options: LayoutOptions;
  readonly columns: readonly ColumnLayout[];
  readonly rows: readonly RowLayout[];
  /** By `cellKey(stageId, laneId)`. */
  readonly cells: ReadonlyMap<string, CellLayout>;
  readonly cards: ReadonlyMap<string, CardRect>;
  /** Whole canvas, headers included. */
  readonly width: number;
  readonly height: number;
}

export const cellKey = (stageId: string, laneId: string): string => `${stageId}\u0000${laneId}`;

/** Lines a text takes when greedily wrapped at `perLine` characters (at least 1). */
export function wrapLines(text: string, perLine: number): number {
  const width = Math.max(1, Math.floor(perLine));
  let lines = 0;
  for (const para of text.split('\n')) {
    let line = 0;
    let used = 1;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const len = [...word].length;
      if (line === 0) line = len;
      else if (line + 1 + len <= width) line += 1 + len;
      else {
        used++;
        line = len;
      }
      // A word longer than a line breaks across lines.
      while (line > width) {
        used++;
        line -= width;
      }
    }
    lines += used;
  }
  return Math.max(1, lines);
}

/** Height of the line of icons under a card's text (marks, roadmap link). */
export const footerHeight = (o: LayoutOptions): number => Math.round(o.fontSize * 1.5);

export function cardHasFooter(card: Pick<JourneyCard, 'marks' | 'initiativeId'>): boolean {
  return card.marks.length > 0 || card.initiativeId !== null;
}

/** How many footer lines a card's marks take: one, unless labelled marks (markWordEms) do not fit side by side. */
export function footerLines(card: Pick<JourneyCard, 'marks'>, width: number, o: LayoutOptions): number {
  if (!o.markWordEms || card.marks.length < 2) return 1;
  const inner = width - 2 * o.cardPadX - 2 * o.border;
  const perLine = Math.max(1, Math.floor(inner / (o.markWordEms * o.fontSize)));
  return Math.ceil(card.marks.length / perLine);
}

/** A card's size for its text (estimated: the layout must be pure and cannot measure). */
export function cardSize(card: Pick<JourneyCard, 'text' | 'marks' | 'initiativeId'>, width: number, o: LayoutOptions): { height: number; lines: number } {
  const perLine = (width - 2 * o.cardPadX - 2 * o.border) / (o.fontSize * o.charWidth);
  const lines = clampNumber(wrapLines(card.text, perLine), 1, o.maxLines);
  const text = Math.ceil(lines * o.fontSize * o.lineHeight);
  const footer = cardHasFooter(card) ? footerHeight(o) * footerLines(card, width, o) : 0;
  return { height: Math.ceil(2 * o.cardPadY + 2 * o.border + text + footer), lines };
}

/** Sorts cards for display within a cell: by order, then id (so ties never flicker). */
export function byOrder(a: Pick<JourneyCard, 'order' | 'id'>, b: Pick<JourneyCard, 'order' | 'id'>): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Lays out a journey: rows grow to fit the tallest cell of their lane. */
export function layoutJourney(journey: Pick<Journey, 'stages' | 'lanes'>, cards: readonly JourneyCard[], o: LayoutOptions = normalLayout): JourneyLayout {
  const byCell = new Map<string, JourneyCard[]>();
  for (const c of cards) {
    const k = cellKey(c.stageId, c.laneId);
    const list = byCell.get(k);
    if (list) list.push(c);
    else byCell.set(k, [c]);
  }
  const columns: ColumnLayout[] = [];
  let x = o.headerWidth;
  for (const s of journey.stages) {
    columns.push({ stageId: s.id, x, width: s.width });
    x += s.width;
  }

  // First pass: each cell's cards relative to the cell's top-left, and its content height.
  interface Placed {
    readonly id: string;
    readonly dx: number;
    readonly dy: number;
    readonly width: number;
    readonly height: number;
    readonly lines: number;
  }
  const placedByCell = new Map<string, { placed: Placed[]; contentHeight: number; columns: number }>();
  for (const col of columns) {
    const inner = col.width - 2 * o.cellPad;
    const cw = o.cardWidth === 'fill' ? inner : Math.min(o.cardWidth, inner);
    const perRow = o.cardWidth === 'fill' ? 1 : Math.max(1, Math.floor((inner + o.gap) / (cw + o.gap)));
    // Centre the block of cards in the cell.
    const blockWidth = perRow * cw + (perRow - 1) * o.gap;
    const left = o.cellPad + Math.max(0, Math.floor((inner - blockWidth) / 2));
    for (const lane of journey.lanes) {
      const list = (byCell.get(cellKey(col.stageId, lane.id)) ?? []).slice().sort(byOrder);
      const placed: Placed[] = [];
      let y = o.cellPad;
      for (let i = 0; i < list.length; i += perRow) {
        const row = list.slice(i, i + perRow).map((c) => ({ c, ...cardSize(c, cw, o) }));
        const rowHeight = Math.max(...row.map((r) => r.height));
        row.forEach((r, j) => placed.push({ id: r.c.id, dx: left + j * (cw + o.gap), dy: y, width: cw, height: r.height, lines: r.lines }));
        y += rowHeight + o.gap;
      }
      const contentHeight = list.length === 0 ? 0 : y - o.gap + o.cellPad;
      placedByCell.set(cellKey(col.stageId, lane.id), { placed, contentHeight, columns: perRow });
    }
  }

  const rows: RowLayout[] = [];
  let y = o.headerHeight;
  for (const lane of journey.lanes) {
    let h = lane.height;
    if (lane.kind === 'emotion') h = Math.max(h, o.minEmotionHeight);
    else for (const col of columns) h = Math.max(h, placedByCell.get(cellKey(col.stageId, lane.id))!.contentHeight);
    rows.push({ laneId: lane.id, kind: lane.kind, y, height: h });
    y += h;
  }

  const cells = new Map<string, CellLayout>();
  const cardRects = new Map<string, CardRect>();
  for (const col of columns) {
    for (const row of rows) {
      const k = cellKey(col.stageId, row.laneId);
      const p = placedByCell.get(k)!;
      cells.set(k, { stageId: col.stageId, laneId: row.laneId, x: col.x, y: row.y, width: col.width, height: row.height, cardIds: p.placed.map((c) => c.id), columns: p.columns });
      for (const c of p.placed) cardRects.set(c.id, { x: col.x + c.dx, y: row.y + c.dy, width: c.width, height: c.height, lines: c.lines });
    }
  }
  return { options: o, columns, rows, cells, cards: cardRects, width: x, height: y };
}

/** The cell under a canvas point, or null (headers, outside). */
export function cellAt(layout: JourneyLayout, p: { x: number; y: number }): CellRef | null {
  const col = layout.columns.find((c) => p.x >= c.x && p.x < c.x + c.width);
  const row = layout.rows.find((r) => p.y >= r.y && p.y < r.y + r.height);
  return col && row ? { stageId: col.stageId, laneId: row.laneId } : null;
}

/** The card whose box holds a canvas point, or null (cards never overlap in a layout). */
export function cardAt(layout: JourneyLayout, p: { x: number; y: number }): string | null {
  for (const [id, r] of layout.cards) if (p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height) return id;
  return null;
}

/** The nearest cell that can hold cards (not the emotion lane) to a canvas point, or null if the point is far outside. */
export function dropCellAt(layout: JourneyLayout, p: { x: number; y: number }): CellRef | null {
  const targets = layout.rows.filter((r) => r.kind !== 'emotion');
  if (layout.columns.length === 0 || targets.length === 0) return null;
  const first = layout.columns[0]!;
  const last = layout.columns[layout.columns.length - 1]!;
  if (p.x < first.x - first.width / 2 || p.x > last.x + last.width * 1.5) return null;
  const col = layout.columns.find((c) => p.x < c.x + c.width) ?? last;
  let row = targets[0]!;
  let best = Infinity;
  for (const r of targets) {
    const d = p.y < r.y ? r.y - p.y : p.y >= r.y + r.height ? p.y - (r.y + r.height) : 0;
    if (d < best) {
      best = d;
      row = r;
    }
  }
  return { stageId: (p.x < first.x ? first : col).stageId, laneId: row.laneId };
}

/**
 * Where in a cell a card dropped at `p` (its centre) goes: the index among the cell's other
 * cards (those not being moved), in reading order.
 */
export function dropIndex(layout: JourneyLayout, cell: CellRef, p: { x: number; y: number }, moving: ReadonlySet<string>): number {
  const c = layout.cells.get(cellKey(cell.stageId, cell.laneId));
  if (!c) return 0;
  const rects = c.cardIds.filter((id) => !moving.has(id)).map((id) => layout.cards.get(id)!);
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (c.columns === 1) {
      if (p.y < r.y + r.height / 2) return i;
    } else {
      if (p.y < r.y) return i;
      if (p.y <= r.y + r.height && p.x < r.x + r.width / 2) return i;
    }
  }
  return rects.length;
}

/** A card with its new place (only fields that moves change). */
export type CardPlace = Pick<JourneyCard, 'id' | 'stageId' | 'laneId' | 'order'>;

/**
 * Moves cards into a cell at an index (among the cell's other cards), keeping their given
 * order. Returns the new place of every card whose stage, lane or order changed.
 */
export function moveCardsTo(cards: readonly JourneyCard[], movingIds: readonly string[], target: CellRef, index: number): CardPlace[] {
  const moving = new Set(movingIds);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const movers = movingIds.map((id) => byId.get(id)).filter((c): c is JourneyCard => c !== undefined);
  const others = cards.filter((c) => !moving.has(c.id) && c.stageId === target.stageId && c.laneId === target.laneId).sort(byOrder);
  const at = clampNumber(index, 0, others.length);
  const list = [...others.slice(0, at), ...movers, ...others.slice(at)];
  const out: CardPlace[] = [];
  list.forEach((c, order) => {
    if (c.stageId !== target.stageId || c.laneId !== target.laneId || c.order !== order) out.push({ id: c.id, stageId: target.stageId, laneId: target.laneId, order });
  });
  return out;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/** The neighbouring cell in a direction, or null at the edge. Lanes in `skipKinds` are stepped over. */
export function neighbourCell(journey: Pick<Journey, 'stages' | 'lanes'>, cell: CellRef, dir: Direction, skipKinds: readonly LaneKind[] = []): CellRef | null {
  const si = journey.stages.findIndex((s) => s.id === cell.stageId);
  const li = journey.lanes.findIndex((l) => l.id === cell.laneId);
  if (si === -1 || li === -1) return null;
  if (dir === 'left' || dir === 'right') {
    const s = journey.stages[si + (dir === 'left' ? -1 : 1)];
    return s ? { stageId: s.id, laneId: cell.laneId } : null;
  }
  const step = dir === 'up' ? -1 : 1;
  for (let i = li + step; i >= 0 && i < journey.lanes.length; i += step) {
    const lane = journey.lanes[i]!;
    if (!skipKinds.includes(lane.kind)) return { stageId: cell.stageId, laneId: lane.id };
  }
  return null;
}

/** Sorts cards as they read on the canvas: by stage, lane, then order. */
export function readingOrder(journey: Pick<Journey, 'stages' | 'lanes'>, cards: readonly JourneyCard[]): JourneyCard[] {
  const si = new Map(journey.stages.map((s, i) => [s.id, i]));
  const li = new Map(journey.lanes.map((l, i) => [l.id, i]));
  return [...cards].sort((a, b) => (li.get(a.laneId) ?? 0) - (li.get(b.laneId) ?? 0) || (si.get(a.stageId) ?? 0) - (si.get(b.stageId) ?? 0) || byOrder(a, b));
}

/**
 * Moves each of the cards one cell in a direction (arrow keys), appended at the end of its new
 * cell in reading order. All or nothing: null when any card would leave the canvas.
 */
export function moveCardsBy(journey: Pick<Journey, 'stages' | 'lanes'>, cards: readonly JourneyCard[], ids: readonly string[], dir: Direction): CardPlace[] | null {
  const set = new Set(ids);
  const movers = readingOrder(journey, cards.filter((c) => set.has(c.id)));
  if (movers.length === 0) return null;
  const nextOrder = new Map<string, number>();
  const out: CardPlace[] = [];
  for (const c of movers) {
    const to = neighbourCell(journey, c, dir, ['emotion']);
    if (!to) return null;
    const k = cellKey(to.stageId, to.laneId);
    if (!nextOrder.has(k)) {
      const stay = cards.filter((o) => !set.has(o.id) && o.stageId === to.stageId && o.laneId === to.laneId);
      nextOrder.set(k, stay.reduce((m, o) => Math.max(m, o.order + 1), 0));
    }
    const order = nextOrder.get(k)!;
    nextOrder.set(k, order + 1);
    out.push({ id: c.id, ...to, order });
  }
  return out;
}

/** The next order number at the end of a cell. */
export function endOfCell(cards: readonly JourneyCard[], cell: CellRef): number {
  return cards.filter((c) => c.stageId === cell.stageId && c.laneId === cell.laneId).reduce((m, c) => Math.max(m, c.order + 1), 0);
}

// --- Keyboard focus order ------------------------------------------------------

export type FocusTarget =
  | { readonly kind: 'cell'; readonly stageId: string; readonly laneId: string }
  | { readonly kind: 'emotion'; readonly stageId: string; readonly laneId: string }
  | { readonly kind: 'card'; readonly id: string };

export const focusKey = (t: FocusTarget): string => (t.kind === 'card' ? `card:${t.id}` : `${t.kind}:${t.stageId}:${t.laneId}`);

/** Tab order on the canvas: lane by lane, stage by stage, each cell followed by its cards. */
export function focusOrder(journey: Pick<Journey, 'stages' | 'lanes'>, layout: JourneyLayout): FocusTarget[] {
  const out: FocusTarget[] = [];
  for (const lane of journey.lanes) {
    for (const stage of journey.stages) {
      if (lane.kind === 'emotion') {
        out.push({ kind: 'emotion', stageId: stage.id, laneId: lane.id });
        continue;
      }
      out.push({ kind: 'cell', stageId: stage.id, laneId: lane.id });
      for (const id of layout.cells.get(cellKey(stage.id, lane.id))?.cardIds ?? []) out.push({ kind: 'card', id });
    }
  }
  return out;
}

/** The target after (or before) the current one, or null at either end (Tab leaves the canvas). */
export function nextFocus(order: readonly FocusTarget[], current: FocusTarget | null, backwards: boolean): FocusTarget | null {
  if (order.length === 0) return null;
  if (!current) return backwards ? order[order.length - 1]! : order[0]!;
  const i = order.findIndex((t) => focusKey(t) === focusKey(current));
  if (i === -1) return order[0]!;
  return order[i + (backwards ? -1 : 1)] ?? null;
}

// --- Copy and paste ----------------------------------------------------------------

/** A copied card, independent of any journey: what it says and where it sat, by index. */
export interface ClipCard {
  readonly text: string;
  readonly color: string;
  readonly marks: readonly CardMark[];
  readonly stageIndex: number;
  readonly laneIndex: number;
}

export function toClip(journey: Pick<Journey, 'stages' | 'lanes'>, cards: readonly JourneyCard[]): ClipCard[] {
  return readingOrder(journey, cards).map((c) => ({
    text: c.text,
    color: c.color,
    marks: c.marks,
    stageIndex: Math.max(0, journey.stages.findIndex((s) => s.id === c.stageId)),
    laneIndex: Math.max(0, journey.lanes.findIndex((l) => l.id === c.laneId)),
  }));
}

/**
 * New cards for a paste at a target cell: the copied cards keep their positions relative to
 * each other (top-left card lands in the target), clamped to the canvas, never in the emotion
 * lane, appended at the end of their cells.
 */
export function pasteCards(journey: Journey, existing: readonly JourneyCard[], clip: readonly ClipCard[], target: CellRef): JourneyCard[] {
  const ts = journey.stages.findIndex((s) => s.id === target.stageId);
  const tl = journey.lanes.findIndex((l) => l.id === target.laneId);
  if (ts === -1 || tl === -1 || clip.length === 0) return [];
  const s0 = Math.min(...clip.map((c) => c.stageIndex));
  const l0 = Math.min(...clip.map((c) => c.laneIndex));
  const next = new Map<string, number>();
  const out: JourneyCard[] = [];
  for (const c of clip) {
    const stage = journey.stages[clampNumber(ts + c.stageIndex - s0, 0, journey.stages.length - 1)]!;
    let li = clampNumber(tl + c.laneIndex - l0, 0, journey.lanes.length - 1);
    if (journey.lanes[li]!.kind === 'emotion') {
      const alt = neighbourCell(journey, { stageId: stage.id, laneId: journey.lanes[li]!.id }, 'down', ['emotion']) ?? neighbourCell(journey, { stageId: stage.id, laneId: journey.lanes[li]!.id }, 'up', ['emotion']);
      if (!alt) continue;
      li = journey.lanes.findIndex((l) => l.id === alt.laneId);
    }
    const cell = { stageId: stage.id, laneId: journey.lanes[li]!.id };
    const k = cellKey(cell.stageId, cell.laneId);
    const order = next.get(k) ?? endOfCell(existing, cell);
    next.set(k, order + 1);
    out.push(createCard(journey, cell, { text: c.text, color: c.color, marks: c.marks, order }));
  }
  return out;
}
