// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../helpers/db';
import { execute, executeCommand, undoCommand, redo, undo, useHistory, flushPendingEdits, registerFlusher, resetHistory, nextCommand } from '../../../src-renderer/state/history';
import { useNotifications } from '../../../src-renderer/state/notifications';
import { createWorkshop } from '../../../src-renderer/domain/workshop';
import type { CentricDb } from '../../../src-renderer/db/database';

let db: CentricDb;
beforeEach(() => {
  db = freshDb();
  resetHistory();
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

  it('clears a workshop\'s whole history at the first refused undo once the workshop was deleted elsewhere', async () => {
    const a = createWorkshop({ title: 'A', client: 'x', template: null });
    await db.workshops.put(a);
    await rename(a.id, 'A1', a.id);
    await rename(a.id, 'A2', a.id);
    await rename(a.id, 'A3', a.id);
    await undo(a.id);
    // Another window deletes the workshop.
    await db.workshops.delete(a.id);
    expect(await undo(a.id)).toBeNull();
    expect(useHistory.getState().stacks[a.id]).toBeUndefined();
    expect(nextCommand(a.id, 'redo')).toBeNull();
    const errors = useNotifications.getState().toasts.filter((t) => t.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/has been deleted since.*whole history was cleared/);
    expect(await db.workshops.get(a.id)).toBeUndefined();
  });

  describe('a wholesale command (restore, replacing import)', () => {
    const title = async (id: string) => (await db.workshops.get(id))?.title;
    const replaceAll = (label: string, ops: Parameters<typeof execute>[0]['ops']) => executeCommand({ label, scope: 'library', ops }, { wholesale: true });

    it('is what Undo offers in every scope, and older steps come back once it is undone', async () => {
      const a = createWorkshop({ title: 'A', client: 'x', template: null });
      await db.workshops.put(a);
      await rename(a.id, 'A1', a.id);
      await rename(a.id, 'A2', 'settings');
      const restore = (await replaceAll('Restore snapshot', [{ type: 'delete', table: 'workshops', key: a.id }]))!;
      for (const scope of [a.id, 'settings', 'library', 'never-seen']) expect(nextCommand(scope, 'undo')).toBe(restore);
      expect(nextCommand(a.id, 'redo')).toBeNull();

      // Undone from one scope, it is undone everywhere; each scope's own steps are next again.
      expect(await undo('settings')).toBe(restore);
      expect(await title(a.id)).toBe('A2');
      expect(nextCommand('settings', 'undo')?.label).toBe('Rename');
      expect(nextCommand('library', 'undo')).toBeNull();
      expect(nextCommand(a.id, 'redo')).toBe(restore);
      expect(await redo(a.id)).toBe(restore);
      expect(await title(a.id)).toBeUndefined();
      expect(await undo(a.id)).toBe(restore);
      expect((await undo('settings'))?.label).toBe('Rename');
      expect(await title(a.id)).toBe('A1');
      expect((await undo(a.id))?.label).toBe('Rename');
      expect(await title(a.id)).toBe('A');
    });

    it('keeps every older step out of reach while applied: no undo, redo or targeted undo runs under it', async () => {
      const a = createWorkshop({ title: 'A', client: 'x', template: null });
      const b = createWorkshop({ title: 'B', client: 'y', template: null });
      await db.workshops.bulkPut([a, b]);
      const del = (await executeCommand({ label: 'Delete A', scope: 'library', ops: [{ type: 'delete', table: 'workshops', key: a.id }] }))!;
      await rename(b.id, 'B1', b.id);
      await undo(b.id);
      expect(nextCommand(b.id, 'redo')?.label).toBe('Rename');
      await replaceAll('Restore snapshot', [{ type: 'put', table: 'workshops', row: { ...b, title: 'Snap' } }]);
      // The redo made before the restore is gone, the targeted undo is refused.
      expect(nextCommand(b.id, 'redo')).toBeNull();
      expect(await undoCommand(del)).toBe(false);
      expect(useNotifications.getState().toasts.at(-1)!.message).toMatch(/Restore snapshot.*Undo that first/);
      expect(await db.workshops.get(a.id)).toBeUndefined();

      // A step made after the restore goes first; then the restore; then the steps before it.
      await rename(b.id, 'After', b.id);
      expect((await undo(b.id))?.label).toBe('Rename');
      expect(await title(b.id)).toBe('Snap');
      expect((await undo(b.id))?.label).toBe('Restore snapshot');
      expect(await title(b.id)).toBe('B');
      expect(await undoCommand(del)).toBe(true);
      expect(await title(a.id)).toBe('A');
    });

    it('does not merge typing into a step made before it, and a new edit ends its redo', async () => {
      const a = createWorkshop({ title: 'A', client: 'x', template: null });
      await db.workshops.put(a);
      await rename(a.id, 'T', a.id, 'title');
      const restore = (await replaceAll('Restore snapshot', [{ type: 'put', table: 'workshops', row: { ...a, title: 'Snap' } }]))!;
      await rename(a.id, 'Ty', a.id, 'title');
      expect(useHistory.getState().stacks[a.id]!.undo).toHaveLength(2);
      await undo(a.id);
      expect(await title(a.id)).toBe('Snap');
      expect(await undo('library')).toBe(restore);
      expect(await title(a.id)).toBe('T');
      // The undone typing was made on top of the restore: with the restore's redo, it goes too.
      expect(nextCommand(a.id, 'redo')).toBe(restore);
      await rename(a.id, 'New', 'library');
      expect(nextCommand(a.id, 'redo')).toBeNull();
      expect(nextCommand('library', 'redo')).toBeNull();
    });
  });
});
