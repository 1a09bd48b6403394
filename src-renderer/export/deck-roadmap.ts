// The lifecycle roadmap on slides (lanes × time, initiatives as bars with their title, owner
// and status), the impact/effort chart, the initiative table, and the roadmap poster alone on
// an A3 landscape poster with descriptions, owners and metrics. Lanes that do not fit continue on the next slide. Pure.
import { effortLabels, horizonColumns, horizonSummary, impactLabels, laneName, readRoadmapSettings, statusLabels, type Initiative, type RoadmapLane, type RoadmapSettings } from '../domain/roadmap';
import { formatRange } from '../domain/roadmap-dates';
import { layoutTimeline, type CardBox } from '../domain/roadmap-layout';
import { impactEffortChart } from './deck-charts';
import type { DeckData } from './deck-data';
import { addChrome, balancedGroups, contentSlide, facilitatorLine, flowColumns, formatDeckDate, contentWidth, lineHeightOf, paginateTable, textBlock, theme, type FlowItem } from './deck-layout';
import type { Block, Deck, Slide } from './deck-model';
import { wrapText, type TextMeasure } from './text-measure';

const c = theme.colors;
const M = theme.margin;

export function laneColor(lane: RoadmapLane | undefined): string {
  return lane?.stage ? c[lane.stage] : c.inkMuted;
}

interface RoadmapGeometry {
  /** Scale of type and spacing (1 on a slide; larger on the A3 poster). */
  readonly k: number;
  readonly x: number;
  readonly w: number;
}

interface LaneLayout {
  readonly lane: RoadmapLane;
  readonly h: number;
  readonly rows: { h: number; cards: { box: CardBox; it: Initiative; title: string[]; meta: string }[] }[];
}

function layoutLanes(m: TextMeasure, d: DeckData, settings: RoadmapSettings, g: RoadmapGeometry) {
  const headerW = 104 * g.k;
  const tl = layoutTimeline(d.initiatives, settings, { width: g.w - headerW, minCardWidth: 78 * g.k, gap: 6 * g.k, unscheduledWidth: 120 * g.k });
  const byId = new Map(d.initiatives.map((i) => [i.id, i]));
  const ts = 7.2 * g.k;
  const ms = 6.2 * g.k;
  const pad = 3.5 * g.k;
  const lanes: LaneLayout[] = settings.lanes.map((lane) => {
    const boxes = tl.cards.filter((b) => b.laneId === lane.id);
    const nRows = tl.laneRows[lane.id] ?? 1;
    const rows: LaneLayout['rows'] = Array.from({ length: nRows }, () => ({ h: 0, cards: [] }));
    for (const box of boxes) {
      const it = byId.get(box.id)!;
      const title = wrapText(m, it.title.trim() || 'Untitled initiative', box.width - 2 * pad - 3 * g.k, ts, true);
      const meta = [it.owner.trim(), statusLabels[it.status]].filter(Boolean).join(' · ');
      const metaLines = wrapText(m, meta, box.width - 2 * pad - 3 * g.k, ms, false);
      const h = title.length * lineHeightOf(ts, 1.2) + metaLines.length * lineHeightOf(ms, 1.2) + 2 * pad;
      const row = rows[box.row]!;
      row.cards.push({ box, it, title, meta });
      row.h = Math.max(row.h, h);
    }
    for (const r of rows) if (r.h === 0) r.h = 22 * g.k;
    const h = rows.reduce((n, r) => n + r.h, 0) + (rows.length + 1) * 4 * g.k;
    return { lane, rows, h: Math.max(h, 34 * g.k) };
  });
  return { tl, lanes, headerW, ts, ms, pad };
}

function drawRoadmap(m: TextMeasure, d: DeckData, settings: RoadmapSettings, g: RoadmapGeometry, lanes: readonly LaneLayout[], top: number, info: ReturnType<typeof layoutLanes>): Block[] {
  const blocks: Block[] = [];
  const { tl, headerW, ts, ms, pad } = info;
  const x0 = g.x + headerW;
  const headH = 22 * g.k;
  const geo = tl.geometry;
  const cols = horizonColumns(settings);
  const dated = g.w - headerW - geo.unscheduledWidth;
  const totalH = headH + lanes.reduce((n, l) => n + l.h, 0);
  // Column headers
  if (geo.unscheduledWidth > 0) {
    blocks.push({ kind: 'rect', x: x0, y: top, w: geo.unscheduledWidth - 2, h: headH - 3, radius: 3, fill: c.surfaceSunken });
    blocks.push(centered(m, 'Unscheduled', x0, top, geo.unscheduledWidth - 2, headH - 3, 8 * g.k, c.inkMuted));
  }
  const colW = dated / cols.length;
  cols.forEach((col, i) => {
    const x = x0 + geo.unscheduledWidth + i * colW;
    blocks.push({ kind: 'rect', x: x + 1, y: top, w: colW - 2, h: headH - 3, radius: 3, fill: c.sidebar });
    blocks.push(centered(m, col.label, x + 1, top, colW - 2, headH - 3, 8.5 * g.k, c.onPrimary, true));
  });
  let y = top + headH;
  // Cards are drawn after the quarter lines, so no line runs through a card.
  const cardBlocks: Block[] = [];
  lanes.forEach((l, li) => {
    const color = laneColor(l.lane);
    if (li % 2 === 0) blocks.push({ kind: 'rect', x: g.x, y, w: g.w, h: l.h, fill: c.canvas });
    blocks.push({ kind: 'rect', x: g.x, y: y + 2, w: 3 * g.k, h: l.h - 4, fill: color });
    const nm = textBlock(m, laneName(l.lane), { x: g.x + 8 * g.k, y: y + 6 * g.k, w: headerW - 14 * g.k, size: 8.5 * g.k, bold: true, color: c.ink, leading: 1.2 });
    blocks.push(nm);
    if (l.lane.stage) {
      const n = d.initiatives.filter((i) => i.laneId === l.lane.id).length;
      blocks.push(textBlock(m, `${n} initiative${n === 1 ? '' : 's'}`, { x: nm.x, y: nm.y + nm.h + 1, w: nm.w, size: 6.5 * g.k, color: c.inkMuted, leading: 1.2 }));
    }
    blocks.push({ kind: 'line', x1: g.x, y1: y, x2: g.x + g.w, y2: y, stroke: { color: c.border, width: 0.5 } });
    let ry = y + 4 * g.k;
    for (const row of l.rows) {
      for (const cd of row.cards) {
        const bx = x0 + cd.box.left;
        const bw = cd.box.width;
        const done = cd.it.status === 'done' || cd.it.status === 'dropped';
        cardBlocks.push({ kind: 'rect', x: bx, y: ry, w: bw, h: row.h, radius: 2.5 * g.k, fill: c.surface, stroke: { color: done ? c.border : color, width: 0.7 } });
        cardBlocks.push({ kind: 'rect', x: bx, y: ry, w: 3 * g.k, h: row.h, fill: color });
        const tlh = lineHeightOf(ts, 1.2);
        cardBlocks.push({ kind: 'text', x: bx + pad + 3 * g.k, y: ry + pad, w: bw - 2 * pad - 3 * g.k, h: cd.title.length * tlh, lines: cd.title, size: ts, bold: true, color: done ? c.inkMuted : c.ink, align: 'left', lineHeight: tlh, role: 'initiative' });
        if (cd.meta) cardBlocks.push(textBlock(m, cd.meta, { x: bx + pad + 3 * g.k, y: ry + pad + cd.title.length * tlh, w: bw - 2 * pad - 3 * g.k, size: ms, color: c.inkMuted, leading: 1.2 }));
      }
      ry += row.h + 4 * g.k;
    }
    y += l.h;
  });
  // Column lines over the lanes
  for (let i = 0; i <= cols.length; i++) {
    const x = x0 + geo.unscheduledWidth + i * colW;
    blocks.push({ kind: 'line', x1: x, y1: top + headH, x2: x, y2: top + totalH, stroke: { color: c.border, width: 0.5, dash: [2, 2] } });
  }
  blocks.push(...cardBlocks);
  blocks.push({ kind: 'rect', x: g.x, y: top + headH, w: g.w, h: totalH - headH, stroke: { color: c.borderStrong, width: 0.6 } });
  return blocks;
}

function centered(m: TextMeasure, text: string, x: number, y: number, w: number, h: number, size: number, color: string, bold = false): Block {
  const t = textBlock(m, text, { x: x + 4, y: 0, w: w - 8, size, color, bold, align: 'center', leading: 1.2 });
  const lines = t.lines.slice(0, 1);
  return { ...t, lines, h: t.lineHeight, y: y + h / 2 - t.lineHeight / 2 };
}

/** What the bars mean, in the roadmap's own mode (dated quarters or Now / Next / Later). */
export function legendNote(settings: RoadmapSettings): string {
  const tail = 'Each shows the initiative, its owner and status; done and dropped initiatives are greyed.';
  if (settings.horizon === 'buckets') return `Columns are horizons, not dates (${horizonColumns(settings).map((c) => c.label).join(', ')}): each initiative sits in the horizon the room chose. ${tail}`;
  return `Bars span the planned dates; initiatives without dates are under Unscheduled. ${tail}`;
}

function legend(m: TextMeasure, settings: RoadmapSettings, x: number, y: number, w: number, k: number): Block[] {
  const out: Block[] = [];
  let cx = x;
  const size = 7.5 * k;
  const item = (color: string, label: string) => {
    const lw = m.width(label, size, false) + 2;
    if (cx + 14 * k + lw > x + w) return;
    out.push({ kind: 'rect', x: cx, y: y + 1.5 * k, w: 9 * k, h: 9 * k, radius: 2 * k, fill: color });
    out.push(textBlock(m, label, { x: cx + 13 * k, y, w: lw, size, color: c.inkMuted, leading: 1.3 }));
    cx += 13 * k + lw + 14 * k;
  };
  // The lanes by the names the roadmap screen shows, in its order.
  for (const l of settings.lanes) item(laneColor(l), laneName(l));
  const note = legendNote(settings);
  out.push(textBlock(m, note, { x, y: y + 14 * k, w, size: 7 * k, color: c.inkSubtle }));
  return out;
}

/** Timeline slides, then the impact/effort chart and the initiative table. */
export function buildRoadmapSlides(d: DeckData, m: TextMeasure): Slide[] {
  const settings = readRoadmapSettings(d.workshop);
  const legendH = 30;
  const avail = M.contentBottom - M.contentTop - 22 - legendH;
  // Shrink type a little (not below 80 %) before splitting lanes over slides.
  let g: RoadmapGeometry = { k: 1, x: M.x, w: contentWidth };
  let info = layoutLanes(m, d, settings, g);
  while (info.lanes.reduce((n, l) => n + l.h, 0) > avail && g.k > 0.8) {
    g = { ...g, k: Math.round((g.k - 0.05) * 100) / 100 };
    info = layoutLanes(m, d, settings, g);
  }
  // Whole lanes per slide, spread evenly over the slides needed.
  const pages: LaneLayout[][] = balancedGroups(info.lanes.map((l) => l.h), avail).map((g) => g.map((i) => info.lanes[i]!));
  const out: Slide[] = pages.map((lanes, i) => {
    const s = contentSlide(m, 'roadmap', 'Lifecycle roadmap', i === 0 ? 'Lifecycle roadmap' : 'Lifecycle roadmap (continued)', `${horizonSummary(settings)} · ${d.initiatives.length} initiatives`);
    s.blocks.push(...drawRoadmap(m, d, settings, g, lanes, M.contentTop, info));
    const h = 22 * g.k + lanes.reduce((n, l) => n + l.h, 0);
    s.blocks.push(...legend(m, settings, M.x, Math.min(M.contentTop + h + 8, M.contentBottom - legendH + 4), contentWidth, 1));
    return s;
  });

  // Impact / effort
  const lanesById = new Map(settings.lanes.map((l) => [l.id, l]));
  const sorted = d.initiatives;
  const s = contentSlide(m, 'roadmap', 'Lifecycle roadmap', 'Impact and effort', 'Where each initiative sits: do the quick wins first, fund the big bets deliberately.');
  const chartW = 420;
  s.blocks.push(...impactEffortChart(m, sorted.map((it, i) => ({ n: i + 1, impact: it.impact, effort: it.effort, color: laneColor(lanesById.get(it.laneId)) })), { x: M.x, y: M.contentTop, w: chartW + 20, h: M.contentBottom - M.contentTop }));
  // The key: numbered titles in two columns of about equal length (and, for very many
  // initiatives, on continuation slides filled evenly).
  const kx = M.x + chartW + 44;
  const kw = contentWidth - chartW - 44;
  const colW = (kw - 16) / 2;
  const size = theme.size.micro + 0.5;
  const keyItems: FlowItem[] = sorted.map((it, i) => {
    const text = `${i + 1}  ${it.title.trim() || 'Untitled initiative'}`;
    return { gap: 3, height: (w) => textBlock(m, text, { x: 0, y: 0, w, size }).h, draw: (x, y, w) => [textBlock(m, text, { x, y, w, size, color: c.ink, role: 'item' })] };
  });
  const keyPages = keyItems.length ? flowColumns(keyItems, [{ x: kx, w: colW }, { x: kx + colW + 16, w: colW }], M.contentTop + 18, M.contentBottom, { balance: true, nextTop: M.contentTop, pages: 1 }) : [[]];
  s.blocks.push(textBlock(m, 'Initiatives', { x: kx, y: M.contentTop, w: kw, size: theme.size.micro, bold: true, color: c.inkMuted }));
  s.blocks.push(...keyPages[0]!);
  out.push(s);
  for (const blocks of keyPages.slice(1)) {
    const cs = contentSlide(m, 'roadmap', 'Lifecycle roadmap', 'Impact and effort (continued)');
    cs.blocks.push(...blocks);
    out.push(cs);
  }

  // The initiative table
  const rows = sorted.map((it, i) => {
    const lane = lanesById.get(it.laneId);
    const when = settings.horizon === 'buckets' ? (horizonColumns(settings)[it.bucket ?? 0]?.label ?? '') : it.start ? formatRange(it.start, it.end ?? it.start) : 'Unscheduled';
    return [String(i + 1), it.title.trim() || 'Untitled initiative', it.description.trim(), lane ? laneName(lane) : '', when, it.owner, statusLabels[it.status], `${impactLabels[it.impact] ?? ''} impact · ${(effortLabels[it.effort] ?? '').toLocaleLowerCase('en')} effort`, it.resources];
  });
  const cols = [
    { label: '#', width: 24, color: c.inkSubtle },
    { label: 'Initiative', width: 150, bold: true },
    { label: 'What it is', width: contentWidth - 24 - 150 - 78 - 96 - 84 - 58 - 92 - 84, color: c.inkMuted },
    { label: 'Lane', width: 78 },
    { label: 'When', width: 96 },
    { label: 'Owner', width: 84 },
    { label: 'Status', width: 58 },
    { label: 'Impact · effort', width: 92 },
    { label: 'Resources', width: 84 },
  ];
  const tables = paginateTable(m, cols, rows, { x: M.x, y: M.contentTop }, M.contentBottom - M.contentTop, M.contentBottom - M.contentTop);
  tables.forEach((t, i) => {
    const ts = contentSlide(m, 'roadmap', 'Lifecycle roadmap', i === 0 ? 'Initiatives' : 'Initiatives (continued)');
    ts.blocks.push(t);
    out.push(ts);
  });
  return out;
}

/** A3 landscape in pt. */
export const A3 = { w: 1190.55, h: 841.89 } as const;

/** The poster's type sizes at scale 1, pt: read from a metre away (never below 0.9 of these). */
const POSTER_TYPE = { title: 14, body: 11.5, meta: 11, lane: 17, column: 15 } as const;
const POSTER_MIN_K = 0.9;

interface PosterCard {
  readonly box: CardBox;
  readonly it: Initiative;
  readonly blocks: (x: number, y: number) => Block[];
  readonly h: number;
}

interface PosterLane {
  readonly lane: RoadmapLane;
  readonly rows: { h: number; cards: PosterCard[] }[];
  readonly h: number;
}

/** The metrics that measure an initiative, as "Name (target)". */
function metricsOf(d: DeckData, it: Initiative): string[] {
  return d.metrics.filter((mt) => mt.initiativeId === it.id && mt.name.trim()).map((mt) => (mt.target.trim() ? `${mt.name.trim()} (target ${mt.target.trim()})` : mt.name.trim()));
}

function posterLanes(m: TextMeasure, d: DeckData, settings: RoadmapSettings, k: number, width: number, headerW: number): { lanes: PosterLane[]; unscheduledWidth: number; k: number } {
  const tl = layoutTimeline(d.initiatives, settings, { width: width - headerW, minCardWidth: 170 * k, gap: 8 * k, unscheduledWidth: 190 * k });
  const byId = new Map(d.initiatives.map((i) => [i.id, i]));
  const pad = 7 * k;
  const stripe = 5 * k;
  const size = { title: POSTER_TYPE.title * k, body: POSTER_TYPE.body * k, meta: POSTER_TYPE.meta * k };
  const lanes = settings.lanes.map((lane) => {
    const color = laneColor(lane);
    const rows: PosterLane['rows'] = Array.from({ length: tl.laneRows[lane.id] ?? 1 }, () => ({ h: 0, cards: [] }));
    for (const box of tl.cards.filter((b) => b.laneId === lane.id)) {
      const it = byId.get(box.id)!;
      const done = it.status === 'done' || it.status === 'dropped';
      const tw = box.width - 2 * pad - stripe;
      const draw = (x: number, y: number): Block[] => {
        const out: Block[] = [];
        let ty = y + pad;
        const add = (text: string, o: { size: number; bold?: boolean; color?: string; role: string; gap?: number }) => {
          if (!text.trim()) return;
          ty += o.gap ?? 0;
          const b = textBlock(m, text, { x: x + stripe + pad, y: ty, w: tw, size: o.size, bold: o.bold ?? false, color: o.color ?? c.ink, role: o.role, leading: 1.25 });
          out.push(b);
          ty += b.h;
        };
        add(it.title.trim() || 'Untitled initiative', { size: size.title, bold: true, color: done ? c.inkMuted : c.ink, role: 'initiative' });
        add(it.description, { size: size.body, color: c.ink, role: 'description', gap: 3 * k });
        add([it.owner.trim() ? `Owner: ${it.owner.trim()}` : 'No owner yet', statusLabels[it.status]].join(' · '), { size: size.meta, bold: true, color: c.inkMuted, role: 'owner', gap: 4 * k });
        const ms = metricsOf(d, it);
        add(ms.length ? `Measured by: ${ms.join('; ')}` : 'No metric yet', { size: size.meta, color: ms.length ? c.inkMuted : c.warning, role: 'metrics', gap: 2 * k });
        return [
          { kind: 'rect', x, y, w: box.width, h: ty - y + pad, radius: 4 * k, fill: c.surface, stroke: { color: done ? c.border : color, width: 1 } },
          { kind: 'rect', x, y, w: stripe, h: ty - y + pad, fill: color },
          ...out,
        ];
      };
      const probe = draw(0, 0);
      const h = (probe[0] as { h: number }).h;
      const row = rows[box.row]!;
      row.cards.push({ box, it, h, blocks: draw });
      row.h = Math.max(row.h, h);
    }
    for (const r of rows) if (r.h === 0) r.h = 30 * k;
    const h = rows.reduce((n, r) => n + r.h, 0) + (rows.length + 1) * 8 * k;
    return { lane, rows, h: Math.max(h, 70 * k) };
  });
  return { lanes, unscheduledWidth: tl.geometry.unscheduledWidth, k };
}

/**
 * The roadmap as an A3 landscape poster: lanes by the app's names down the side, the horizon's
 * columns across, each initiative with its description, owner, status and the metrics that
 * measure it, in type read from a metre away. The type grows to fill the page, lanes share what
 * is left; only a roadmap too large even at the smallest type goes on to a second page.
 */
export function buildRoadmapPoster(d: DeckData, m: TextMeasure): Deck {
  const settings = readRoadmapSettings(d.workshop);
  const w = d.workshop;
  const mx = 40;
  const width = A3.w - 2 * mx;
  const headerW = 150;
  const gridTop = 168;
  const gridBottom = A3.h - 44;
  const colHeadH = 32;
  const avail = gridBottom - gridTop - colHeadH;
  const total = (l: { lanes: PosterLane[] }) => l.lanes.reduce((n, x) => n + x.h, 0);
  // The largest type (steps of 5 %, at least the minimum) at which these lanes fit one page.
  const fit = (s: RoadmapSettings, dd: DeckData) => {
    let k = 1.5;
    let lay = posterLanes(m, dd, s, k, width, headerW);
    while (total(lay) > avail && k > POSTER_MIN_K) {
      k = Math.max(POSTER_MIN_K, Math.round((k - 0.05) * 100) / 100);
      lay = posterLanes(m, dd, s, k, width, headerW);
    }
    return lay;
  };
  const whole = fit(settings, d);
  // Too much for one page even at the smallest type: whole lanes per page, and each page's type
  // as large as its own lanes allow.
  const groups = total(whole) <= avail ? [settings.lanes.map((_, i) => i)] : balancedGroups(whole.lanes.map((l) => l.h), avail);
  const pageLayouts = groups.map((g) => {
    if (groups.length === 1) return whole;
    const lanes = g.map((i) => settings.lanes[i]!);
    const ids = new Set(lanes.map((l) => l.id));
    return fit({ ...settings, lanes }, { ...d, initiatives: d.initiatives.filter((it) => ids.has(it.laneId)) });
  });
  const pages = pageLayouts.map((l) => l.lanes);
  const cols = horizonColumns(settings);
  const slides: Slide[] = pages.map((lanes, pi) => {
    const lay = pageLayouts[pi]!;
    const k = lay.k;
    const blocks: Block[] = [];
    blocks.push(textBlock(m, (w.client.trim() || 'Lifecycle roadmap').toLocaleUpperCase('en'), { x: mx, y: 36, w: width - 160, size: 13, bold: true, color: c.primary, role: 'client' }));
    blocks.push(textBlock(m, `Lifecycle roadmap${pi > 0 ? ' (continued)' : ''}`, { x: mx, y: 54, w: width - 160, size: 34, bold: true, leading: 1.15, role: 'title' }));
    const sub = textBlock(m, [w.title.trim(), horizonSummary(settings), `${d.initiatives.length} initiative${d.initiatives.length === 1 ? '' : 's'}`].filter(Boolean).join(' · '), { x: mx, y: 96, w: width, size: 13, color: c.inkMuted, role: 'subtitle' });
    blocks.push({ ...sub, lines: sub.lines.slice(0, 1), h: sub.lineHeight });
    blocks.push(...posterLegend(m, settings, mx, 124, width));
    // Lanes share the height the page has left, so the grid fills the page.
    const used = lanes.reduce((n, l) => n + l.h, 0);
    const extra = Math.max(0, (avail - used) / lanes.length);
    const x0 = mx + headerW;
    const dated = width - headerW - lay.unscheduledWidth;
    const colW = dated / cols.length;
    const head = (x: number, cw: number, label: string, fill: string, ink: string) => {
      blocks.push({ kind: 'rect', x: x + 2, y: gridTop, w: cw - 4, h: colHeadH - 4, radius: 4, fill });
      const t = textBlock(m, label, { x: x + 8, y: 0, w: cw - 16, size: POSTER_TYPE.column, bold: true, color: ink, align: 'center', leading: 1.2, role: 'column' });
      blocks.push({ ...t, lines: t.lines.slice(0, 1), h: t.lineHeight, y: gridTop + (colHeadH - 4 - t.lineHeight) / 2 });
    };
    if (lay.unscheduledWidth > 0) head(x0, lay.unscheduledWidth, 'Unscheduled', c.surfaceSunken, c.inkMuted);
    cols.forEach((col, i) => head(x0 + lay.unscheduledWidth + i * colW, colW, col.label, c.sidebar, c.onPrimary));
    let y = gridTop + colHeadH;
    const cards: Block[] = [];
    lanes.forEach((l, li) => {
      const h = l.h + extra;
      const color = laneColor(l.lane);
      if (li % 2 === 0) blocks.push({ kind: 'rect', x: mx, y, w: width, h, fill: c.canvas });
      blocks.push({ kind: 'rect', x: mx, y: y + 3, w: 6, h: h - 6, fill: color });
      const nm = textBlock(m, laneName(l.lane), { x: mx + 16, y: y + 10, w: headerW - 24, size: POSTER_TYPE.lane, bold: true, color: c.ink, leading: 1.2, role: 'lane' });
      blocks.push(nm);
      const n = d.initiatives.filter((i) => i.laneId === l.lane.id).length;
      blocks.push(textBlock(m, `${n} initiative${n === 1 ? '' : 's'}`, { x: nm.x, y: nm.y + nm.h + 2, w: nm.w, size: 11, color: c.inkMuted, leading: 1.2, role: 'lane-count' }));
      blocks.push({ kind: 'line', x1: mx, y1: y, x2: mx + width, y2: y, stroke: { color: c.border, width: 0.6 } });
      let ry = y + 8 * k;
      for (const row of l.rows) {
        for (const cd of row.cards) cards.push(...cd.blocks(x0 + cd.box.left, ry).map((b) => ({ ...b, group: `card-${cd.it.id}` })));
        ry += row.h + 8 * k;
      }
      y += h;
    });
    for (let i = 0; i <= cols.length; i++) {
      const x = x0 + lay.unscheduledWidth + i * colW;
      blocks.push({ kind: 'line', x1: x, y1: gridTop + colHeadH, x2: x, y2: y, stroke: { color: c.border, width: 0.6, dash: [3, 3] } });
    }
    blocks.push(...cards);
    blocks.push({ kind: 'rect', x: mx, y: gridTop + colHeadH, w: width, h: y - gridTop - colHeadH, stroke: { color: c.borderStrong, width: 0.8 } });
    return { id: `poster-${pi}`, section: 'roadmap', title: 'Lifecycle roadmap', blocks, chrome: true };
  });
  addChrome(m, slides, { left: [w.client.trim(), w.title.trim()].filter(Boolean).join(' · '), middle: [facilitatorLine(d), formatDeckDate(w.date)].filter(Boolean).join(' · ') }, A3);
  const all = slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'text' ? b.lines : []))).join('\n');
  return { width: A3.w, height: A3.h, title: `${w.client} – Lifecycle roadmap`, author: facilitatorLine(d), slides, needsCjk: m.needsCjk(all), uncovered: m.uncovered(all) };
}

/** The poster's key: every lane by its name in the app with its colour, then what bars mean. */
function posterLegend(m: TextMeasure, settings: RoadmapSettings, x: number, y: number, w: number): Block[] {
  const out: Block[] = [];
  const size = 12;
  let cx = x;
  let cy = y;
  for (const l of settings.lanes) {
    const label = laneName(l);
    const lw = Math.min(m.width(label, size, false) + 2, w - 20);
    if (cx + 18 + lw > x + w) {
      cx = x;
      cy += 18;
    }
    out.push({ kind: 'rect', x: cx, y: cy + 2, w: 12, h: 12, radius: 2.5, fill: laneColor(l), group: 'legend' });
    const t = textBlock(m, label, { x: cx + 17, y: cy, w: lw, size, color: c.ink, leading: 1.3, role: 'legend' });
    out.push({ ...t, lines: t.lines.slice(0, 1), h: t.lineHeight, group: 'legend' });
    cx += 17 + lw + 20;
  }
  out.push({ ...textBlock(m, legendNote(settings), { x, y: cy + 20, w, size: 11, color: c.inkMuted, role: 'legend-note' }), group: 'legend' });
  return out;
}
