// The lifecycle roadmap on slides (lanes × time, initiatives as bars with their title, owner
// and status), the impact/effort chart, the initiative table, and the roadmap poster alone on
// one A3 landscape page with its legend. Lanes that do not fit continue on the next slide. Pure.
import { effortLabels, horizonColumns, horizonSummary, impactLabels, laneName, readRoadmapSettings, stageLabels, statusLabels, lifecycleStages, type Initiative, type RoadmapLane, type RoadmapSettings } from '../domain/roadmap';
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
  for (const s of lifecycleStages) if (settings.lanes.some((l) => l.stage === s)) item(c[s], `${stageLabels[s]} lane`);
  if (settings.lanes.some((l) => !l.stage)) item(c.inkMuted, 'Other lanes');
  const note = 'Bars span the planned dates; each shows the initiative, its owner and status. Done and dropped initiatives are greyed.';
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

/** The roadmap alone on one A3 landscape page (more pages only if it cannot fit even at a smaller scale). */
export function buildRoadmapPoster(d: DeckData, m: TextMeasure): Deck {
  const settings = readRoadmapSettings(d.workshop);
  const mx = 48;
  const top = 112;
  const bottom = A3.h - 96;
  let k = 1.35;
  let info = layoutLanes(m, d, settings, { k, x: mx, w: A3.w - 2 * mx });
  const heightOf = (i: typeof info) => 22 * k + i.lanes.reduce((n, l) => n + l.h, 0);
  while (heightOf(info) > bottom - top && k > 0.8) {
    k -= 0.05;
    info = layoutLanes(m, d, settings, { k, x: mx, w: A3.w - 2 * mx });
  }
  const g = { k, x: mx, w: A3.w - 2 * mx };
  const pages: LaneLayout[][] = [];
  let cur: LaneLayout[] = [];
  let used = 22 * k;
  for (const l of info.lanes) {
    if (used + l.h > bottom - top && cur.length) {
      pages.push(cur);
      cur = [];
      used = 22 * k;
    }
    cur.push(l);
    used += l.h;
  }
  if (cur.length) pages.push(cur);
  const w = d.workshop;
  const slides: Slide[] = pages.map((lanes, i) => {
    const blocks: Block[] = [];
    blocks.push(textBlock(m, (w.client.trim() || 'Lifecycle roadmap').toLocaleUpperCase('en'), { x: mx, y: 40, w: A3.w - 2 * mx, size: 11, bold: true, color: c.primary }));
    blocks.push(textBlock(m, `Lifecycle roadmap${i > 0 ? ' (continued)' : ''}`, { x: mx, y: 56, w: A3.w - 2 * mx, size: 28, bold: true, leading: 1.2 }));
    blocks.push(textBlock(m, `${w.title} · ${horizonSummary(settings)} · ${d.initiatives.length} initiatives`, { x: mx, y: 92, w: A3.w - 2 * mx, size: 11, color: c.inkMuted }));
    blocks.push(...drawRoadmap(m, d, settings, g, lanes, top, info));
    const h = 22 * k + lanes.reduce((n, l) => n + l.h, 0);
    blocks.push(...legend(m, settings, mx, top + h + 14, A3.w - 2 * mx, 1.3));
    return { id: `poster-${i}`, section: 'roadmap', title: 'Lifecycle roadmap', blocks, chrome: true };
  });
  addChrome(m, slides, { left: [w.client.trim(), w.title.trim()].filter(Boolean).join(' · '), middle: [facilitatorLine(d), formatDeckDate(w.date)].filter(Boolean).join(' · ') }, A3);
  const all = slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'text' ? b.lines : []))).join('\n');
  return { width: A3.w, height: A3.h, title: `${w.client} – Lifecycle roadmap`, author: facilitatorLine(d), slides, needsCjk: m.needsCjk(all), uncovered: m.uncovered(all) };
}
