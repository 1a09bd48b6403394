// A segment portfolio bubble chart in SVG: x = current value, y = potential value, bubble area
// proportional to size. Pure props in (no storage); the layout is a pure function so it can be
// tested without a browser. Text is drawn at real pixel size: the viewBox follows the container.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatCount, formatValue, priorityLabels, type Priority } from '../../domain/segment';

export interface PortfolioItem {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  /** Customers (or accounts). */
  readonly size: number;
  readonly current: number;
  readonly potential: number;
  readonly priority: Priority;
  /** False when the priority is only a suggestion. */
  readonly agreed: boolean;
  /** Extra tooltip line, e.g. "Fit 64 %". */
  readonly note?: string;
}

export interface Tick {
  readonly value: number;
  /** Position in chart coordinates. */
  readonly at: number;
  readonly label: string;
}

export interface BubbleLayout {
  readonly id: string;
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly label: { readonly x: number; readonly y: number; readonly anchor: 'start' | 'end' | 'middle' };
}

export interface PortfolioLayout {
  readonly width: number;
  readonly height: number;
  /** The plotting area inside the axes. */
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  /** Upper end of both axes (both start at 0, and share one scale so the diagonal means potential = current). */
  readonly max: number;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly bubbles: readonly BubbleLayout[];
  /** The "potential = current" reference line, clipped to the plot. */
  readonly diagonal: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number };
  /** Where the quadrants split (the middle of each axis). */
  readonly split: { readonly x: number; readonly y: number };
  /** Quadrant names in the plot's corners. */
  readonly quadrants: readonly QuadrantLabel[];
  /** Where "potential = current" is written along the diagonal (angle in degrees). */
  readonly diagonalLabel: { readonly x: number; readonly y: number; readonly angle: number };
}

export type Quadrant = 'grow' | 'protect' | 'maintain' | 'reconsider';
export interface QuadrantLabel {
  readonly key: Quadrant;
  readonly name: string;
  readonly hint: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
}

export const LABEL_FONT = 18;
export const SUBLABEL_FONT = 16;
const TICK_FONT = 16;
export const QUADRANT_FONT = 20;
const margin = { left: 84, right: 24, top: 20, bottom: 64 };

/** "Nice" ticks from 0 to at least max: steps of 1, 2, 2.5 or 5 × 10ⁿ, about `count` of them. */
export function niceTicks(max: number, count = 5): number[] {
  const m = max > 0 && Number.isFinite(max) ? max : 1;
  const raw = m / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * pow).find((s) => s >= raw) ?? 10 * pow;
  const n = Math.ceil(m / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** Rough width of a label in px (average glyph ≈ 0.58 em), for overlap checks. */
function textWidth(s: string, font: number): number {
  return [...s].length * font * 0.58;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
/** Boxes closer than `pad` px count as overlapping, so labels never touch. */
const overlaps = (a: Box, b: Box, pad = 4) => a.x1 < b.x2 + pad && b.x1 < a.x2 + pad && a.y1 < b.y2 + pad && b.y1 < a.y2 + pad;

/** Where every part of the chart goes for these items in a width × height box. */
export function portfolioLayout(items: readonly PortfolioItem[], width: number, height: number): PortfolioLayout {
  const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
  const pw = Math.max(1, plot.right - plot.left);
  const ph = Math.max(1, plot.bottom - plot.top);
  const dataMax = Math.max(0, ...items.flatMap((i) => [i.current, i.potential]));
  const ticks = niceTicks(dataMax * 1.08, 5);
  const max = ticks[ticks.length - 1]!;
  const sx = (v: number) => plot.left + (v / max) * pw;
  const sy = (v: number) => plot.bottom - (v / max) * ph;
  const xTicks = ticks.map((v) => ({ value: v, at: sx(v), label: formatValue(v) }));
  const yTicks = ticks.map((v) => ({ value: v, at: sy(v), label: formatValue(v) }));

  const maxSize = Math.max(0, ...items.map((i) => i.size));
  const rMax = Math.max(12, Math.min(pw, ph) * 0.1);
  const rMin = 7;
  const radius = (size: number) => (maxSize > 0 ? Math.max(rMin, rMax * Math.sqrt(Math.max(0, size) / maxSize)) : rMin);

  const quadrants: QuadrantLabel[] = [
    { key: 'grow', name: 'Grow', hint: 'High potential, low value today', x: plot.left + 12, y: plot.top + 28, anchor: 'start' },
    { key: 'protect', name: 'Protect', hint: 'High potential, high value today', x: plot.right - 12, y: plot.top + 28, anchor: 'end' },
    { key: 'reconsider', name: 'Reconsider', hint: 'Low potential, low value today', x: plot.left + 12, y: plot.bottom - 14, anchor: 'start' },
    { key: 'maintain', name: 'Maintain', hint: 'Low potential, high value today', x: plot.right - 12, y: plot.bottom - 14, anchor: 'end' },
  ];
  const diagonal = { x1: sx(0), y1: sy(0), x2: sx(max), y2: sy(max) };
  const angle = (Math.atan2(diagonal.y2 - diagonal.y1, diagonal.x2 - diagonal.x1) * 180) / Math.PI;
  // Written just below the line, near its upper end (clear of the quadrant names).
  const t = 0.84;
  const nx = -Math.sin((angle * Math.PI) / 180);
  const ny = Math.cos((angle * Math.PI) / 180);
  const diagonalLabel = {
    x: diagonal.x1 + (diagonal.x2 - diagonal.x1) * t + nx * 20,
    y: diagonal.y1 + (diagonal.y2 - diagonal.y1) * t + ny * 20,
    angle,
  };

  // Labels: try right, left, above, below of each bubble, biggest bubbles first; keep the first
  // place that overlaps no bubble, no quadrant name and no label placed before, else nudge.
  const placed: Box[] = quadrants.map((q) => {
    // Upper case, bold, letter-spaced: wider than running text.
    const w = [...q.name].length * QUADRANT_FONT * 0.85;
    const x1 = q.anchor === 'start' ? q.x : q.x - w;
    return { x1, y1: q.y - QUADRANT_FONT, x2: x1 + w, y2: q.y + 4 };
  });
  {
    const half = textWidth('potential = current', SUBLABEL_FONT) / 2;
    const dx = Math.abs(Math.cos((angle * Math.PI) / 180)) * half;
    const dy = Math.abs(Math.sin((angle * Math.PI) / 180)) * half;
    placed.push({ x1: diagonalLabel.x - dx, y1: diagonalLabel.y - dy - 10, x2: diagonalLabel.x + dx, y2: diagonalLabel.y + dy + 4 });
  }
  const circles = items.map((i) => ({ id: i.id, cx: sx(i.current), cy: sy(i.potential), r: radius(i.size) }));
  const circleBoxes = circles.map((c) => ({ x1: c.cx - c.r, y1: c.cy - c.r, x2: c.cx + c.r, y2: c.cy + c.r }));
  const labels = new Map<string, BubbleLayout['label']>();
  const byArea = items.map((item, k) => ({ item, k })).sort((a, b) => b.item.size - a.item.size);
  for (const { item, k } of byArea) {
    const c = circles[k]!;
    const w = Math.max(textWidth(item.name, LABEL_FONT), textWidth('Suggested: medium', SUBLABEL_FONT));
    const h = LABEL_FONT + SUBLABEL_FONT + 6;
    const gap = 8;
    const candidates: { x: number; y: number; anchor: 'start' | 'end' | 'middle'; box: Box }[] = [];
    const add = (x: number, y: number, anchor: 'start' | 'end' | 'middle') => {
      const x1 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      // y is the first baseline; the box spans both lines.
      candidates.push({ x, y, anchor, box: { x1, y1: y - LABEL_FONT, x2: x1 + w, y2: y - LABEL_FONT + h } });
    };
    const mid = c.cy - h / 2 + LABEL_FONT;
    add(c.cx + c.r + gap, mid, 'start');
    add(c.cx - c.r - gap, mid, 'end');
    add(c.cx, c.cy - c.r - gap - h + LABEL_FONT, 'middle');
    add(c.cx, c.cy + c.r + gap + LABEL_FONT, 'middle');
    for (let d = 1; d <= 4; d++) {
      add(c.cx + c.r + gap, mid + d * h, 'start');
      add(c.cx + c.r + gap, mid - d * h, 'start');
      add(c.cx - c.r - gap, mid + d * h, 'end');
      add(c.cx - c.r - gap, mid - d * h, 'end');
    }
    const inside = (b: Box) => b.x1 >= 0 && b.x2 <= width && b.y1 >= 0 && b.y2 <= plot.bottom;
    const free = (b: Box) =>
      !placed.some((p) => overlaps(p, b)) && !circleBoxes.some((cb, j) => j !== k && overlaps(shrink(cb, 0.3), b));
    const pick = candidates.find((o) => inside(o.box) && free(o.box)) ?? candidates.find((o) => inside(o.box)) ?? candidates[0]!;
    placed.push(pick.box);
    labels.set(item.id, { x: pick.x, y: pick.y, anchor: pick.anchor });
  }

  const bubbles = circles.map((c) => ({ ...c, label: labels.get(c.id)! }));
  return {
    width,
    height,
    plot,
    max,
    xTicks,
    yTicks,
    bubbles,
    diagonal,
    split: { x: sx(max / 2), y: sy(max / 2) },
    quadrants,
    diagonalLabel,
  };
}

function shrink(b: Box, f: number): Box {
  const dx = ((b.x2 - b.x1) * f) / 2;
  const dy = ((b.y2 - b.y1) * f) / 2;
  return { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 - dx, y2: b.y2 - dy };
}

/** The accessible name of one bubble. */
export function bubbleLabel(i: PortfolioItem): string {
  const priority = `priority ${i.priority}${i.agreed ? '' : ' (suggested)'}`;
  return `${i.name}: current ${formatValue(i.current)}, potential ${formatValue(i.potential)}, ${formatCount(i.size)} customers, ${priority}`;
}

export interface PortfolioChartProps {
  readonly items: readonly PortfolioItem[];
  /** Called with an item's id on Enter or click. */
  readonly onOpen?: (id: string) => void;
  /** Accessible name of the chart. */
  readonly title?: string;
  /** Size before the container is measured (and in tests). */
  readonly initialWidth?: number;
  readonly initialHeight?: number;
}

export function PortfolioChart({ items, onOpen, title = 'Segment portfolio', initialWidth = 960, initialHeight = 600 }: PortfolioChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: initialWidth, h: initialHeight });
  const [hover, setHover] = useState<string | null>(null);
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setSize({ w, h: Math.round(Math.max(380, Math.min(w * 0.72, 640))) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const layout = portfolioLayout(items, size.w, size.h);
  const { plot } = layout;
  const noValues = items.every((i) => i.current === 0 && i.potential === 0);
  const hovered = items.find((i) => i.id === hover);
  const hoveredBubble = layout.bubbles.find((b) => b.id === hover);

  const onKey = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen?.(id);
    }
  };

  return (
    <div className="portfolio-chart" ref={box}>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        role="group"
        aria-labelledby={titleId}
        aria-describedby={descId}
        className="portfolio-chart-svg"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>
          Current value across, potential value up; bubble area shows segment size. Above the diagonal a segment can
          grow.
        </desc>
        <rect className="pc-plot" x={plot.left} y={plot.top} width={plot.right - plot.left} height={plot.bottom - plot.top} />
        <rect className="pc-grow-zone" x={plot.left} y={plot.top} width={layout.split.x - plot.left} height={layout.split.y - plot.top} />
        {layout.xTicks.map((t) => (
          <g key={`x${t.value}`}>
            <line className="pc-grid" x1={t.at} x2={t.at} y1={plot.top} y2={plot.bottom} />
            <text className="pc-tick" x={t.at} y={plot.bottom + TICK_FONT + 8} textAnchor="middle" fontSize={TICK_FONT}>
              {t.label}
            </text>
          </g>
        ))}
        {layout.yTicks.map((t) => (
          <g key={`y${t.value}`}>
            <line className="pc-grid" x1={plot.left} x2={plot.right} y1={t.at} y2={t.at} />
            <text className="pc-tick" x={plot.left - 10} y={t.at + TICK_FONT / 3} textAnchor="end" fontSize={TICK_FONT}>
              {t.label}
            </text>
          </g>
        ))}
        <line className="pc-split" x1={layout.split.x} x2={layout.split.x} y1={plot.top} y2={plot.bottom} />
        <line className="pc-split" x1={plot.left} x2={plot.right} y1={layout.split.y} y2={layout.split.y} />
        <line className="pc-diagonal" {...layout.diagonal} />
        <text
          className="pc-diagonal-label"
          fontSize={SUBLABEL_FONT}
          transform={`translate(${layout.diagonalLabel.x} ${layout.diagonalLabel.y}) rotate(${layout.diagonalLabel.angle})`}
          textAnchor="middle"
        >
          potential = current
        </text>
        {layout.quadrants.map((q) => (
          <text key={q.key} className={`pc-quadrant pc-quadrant-${q.key}`} x={q.x} y={q.y} textAnchor={q.anchor} fontSize={QUADRANT_FONT}>
            <title>{q.hint}</title>
            {q.name}
          </text>
        ))}
        <text className="pc-axis" x={(plot.left + plot.right) / 2} y={layout.height - 12} textAnchor="middle" fontSize={TICK_FONT}>
          Current value (per year) →
        </text>
        <text
          className="pc-axis"
          transform={`translate(20 ${(plot.top + plot.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={TICK_FONT}
        >
          Potential value (per year) →
        </text>
        {noValues && items.length > 0 ? (
          <text className="pc-empty" x={(plot.left + plot.right) / 2} y={(plot.top + plot.bottom) / 2} textAnchor="middle" fontSize={20}>
            Enter current and potential values to place the segments.
          </text>
        ) : null}
        {/* Biggest bubbles first so small ones stay on top and clickable. */}
        {[...layout.bubbles]
          .map((b, k) => ({ b, item: items[k]! }))
          .sort((a, b) => b.b.r - a.b.r)
          .map(({ b, item }) => (
            <g
              key={b.id}
              className={`pc-bubble pc-priority-${item.priority}${item.agreed ? '' : ' pc-suggested'}`}
              tabIndex={0}
              role="button"
              aria-label={bubbleLabel(item)}
              onKeyDown={(e) => onKey(e, b.id)}
              onClick={() => onOpen?.(b.id)}
              onMouseEnter={() => setHover(b.id)}
              onMouseLeave={() => setHover((h) => (h === b.id ? null : h))}
              onFocus={() => setHover(b.id)}
              onBlur={() => setHover((h) => (h === b.id ? null : h))}
            >
              {item.priority !== 'low' ? <circle className="pc-ring" cx={b.cx} cy={b.cy} r={b.r + 5} /> : null}
              <circle className="pc-dot" cx={b.cx} cy={b.cy} r={b.r} fill={item.color} />
            </g>
          ))}
        {layout.bubbles.map((b, k) => {
          const item = items[k]!;
          return (
            <text key={`l${b.id}`} className="pc-label" x={b.label.x} y={b.label.y} textAnchor={b.label.anchor} aria-hidden>
              <tspan fontSize={LABEL_FONT} className="pc-label-name">
                {item.name}
              </tspan>
              <tspan x={b.label.x} dy={SUBLABEL_FONT + 4} fontSize={SUBLABEL_FONT} className="pc-label-priority">
                {item.agreed ? `${priorityLabels[item.priority]} priority` : `Suggested: ${item.priority}`}
              </tspan>
            </text>
          );
        })}
      </svg>
      {hovered && hoveredBubble ? (
        <div
          className="pc-tooltip"
          role="presentation"
          style={{
            left: `${(hoveredBubble.cx / layout.width) * 100}%`,
            top: `${((hoveredBubble.cy - hoveredBubble.r - 10) / layout.height) * 100}%`,
          }}
        >
          <strong>{hovered.name}</strong>
          <span>
            Current {formatValue(hovered.current)} · Potential {formatValue(hovered.potential)}
          </span>
          <span>{formatCount(hovered.size)} customers</span>
          <span>
            {hovered.agreed ? `${priorityLabels[hovered.priority]} priority` : `Suggested priority: ${hovered.priority}`}
            {hovered.note ? ` · ${hovered.note}` : ''}
          </span>
        </div>
      ) : null}
    </div>
  );
}
