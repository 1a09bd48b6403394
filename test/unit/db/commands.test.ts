// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/db';
import { aLogEntry, aPersona } from '../../helpers/records';
import { applyCommand, isNoop, mergeCommands, replayChanges, ReplayRefusedError } from '../../../src-renderer/db/commands';
import { createWorkshop } from '../../../src-renderer/domain/workshop';

const w = () => ({ ...createWorkshop({ title: 'Kick-off', client: 'Acme', template: null, now: 1000 }) });

describe('command layer', () => {
  it('refuses an undo that would delete a row whose children were added since, and one that deletes them too goes through', async () => {
    const db = freshDb();
    const ws = w();
    const create = await applyCommand(db, { label: 'Create workshop', scope: 'library', ops: [{ type: 'put', table: 'workshops', row: ws }] });
    const persona = aPersona(ws.id);
    const add = await applyCommand(db, { label: 'Add persona', scope: ws.id, ops: [{ type: 'put', table: 'personas', row: persona }] });
    await expect(replayChanges(db, create.changes, 'undo')).rejects.toThrow(ReplayRefusedError);
    await expect(replayChanges(db, create.changes, 'undo')).rejects.toThrow('the workshop it would remove holds personas added since.');
    expect(await db.workshops.get(ws.id)).toEqual(ws);
    expect(await db.personas.get(persona.id)).toEqual(persona);
    // Once the persona is undone, the workshop can go; a command deleting both at once is fine too.
    await replayChanges(db, add.changes, 'undo');
    await replayChanges(db, create.changes, 'undo');
    expect(await db.workshops.count()).toBe(0);
    const both = await applyCommand(db, {
      label: 'Import',
      scope: 'library',
      ops: [
        { type: 'put', table: 'workshops', row: ws },
        { type: 'put', table: 'personas', row: persona },
      ],
    });
    await replayChanges(db, both.changes, 'undo');
    expect(await db.personas.count()).toBe(0);
    expect(await db.workshops.count()).toBe(0);
  });

  it('applies puts, updates and deletes in one transaction and records before/after', async () => {
    const db = freshDb();
    const ws = w();
    const put = await applyCommand(db, { label: 'Create', scope: 'library', ops: [{ type: 'put', table: 'workshops', row: ws }] });
    expect(put.changes).toEqual([{ table: 'workshops', key: ws.id, before: undefined, after: ws }]);
    const upd = await applyCommand(db, {
      label: 'Rename',
      scope: 'library',
      ops: [{ type: 'update', table: 'workshops', key: ws.id, update: (r) => ({ ...r, title: 'Renamed' }) }],
    });
    expect(upd.changes[0]!.before).toMatchObject({ title: 'Kick-off' });
    expect((await db.workshops.get(ws.id))!.title).toBe('Renamed');
    const del = await applyCommand(db, { label: 'Delete', scope: 'library', ops: [{ type: 'delete', table: 'workshops', key: ws.id }] });
    expect(del.changes[0]!.after).toBeUndefined();
    expect(await db.workshops.count()).toBe(0);
  });

  it('undo restores exactly the before state and redo the after state', async () => {
    const db = freshDb();
    const ws = w();
    await db.workshops.put(ws);
    const ana = aPersona(ws.id, { id: 'p1', name: 'Ana' });
    await db.personas.put(ana);
    const cmd = await applyCommand(db, {
      label: 'Edit',
      scope: ws.id,
      ops: [
        { type: 'update', table: 'personas', key: 'p1', update: (r) => ({ ...r, name: 'Ana María' }) },
        { type: 'put', table: 'personas', row: aPersona(ws.id, { id: 'p2', name: 'Bo' }) },
        { type: 'delete', table: 'workshops', key: 'nope' },
      ],
    });
    await replayChanges(db, cmd.changes, 'undo');
    expect(await db.personas.toArray()).toEqual([ana]);
    await replayChanges(db, cmd.changes, 'redo');
    expect((await db.personas.orderBy('id').toArray()).map((p) => p.name)).toEqual(['Ana María', 'Bo']);
  });

  it('writes nothing when one op fails (all or nothing)', async () => {
    const db = freshDb();
    const ws = w();
    await expect(
      applyCommand(db, {
        label: 'Broken',
        scope: 'library',
        ops: [
          { type: 'put', table: 'workshops', row: ws },
          { type: 'update', table: 'personas', key: 'missing', update: (r) => r },
        ],
      }),
    ).rejects.toThrow(/no longer exists/);
    expect(await db.workshops.count()).toBe(0);
  });

  it('bumps the workshop’s last edit when asked, and undo puts it back', async () => {
    const db = freshDb();
    const ws = w();
    await db.workshops.put(ws);
    const cmd = await applyCommand(
      db,
      { label: 'Note', scope: ws.id, touchWorkshop: ws.id, ops: [{ type: 'put', table: 'actions', row: aLogEntry(ws.id, { id: 'a' }) }] },
      5000,
    );
    expect((await db.workshops.get(ws.id))!.updatedAt).toBe(5000);
    await replayChanges(db, cmd.changes, 'undo');
    expect((await db.workshops.get(ws.id))!.updatedAt).toBe(1000);
    expect(await db.actions.count()).toBe(0);
  });

  it('merges two commands into first-before / last-after and detects no-ops', async () => {
    const db = freshDb();
    const ws = w();
    await db.workshops.put(ws);
    const set = (t: string) =>
      applyCommand(db, { label: 'Type', scope: ws.id, ops: [{ type: 'update', table: 'workshops', key: ws.id, update: (r) => ({ ...r, title: t }) }] });
    const a = await set('K');
    const b = await set('Kick');
    const merged = mergeCommands(a, b);
    expect(merged.changes).toHaveLength(1);
    expect(merged.changes[0]!.before).toMatchObject({ title: 'Kick-off' });
    expect(merged.changes[0]!.after).toMatchObject({ title: 'Kick' });
    expect(isNoop(await set('Kick'))).toBe(true);
    expect(isNoop(merged)).toBe(false);
  });

  it('undo reverts only the fields its command changed, keeping later edits of other fields', async () => {
    const db = freshDb();
    const ws = w();
    await db.workshops.put(ws);
    const notes = await applyCommand(db, {
      label: 'Notes',
      scope: ws.id,
      ops: [{ type: 'update', table: 'workshops', key: ws.id, update: (r) => ({ ...r, objectives: 'Agree three priorities' }) }],
    });
    await applyCommand(db, {
      label: 'Rename',
      scope: 'library',
      ops: [{ type: 'update', table: 'workshops', key: ws.id, update: (r) => ({ ...r, title: 'Renamed later' }) }],
    });
    await replayChanges(db, notes.changes, 'undo');
    const after = (await db.workshops.get(ws.id))!;
    expect(after.objectives).toBe('');
    expect(after.title).toBe('Renamed later');
    await replayChanges(db, notes.changes, 'redo');
    expect((await db.workshops.get(ws.id))!).toMatchObject({ objectives: 'Agree three priorities', title: 'Renamed later' });
  });

  it('undo keeps a newer value of the same field written since (another window), and reverts the rest', async () => {
    const db = freshDb();
    const ws = w();
    await db.workshops.put(ws);
    const mine = await applyCommand(db, {
      label: 'Mine',
      scope: ws.id,
      ops: [{ type: 'update', table: 'workshops', key: ws.id, update: (r) => ({ ...r, objectives: 'from A', location: 'Room 1' }) }],
    });
    await applyCommand(db, {
      label: 'Theirs',
      scope: 'other-window',
      ops: [{ type: 'update', table: 'workshops', key: ws.id, update: (r) => ({ ...r, objectives: 'from B, later' }) }],
    });
    await replayChanges(db, mine.changes, 'undo');
    expect(await db.workshops.get(ws.id)).toMatchObject({ objectives: 'from B, later', location: '' });
  });
});
