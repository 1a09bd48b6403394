// A journey as a canvas on slides: stages as columns, lanes as rows, cards as small sticky
// notes with their whole text, and the emotion curve. A big journey is split by stages (and,
// when its lanes are too tall, by lanes) onto "(continued)" slides. Pure.
import { cardColors, cardMarkLabels, isCardColor, type Journey, type JourneyCard, type Lane } from '../domain/journey';
import { emotionCurve } from './deck-charts';
import type { DeckData } from './deck-data';
import { balancedGroups, clampLines, contentSlide, contentWidth, headerBottom, lineHeightOf, textBlock, theme } from './deck-layout';
import type { Block, Slide } from './deck-model';
import { wrapText, type TextMeasure } from './text-measure';

const c = theme.colors;
const M = theme.margin;

const HEADER_W = 92;
const STAGE_H = 24;
const CELL_PAD = 4;
const GAP = 3;
const CARD_SIZE = 7;
const CARD_PAD = 3.5;
const MARK_SIZE = 5.8;
const EMOTION_H = 62;
const MIN_CARD_W = 96;

interface CardBox {
  readonly card: JourneyCard;
  readonly lines: readonly string[];
  readonly marks: string;
  readonly h: number;
}

interface CellRows {
  /** Rows of cards side by side. */
  readonly rows: { cards: CardBox[]; h: number }[];
}

function layoutCell(m: TextMeasure, cards: readonly JourneyCard[], colW: number): { rows: CellRows['rows']; perRow: number; cardW: number } {
  const inner = colW - 2 * CELL_PAD;
  const perRow = Math.max(1, Math.floor((inner + GAP) / (MIN_CARD_W + GAP)));
  const cardW = (inner - (perRow - 1) * GAP) / perRow;
  const lh = lineHeightOf(CARD_SIZE, 1.25);
  const boxes = cards.map((card) => {
    const lines = wrapText(m, card.text.trim() || ' ', cardW - 2 * CARD_PAD, CARD_SIZE, false);
    const marks = card.marks.map((k) => cardMarkLabels[k]).join(' · ');
    const markLines = marks ? wrapText(m, marks, cardW - 2 * CARD_PAD, MARK_SIZE, true).length : 0;
    return { card, lines, marks, h: lines.length * lh + markLines * lineHeightOf(MARK_SIZE, 1.2) + 2 * CARD_PAD };
  });
  const rows: CellRows['rows'] = [];
  for (let i = 0; i < boxes.length; i += perRow) {
    const row = boxes.slice(i, i + perRow);
    rows.push({ cards: row, h: Math.max(...row.map((b) => b.h)) });
  }
  return { rows, perRow, cardW };
}

function rowsHeight(rows: readonly { h: number }[]): number {
  return rows.reduce((n, r) => n + r.h, 0) + Math.max(0, rows.length - 1) * GAP;
}

interface LanePart {
  readonly lane: Lane;
  /** Card rows per stage in this part. */
  readonly cells: Map<string, { cards: CardBox[]; h: number }[]>;
  readonly h: number;
  readonly continued: boolean;
}

interface Plan {
  readonly stagesPerSlide: number;
  readonly pages: { stageIds: string[]; parts: LanePart[] }[];
}

type CellRowList = { cards: CardBox[]; h: number }[];
type ChunkPage = { stageIds: string[]; parts: LanePart[] };

interface LaneCells {
  readonly lane: Lane;
  readonly per: ReadonlyMap<string, CellRowList>;
  readonly minH: number;
  readonly fullH: number;
}

/** Fills pages of height `limit` lane after lane; a lane that does not fit the space left is split between card rows. */
function splitLanes(lanes: readonly LaneCells[], stageIds: string[], limit: number): ChunkPage[] {
  const pages: ChunkPage[] = [];
  let cur: LanePart[] = [];
  let used = 0;
  const newPage = () => {
    pages.push({ stageIds, parts: cur });
    cur = [];
    used = 0;
  };
  for (const lc of lanes) {
    const { lane, minH, fullH } = lc;
    const per = new Map([...lc.per].map(([k, v]) => [k, [...v]]));
    if (used + fullH > limit && cur.length && (lane.kind === 'emotion' || limit - used < 70)) newPage();
    let first = true;
    for (;;) {
      const room = limit - used - 2 * CELL_PAD;
      const cells = new Map<string, CellRowList>();
      for (const sid of stageIds) {
        const rest = per.get(sid)!;
        const take: CellRowList = [];
        while (rest.length && rowsHeight([...take, rest[0]!]) <= room) take.push(rest.shift()!);
        if (!take.length && rest.length && !cur.length) take.push(rest.shift()!);
        cells.set(sid, take);
      }
      const h = Math.max(minH, ...[...cells.values()].map((r) => (r.length ? rowsHeight(r) + 2 * CELL_PAD : 0)));
      const left = [...per.values()].some((r) => r.length);
      cur.push({ lane, cells, h, continued: !first });
      used += h;
      first = false;
      if (!left) break;
      newPage();
    }
  }
  if (cur.length) pages.push({ stageIds, parts: cur });
  return pages;
}

/**
 * The lanes of one group of stages on as few pages as possible, spread evenly over them, so no
 * page ends with a small tail. Whole lanes are kept together whenever that needs no extra page;
 * otherwise lanes are split between card rows ("(cont.)") at a height that balances the pages.
 */
function planChunk(m: TextMeasure, j: Journey, cards: readonly JourneyCard[], stageIds: string[], avail: number): ChunkPage[] {
  const colW = (contentWidth - HEADER_W) / stageIds.length;
  const lanes: LaneCells[] = j.lanes.map((lane) => {
    const per = new Map<string, CellRowList>();
    for (const sid of stageIds) {
      const inCell = cards.filter((cd) => cd.laneId === lane.id && cd.stageId === sid).sort((a, b) => a.order - b.order);
      per.set(sid, layoutCell(m, inCell, colW).rows);
    }
    const minH = lane.kind === 'emotion' ? EMOTION_H : 28;
    const fullH = Math.max(minH, ...[...per.values()].map((r) => (r.length ? rowsHeight(r) + 2 * CELL_PAD : 0)));
    return { lane, per, minH, fullH };
  });
  const split = splitLanes(lanes, stageIds, avail);
  if (split.length < 2) return split;
  if (lanes.every((l) => l.fullH <= avail)) {
    const groups = balancedGroups(lanes.map((l) => l.fullH), avail);
    if (groups.length <= split.length) {
      return groups.map((g) => ({ stageIds, parts: g.map((i) => ({ lane: lanes[i]!.lane, cells: lanes[i]!.per as Map<string, CellRowList>, h: lanes[i]!.fullH, continued: false })) }));
    }
  }
  // Lanes must be split: the lowest page height that needs no more pages balances them.
  let lo = Math.min(avail, Math.max(...lanes.map((l) => l.minH)));
  let hi = avail;
  let best = split;
  for (let k = 0; k < 16 && hi - lo > 1; k++) {
    const mid = (lo + hi) / 2;
    const p = splitLanes(lanes, stageIds, mid);
    if (p.length <= split.length) {
      best = p;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

/** How to cut the journey: as few slides as possible, and as many stages per slide as that allows. */
export function planJourney(m: TextMeasure, j: Journey, cards: readonly JourneyCard[], top: number = M.contentTop): Plan {
  const avail = M.contentBottom - top - STAGE_H - 2;
  const n = j.stages.length;
  let best: Plan | null = null;
  for (let k = Math.min(6, Math.max(1, n)); k >= 1; k--) {
    const pages: Plan['pages'] = [];
    for (let i = 0; i < n; i += k) pages.push(...planChunk(m, j, cards, j.stages.slice(i, i + k).map((s) => s.id), avail));
    if (n === 0) pages.push({ stageIds: [], parts: j.lanes.map((lane) => ({ lane, cells: new Map(), h: 28, continued: false })) });
    if (!best || pages.length < best.pages.length) best = { stagesPerSlide: k, pages };
  }
  return best!;
}

export function buildJourneySlides(d: DeckData, j: Journey, m: TextMeasure): Slide[] {
  const cards = d.cards.filter((cd) => cd.journeyId === j.id);
  const persona = d.personas.find((p) => p.id === j.personaId);
  const subtitleParts = [persona ? `Persona: ${persona.name}` : '', `${cards.length} cards`, j.scenario.trim()].filter(Boolean);
  // The header is measured before the canvas is planned: a long title or scenario pushes it down.
  const header = (title: string, sub: string, wrap: boolean) => {
    const s = contentSlide(m, 'journeys', 'Customer journey', title);
    const full = textBlock(m, sub, { x: M.x, y: headerBottom(s) + 4, w: contentWidth, size: theme.size.small, color: c.inkMuted, role: 'subtitle' });
    s.blocks.push(wrap ? clampLines(m, full, 3) : clampLines(m, full, 1));
    return s;
  };
  const topOf = (s: Slide) => Math.max(M.contentTop, headerBottom(s) + 10);
  const canvasTop = Math.max(topOf(header(j.name, subtitleParts.join(' · '), true)), topOf(header(`${j.name} (continued)`, 'Stages', false)));
  const plan = planJourney(m, j, cards, canvasTop);
  const out: Slide[] = [journeyOverview(d, j, m, subtitleParts.join(' · '))];
  const stageName = new Map(j.stages.map((s, i) => [s.id, `${i + 1}. ${s.name.trim() || 'Stage'}`]));
  plan.pages.forEach((page, pi) => {
    const sub = `Stages ${page.stageIds.map((id) => stageName.get(id)?.split('.')[0]).join(', ')}${plan.pages.length > 1 ? ` · part ${pi + 1} of ${plan.pages.length}` : ''}`;
    const s = header(`${j.name} (continued)`, sub, false);
    s.blocks.push(...drawCanvas(m, j, page, canvasTop));
    out.push(s);
  });
  return out;
}

/**
 * The whole map on one slide, before the detail: every stage named in full, the emotion curve
 * large with its scale (+3 delighted to −3 frustrated), and per stage how many cards each lane
 * holds and where the pain points and moments of truth are.
 */
export function journeyOverview(d: DeckData, j: Journey, m: TextMeasure, subtitle: string): Slide {
  const cards = d.cards.filter((cd) => cd.journeyId === j.id);
  const s = contentSlide(m, 'journeys', 'Customer journey', j.name);
  const sub = clampLines(m, textBlock(m, subtitle, { x: M.x, y: headerBottom(s) + 4, w: contentWidth, size: theme.size.small, color: c.inkMuted, role: 'subtitle' }), 3);
  s.blocks.push(sub);
  const top = Math.max(M.contentTop, sub.y + sub.h + 10);
  const n = Math.max(1, j.stages.length);
  const colW = (contentWidth - HEADER_W) / n;
  const x0 = M.x + HEADER_W;
  // Stage names, whole: the detail slides' headers may shorten them.
  const names = j.stages.map((st, i) => textBlock(m, `${i + 1}. ${st.name.trim() || 'Stage'}`, { x: x0 + i * colW + 6, y: top + 6, w: colW - 12, size: theme.size.small, bold: true, color: c.onPrimary, leading: 1.2 }));
  const headH = Math.max(STAGE_H, ...names.map((t) => t.h + 12));
  j.stages.forEach((_, i) => s.blocks.push({ kind: 'rect', x: x0 + i * colW + 1, y: top, w: colW - 2, h: headH - 3, radius: 3, fill: c.sidebar, frame: true }));
  s.blocks.push(...names);
  // The emotion curve with its scale.
  const curveTop = top + headH + 8;
  const curveH = 150;
  const band = { top: curveTop + 10, bottom: curveTop + curveH - 10, left: x0, right: x0 + n * colW };
  const yOf = (v: number) => band.top + ((3 - v) / 6) * (band.bottom - band.top);
  s.blocks.push({ kind: 'rect', x: M.x, y: curveTop, w: contentWidth, h: curveH, fill: c.canvas });
  s.blocks.push(textBlock(m, 'Emotion', { x: M.x + 4, y: curveTop + 4, w: HEADER_W - 44, size: theme.size.caption, bold: true, color: c.inkMuted }));
  for (const v of [3, 0, -3]) {
    const t = textBlock(m, v > 0 ? `+${v}` : String(v), { x: x0 - 36, y: 0, w: 30, size: theme.size.micro, color: c.inkSubtle, align: 'right', role: 'chart-label' });
    s.blocks.push({ ...t, y: yOf(v) - t.h / 2 });
    s.blocks.push({ kind: 'line', x1: x0 - 4, y1: yOf(v), x2: x0, y2: yOf(v), stroke: { color: c.borderStrong, width: 0.6 } });
  }
  s.blocks.push({ kind: 'line', x1: x0, y1: band.top, x2: x0, y2: band.bottom, stroke: { color: c.borderStrong, width: 0.6 } });
  const points = j.stages.flatMap((st, i) => (j.emotions[st.id] === undefined ? [] : [{ x: x0 + i * colW + colW / 2, score: j.emotions[st.id]! }]));
  s.blocks.push(...emotionCurve(points, band));
  if (!points.length) s.blocks.push(textBlock(m, 'The room did not score the emotion on this journey.', { x: x0 + 8, y: band.top + 4, w: 300, size: theme.size.small, color: c.inkSubtle }));
  // Cards per lane and stage.
  let y = curveTop + curveH + 8;
  const rowH = 22;
  const lanes = j.lanes.filter((l) => l.kind !== 'emotion');
  const available = M.contentBottom - y;
  const shown = lanes.slice(0, Math.max(0, Math.floor((available - rowH) / rowH)));
  for (const lane of shown) {
    const name = clampLines(m, textBlock(m, lane.name.trim() || 'Lane', { x: M.x + 4, y: y + 5, w: HEADER_W - 10, size: theme.size.caption - 0.5, bold: true, color: c.inkMuted, leading: 1.2 }), 1);
    s.blocks.push({ kind: 'line', x1: M.x, y1: y, x2: M.x + contentWidth, y2: y, stroke: { color: c.border, width: 0.5 } }, name);
    j.stages.forEach((st, i) => {
      const inCell = cards.filter((cd) => cd.laneId === lane.id && cd.stageId === st.id);
      if (!inCell.length) return;
      const pains = inCell.filter((cd) => cd.marks.length).length;
      const label = `${inCell.length} ${inCell.length === 1 ? 'card' : 'cards'}${pains ? ` · ${pains} marked` : ''}`;
      s.blocks.push(clampLines(m, textBlock(m, label, { x: x0 + i * colW + 6, y: y + 5, w: colW - 12, size: theme.size.caption, color: pains ? c.danger : c.ink, leading: 1.2 }), 1));
    });
    y += rowH;
  }
  s.blocks.push({ kind: 'line', x1: M.x, y1: y, x2: M.x + contentWidth, y2: y, stroke: { color: c.border, width: 0.5 } });
  const tail = `${cards.length} cards on ${lanes.length} lanes${shown.length < lanes.length ? ` (${lanes.length - shown.length} more lanes on the detail slides)` : ''} · the detail follows on the next slides.`;
  s.blocks.push(clampLines(m, textBlock(m, tail, { x: M.x, y: y + 6, w: contentWidth, size: theme.size.caption, color: c.inkMuted }), 1));
  return s;
}

function drawCanvas(m: TextMeasure, j: Journey, page: { stageIds: string[]; parts: LanePart[] }, top: number): Block[] {
  const blocks: Block[] = [];
  const k = Math.max(1, page.stageIds.length);
  const colW = (contentWidth - HEADER_W) / k;
  const x0 = M.x + HEADER_W;
  const totalH = STAGE_H + page.parts.reduce((n, p) => n + p.h, 0);
  // Stage headers
  page.stageIds.forEach((sid, i) => {
    const st = j.stages.find((s) => s.id === sid)!;
    const idx = j.stages.indexOf(st);
    const x = x0 + i * colW;
    blocks.push({ kind: 'rect', x: x + 1, y: top, w: colW - 2, h: STAGE_H - 3, radius: 3, fill: c.sidebar, frame: true });
    const t = textBlock(m, `${idx + 1}  ${st.name.trim() || 'Stage'}`, { x: x + 8, y: 0, w: colW - 16, size: theme.size.small - 0.5, bold: true, color: c.onPrimary, leading: 1.2 });
    // One line here; the journey's overview slide names the stage in full.
    blocks.push({ ...clampLines(m, t, 1), y: top + (STAGE_H - 3) / 2 - t.lineHeight / 2 });
  });
  let y = top + STAGE_H;
  page.parts.forEach((part, pi) => {
    const lane = part.lane;
    if (pi % 2 === 0) blocks.push({ kind: 'rect', x: M.x, y, w: contentWidth, h: part.h, fill: c.canvas });
    blocks.push({ kind: 'line', x1: M.x, y1: y, x2: M.x + contentWidth, y2: y, stroke: { color: c.border, width: 0.5 } });
    const name = textBlock(m, `${lane.name.trim() || 'Lane'}${part.continued ? ' (cont.)' : ''}`, { x: M.x + 4, y: y + 5, w: HEADER_W - 10, size: theme.size.caption - 0.5, bold: true, color: c.inkMuted, leading: 1.2 });
    const maxLines = Math.max(1, Math.floor((part.h - 8) / name.lineHeight));
    blocks.push(clampLines(m, name, maxLines));
    page.stageIds.forEach((sid, i) => {
      const x = x0 + i * colW;
      blocks.push({ kind: 'line', x1: x, y1: y, x2: x, y2: y + part.h, stroke: { color: c.border, width: 0.5 } });
      const rows = part.cells.get(sid) ?? [];
      let cy = y + CELL_PAD;
      const inner = colW - 2 * CELL_PAD;
      for (const row of rows) {
        const perRow = Math.max(1, Math.floor((inner + GAP) / (MIN_CARD_W + GAP)));
        const cardW = (inner - (perRow - 1) * GAP) / perRow;
        row.cards.forEach((b, ci) => {
          const cx = x + CELL_PAD + ci * (cardW + GAP);
          blocks.push(...drawCard(m, b, cx, cy, cardW, row.h));
        });
        cy += row.h + GAP;
      }
    });
    if (lane.kind === 'emotion') {
      const points = page.stageIds.flatMap((sid, i) => (j.emotions[sid] === undefined ? [] : [{ x: x0 + i * colW + colW / 2, score: j.emotions[sid]! }]));
      blocks.push(...emotionCurve(points, { top: y + 8, bottom: y + part.h - 8, left: x0, right: x0 + k * colW }));
      if (points.length === 0) blocks.push(textBlock(m, 'Not scored', { x: x0 + 6, y: y + part.h / 2 - 6, w: 120, size: theme.size.micro, color: c.inkSubtle }));
    }
    y += part.h;
  });
  blocks.push({ kind: 'rect', x: M.x, y: top + STAGE_H, w: contentWidth, h: totalH - STAGE_H, stroke: { color: c.borderStrong, width: 0.6 } });
  return blocks;
}

function drawCard(m: TextMeasure, b: CardBox, x: number, y: number, w: number, rowH: number): Block[] {
  const col = isCardColor(b.card.color) ? cardColors[b.card.color] : cardColors.yellow;
  const out: Block[] = [{ kind: 'rect', x, y, w, h: b.h, radius: 1.5, fill: col.fill, stroke: { color: col.edge, width: 0.5 }, frame: true }];
  void rowH;
  const lh = lineHeightOf(CARD_SIZE, 1.25);
  let ty = y + CARD_PAD;
  if (b.marks) {
    const mk = textBlock(m, b.marks, { x: x + CARD_PAD, y: ty, w: w - 2 * CARD_PAD, size: MARK_SIZE, bold: true, color: c.danger, leading: 1.2 });
    out.push(mk);
    ty += mk.h;
  }
  out.push({
    kind: 'text', x: x + CARD_PAD, y: ty, w: w - 2 * CARD_PAD, h: b.lines.length * lh, lines: b.lines, size: CARD_SIZE, bold: false,
    color: col.ink, align: 'left', lineHeight: lh, role: 'card',
  });
  return out;
}
