// The emotion curve: one point per scored stage, joined by a monotone cubic (Fritsch–Carlson),
// which passes through every score and never overshoots beyond -3..+3 between stages.
// Pure geometry in canvas units; no React, Dexie or DOM.
import { emotionRange } from './journey';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface EmotionPoint extends Point {
  readonly stageId: string;
  readonly score: number;
}

export interface EmotionBand {
  /** Top of the drawable band (score +3). */
  readonly top: number;
  /** Bottom of the drawable band (score -3). */
  readonly bottom: number;
}

/** The band inside an emotion row where scores are drawn, leaving `pad` above and below. */
export function emotionBand(row: { y: number; height: number }, pad: number): EmotionBand {
  const p = Math.min(pad, row.height / 4);
  return { top: row.y + p, bottom: row.y + row.height - p };
}

export function scoreToY(score: number, band: EmotionBand): number {
  const t = (emotionRange.max - score) / (emotionRange.max - emotionRange.min);
  return band.top + t * (band.bottom - band.top);
}

/** The score nearest to a y inside the band (clicking in the emotion row). */
export function yToScore(y: number, band: EmotionBand): number {
  const t = (y - band.top) / Math.max(1, band.bottom - band.top);
  const s = Math.round(emotionRange.max - t * (emotionRange.max - emotionRange.min));
  return Math.max(emotionRange.min, Math.min(emotionRange.max, s)) || 0;
}

/** One point per scored stage, at the centre of its column. Unscored stages are skipped. */
export function emotionPoints(
  columns: readonly { stageId: string; x: number; width: number }[],
  emotions: Readonly<Record<string, number>>,
  band: EmotionBand,
): EmotionPoint[] {
  const out: EmotionPoint[] = [];
  for (const c of columns) {
    const score = emotions[c.stageId];
    if (score === undefined) continue;
    out.push({ stageId: c.stageId, score, x: c.x + c.width / 2, y: scoreToY(score, band) });
  }
  return out;
}

/** Tangents for a monotone cubic through points sorted by x (Fritsch–Carlson). */
export function monotoneTangents(pts: readonly Point[]): number[] {
  const n = pts.length;
  if (n < 2) return pts.map(() => 0);
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const dx = pts[i + 1]!.x - pts[i]!.x;
    slopes.push(dx === 0 ? 0 : (pts[i + 1]!.y - pts[i]!.y) / dx);
  }
  const t: number[] = new Array<number>(n);
  t[0] = slopes[0]!;
  t[n - 1] = slopes[n - 2]!;
  for (let i = 1; i < n - 1; i++) {
    const a = slopes[i - 1]!;
    const b = slopes[i]!;
    t[i] = a * b <= 0 ? 0 : (a + b) / 2;
  }
  for (let i = 0; i < n - 1; i++) {
    const m = slopes[i]!;
    if (m === 0) {
      t[i] = 0;
      t[i + 1] = 0;
      continue;
    }
    const a = t[i]! / m;
    const b = t[i + 1]! / m;
    const s = a * a + b * b;
    if (s > 9) {
      const tau = 3 / Math.sqrt(s);
      t[i] = tau * a * m;
      t[i + 1] = tau * b * m;
    }
  }
  return t;
}

export interface CubicSegment {
  readonly from: Point;
  readonly c1: Point;
  readonly c2: Point;
  readonly to: Point;
}

/** The Bézier segments of the monotone curve through the points (sorted by x). */
export function monotoneSegments(pts: readonly Point[]): CubicSegment[] {
  const t = monotoneTangents(pts);
  const out: CubicSegment[] = [];
  for (let i = 0; i < pts.length - 1; i++) {
    const p = pts[i]!;
    const q = pts[i + 1]!;
    const h = (q.x - p.x) / 3;
    out.push({ from: p, c1: { x: p.x + h, y: p.y + t[i]! * h }, c2: { x: q.x - h, y: q.y - t[i + 1]! * h }, to: q });
  }
  return out;
}

const r = (n: number) => Math.round(n * 100) / 100;

/** An SVG path through the points; '' with fewer than two points. */
export function smoothPath(pts: readonly Point[]): string {
  if (pts.length < 2) return '';
  const segs = monotoneSegments(pts);
  return `M${r(pts[0]!.x)},${r(pts[0]!.y)}` + segs.map((s) => ` C${r(s.c1.x)},${r(s.c1.y)} ${r(s.c2.x)},${r(s.c2.y)} ${r(s.to.x)},${r(s.to.y)}`).join('');
}

/** A point on a cubic segment at parameter u in 0..1 (for tests and hit testing). */
export function cubicAt(s: CubicSegment, u: number): Point {
  const v = 1 - u;
  const a = v * v * v;
  const b = 3 * v * v * u;
  const c = 3 * v * u * u;
  const d = u * u * u;
  return { x: a * s.from.x + b * s.c1.x + c * s.c2.x + d * s.to.x, y: a * s.from.y + b * s.c1.y + c * s.c2.y + d * s.to.y };
}
