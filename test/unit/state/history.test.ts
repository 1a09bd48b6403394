// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../helpers/db';
import { execute, executeCommand, undoCommand, redo, undo, useHistory, flushPendingEdits, registerFlusher } from '../../../src-renderer/state/history';
import { useNotifications } from '../../../src-renderer/state/notifications';
import { createWorkshop } from '../../../src-renderer/domain/workshop';
import type { CentricDb } from '../../../src-renderer/db/database';

let db: CentricDb;
beforeEach(() => {
  db = freshDb();
  useHistory.setState({ stacks: {}, revision: 0 });
  useNotifications.setState({ toasts: [] });
});

const rename = (id: string, title: string, scope: string, mergeKey?: string) =>
  execute({ label: 'Rename', scope, mergeKey, ops: [{ type: 'update', table: 'workshops', key: id, update: (r) => ({ ...r, title }) }] });

describe('history', () => {
  it('undoes and redoes per scope, newest first', async () => {
    const a = createWorkshop({ title: 'A', client: 'x', template: null });
    const b = createWorkshop({ title: 'B', client: 'y', template: null });
    await db.workshops.bulkPut([a, b]);
    await rename(a.id, 'A1', a.id);
    await rename(a.id, 'A2', a.id);
    await rename(b.id, 'B1', b.id);
    await undo(a.id);
    expect((await db.workshops.get(a.id))!.title).toBe('A1');
    expect((await db.workshops.get(b.id))!.title).toBe('B1');
    await undo(a.id);
    expect((await db.workshops.get(a.id))!.title).toBe('A');
    expect(await undo(a.id)).toBeNull();
    await redo(a.id);
    await redo(a.id);
    expect((await db.workshops.get(a.id))!.title).toBe('A2');
    // A new edit clears the redo stack.
    await undo(a.id);
    await rename(a.id, 'A3', a.id);
    expect(await redo(a.id)).toBeNull();
  });

  it('folds quick edits with the same merge key into one undo step', async () => {
    const a = createWorkshop({ title: 'A', client: 'x', template: null });
    await db.workshops.put(a);
    for (const t of ['W', 'Wo', 'Wor', 'Word']) await rename(a.id, t, a.id, 'title');
    expect(useHistory.getState().stacks[a.id]!.undo).toHaveLength(1);
    await undo(a.id);
    expect((await db.workshops.get(a.id))!.title).toBe('A');
  });

  it('reports a failed write (quota) and leaves data and history unchanged', async () => {
    const a = createWorkshop({ title: 'A', client: 'x', template: null });
    await db.workshops.put(a);
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db, 'transaction').mockRejectedValueOnce(quota as never);
    expect(await rename(a.id, 'B', a.id)).toBe(false);
    spy.mockRestore();
    expect((await db.workshops.get(a.id))!.title).toBe('A');
    expect(useHistory.getState().stacks[a.id]).toBeUndefined();
    const toast = useNotifications.getState().toasts.at(-1)!;
    expect(toast.kind).toBe('error');
    expect(toast.message).toMatch(/full/);
  });

  it('flushes pending typing before undo', async () => {
    const flush = vi.fn();
    const off = registerFlusher(flush);
    flushPendingEdits();
    await undo('nothing');
    off();
    flushPendingEdits();
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('undoes one particular command after unrelated later ones, and refuses when rows overlap', async () => {
    const a = createWorkshop({ title: 'A', client: 'x', template: null });
    const b = createWorkshop({ title: 'B', client: 'y', template: null });
    await db.workshops.bulkPut([a, b]);
    const del = (await executeCommand({ label: 'Delete A', scope: 'library', ops: [{ type: 'delete', table: 'workshops', key: a.id }] }))!;
    await rename(b.id, 'B2', 'library');
    expect(await undoCommand(del)).toBe(true);
    expect((await db.workshops.get(a.id))!.title).toBe('A');
    expect((await db.workshops.get(b.id))!.title).toBe('B2');
    expect(await undoCommand(del)).toBe(false);
    const r1 = (await executeCommand({ label: 'Rename B', scope: 'library', ops: [{ type: 'update', table: 'workshops', key: b.id, update: (r) => ({ ...r, title: 'B3' }) }] }))!;
    await rename(b.id, 'B4', 'library');
    expect(await undoCommand(r1)).toBe(false);
    expect((await db.workshops.get(b.id))!.title).toBe('B4');
  });

  it('stores pending typing before a newer edit, so undo goes newest first', async () => {
    const a = createWorkshop({ title: 'A', client: 'x', template: null });
    await db.workshops.put(a);
    let pending = true;
    const off = registerFlusher(() => {
      if (!pending) return;
      pending = false;
      void rename(a.id, 'Typed', a.id);
    });
    await execute({
      label: 'Client',
      scope: a.id,
      ops: [{ type: 'update', table: 'workshops', key: a.id, update: (r) => ({ ...r, client: 'Picked' }) }],
    });
    off();
    expect(useHistory.getState().stacks[a.id]!.undo.map((c) => c.label)).toEqual(['Rename', 'Client']);
    await undo(a.id);
    expect(await db.workshops.get(a.id)).toMatchObject({ title: 'Typed', client: 'x' });
  });
});
