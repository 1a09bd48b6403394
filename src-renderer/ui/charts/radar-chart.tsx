// A radar (spider) chart in SVG for assessment scores: one axis per dimension (0–100 %), one
// polygon per run, the newest drawn last and solid, earlier ones dashed. Pure props in; the
// geometry is a pure function so it can be tested without a browser. Needs at least 3 axes.
import { useId } from 'react';

export interface RadarAxis {
  readonly id: string;
  readonly label: string;
}

export interface RadarSeries {
  readonly id: string;
  /** Shown in the legend, e.g. "12 May 2026". */
  readonly label: string;
  /** One value per axis, 0–100; null for unscored (drawn at the centre). */
  readonly values: readonly (number | null)[];
  /** A CSS colour, e.g. "var(--color-primary)". */
  readonly color: string;
  readonly dashed?: boolean;
}

export interface RadarChartProps {
  readonly axes: readonly RadarAxis[];
  readonly series: readonly RadarSeries[];
  /** Accessible name, e.g. "Seven contrasts: scores per dimension". */
  readonly title: string;
  /** Width and height in px. */
  readonly size?: number;
  /** Label font size in px (larger on the projector). */
  readonly fontSize?: number;
}

/** Point on axis i of n at value v (0–100), centre (cx, cy), radius r; axis 0 points up. */
export function radarPoint(i: number, n: number, v: number, cx: number, cy: number, r: number): { x: number; y: number } {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const d = (Math.max(0, Math.min(100, v)) / 100) * r;
  return { x: cx + d * Math.cos(angle), y: cy + d * Math.sin(angle) };
}

/** Splits a label into lines of about `max` characters. */
function wrap(label: string, max: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of label.split(/\s+/)) {
    if (cur && (cur + ' ' + word).length > max) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) lines.push(cur);
  return lines;
}

export function RadarChart({ axes, series, title, size = 420, fontSize = 13 }: RadarChartProps) {
  const titleId = useId();
  const n = axes.length;
  if (n < 3) return null;
  const pad = fontSize * 7.5;
  const cx = size / 2;
  const cy = size / 2;
  const r = size / 2 - pad;
  const rings = [25, 50, 75, 100];
  const poly = (vals: readonly (number | null)[]) =>
    vals.map((v, i) => radarPoint(i, n, v ?? 0, cx, cy, r)).map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const maxChars = Math.max(10, Math.round(pad / (fontSize * 0.55)));
  return (
    <figure className="radar">
      <svg viewBox={`0 0 ${size} ${size}`} width={size} height={size} role="img" aria-labelledby={titleId} className="radar-svg">
        <title id={titleId}>
          {`${title}. ${axes.map((a, i) => `${a.label}: ${series.map((s) => `${s.label} ${s.values[i] === null || s.values[i] === undefined ? 'not scored' : `${Math.round(s.values[i]!)}%`}`).join(', ')}`).join('; ')}`}
        </title>
        {rings.map((ring) => (
          <polygon key={ring} points={poly(axes.map(() => ring))} fill="none" stroke="var(--color-border)" strokeWidth={ring === 100 ? 1.5 : 1} />
        ))}
        {axes.map((a, i) => {
          const end = radarPoint(i, n, 100, cx, cy, r);
          return <line key={a.id} x1={cx} y1={cy} x2={end.x} y2={end.y} stroke="var(--color-border)" />;
        })}
        {rings.map((ring) => {
          const p = radarPoint(0, n, ring, cx, cy, r);
          return (
            <text key={ring} x={p.x + 4} y={p.y + 3} fontSize={fontSize * 0.75} fill="var(--color-ink-subtle)">
              {ring}
            </text>
          );
        })}
        {series.map((s) => (
          <g key={s.id}>
            <polygon
              points={poly(s.values)}
              fill={s.color}
              fillOpacity={s.dashed ? 0.06 : 0.18}
              stroke={s.color}
              strokeWidth={s.dashed ? 2 : 3}
              strokeDasharray={s.dashed ? '6 5' : undefined}
              strokeLinejoin="round"
            />
            {s.values.map((v, i) => {
              if (v === null) return null;
              const p = radarPoint(i, n, v, cx, cy, r);
              return <circle key={i} cx={p.x} cy={p.y} r={s.dashed ? 3 : 4.5} fill={s.color} />;
            })}
          </g>
        ))}
        {axes.map((a, i) => {
          const p = radarPoint(i, n, 100, cx, cy, r + fontSize * 0.9);
          const cos = (p.x - cx) / (r || 1);
          const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
          const lines = wrap(a.label, maxChars);
          const sin = (p.y - cy) / (r || 1);
          const y0 = p.y + (sin < -0.5 ? -(lines.length - 1) * fontSize * 1.15 : sin > 0.5 ? fontSize * 0.6 : -((lines.length - 1) * fontSize * 1.15) / 2 + fontSize * 0.35);
          return (
            <text key={a.id} x={p.x} y={y0} textAnchor={anchor} fontSize={fontSize} fontWeight={600} fill="var(--color-ink)">
              {lines.map((l, j) => (
                <tspan key={j} x={p.x} dy={j === 0 ? 0 : fontSize * 1.15}>
                  {l}
                </tspan>
              ))}
            </text>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <figcaption className="radar-legend">
          {series.map((s) => (
            <span key={s.id} className="radar-legend-item">
              <svg width="28" height="10" aria-hidden>
                <line x1="0" y1="5" x2="28" y2="5" stroke={s.color} strokeWidth="3" strokeDasharray={s.dashed ? '6 4' : undefined} />
              </svg>
              {s.label}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
