import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../helpers/db';
import type { CentricDb } from '../../../src-renderer/db/database';
import { addNeed, createSegment, type Segment } from '../../../src-renderer/domain/segment';
import type { Persona } from '../../../src-renderer/domain/persona';
import { deleteSegment, editSegment, moveSegmentBy } from '../../../src-renderer/features/segments/segment-actions';
import { undo, redo, useHistory } from '../../../src-renderer/state/history';

let db: CentricDb;
const W = 'w1';

function persona(id: string, segmentId: string | null): Persona {
  return {
    id, workshopId: W, name: id, avatar: { kind: 'initials', color: '#2f4fd8' }, segmentId, quote: '', context: '',
    goals: [], needs: [], pains: [], gains: [], behaviours: [], channels: [], motivations: [], order: 0, createdAt: 1,
  };
}

beforeEach(async () => {
  db = freshDb();
  useHistory.setState({ stacks: {}, revision: 0 });
  await db.workshops.put({ id: W, title: 'T', client: 'C', date: '2026-01-01', location: '', objectives: '', templateId: null, templateName: 'Blank', agenda: [], createdAt: 1, updatedAt: 1 });
});
afterEach(() => db.close());
// Deleting moves the screen to the segment list; in Node the address bar is this stand-in.
beforeEach(() => vi.stubGlobal('location', { hash: '' }));
afterEach(() => vi.unstubAllGlobals());

describe('segment commands', () => {
  it('deletes a segment and unlinks its personas in one undoable command', async () => {
    const s = createSegment(W, 'Young families', 0);
    await db.segments.put(s as never);
    await db.personas.bulkPut([persona('p1', s.id), persona('p2', s.id), persona('p3', null)] as never[]);
    const linked = [persona('p1', s.id), persona('p2', s.id)];

    expect(await deleteSegment(W, s, linked)).toBe(true);
    expect(location.hash).toBe(`#/w/${W}/artifact/segment-map`);
    expect(await db.segments.get(s.id)).toBeUndefined();
    expect((await db.personas.toArray()).map((p) => p.segmentId)).toEqual([null, null, null]);
    expect(useHistory.getState().stacks[W]!.undo).toHaveLength(1);

    await undo(W);
    expect(await db.segments.get(s.id)).toEqual(s);
    expect((await db.personas.toArray()).map((p) => p.segmentId)).toEqual([s.id, s.id, null]);
    await redo(W);
    expect(await db.segments.get(s.id)).toBeUndefined();
  });

  it('edits the segment as stored, so quick edits never overwrite each other', async () => {
    const s = createSegment(W, 'S', 0);
    await db.segments.put(s as never);
    await Promise.all([
      editSegment(W, s.id, (x) => addNeed(x, 'pain', { id: 'a' }), { label: 'Add pain' }),
      editSegment(W, s.id, (x) => ({ ...x, potentialValue: 5 }), { label: 'Change potential value' }),
    ]);
    const stored = (await db.segments.get(s.id)) as unknown as Segment;
    expect(stored.needs.map((n) => n.id)).toEqual(['a']);
    expect(stored.potentialValue).toBe(5);
    expect(useHistory.getState().stacks[W]!.undo.map((c) => c.label)).toEqual(['Add pain', 'Change potential value']);
  });

  it('moves a segment in one step', async () => {
    const a = createSegment(W, 'A', 0);
    const b = createSegment(W, 'B', 1);
    await db.segments.bulkPut([a, b] as never[]);
    expect(await moveSegmentBy(W, [a, b], b.id, -1)).toBe(true);
    expect((await db.segments.get(b.id))!.order).toBe(0);
    expect((await db.segments.get(a.id))!.order).toBe(1);
    await undo(W);
    expect((await db.segments.get(b.id))!.order).toBe(1);
  });
});
