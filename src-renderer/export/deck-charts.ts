// Charts as shapes for the deck: radar (assessment), portfolio bubbles (segments), emotion
// curve (journeys) and impact/effort (initiatives). Each returns plain blocks in a given box, so
// PDF, PPTX and SVG draw the same vector chart. Pure; text measured with the embedded fonts.
import { formatValue } from '../domain/segment';
import { monotoneSegments, type Point } from '../domain/journey-emotion';
import type { Block, ChartSpec, PathCommand } from './deck-model';
import { lineHeightOf, textBlock, theme } from './deck-layout';
import type { TextMeasure } from './text-measure';

const c = theme.colors;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

let chartCount = 0;

/**
 * Marks a chart's blocks as one group and carries its data on the first block the PowerPoint's
 * native chart replaces. `keep`: blocks the native chart does not draw (quadrant fills and names),
 * which stay as grouped shapes behind or over it.
 */
export function withChartData(blocks: readonly Block[], spec: ChartSpec | null, keep: (b: Block) => boolean = () => false): Block[] {
  const group = `${spec?.type ?? 'figure'}-${++chartCount}`;
  let carried = false;
  return blocks.map((b) => {
    const native = spec !== null && !keep(b);
    const chart = native && !carried ? spec : undefined;
    if (chart) carried = true;
    return { ...b, group, ...(native ? { native: true } : {}), ...(chart ? { chart } : {}) };
  });
}

function polygon(points: readonly Point[]): PathCommand[] {
  return [...points.map((p, i) => ({ op: i === 0 ? ('M' as const) : ('L' as const), x: p.x, y: p.y })), { op: 'Z' as const }];
}

// ---------------------------------------------------------------------------------------------

export interface RadarDimension {
  readonly label: string;
  /** 0–100 or null when not scored. */
  readonly score: number | null;
  readonly target: number | null;
}

/** A radar chart: rings at 25/50/75/100 %, the scores filled, targets dashed, labels outside. */
export function radarChart(m: TextMeasure, dims: readonly RadarDimension[], box: Box): Block[] {
  const blocks: Block[] = [];
  const labelW = Math.min(120, box.w * 0.24);
  const r = Math.max(20, Math.min((box.w - 2 * labelW - 16) / 2, box.h / 2 - 26));
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const n = Math.max(3, dims.length);
  const at = (i: number, v: number): Point => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: cx + Math.cos(a) * r * (v / 100), y: cy + Math.sin(a) * r * (v / 100) };
  };
  for (const ring of [25, 50, 75, 100]) {
    blocks.push({ kind: 'path', commands: polygon(Array.from({ length: n }, (_, i) => at(i, ring))), stroke: { color: ring === 100 ? c.borderStrong : c.border, width: 0.6 } });
  }
  for (let i = 0; i < n; i++) {
    const p = at(i, 100);
    blocks.push({ kind: 'line', x1: cx, y1: cy, x2: p.x, y2: p.y, stroke: { color: c.border, width: 0.6 } });
  }
  // Ring values beside the top axis, level with the ring's corner: clear of the ring lines
  // (which fall away below the corner) and of the top dimension's label (kept higher up).
  for (const ring of [50, 100]) {
    const p = at(0, ring);
    const t = textBlock(m, `${ring}%`, { x: p.x + 5, y: 0, w: 30, size: theme.size.micro - 1, color: c.inkSubtle, role: 'chart-label' });
    blocks.push({ ...t, y: p.y - t.h / 2 });
  }
  const scored = dims.map((d) => d.score ?? 0);
  if (dims.some((d) => d.score !== null)) {
    blocks.push({ kind: 'path', commands: polygon(scored.map((v, i) => at(i, v))), fill: c.primary, opacity: 0.16, stroke: { color: c.primary, width: 1.6 } });
  }
  // Targets only where the room set one: a dashed line joins neighbouring targets, a ring marks
  // each; a dimension without a target gets nothing (no invented 100 %).
  if (dims.length && dims.every((d) => d.target !== null)) {
    blocks.push({ kind: 'path', commands: polygon(dims.map((d, i) => at(i, d.target!))), stroke: { color: c.accent, width: 1.2, dash: [4, 3] } });
  } else {
    dims.forEach((d, i) => {
      const next = dims[(i + 1) % dims.length]!;
      if (d.target === null || next.target === null || dims.length < 2) return;
      const a = at(i, d.target);
      const b = at((i + 1) % dims.length, next.target);
      blocks.push({ kind: 'line', x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: { color: c.accent, width: 1.2, dash: [4, 3] } });
    });
  }
  dims.forEach((d, i) => {
    if (d.target === null) return;
    const p = at(i, d.target);
    blocks.push({ kind: 'ellipse', cx: p.x, cy: p.y, rx: 3.6, ry: 3.6, fill: c.surface, stroke: { color: c.accent, width: 1.4 } });
  });
  dims.forEach((d, i) => {
    if (d.score === null) return;
    const p = at(i, d.score);
    blocks.push({ kind: 'ellipse', cx: p.x, cy: p.y, rx: 2.6, ry: 2.6, fill: c.primary });
  });
  const size = theme.size.caption;
  dims.forEach((d, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const p = at(i, 100);
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const label = `${d.label} · ${d.score === null ? '—' : `${Math.round(d.score)}%`}`;
    const align = Math.abs(cos) < 0.2 ? 'center' : cos > 0 ? 'left' : 'right';
    const w = labelW;
    const t = textBlock(m, label, { x: 0, y: 0, w, size, color: c.ink, align, role: 'chart-label', bold: false });
    const x = align === 'center' ? p.x - w / 2 : align === 'left' ? p.x + 8 : p.x - 8 - w;
    const y = Math.abs(sin) < 0.2 ? p.y - t.h / 2 : sin < 0 ? p.y - t.h - (align === 'center' ? 12 : 6) : p.y + 6;
    blocks.push({ ...t, x, y });
  });
  const withTarget = dims.length > 0 && dims.every((d) => d.target !== null);
  return withChartData(blocks, {
    type: 'radar', title: 'Assessment radar', x: box.x, y: box.y, w: box.w, h: box.h,
    categories: dims.map((d) => d.label),
    series: [
      { name: 'Score', color: c.primary, values: dims.map((d) => Math.round(d.score ?? 0)) },
      ...(withTarget ? [{ name: 'Target', color: c.accent, values: dims.map((d) => Math.round(d.target ?? 0)), dashed: true }] : []),
    ],
    yAxis: { min: 0, max: 100, step: 25 },
  });
}

// ---------------------------------------------------------------------------------------------

export interface Bubble {
  readonly name: string;
  readonly color: string;
  readonly size: number;
  readonly current: number;
  readonly potential: number;
  readonly note: string;
}

/** Nice ticks from 0 to at least max (1, 2, 2.5, 5 × 10ⁿ). */
export function niceTicks(max: number, count = 5): number[] {
  const mx = max > 0 && Number.isFinite(max) ? max : 1;
  const raw = mx / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * pow).find((s) => s >= raw) ?? 10 * pow;
  const n = Math.ceil(mx / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const within = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
/** Whether a rectangle touches a circle (with a margin). */
function hitsCircle(r: Rect, cx: number, cy: number, radius: number): boolean {
  const nx = Math.max(r.x, Math.min(cx, r.x + r.w));
  const ny = Math.max(r.y, Math.min(cy, r.y + r.h));
  return (nx - cx) ** 2 + (ny - cy) ** 2 < radius ** 2;
}

/**
 * The segment portfolio: x = value today, y = potential value, bubble area ∝ size, quadrant
 * names. `money` formats the axis values (with the workshop's currency). Labels are placed
 * where they touch no bubble and no other label, next to their bubble when there is room,
 * otherwise further away with a leader line.
 */
export function portfolioChart(m: TextMeasure, items: readonly Bubble[], box: Box, money: (v: number) => string = formatValue): Block[] {
  const blocks: Block[] = [];
  const left = box.x + 52;
  const bottom = box.y + box.h - 34;
  const top = box.y + 20;
  const right = box.x + box.w - 8;
  const maxSize = Math.max(0, ...items.map((i) => i.size));
  const rMax = Math.max(10, Math.min(right - left, bottom - top) * 0.09);
  const radius = (v: number) => (maxSize > 0 ? Math.max(5, rMax * Math.sqrt(Math.max(0, v) / maxSize)) : 5);
  // The axes start a largest radius in from the frame, so no bubble reaches over the tick labels.
  const pad = rMax + 2;
  const dataMax = Math.max(0, ...items.flatMap((i) => [i.current, i.potential]));
  const ticks = niceTicks(dataMax * 1.02, 5);
  const max = ticks[ticks.length - 1]!;
  const sx = (v: number) => left + pad + (v / max) * (right - left - 2 * pad);
  const sy = (v: number) => bottom - pad - (v / max) * (bottom - top - 2 * pad);
  const midX = (left + right) / 2;
  const midY = (top + bottom) / 2;
  blocks.push({ kind: 'rect', x: left, y: top, w: right - left, h: bottom - top, fill: c.surface, stroke: { color: c.border, width: 0.6 }, frame: true });
  blocks.push({ kind: 'rect', x: left, y: top, w: midX - left, h: midY - top, fill: c.primarySoft });
  const s = theme.size.micro;
  for (const t of ticks) {
    blocks.push({ kind: 'line', x1: sx(t), y1: bottom, x2: sx(t), y2: bottom + 3, stroke: { color: c.borderStrong, width: 0.6 } });
    blocks.push(textBlock(m, money(t), { x: sx(t) - 30, y: bottom + 5, w: 60, size: s, color: c.inkSubtle, align: 'center', role: 'chart-label' }));
    blocks.push({ kind: 'line', x1: left - 3, y1: sy(t), x2: left, y2: sy(t), stroke: { color: c.borderStrong, width: 0.6 } });
    blocks.push(textBlock(m, money(t), { x: left - 50, y: sy(t) - lineHeightOf(s) / 2, w: 44, size: s, color: c.inkSubtle, align: 'right', role: 'chart-label' }));
  }
  blocks.push({ kind: 'line', x1: midX, y1: top, x2: midX, y2: bottom, stroke: { color: c.border, width: 0.6, dash: [3, 3] } });
  blocks.push({ kind: 'line', x1: left, y1: midY, x2: right, y2: midY, stroke: { color: c.border, width: 0.6, dash: [3, 3] } });
  blocks.push({ kind: 'line', x1: sx(0), y1: sy(0), x2: sx(max), y2: sy(max), stroke: { color: c.borderStrong, width: 0.8, dash: [1.5, 2.5] } });
  const q = theme.size.caption;
  const taken: Rect[] = [];
  const quad = (t: string, x: number, y: number, align: 'left' | 'right') => {
    const b = textBlock(m, t, { x: align === 'left' ? x : x - 150, y, w: 150, size: q, bold: true, color: c.inkSubtle, align, role: 'chart-label' });
    blocks.push(b);
    const w = m.width(t, q, true);
    taken.push({ x: align === 'left' ? x : x - w, y, w, h: b.h });
  };
  quad('GROW', left + 8, top + 6, 'left');
  quad('PROTECT', right - 8, top + 6, 'right');
  quad('RECONSIDER', left + 8, bottom - 18, 'left');
  quad('MAINTAIN', right - 8, bottom - 18, 'right');
  blocks.push(textBlock(m, 'Value today', { x: left, y: bottom + 18, w: right - left, size: s, color: c.inkMuted, align: 'center', role: 'chart-label' }));
  blocks.push(textBlock(m, 'Potential value', { x: box.x, y: box.y, w: 120, size: s, color: c.inkMuted, role: 'chart-label' }));
  const sorted = [...items].sort((a, b) => b.size - a.size);
  // Leader lines stay drawn shapes over a native chart, like the labels they lead to.
  const leaders = new Set<Block>();
  const circles = sorted.map((it) => ({ cx: sx(it.current), cy: sy(it.potential), r: radius(it.size) }));
  sorted.forEach((it, i) => {
    const { cx, cy, r } = circles[i]!;
    blocks.push({ kind: 'ellipse', cx, cy, rx: r, ry: r, fill: it.color, opacity: 0.78, stroke: { color: c.surface, width: 1 } });
  });
  const plot: Rect = { x: left + 2, y: top + 2, w: right - left - 4, h: bottom - top - 4 };
  sorted.forEach((it, i) => {
    const { cx, cy, r } = circles[i]!;
    const maxW = 140;
    const nameW = Math.min(maxW, m.width(it.name, q, true));
    const noteW = Math.min(maxW, m.width(it.note, s, false));
    const w = Math.ceil(Math.max(nameW, noteW) + 1);
    const name = textBlock(m, it.name, { x: 0, y: 0, w, size: q, bold: true, role: 'chart-label' });
    const note = textBlock(m, it.note, { x: 0, y: 0, w, size: s, color: c.inkMuted, role: 'chart-label' });
    const h = name.h + note.h;
    const free = (x: number, y: number) => {
      const rect = { x, y, w, h };
      return within(rect, plot) && !taken.some((t) => overlaps(t, rect)) && !circles.some((o) => hitsCircle(rect, o.cx, o.cy, o.r + 2));
    };
    // Beside the bubble first (right, left, above, below), then further out step by step.
    let spot: { x: number; y: number; near: boolean } | null = null;
    for (let d = 0; d <= 160 && !spot; d += 8) {
      const g = r + 5 + d;
      const tries = [
        { x: cx + g, y: cy - h / 2 },
        { x: cx - g - w, y: cy - h / 2 },
        { x: cx - w / 2, y: cy - g - h },
        { x: cx - w / 2, y: cy + g },
        { x: cx + g * 0.7, y: cy - g * 0.7 - h },
        { x: cx - g * 0.7 - w, y: cy - g * 0.7 - h },
        { x: cx + g * 0.7, y: cy + g * 0.7 },
        { x: cx - g * 0.7 - w, y: cy + g * 0.7 },
      ];
      const hit = tries.find((t) => free(t.x, t.y));
      if (hit) spot = { ...hit, near: d === 0 };
    }
    // Nowhere near: the free place closest to the bubble anywhere in the plot.
    if (!spot) {
      let best: { x: number; y: number; d: number } | null = null;
      for (let y = plot.y; y + h <= plot.y + plot.h; y += 4) {
        for (let x = plot.x; x + w <= plot.x + plot.w; x += 4) {
          if (!free(x, y)) continue;
          const dd = (x + w / 2 - cx) ** 2 + (y + h / 2 - cy) ** 2;
          if (!best || dd < best.d) best = { x, y, d: dd };
        }
      }
      if (best) spot = { x: best.x, y: best.y, near: false };
    }
    // A plot too crowded for any label: the table beside the chart names every segment.
    if (!spot) return;
    const rect = { x: spot.x, y: spot.y, w, h };
    taken.push(rect);
    if (!spot.near) {
      // A leader line from the bubble's edge to the nearest point of its label.
      const lx = Math.max(rect.x, Math.min(cx, rect.x + rect.w));
      const ly = Math.max(rect.y, Math.min(cy, rect.y + rect.h));
      const len = Math.hypot(lx - cx, ly - cy) || 1;
      const leader: Block = { kind: 'line', x1: cx + ((lx - cx) / len) * r, y1: cy + ((ly - cy) / len) * r, x2: lx, y2: ly, stroke: { color: c.inkSubtle, width: 0.6 } };
      leaders.add(leader);
      blocks.push(leader);
    }
    blocks.push({ ...name, x: spot.x, y: spot.y }, { ...note, x: spot.x, y: spot.y + name.h });
  });
  const quadrants = ['GROW', 'PROTECT', 'RECONSIDER', 'MAINTAIN'];
  const squash = (t: string) => t.replace(/\s+/g, '');
  const labels = new Set(items.flatMap((i) => [squash(i.name), squash(i.note)]).filter(Boolean));
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : max;
  return withChartData(
    blocks,
    {
      type: 'bubble', title: 'Segment portfolio', x: box.x, y: box.y, w: box.w, h: box.h, plot: { x: left, y: top, w: right - left, h: bottom - top },
      series: [{ name: 'Segments', color: c.primary, xs: items.map((i) => i.current), values: items.map((i) => i.potential), sizes: items.map((i) => Math.max(0, i.size)), labels: items.map((i) => i.name) }],
      xAxis: { title: 'Value today', min: 0, max, step },
      yAxis: { title: 'Potential value', min: 0, max, step },
    },
    // Kept as shapes over the chart: the quadrants, and each bubble's name and note (a native
    // bubble chart has no labels of its own text); the plot area is aligned with the drawn one.
    (b) => b.kind === 'rect' || leaders.has(b) || (b.kind === 'line' && !!b.stroke.dash) || (b.kind === 'text' && (quadrants.includes(b.lines.join(' ')) || labels.has(squash(b.lines.join(''))))),
  );
}

// ---------------------------------------------------------------------------------------------

/** The emotion curve through scored stages (x = column centre), in a band from +3 (top) to −3. */
export function emotionCurve(points: readonly { x: number; score: number }[], band: { top: number; bottom: number; left: number; right: number }): Block[] {
  const blocks: Block[] = [];
  const y = (s: number) => band.top + ((3 - s) / 6) * (band.bottom - band.top);
  blocks.push({ kind: 'line', x1: band.left, y1: y(0), x2: band.right, y2: y(0), stroke: { color: c.borderStrong, width: 0.6, dash: [2, 2] } });
  const pts = points.map((p) => ({ x: p.x, y: y(p.score) }));
  if (pts.length >= 2) {
    const segs = monotoneSegments(pts);
    const commands: PathCommand[] = [{ op: 'M', x: pts[0]!.x, y: pts[0]!.y }];
    for (const sg of segs) commands.push({ op: 'C', x1: sg.c1.x, y1: sg.c1.y, x2: sg.c2.x, y2: sg.c2.y, x: sg.to.x, y: sg.to.y });
    blocks.push({ kind: 'path', commands, stroke: { color: c.primary, width: 1.8 } });
  }
  points.forEach((p, i) => {
    const col = p.score > 0 ? c.success : p.score < 0 ? c.danger : c.inkMuted;
    blocks.push({ kind: 'ellipse', cx: pts[i]!.x, cy: pts[i]!.y, rx: 3.4, ry: 3.4, fill: col, stroke: { color: c.surface, width: 1 } });
  });
  return withChartData(blocks, null);
}

// ---------------------------------------------------------------------------------------------

export interface ImpactDot {
  readonly n: number;
  readonly impact: number;
  readonly effort: number;
  readonly color: string;
}

/** Impact (up) against effort (right) on 1–5 scales, quadrants named, numbered dots. */
export function impactEffortChart(m: TextMeasure, dots: readonly ImpactDot[], box: Box): Block[] {
  const blocks: Block[] = [];
  // The axis names sit outside the plot: "Impact" above its top-left corner, "Effort" under it.
  const left = box.x;
  const right = box.x + box.w - 4;
  const top = box.y + 18;
  const bottom = box.y + box.h - 24;
  const sx = (e: number) => left + ((e - 0.5) / 5) * (right - left);
  const sy = (i: number) => bottom - ((i - 0.5) / 5) * (bottom - top);
  const split = { x: sx(2.5), y: sy(2.5) };
  blocks.push({ kind: 'rect', x: left, y: top, w: split.x - left, h: split.y - top, fill: c.accentSoft });
  blocks.push({ kind: 'rect', x: split.x, y: top, w: right - split.x, h: split.y - top, fill: c.primarySoft });
  blocks.push({ kind: 'rect', x: left, y: split.y, w: split.x - left, h: bottom - split.y, fill: c.surfaceSunken });
  blocks.push({ kind: 'rect', x: split.x, y: split.y, w: right - split.x, h: bottom - split.y, fill: c.warningSoft });
  blocks.push({ kind: 'rect', x: left, y: top, w: right - left, h: bottom - top, stroke: { color: c.border, width: 0.6 } });
  const s = theme.size.caption;
  const quad = (t: string, x: number, y: number, w: number, align: 'left' | 'right') => blocks.push(textBlock(m, t, { x, y, w, size: s, bold: true, color: c.inkMuted, align, role: 'chart-label' }));
  quad('Quick wins', left + 6, top + 5, 120, 'left');
  quad('Big bets', right - 126, top + 5, 120, 'right');
  quad('Fill-ins', left + 6, bottom - 17, 120, 'left');
  quad('Money pits', right - 126, bottom - 17, 120, 'right');
  const axis = theme.size.micro;
  blocks.push(textBlock(m, 'Low effort', { x: left, y: bottom + 6, w: 120, size: axis, color: c.inkSubtle, role: 'chart-label' }));
  blocks.push(textBlock(m, 'Effort', { x: left, y: bottom + 6, w: right - left, size: axis, bold: true, color: c.inkMuted, align: 'center', role: 'chart-label' }));
  blocks.push(textBlock(m, 'High effort', { x: right - 120, y: bottom + 6, w: 120, size: axis, color: c.inkSubtle, align: 'right', role: 'chart-label' }));
  blocks.push(textBlock(m, 'Impact (high at the top)', { x: left, y: box.y + 2, w: right - left, size: axis, bold: true, color: c.inkMuted, role: 'chart-label' }));
  const groups = new Map<string, ImpactDot[]>();
  for (const d of dots) {
    const k = `${d.impact}/${d.effort}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  const rr = 7.5;
  for (const g of groups.values()) {
    const perRow = Math.min(g.length, 4);
    g.forEach((d, i) => {
      const row = Math.floor(i / perRow);
      const col = i % perRow;
      const rowsN = Math.ceil(g.length / perRow);
      const cx = sx(d.effort) + (col - (perRow - 1) / 2) * (rr * 2 + 2);
      const cy = sy(d.impact) + (row - (rowsN - 1) / 2) * (rr * 2 + 2);
      blocks.push({ kind: 'ellipse', cx, cy, rx: rr, ry: rr, fill: d.color, stroke: { color: c.surface, width: 0.8 } });
      const t = textBlock(m, String(d.n), { x: cx - rr, y: 0, w: rr * 2, size: theme.size.micro - 1, bold: true, color: c.onPrimary, align: 'center', role: 'chart-label', leading: 1.2 });
      blocks.push({ ...t, y: cy - t.h / 2 });
    });
  }
  return withChartData(
    blocks,
    {
      type: 'scatter', title: 'Impact and effort', x: box.x, y: box.y, w: box.w, h: box.h, plot: { x: left, y: top, w: right - left, h: bottom - top },
      series: [{ name: 'Initiatives', color: c.primary, xs: dots.map((d) => d.effort), values: dots.map((d) => d.impact), labels: dots.map((d) => String(d.n)) }],
      xAxis: { title: 'Effort', min: 0.5, max: 5.5, step: 1 },
      yAxis: { title: 'Impact', min: 0.5, max: 5.5, step: 1 },
    },
    // The quadrants and the axis names are drawn; the dots are the chart's data.
    (b) => b.kind === 'rect' || (b.kind === 'text' && !/^\d+$/.test(b.lines.join(''))),
  );
}
