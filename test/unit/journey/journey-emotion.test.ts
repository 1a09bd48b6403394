import { describe, expect, it } from 'vitest';
import { cubicAt, emotionBand, emotionPoints, monotoneSegments, scoreToY, smoothPath, yToScore } from '../../../src-renderer/domain/journey-emotion';

const band = emotionBand({ y: 100, height: 200 }, 20);
const cols = ['a', 'b', 'c', 'd', 'e'].map((stageId, i) => ({ stageId, x: i * 100, width: 100 }));

describe('emotion curve geometry', () => {
  it('maps scores to y and back: +3 at the top, -3 at the bottom, 0 in the middle', () => {
    expect(scoreToY(3, band)).toBe(120);
    expect(scoreToY(-3, band)).toBe(280);
    expect(scoreToY(0, band)).toBe(200);
    for (let s = -3; s <= 3; s++) expect(yToScore(scoreToY(s, band), band)).toBe(s);
    expect(yToScore(0, band)).toBe(3);
    expect(yToScore(999, band)).toBe(-3);
  });

  it('puts one point per scored stage at the column centre, skipping unscored ones', () => {
    const pts = emotionPoints(cols, { a: -2, c: 3, e: 0 }, band);
    expect(pts.map((p) => [p.stageId, p.x])).toEqual([
      ['a', 50],
      ['c', 250],
      ['e', 450],
    ]);
  });

  it('passes through every point and never overshoots between them (monotone)', () => {
    const pts = emotionPoints(cols, { a: -3, b: 3, c: 3, d: -3, e: -1 }, band);
    const segs = monotoneSegments(pts);
    expect(segs).toHaveLength(4);
    segs.forEach((s, i) => {
      expect(s.from).toEqual(pts[i]);
      expect(s.to).toEqual(pts[i + 1]);
      const lo = Math.min(s.from.y, s.to.y);
      const hi = Math.max(s.from.y, s.to.y);
      for (let u = 0; u <= 1; u += 0.05) {
        const p = cubicAt(s, u);
        expect(p.y).toBeGreaterThanOrEqual(lo - 1e-9);
        expect(p.y).toBeLessThanOrEqual(hi + 1e-9);
      }
    });
    // A flat stretch (3, 3) stays flat.
    const flat = segs[1]!;
    expect(flat.c1.y).toBeCloseTo(flat.from.y);
    expect(flat.c2.y).toBeCloseTo(flat.to.y);
  });

  it('draws an SVG path only with two or more points', () => {
    expect(smoothPath([])).toBe('');
    expect(smoothPath([{ x: 0, y: 0 }])).toBe('');
    expect(smoothPath([{ x: 0, y: 0 }, { x: 10, y: 10 }])).toMatch(/^M0,0 C[\d.,\s-]+ 10,10$/);
  });
});
