// @vitest-environment node
// The typing journal's format and replay: what a draft's commands become as an entry, and the
// replay rule (applied over the value it was typed over, never over a newer one, never into a
// row or list item that is gone), its bounds, and its tolerance of whatever is in localStorage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../helpers/db';
import type { CommandInput, Row } from '../../../src-renderer/db/commands';
import type { CentricDb, TableName } from '../../../src-renderer/db/database';
import { createWorkshop, type Workshop } from '../../../src-renderer/domain/workshop';
import {
  JOURNAL_PREFIX,
  MAX_ENTRY_CHARS,
  MAX_REPLAYED,
  OWN_COMMIT_SLACK_MS,
  entryFor,
  journalCommands,
  readEntries,
  replayEntries,
  replayEntry,
  writeEntry,
  type JournalEntry,
  type JournalStorage,
} from '../../../src-renderer/state/draft-journal';
import { dryRun, execute, isDryRun } from '../../../src-renderer/state/history';

class MemoryStorage implements JournalStorage {
  readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

let db: CentricDb;
let storage: MemoryStorage;
beforeEach(() => {
  db = freshDb();
  storage = new MemoryStorage();
});
afterEach(() => vi.restoreAllMocks());

const T0 = 1_000_000;
const workshop = () => ({
  ...createWorkshop({ title: 'Kick-off', client: 'Acme', template: null, now: T0 }),
  agenda: [
    { id: 's1', title: 'Intro', minutes: 10, notes: 'first', instructions: '', prompts: [], artifacts: [] },
    { id: 's2', title: 'Map', minutes: 30, notes: '', instructions: '', prompts: [], artifacts: [] },
  ],
});

/** A step-notes edit as the workshop actions submit it. */
const notesEdit = (id: string, stepId: string, notes: string): CommandInput => ({
  label: 'Edit step notes',
  scope: id,
  touchWorkshop: id,
  ops: [{ type: 'update', table: 'workshops', key: id, update: (w) => ({ ...w, agenda: w.agenda.map((s) => (s.id === stepId ? { ...s, notes } : s)) }) }],
});

const lookupFrom = (rows: Record<string, Row | undefined>) => (table: TableName, key: string) => rows[`${table}:${key}`];

/** Journals `inputs` against `stored` (as the recorder does on a keystroke) and returns the entry. */
function journal(inputs: CommandInput[], stored: Record<string, Row | undefined>, at: number, earlier: ReadonlyMap<string, Row>[] = []): JournalEntry {
  const j = journalCommands(inputs, lookupFrom(stored), earlier);
  if (j === null || j === 'pending') throw new Error(`not journaled: ${String(j)}`);
  const e = entryFor(inputs, j.rows, 'closed-window', at);
  if (!e) throw new Error('empty entry');
  return e;
}

const storedWorkshop = async (id: string) => (await db.workshops.get(id)) as unknown as Row & { agenda: Row[]; updatedAt: number };

describe('typing journal', () => {
  it('journals only the place typed into, with the value it was typed over', () => {
    const w = workshop();
    const e = journal([notesEdit(w.id, 's2', 'Room agreed')], { [`workshops:${w.id}`]: w }, T0 + 10);
    expect(e.rows).toEqual([{ table: 'workshops', key: w.id, leaves: [{ path: ['agenda', { id: 's2' }, 'notes'], bases: ['""'], value: '"Room agreed"' }] }]);
    expect(e.touchWorkshop).toBe(w.id);
  });

  it('replays typing the window closed on, through the command layer', async () => {
    const w = workshop();
    await db.workshops.put(w);
    const e = journal([notesEdit(w.id, 's2', 'Room agreed')], { [`workshops:${w.id}`]: w }, T0 + 10);
    expect(writeEntry(storage, 'closed-window:1', e)).toBe(true);
    const counts = await replayEntries(db, storage, () => true);
    expect(counts.applied).toBe(1);
    const after = await storedWorkshop(w.id);
    expect(after.agenda.map((s) => s.notes)).toEqual(['first', 'Room agreed']);
    expect(after.updatedAt).toBeGreaterThan(T0);
    expect(storage.map.size).toBe(0);
  });

  it('never overwrites a newer value (another window edited the field since)', async () => {
    const w = workshop();
    await db.workshops.put(w);
    const e = journal([notesEdit(w.id, 's1', 'first, typed here')], { [`workshops:${w.id}`]: w }, T0 + 10);
    // The other window's edit is older than the keystroke by the clock, so only the base check stops it.
    await db.workshops.put({ ...w, agenda: w.agenda.map((s) => (s.id === 's1' ? { ...s, notes: 'first, from the other window' } : s)) });
    expect(await replayEntry(db, e)).toBe('newer');
    expect((await storedWorkshop(w.id)).agenda[0]!.notes).toBe('first, from the other window');
  });

  it('an edit elsewhere in the same row does not block it', async () => {
    const w = workshop();
    await db.workshops.put(w);
    const e = journal([notesEdit(w.id, 's2', 'mine')], { [`workshops:${w.id}`]: w }, T0 + 10);
    await db.workshops.put({ ...w, title: 'Renamed elsewhere', agenda: w.agenda.map((s) => (s.id === 's1' ? { ...s, notes: 'theirs' } : s)) });
    expect(await replayEntry(db, e)).toBe('applied');
    const after = await storedWorkshop(w.id);
    expect(after.title).toBe('Renamed elsewhere');
    expect(after.agenda.map((s) => s.notes)).toEqual(['theirs', 'mine']);
  });

  it('never recreates a deleted row', async () => {
    const w = workshop();
    await db.workshops.put(w);
    const e = journal([notesEdit(w.id, 's2', 'typed into a workshop deleted since')], { [`workshops:${w.id}`]: w }, T0 + 10);
    await db.workshops.delete(w.id);
    expect(await replayEntry(db, e)).toBe('gone');
    expect(await db.workshops.count()).toBe(0);
  });

  it('never recreates a deleted list item', async () => {
    const w = workshop();
    await db.workshops.put(w);
    const e = journal([notesEdit(w.id, 's2', 'typed into a step removed since')], { [`workshops:${w.id}`]: w }, T0 + 10);
    await db.workshops.put({ ...w, agenda: w.agenda.filter((s) => s.id !== 's2') });
    expect(await replayEntry(db, e)).toBe('gone');
    expect((await storedWorkshop(w.id)).agenda.map((s) => s.id)).toEqual(['s1']);
  });

  it('accepts a value an earlier commit of the same draft may have stored before the window went', async () => {
    const w = workshop();
    await db.workshops.put(w);
    // "Room" was being committed when typing went on; it landed, the rest did not.
    const inFlight = new Map([[`workshops\u0000${w.id}`, { ...w, agenda: w.agenda.map((s) => (s.id === 's2' ? { ...s, notes: 'Room' } : s)) } as Row]]);
    const e = journal([notesEdit(w.id, 's2', 'Room agreed')], { [`workshops:${w.id}`]: w }, T0 + 20, [inFlight]);
    await db.workshops.put(inFlight.values().next().value! as unknown as Workshop);
    expect(await replayEntry(db, e)).toBe('applied');
    expect((await storedWorkshop(w.id)).agenda[1]!.notes).toBe('Room agreed');
  });

  it('a stale entry never undoes a later edit of its workshop, even one back to the same value', async () => {
    const w = workshop();
    await db.workshops.put(w);
    const e = journal([notesEdit(w.id, 's2', 'old typing')], { [`workshops:${w.id}`]: w }, T0 + 10);
    // Later (a crash kept the entry): the notes were typed and cleared again, so they hold the base once more.
    await db.workshops.put({ ...w, updatedAt: T0 + 10 + OWN_COMMIT_SLACK_MS + 1 });
    expect(await replayEntry(db, e)).toBe('newer');
    expect((await storedWorkshop(w.id)).agenda[1]!.notes).toBe('');
  });

  it('does nothing when the typing is already stored', async () => {
    const w = workshop();
    const e = journal([notesEdit(w.id, 's2', 'done')], { [`workshops:${w.id}`]: w }, T0 + 10);
    await db.workshops.put({ ...w, agenda: w.agenda.map((s) => (s.id === 's2' ? { ...s, notes: 'done' } : s)) });
    expect(await replayEntry(db, e)).toBe('unchanged');
    expect((await storedWorkshop(w.id)).updatedAt).toBe(T0);
  });

  it('does not journal creating or deleting rows, or updates of rows it has not read yet', () => {
    const w = workshop();
    const create: CommandInput = { label: 'Add', scope: 'x', ops: [{ type: 'put', table: 'workshops', row: w }] };
    expect(journalCommands([create], lookupFrom({}), [])).toBeNull();
    const del: CommandInput = { label: 'Delete', scope: 'x', ops: [{ type: 'delete', table: 'workshops', key: w.id }] };
    expect(journalCommands([del], lookupFrom({ [`workshops:${w.id}`]: w }), [])).toBeNull();
    expect(journalCommands([notesEdit(w.id, 's2', 'x')], () => null, [])).toBe('pending');
  });

  it('journals a put of an existing row (settings) as the fields it changes', () => {
    const put: CommandInput = { label: 'Edit organisation', scope: 'settings', ops: [{ type: 'put', table: 'settings', row: { key: 'organisation', value: 'Acme GmbH' } }] };
    const e = journal([put], { 'settings:organisation': { key: 'organisation', value: 'Acme' } }, T0);
    expect(e.rows[0]!.leaves).toEqual([{ path: ['value'], bases: ['"Acme"'], value: '"Acme GmbH"' }]);
  });

  it('ignores unreadable content with a warning and never throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const w = workshop();
    await db.workshops.put(w);
    storage.setItem(`${JOURNAL_PREFIX}a`, '{not json');
    storage.setItem(`${JOURNAL_PREFIX}b`, JSON.stringify({ v: 1, session: 's', at: 1, label: 'x', scope: 'y', rows: [{ table: 'nope', key: 'k', leaves: [] }] }));
    storage.setItem(`${JOURNAL_PREFIX}c`, JSON.stringify({ v: 1, session: 's', at: 1, label: 'x', scope: 'y', rows: [{ table: 'workshops', key: w.id, leaves: [{ path: ['title'], bases: ['not json'], value: '"x"' }] }] }));
    storage.setItem(`${JOURNAL_PREFIX}d`, 'null');
    storage.setItem('someone-else', 'left alone');
    expect(readEntries(storage)).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(4);
    expect([...storage.map.keys()]).toEqual(['someone-else']);
    await expect(replayEntries(db, storage, () => true)).resolves.toMatchObject({ applied: 0 });
    expect((await storedWorkshop(w.id)).title).toBe('Kick-off');
  });

  it('is bounded: an oversized entry is not kept, and at most MAX_REPLAYED entries are replayed', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const w = workshop();
    await db.workshops.put(w);
    const huge = journal([notesEdit(w.id, 's2', 'x'.repeat(MAX_ENTRY_CHARS))], { [`workshops:${w.id}`]: w }, T0 + 10);
    storage.setItem(`${JOURNAL_PREFIX}old:1`, 'stale');
    expect(writeEntry(storage, 'old:1', huge)).toBe(false);
    expect(storage.map.size).toBe(0);

    // Entries typed over the same value, oldest first: the first one replayed wins, the rest find a newer value.
    for (let i = 0; i < MAX_REPLAYED + 5; i++) writeEntry(storage, `s:${i}`, journal([notesEdit(w.id, 's2', `v${i}`)], { [`workshops:${w.id}`]: w }, T0 + 10 + i));
    const counts = await replayEntries(db, storage, () => true);
    expect(counts).toEqual({ applied: 1, unchanged: 0, newer: MAX_REPLAYED - 1, gone: 0, failed: 0 });
    // The five oldest were dropped unreplayed.
    expect((await storedWorkshop(w.id)).agenda[1]!.notes).toBe('v5');
    expect(storage.map.size).toBe(0);
  });

  it('a dry run captures the commands an edit submits and applies none of them', async () => {
    const w = workshop();
    await db.workshops.put(w);
    let during = false;
    let after = false;
    const inputs = dryRun(() => {
      during = isDryRun();
      void execute(notesEdit(w.id, 's2', 'dry')).then(() => (after = true));
    });
    expect(inputs.map((i) => i.label)).toEqual(['Edit step notes']);
    expect(during).toBe(true);
    expect(isDryRun()).toBe(false);
    await execute(notesEdit(w.id, 's1', 'real'));
    expect((await storedWorkshop(w.id)).agenda.map((s) => s.notes)).toEqual(['real', '']);
    expect(after).toBe(false);
  });

  it('selects entries by session', async () => {
    const w = workshop();
    await db.workshops.put(w);
    const e = journal([notesEdit(w.id, 's2', 'still open')], { [`workshops:${w.id}`]: w }, T0 + 10);
    writeEntry(storage, 'closed-window:1', e);
    await replayEntries(db, storage, (x) => x.session === 'another');
    expect(storage.map.size).toBe(1);
    expect((await storedWorkshop(w.id)).agenda[1]!.notes).toBe('');
  });
});
