// @vitest-environment node
// The portfolio step offers the method's four strategies per segment (grow, keep, serve at lower
// cost, rethink). Segments stored before that read as undecided, in storage and in backups.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkRow } from '../../../src-renderer/domain/records';
import { createSegment, readSegment, segmentRowSchema, strategyLabels } from '../../../src-renderer/domain/segment';

describe('portfolio strategy', () => {
  it('a new segment is undecided; the four strategies are named as the method names them', () => {
    expect(createSegment('w', 'Families', 0).strategy).toBeNull();
    expect(Object.values(strategyLabels)).toEqual(['Grow', 'Keep', 'Serve at lower cost', 'Rethink']);
  });

  it('a segment stored without a strategy reads as undecided and keeps everything else', () => {
    const { strategy: _, ...old } = { ...createSegment('w', 'Families', 0, 5), priority: 'high' as const };
    const r = checkRow('segments', old);
    expect(r.ok).toBe(true);
    expect(readSegment(old)).toEqual({ ...old, strategy: null });
    expect(segmentRowSchema.safeParse({ ...old, strategy: 'lower-cost' }).success).toBe(true);
    expect(segmentRowSchema.safeParse({ ...old, strategy: 'harvest' }).success).toBe(false);
  });

  it('storage version 5 completes segments stored by version 4', async () => {
    const { default: Dexie } = await import('dexie');
    const { CentricDb } = await import('../../../src-renderer/db/database');
    const name = `test-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores({
      workshops: 'id, updatedAt', personas: 'id, workshopId', segments: 'id, workshopId', journeys: 'id, workshopId',
      journeyCards: 'id, workshopId, journeyId', initiatives: 'id, workshopId', metrics: 'id, workshopId', assessments: 'id, workshopId',
      actions: 'id, workshopId', settings: 'key', templates: 'id, createdAt', participants: 'id, workshopId', votes: 'id, workshopId, targetId', sessions: 'id, workshopId',
    });
    await v4.open();
    const { strategy: _, ...old } = { ...createSegment('w', 'Families', 0, 5), priority: 'low' as const };
    await v4.table('segments').put(old);
    v4.close();
    const db = new CentricDb(name);
    await db.open();
    const row = (await db.segments.get(old.id))!;
    expect(row).toEqual({ ...old, strategy: null });
    expect(checkRow('segments', row).ok).toBe(true);
    db.close();
    await Dexie.delete(name);
  });
});
