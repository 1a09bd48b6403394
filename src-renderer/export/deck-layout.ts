// The deck's theme (taken from ui/tokens.ts, so the deck looks like the app) and the layout
// helpers every section uses: wrapped text blocks, text that continues on the next slide, tables
// split by rows with their header repeated, and the slide frame (kicker, title, footer).
// Pure: measured with the TextMeasure it is given; never draws.
import { colors, font, radius, space } from '../ui/tokens';
import type { Block, SectionId, Slide, TableBlock, TableRow, TextBlock } from './deck-model';
import { ellipsize, wrapText, type TextMeasure } from './text-measure';
import type { DeckData } from './deck-data';

/** A 16:9 slide of 960 × 540 pt (13.33 × 7.5 in, PowerPoint's widescreen). */
export const SLIDE = { w: 960, h: 540 } as const;

export const theme = {
  colors,
  /** Type sizes in pt, from the app's scale (a 960-pt slide reads like a 960-px screen). */
  size: {
    micro: 8,
    caption: 9,
    small: 10.5,
    body: font.size.sm - 1,
    lead: font.size.md,
    h3: font.size.lg - 2,
    h2: font.size.xl + 2,
    h1: font.size.xxl + 4,
    display: font.size.display + 4,
  },
  lineHeight: 1.32,
  space,
  radius: { sm: radius.sm / 1.5, md: radius.md / 1.5, lg: radius.lg / 1.5 },
  margin: { x: 48, top: 30, contentTop: 104, contentBottom: 492 },
  footerY: 510,
} as const;

export const contentWidth = SLIDE.w - 2 * theme.margin.x;
export const contentHeight = theme.margin.contentBottom - theme.margin.contentTop;

export interface TextOptions {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: string;
  readonly align?: 'left' | 'center' | 'right';
  /** Multiple of the size; theme.lineHeight when absent. */
  readonly leading?: number;
  readonly role?: string;
}

export function lineHeightOf(size: number, leading: number = theme.lineHeight): number {
  return Math.round(size * leading * 100) / 100;
}

/** A text block wrapped to its width; its height is exactly its lines. */
export function textBlock(m: TextMeasure, text: string, o: TextOptions): TextBlock {
  const bold = o.bold ?? false;
  const lines = wrapText(m, text, o.w, o.size, bold);
  const lh = lineHeightOf(o.size, o.leading);
  return {
    kind: 'text', x: o.x, y: o.y, w: o.w, h: lines.length * lh, lines, size: o.size, bold, color: o.color ?? colors.ink,
    align: o.align ?? 'left', lineHeight: lh, ...(o.role ? { role: o.role } : {}),
    // The text as typed, so the PowerPoint can let its paragraphs reflow.
    paragraphs: text.replace(/\r\n?/g, '\n').split('\n'),
  };
}

/**
 * The block cut to at most `max` lines, the last one ending in an ellipsis when text was cut.
 * Only for text that is also shown whole elsewhere (a title in the outline, a stage in the overview).
 */
export function clampLines(m: TextMeasure, t: TextBlock, max: number): TextBlock {
  if (t.lines.length <= max) return t;
  const keep = t.lines.slice(0, Math.max(1, max));
  const last = keep.length - 1;
  keep[last] = ellipsize(m, `${keep[last]} ${t.lines[last + 1] ?? ''}`.trim() + '…', t.w, t.size, t.bold);
  return { ...t, lines: keep, h: keep.length * t.lineHeight };
}

/** Where a content slide's header (kicker, title, subtitle) ends. */
export function headerBottom(s: Slide): number {
  let y: number = theme.margin.top;
  for (const b of s.blocks) if (b.kind === 'text' && (b.role === 'kicker' || b.role === 'title' || b.role === 'subtitle')) y = Math.max(y, b.y + b.h);
  return y;
}

/** A text block limited to maxH; the lines that do not fit come back as `rest` (null when all fit). */
export function fitTextBlock(m: TextMeasure, text: string, o: TextOptions, maxH: number): { block: TextBlock | null; rest: string | null } {
  const full = textBlock(m, text, o);
  const max = Math.floor((maxH + 0.01) / full.lineHeight);
  if (full.lines.length <= max) return { block: full, rest: null };
  if (max <= 0) return { block: null, rest: text };
  const lines = full.lines.slice(0, max);
  return { block: { ...full, lines, h: lines.length * full.lineHeight }, rest: full.lines.slice(max).join('\n') };
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface Column {
  readonly label: string;
  readonly width: number;
  readonly bold?: boolean;
  readonly color?: string;
}

export interface TableStyle {
  readonly size: number;
  readonly padX: number;
  readonly padY: number;
}

export const defaultTableStyle: TableStyle = { size: theme.size.small - 1, padX: 6, padY: 4.5 };

function rowOf(m: TextMeasure, cols: readonly Column[], values: readonly string[], style: TableStyle, header: boolean, fill?: string): TableRow {
  const lh = lineHeightOf(style.size);
  const cells = cols.map((c, i) => {
    const bold = header || (c.bold ?? false);
    const lines = wrapText(m, values[i] ?? '', c.width - 2 * style.padX, style.size, bold);
    return {
      lines, bold, color: header ? colors.ink : (c.color ?? colors.ink),
      ...(header ? { fill: colors.surfaceSunken } : fill ? { fill } : {}),
    };
  });
  const n = Math.max(1, ...cells.map((c) => c.lines.length));
  return { h: n * lh + 2 * style.padY, cells };
}

/**
 * The columns widened so each holds its longest word ("Committed", "Rückgewinnung") whole,
 * taking the width from columns with room to spare; the total stays the same. When the words
 * cannot all fit, the widths are left as they are and the longest words break (with a hyphen).
 */
export function fitColumns(m: TextMeasure, cols: readonly Column[], values: readonly (readonly string[])[], style: TableStyle = defaultTableStyle): Column[] {
  const need = cols.map((c, i) => {
    let w = 0;
    const words = (text: string, bold: boolean) => {
      // CJK breaks between any two characters: only space-separated words count.
      for (const word of text.split(/\s+/u)) if (word && !/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u.test(word)) w = Math.max(w, m.width(word, style.size, bold));
    };
    words(c.label, true);
    for (const v of values) words(v[i] ?? '', c.bold ?? false);
    return Math.ceil(w + 2 * style.padX + 0.5);
  });
  const short = cols.map((c, i) => Math.max(0, need[i]! - c.width));
  const missing = short.reduce((a, b) => a + b, 0);
  if (missing === 0) return [...cols];
  const spare = cols.map((c, i) => Math.max(0, c.width - need[i]!));
  const room = spare.reduce((a, b) => a + b, 0);
  if (room < missing) return [...cols];
  return cols.map((c, i) => ({ ...c, width: c.width + short[i]! - (spare[i]! * missing) / room }));
}

/**
 * A table split by rows into pages: the first page has `firstHeight` of room, later ones
 * `nextHeight`; the header row is repeated on each. A row taller than a whole page is cut into
 * parts at line boundaries (each part a row), so nothing is ever lost or overflows.
 */
export function paginateTable(
  m: TextMeasure,
  columns: readonly Column[],
  values: readonly (readonly string[])[],
  at: { x: number; y: number },
  firstHeight: number,
  nextHeight: number,
  style: TableStyle = defaultTableStyle,
  rowFill?: (i: number) => string | undefined,
): TableBlock[] {
  let cols = columns;
  const lh = lineHeightOf(style.size);
  cols = fitColumns(m, cols, values, style);
  const header = rowOf(m, cols, cols.map((c) => c.label), style, true);
  const rows: TableRow[] = [];
  values.forEach((v, i) => {
    const row = rowOf(m, cols, v, style, false, rowFill?.(i));
    const maxLines = Math.floor((nextHeight - header.h - 2 * style.padY) / lh);
    const n = Math.max(...row.cells.map((c) => c.lines.length));
    if (n <= maxLines) {
      rows.push(row);
      return;
    }
    for (let s = 0; s < n; s += maxLines) {
      const cells = row.cells.map((c) => ({ ...c, lines: c.lines.slice(s, s + maxLines) }));
      const k = Math.max(1, ...cells.map((c) => c.lines.length));
      rows.push({ h: k * lh + 2 * style.padY, cells });
    }
  });
  const groups: TableRow[][] = [];
  let cur: TableRow[] = [];
  let used = header.h;
  let room = firstHeight;
  for (const r of rows) {
    if (used + r.h > room && cur.length) {
      groups.push(cur);
      cur = [];
      used = header.h;
      room = nextHeight;
    }
    cur.push(r);
    used += r.h;
  }
  if (cur.length || groups.length === 0) groups.push(cur);
  rebalanceLastTwo(groups, header.h, groups.length === 2 ? firstHeight : nextHeight, nextHeight);
  return groups.map((g) => ({
    kind: 'table', x: at.x, y: at.y, colWidths: cols.map((c) => c.width), rows: [header, ...g], size: style.size, lineHeight: lh,
    padX: style.padX, padY: style.padY, border: colors.border, header: true,
  }));
}

/**
 * When the last page would hold less than MIN_CONTINUATION_FILL of its room, moves rows from the
 * page before so the two are about equally full (each still within its room). In place.
 */
function rebalanceLastTwo(groups: TableRow[][], headerH: number, roomA: number, roomB: number): void {
  if (groups.length < 2) return;
  const sum = (rs: readonly TableRow[]) => rs.reduce((n, r) => n + r.h, 0);
  const b = groups[groups.length - 1]!;
  if (sum(b) >= MIN_CONTINUATION_FILL * (roomB - headerH)) return;
  const all = [...groups[groups.length - 2]!, ...b];
  let best = -1;
  let bestScore = Infinity;
  for (let k = 1; k < all.length; k++) {
    const ha = sum(all.slice(0, k));
    const hb = sum(all.slice(k));
    if (headerH + ha > roomA + 0.01 || headerH + hb > roomB + 0.01) continue;
    const score = Math.max(ha / (roomA - headerH), hb / (roomB - headerH));
    if (score < bestScore) {
      bestScore = score;
      best = k;
    }
  }
  if (best < 0) return;
  groups.splice(groups.length - 2, 2, all.slice(0, best), all.slice(best));
}

export function tableHeight(t: TableBlock): number {
  return t.rows.reduce((n, r) => n + r.h, 0);
}

// ---------------------------------------------------------------------------------------------
// Slides

let slideCounter = 0;

/** A content slide with its kicker (the section) and title; blocks are added by the section. */
export function contentSlide(m: TextMeasure, section: SectionId, kicker: string, title: string, subtitle?: string): Slide {
  const blocks: Block[] = [];
  const x = theme.margin.x;
  blocks.push(textBlock(m, kicker.toLocaleUpperCase('en'), { x, y: theme.margin.top, w: contentWidth, size: theme.size.caption, bold: true, color: colors.primary, role: 'kicker' }));
  // The title takes the largest size at which it fits the header in two lines (three without a
  // subtitle); a title longer still keeps what fits, ending in an ellipsis (the outline has it whole).
  const maxLines = subtitle ? 2 : 3;
  let fixedTitle: TextBlock | null = null;
  for (const size of [theme.size.h2, theme.size.h2 - 4, theme.size.h3 + 2, theme.size.h3]) {
    const leading = size >= theme.size.h2 ? 1.2 : 1.15;
    const t = textBlock(m, title, { x, y: theme.margin.top + (size >= theme.size.h2 ? 16 : 14), w: contentWidth, size, bold: true, role: 'title', leading });
    // The header ends above the content, with room for the subtitle's line.
    const room = theme.margin.contentTop - 4 - t.y - (subtitle ? lineHeightOf(theme.size.small) + 4 : 0);
    const fitLines = Math.max(1, Math.min(size >= theme.size.h2 ? 1 : maxLines, Math.floor((room + 0.01) / t.lineHeight)));
    if (t.lines.length <= fitLines) {
      fixedTitle = t;
      break;
    }
    if (size === theme.size.h3) fixedTitle = clampLines(m, t, fitLines);
  }
  blocks.push(fixedTitle!);
  if (subtitle) {
    const sy = fixedTitle!.y + fixedTitle!.h + 4;
    blocks.push(clampLines(m, textBlock(m, subtitle, { x, y: sy, w: contentWidth, size: theme.size.small, color: colors.inkMuted, role: 'subtitle' }), 1));
  }
  slideCounter++;
  return { id: `s${slideCounter}`, section, title, blocks, chrome: true };
}

export interface FooterInfo {
  readonly left: string;
  readonly middle: string;
}

/** Adds the footer (client and workshop, facilitator and date) and "n / N" to every slide with chrome. */
export function addChrome(m: TextMeasure, slides: Slide[], info: FooterInfo, size: { w: number; h: number } = SLIDE): void {
  const n = slides.length;
  const y = size.h - 30;
  const x = theme.margin.x;
  const w = size.w - 2 * x;
  slides.forEach((s, i) => {
    if (!s.chrome) return;
    s.blocks.push({ kind: 'line', x1: x, y1: y - 6, x2: x + w, y2: y - 6, stroke: { color: colors.border, width: 0.6 } });
    const num = `${i + 1} / ${n}`;
    const numW = m.width(num, theme.size.micro, true) + 2;
    const third = (w - numW - 24) / 2;
    const one = (t: string, bx: number, bw: number, align: 'left' | 'right' | 'center', bold = false): TextBlock => {
      return clampLines(m, textBlock(m, t, { x: bx, y, w: bw, size: theme.size.micro, color: colors.inkSubtle, align, bold, role: 'footer' }), 1);
    };
    s.blocks.push(one(info.left, x, third, 'left'));
    s.blocks.push(one(info.middle, x + third + 12, third, 'center'));
    s.blocks.push(one(num, x + w - numW, numW, 'right', true));
  });
}

// ---------------------------------------------------------------------------------------------
// Flowing items into columns, onto as many slides as needed

export interface FlowItem {
  /** Height of the item at this column width. */
  height(w: number): number;
  /** The item's blocks with its top-left at (x, y). */
  draw(x: number, y: number, w: number): Block[];
  /** Keep on the same column as the next item (a heading and its first entry). */
  readonly keepWithNext?: boolean;
  /** Space after the item. */
  readonly gap?: number;
  /** For a heading: what to repeat at the top of a new column when its list continues there ("… (continued)"). */
  readonly continued?: FlowItem;
}

export interface ColumnBox {
  readonly x: number;
  readonly w: number;
}

/** A continuation slide holding less than this share of a slide's room looks empty: rebalance. */
export const MIN_CONTINUATION_FILL = 0.3;

export interface FlowOptions {
  /** Top of the columns on the second and later pages (default: `top`). */
  readonly nextTop?: number;
  /**
   * Spread the items evenly over the pages and columns they need (each column filled to about the
   * same height) instead of filling every page to the bottom and leaving a short tail on the last.
   */
  readonly balance?: boolean;
  /** With `balance`: spread over this many pages when the items need fewer (to match a neighbouring flow). */
  readonly pages?: number;
}

export interface FlowResult {
  /** The blocks per page (at least one page). */
  readonly pages: Block[][];
  /** Per page, the height used in each column (0 for an empty column). */
  readonly used: number[][];
}

function flowOnce(items: readonly FlowItem[], cols: readonly ColumnBox[], top: number, nextTop: number, bottom: number, fill: number, draw: boolean): FlowResult {
  const pages: Block[][] = [[]];
  const used: number[][] = [cols.map(() => 0)];
  let col = 0;
  let pageTop = top;
  let y = top;
  let open: FlowItem | null = null;
  const limit = () => pageTop + (bottom - pageTop) * fill;
  const advance = () => {
    col++;
    if (col >= cols.length) {
      col = 0;
      pageTop = nextTop;
      pages.push([]);
      used.push(cols.map(() => 0));
    }
    y = pageTop;
  };
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const w = cols[col]!.w;
    let need = it.height(w);
    if (it.keepWithNext && items[i + 1]) need += (it.gap ?? 0) + items[i + 1]!.height(w);
    // Never past the real bottom; with `fill` < 1, also not past the balanced limit.
    if ((y + need > limit() || y + Math.min(need, it.height(w)) > bottom) && y > pageTop) {
      advance();
      // A list that goes on in a new column is headed again, so no column starts with stray bullets.
      if (open && !it.continued) {
        const c = cols[col]!;
        if (draw) pages[pages.length - 1]!.push(...open.draw(c.x, y, c.w));
        y += open.height(c.w) + (open.gap ?? 0);
      }
    }
    if (it.continued) open = it.continued;
    const c = cols[col]!;
    if (draw) pages[pages.length - 1]!.push(...it.draw(c.x, y, c.w));
    y += it.height(c.w);
    used[used.length - 1]![col] = y - pageTop;
    y += it.gap ?? 0;
  }
  return { pages, used };
}

/**
 * Places items top to bottom in column 1, then column 2…, then on a new page. Returns the
 * blocks per page (at least one page). An item taller than a column is placed alone (callers
 * keep items small: one claim, one need). With `balance`, the pages needed are filled evenly:
 * the smallest column height that still needs no more pages is used, so no continuation slide
 * holds only a short tail.
 */
export function flowColumnsLayout(flowItems: readonly FlowItem[], cols: readonly ColumnBox[], top: number, bottom: number, o: FlowOptions = {}): FlowResult {
  const nextTop = o.nextTop ?? top;
  // Heights are measured once per width: balancing lays the items out many times.
  const items = flowItems.map((it): FlowItem => {
    const memo = new Map<number, number>();
    return {
      ...it,
      draw: (x, y, w) => it.draw(x, y, w),
      height: (w) => {
        let h = memo.get(w);
        if (h === undefined) memo.set(w, (h = it.height(w)));
        return h;
      },
    };
  });
  // Only the chosen layout is drawn.
  const layout = (fill: number) => flowOnce(items, cols, top, nextTop, bottom, fill, false);
  const full = layout(1);
  const n = Math.max(full.pages.length, o.pages ?? 0);
  if (!o.balance || (n < 2 && cols.length < 2)) return flowOnce(items, cols, top, nextTop, bottom, 1, true);
  let lo = 0.05;
  let hi = 1;
  for (let k = 0; k < 14; k++) {
    const mid = (lo + hi) / 2;
    if (layout(mid).pages.length <= n) hi = mid;
    else lo = mid;
  }
  return flowOnce(items, cols, top, nextTop, bottom, hi, true);
}

export function flowColumns(items: readonly FlowItem[], cols: readonly ColumnBox[], top: number, bottom: number, o: FlowOptions = {}): Block[][] {
  return flowColumnsLayout(items, cols, top, bottom, o).pages;
}

/**
 * Splits items of the given heights, in order and without cutting any, into as few groups of at
 * most `cap` as possible, as evenly as possible (the tallest group as short as it can be).
 * An item taller than `cap` gets a group of its own. Returns the item indices per group.
 */
export function balancedGroups(heights: readonly number[], cap: number): number[][] {
  const greedy = (limit: number): number[][] => {
    const groups: number[][] = [];
    let cur: number[] = [];
    let used = 0;
    heights.forEach((h, i) => {
      if (cur.length && used + h > limit) {
        groups.push(cur);
        cur = [];
        used = 0;
      }
      cur.push(i);
      used += h;
    });
    if (cur.length) groups.push(cur);
    return groups;
  };
  const first = greedy(cap);
  if (first.length < 2) return first;
  let lo = Math.max(0, ...heights.map((h) => Math.min(h, cap)));
  let hi = cap;
  let best = first;
  for (let k = 0; k < 24 && hi - lo > 0.01; k++) {
    const mid = (lo + hi) / 2;
    const g = greedy(mid);
    if (g.length <= first.length) {
      best = g;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

/** "14 March 2027" from YYYY-MM-DD (English, as the rest of the deck). */
export function formatDeckDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? ''} ${m[1]}`;
}

export function facilitatorLine(d: Pick<DeckData, 'facilitatorName' | 'organisation'>): string {
  return [d.facilitatorName.trim(), d.organisation.trim()].filter(Boolean).join(', ');
}


// ---------------------------------------------------------------------------------------------
// Small tables share a slide

/** "Readiness check: spread · commitments" rather than the set's name twice. */
function mergedTitle(titles: readonly string[]): string {
  const prefix = /^([^:]+): /.exec(titles[0]!)?.[1];
  if (prefix && titles.every((t) => t.startsWith(`${prefix}: `))) return `${prefix}: ${titles.map((t) => t.slice(prefix.length + 2)).join(' · ')}`;
  return titles.join(' · ');
}

function loneTable(s: Slide): TableBlock | null {
  if (!s.chrome || / \(continued\)$/.test(s.title)) return null;
  const rest = s.blocks.filter((b) => !(b.kind === 'text' && (b.role === 'kicker' || b.role === 'title' || b.role === 'subtitle')));
  return rest.length === 1 && rest[0]!.kind === 'table' ? (rest[0] as TableBlock) : null;
}

/**
 * Neighbouring slides of one section that each hold a single short table (commitments, the
 * five-employees test, decisions, the parking lot) are stacked onto one slide, each table under
 * its own heading, as long as they fit the content area. Slides keep their order.
 */
export function mergeSmallTables(m: TextMeasure, slides: readonly Slide[]): Slide[] {
  const out: Slide[] = [];
  const headingOf = (s: Slide) => {
    const sub = s.blocks.find((b): b is TextBlock => b.kind === 'text' && b.role === 'subtitle');
    return { title: s.title, subtitle: sub ? sub.lines.join(' ') : '' };
  };
  let i = 0;
  while (i < slides.length) {
    const group = [slides[i]!];
    if (loneTable(slides[i]!)) {
      let used = tableHeight(loneTable(slides[i]!)!) + 44;
      for (let k = i + 1; k < slides.length; k++) {
        const t = loneTable(slides[k]!);
        if (!t || slides[k]!.section !== slides[i]!.section) break;
        const h = tableHeight(t) + 44;
        if (used + h > contentHeight + 30) break;
        used += h;
        group.push(slides[k]!);
      }
    }
    if (group.length < 2) {
      out.push(slides[i]!);
      i++;
      continue;
    }
    const kicker = slides[i]!.blocks.find((b): b is TextBlock => b.kind === 'text' && b.role === 'kicker');
    const merged = contentSlide(m, group[0]!.section as SectionId, kicker ? kicker.lines.join(' ') : '', mergedTitle(group.map((s) => s.title)));
    let y: number = Math.max(theme.margin.contentTop - 30, headerBottom(merged) + 10);
    for (const s of group) {
      const h = headingOf(s);
      const head = textBlock(m, h.subtitle ? `${h.title} · ${h.subtitle}` : h.title, { x: theme.margin.x, y, w: contentWidth, size: theme.size.small, bold: true, color: colors.inkMuted, role: 'heading' });
      merged.blocks.push(head);
      y += head.h + 4;
      const t = loneTable(s)!;
      merged.blocks.push({ ...t, y });
      y += tableHeight(t) + 16;
    }
    // Only merged when everything still fits above the footer.
    if (y - 16 > theme.margin.contentBottom) out.push(...group);
    else out.push(merged);
    i += group.length;
  }
  return out;
}
