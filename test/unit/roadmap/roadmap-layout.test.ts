// Cards on the roadmap never overlap: greedy interval packing per lane, for dated and bucketed horizons.
import { describe, expect, it } from 'vitest';
import { layoutTimeline, overlaps, packRows, shiftDatesByPixels, datesAtX, bucketAtX, type Span } from '../../../src-renderer/domain/roadmap-layout';
import { createInitiative, defaultRoadmapSettings, type Initiative, type RoadmapSettings } from '../../../src-renderer/domain/roadmap';

function expectNoOverlap(spans: readonly Span[], rows: ReadonlyMap<string, number>) {
  for (const a of spans)
    for (const b of spans) {
      if (a.id !== b.id && rows.get(a.id) === rows.get(b.id)) expect(overlaps(a, b), `${a.id} and ${b.id}`).toBe(false);
    }
}

describe('packRows', () => {
  it('puts non-overlapping spans on one row and overlapping ones below', () => {
    const spans = [
      { id: 'a', x0: 0, x1: 10 },
      { id: 'b', x0: 10, x1: 20 },
      { id: 'c', x0: 5, x1: 15 },
      { id: 'd', x0: 12, x1: 30 },
    ];
    const p = packRows(spans);
    expect(p.rows.get('a')).toBe(0);
    expect(p.rows.get('b')).toBe(0);
    expect(p.rows.get('c')).toBe(1);
    expect(p.rows.get('d')).toBe(2); // b (to 20) and c (to 15) both still run at 12
    expect(p.rowCount).toBe(3);
  });

  it('uses as many rows as the largest overlap, and never overlaps (random)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 50; round++) {
      const spans = Array.from({ length: 30 }, (_, i) => {
        const x0 = Math.floor(rand() * 1000);
        return { id: `s${i}`, x0, x1: x0 + 1 + Math.floor(rand() * 200) };
      });
      const p = packRows(spans, 4);
      const gapped = spans.map((s) => ({ ...s, x1: s.x1 + 4 }));
      expectNoOverlap(gapped, p.rows);
      let maxDepth = 0;
      for (const s of gapped) maxDepth = Math.max(maxDepth, gapped.filter((o) => o.x0 <= s.x0 && s.x0 < o.x1).length);
      expect(p.rowCount).toBe(maxDepth);
    }
  });
});

describe('layoutTimeline', () => {
  const settings: RoadmapSettings = { ...defaultRoadmapSettings('2027-01-15'), quarterCount: 4 };
  const opts = { width: 1200, minCardWidth: 160, gap: 8, unscheduledWidth: 180 };
  const make = (laneId: string, start: string | null, end: string | null, order: number, patch: Partial<Initiative> = {}): Initiative => ({
    ...createInitiative({ workshopId: 'w', laneId, start, end, order, now: 0 }),
    id: `i${order}`,
    ...patch,
  });

  it('lays out a realistic roadmap without any overlap within a lane row', () => {
    const items = [
      make('acquisition', '2027-01-04', '2027-03-26', 0),
      make('acquisition', '2027-02-01', '2027-02-14', 1),
      make('acquisition', '2027-02-08', '2027-02-10', 2), // short: widened to the minimum width
      make('acquisition', '2027-04-05', '2027-06-30', 3),
      make('retention', '2027-01-04', '2027-12-31', 4),
      make('retention', null, null, 5),
      make('retention', null, null, 6),
      make('reactivation', '2026-10-01', '2027-01-31', 7), // starts before the horizon
      make('activation', '2028-02-01', '2028-03-01', 8), // after the horizon: clamped inside
      make('unknown-lane', '2027-05-01', '2027-05-31', 9),
    ];
    const layout = layoutTimeline(items, settings, opts);
    const boxes = layout.cards.map((c) => ({ ...c, x0: c.left, x1: c.left + c.width }));
    for (const lane of settings.lanes) {
      const inLane = boxes.filter((b) => b.laneId === lane.id);
      expectNoOverlap(inLane, new Map(inLane.map((b) => [b.id, b.row])));
      expect(layout.laneRows[lane.id]).toBeGreaterThanOrEqual(1);
    }
    const byId = new Map(layout.cards.map((c) => [c.id, c]));
    expect(byId.get('i2')!.width).toBeGreaterThanOrEqual(160 - 8);
    expect(byId.get('i5')!.unscheduled).toBe(true);
    expect(byId.get('i5')!.row).not.toBe(byId.get('i6')!.row);
    expect(byId.get('i7')!.clippedLeft).toBe(true);
    expect(byId.get('i8')!.left + byId.get('i8')!.width).toBeLessThanOrEqual(1200);
    expect(byId.get('i9')!.laneId).toBe('acquisition');
    expect(layout.geometry.unscheduledWidth).toBe(180);
  });

  it('stacks initiatives that share a now/next/later bucket', () => {
    const buckets: RoadmapSettings = { ...settings, horizon: 'buckets' };
    const items = [0, 1, 2, 3].map((n) => make('activation', null, null, n, { bucket: n % 2 }));
    const layout = layoutTimeline(items, buckets, opts);
    expect(layout.laneRows.activation).toBe(2);
    expect(layout.geometry.unscheduledWidth).toBe(0);
    expect(bucketAtX(layout.geometry, 1199)).toBe(2);
    expect(bucketAtX(layout.geometry, 0)).toBe(0);
  });

  it('snaps a drag to whole weeks and keeps the duration', () => {
    const g = layoutTimeline([], settings, { ...opts, unscheduledWidth: 0 }).geometry;
    const perDay = g.width / g.totalDays;
    const moved = shiftDatesByPixels(g, '2027-02-01', '2027-02-28', perDay * 9);
    expect(moved).toEqual({ start: '2027-02-08', end: '2027-03-07' });
    const dropped = datesAtX(g, perDay * 40.5); // day 40 = 10 Feb 2027 (a Wednesday)
    expect(dropped.start).toBe('2027-02-08');
    expect(dropped.end).toBe('2027-03-21');
  });
});
