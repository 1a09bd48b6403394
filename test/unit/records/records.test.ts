// @vitest-environment node
// One definition per record: every table has one, storage and backups agree with it, and the
// rules derived from it (count limits, real date ranges, capped echoes, undo that never orphans
// rows) hold.
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/db';
import { aJourney, aPersona } from '../../helpers/records';
import { fixtureJson } from '../backup/fixtures';
import { DB_VERSION } from '../../../src-renderer/db/database';
import {
  applyCommand,
  deleteOp,
  putOp,
  RecordLimitError,
  replayChanges,
  ReplayRefusedError,
  updateOp,
} from '../../../src-renderer/db/commands';
import {
  BACKUP_FORMAT_VERSION,
  backupToText,
  createBackup,
  migrateBackup,
  parseBackupText,
  type RawBackup,
} from '../../../src-renderer/db/backup-format';
import { deleteWorkshopOps } from '../../../src-renderer/db/library-io';
import { checkRow, records, tableNames, workshopTables } from '../../../src-renderer/domain/records';
import { createCard } from '../../../src-renderer/domain/journey';
import { createParticipant } from '../../../src-renderer/domain/run';
import { createWorkshop } from '../../../src-renderer/domain/workshop';
import { TIME_MAX_MS } from '../../../src-renderer/domain/row-fields';

type Rows = Record<string, Record<string, unknown>[]>;
const ws = 'ws-acme-journey';
const T = 1764000000000;
const timer = { startedAt: T, pausedAt: null, pausedMs: 0, addedMinutes: 5 };

/** The v3 library fixture plus one row of each facilitation table: at least one row in every table. */
function fullLibraryJson(): { tables: Rows } & Record<string, unknown> {
  const file = fixtureJson('library-v3.centric') as { tables: Rows } & Record<string, unknown>;
  file.tables.participants = [{ id: 'pt-ana', workshopId: ws, name: 'Ana Lima', department: 'Claims', role: 'Team lead', order: 0, createdAt: T }];
  file.tables.votes = [{ id: 'vt-1', workshopId: ws, exerciseId: 'ex-vote', participantId: 'pt-ana', targetId: 'jc-2', createdAt: T }];
  file.tables.sessions = [
    { id: `run-${ws}`, workshopId: ws, kind: 'run', startedAt: T, plannedStart: T, currentStepId: null, timers: { a: timer }, muted: false, focus: { type: 'step' }, endedAt: null },
    { id: 'ex-vote', workshopId: ws, kind: 'vote', stepId: null, question: 'Which?', sources: ['initiatives'], votesPerPerson: 3, topN: 3, tagged: [], activeParticipantId: null, closedAt: null, createdAt: T },
    { id: 'ex-scoring', workshopId: ws, kind: 'scoring', runId: 'as-1', createdAt: T, revealedAt: T, sheets: [{ participantId: null, rev: 0, answers: { 'one-truth': 3, other: 'unknown' }, notes: { 'one-truth': 'Seen twice' }, done: true }] },
    { id: 'ex-emotions', workshopId: ws, kind: 'emotions', journeyId: 'j-1', createdAt: T, closedAt: null, sheets: [{ participantId: 'pt-ana', rev: 1, ratings: { s1: 2 }, done: true }] },
  ];
  return file;
}

function errorOf(text: string): string {
  const result = parseBackupText(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

describe('every table has one definition, and storage and backups follow it', () => {
  it('each Dexie table has a definition with the same key and indexes, and each definition a table', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([...tableNames].sort());
    for (const table of db.tables) {
      const def = records[table.name as keyof typeof records];
      expect(def.table).toBe(table.name);
      const spec = [table.schema.primKey.src, ...table.schema.indexes.map((i) => i.src)].join(', ');
      expect(spec, table.name).toBe(def.indexes);
      expect(table.schema.primKey.keyPath).toBe(def.key);
    }
  });

  it('workshop records say how they belong to a workshop, and their parents are tables', () => {
    for (const table of workshopTables) {
      expect(records[table].belongsTo).toBe('workshop');
      expect(records[table].parents.map((p) => p.table)).toContain('workshops');
      for (const p of records[table].parents) expect(tableNames).toContain(p.table);
    }
  });

  it('a library with rows in every table round-trips through a backup exactly (every definition covered)', () => {
    const parsed = parseBackupText(JSON.stringify(fullLibraryJson()));
    if (!parsed.ok) throw new Error(parsed.error);
    for (const table of tableNames) expect(parsed.backup.tables[table].length, table).toBeGreaterThan(0);
    const again = parseBackupText(backupToText(createBackup(parsed.backup.tables, 'library', 'test')));
    if (!again.ok) throw new Error(again.error);
    expect(again.backup.tables).toEqual(parsed.backup.tables);
  });

  it('every definition is covered by the migrations: older files lack the newer tables, and migrating adds them', () => {
    for (const table of tableNames) {
      const since = records[table].backup.since;
      expect(since).toBeGreaterThanOrEqual(1);
      expect(since).toBeLessThanOrEqual(BACKUP_FORMAT_VERSION);
      if (since === 1) continue;
      const older: RawBackup = { formatVersion: since - 1, tables: Object.fromEntries(tableNames.filter((t) => records[t].backup.since < since).map((t) => [t, []])) };
      const { file } = migrateBackup(older);
      expect(file.tables[table], `${table} after migrating from ${since - 1}`).toEqual([]);
      // A file of a version before the table existed may not carry it.
      const text = JSON.stringify({ format: 'centric-backup', formatVersion: since - 1, exportedAt: '2026-01-01T00:00:00Z', appVersion: 't', scope: 'library', tables: { ...older.tables, [table]: [] } });
      expect(errorOf(text)).toContain(`tables.${table}: is not a table Centric knows`);
    }
  });

  it('a workshop backup carries only the tables whose definition says so', () => {
    const file = fullLibraryJson();
    const parsed = parseBackupText(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    const one = { ...parsed.backup.tables, workshops: parsed.backup.tables.workshops.filter((w) => w.id === ws) };
    const backup = createBackup(one, 'workshop', 'test');
    for (const table of tableNames) {
      if (!records[table].backup.scopes.includes('workshop')) expect(backup.tables[table], table).toEqual([]);
    }
  });
});

describe('values the screens can show', () => {
  it('refuses a time the app cannot format (createdAt 9e15) in every table that has one, naming the field', () => {
    const base = fullLibraryJson();
    let checked = 0;
    for (const table of tableNames) {
      const row = base.tables[table]?.[0];
      if (!row || !('createdAt' in row)) continue;
      const file = fullLibraryJson();
      file.tables[table]![0]!.createdAt = 9e15;
      expect(errorOf(JSON.stringify(file)), table).toMatch(new RegExp(`tables\\.${table}\\[0\\]\\.createdAt: must be a time between 1970 and 9999`));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    expect(new Date(TIME_MAX_MS).toISOString()).toBe('9999-12-31T23:59:59.999Z');
  });

  it('refuses sort positions that are not sane numbers', () => {
    const file = fullLibraryJson();
    file.tables.personas![0]!.order = 1e300;
    expect(errorOf(JSON.stringify(file))).toMatch(/tables\.personas\[0\]\.order: must be a number from/);
  });

  it('checks a row arriving from outside against its definition (as for a participant device)', () => {
    const good = createParticipant('ws-1', { name: 'Ana' }, 0, T);
    expect(checkRow('participants', good)).toEqual({ ok: true, row: good });
    const bad = checkRow('participants', { ...good, name: 'x'.repeat(500), extra: '<script>' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join('\n')).toMatch(/name: text is longer than/);
  });
});

describe('count limits from the definitions', () => {
  it('a backup with more cards in one journey than the limit is refused before any row is read', () => {
    const file = fullLibraryJson();
    const card = file.tables.journeyCards![0]!;
    const max = records.journeyCards.limits.perParent!.max;
    file.tables.journeyCards = Array.from({ length: max + 1 }, (_, i) => ({ ...card, id: `c${i}` }));
    const error = errorOf(JSON.stringify(file));
    expect(error).toContain(`journey "${String(card.journeyId)}" holds more than 5,000 journey cards`);
  });

  it('a command that would pass a per-workshop limit writes nothing and says which limit', async () => {
    const db = freshDb();
    const w = createWorkshop({ title: 'W', client: 'C', template: null, now: T });
    await db.workshops.put(w);
    const max = records.participants.limits.perWorkshop!;
    const people = Array.from({ length: max }, (_, i) => createParticipant(w.id, { name: `P${i}` }, i, T));
    await applyCommand(db, { label: 'Add', scope: w.id, ops: people.map((p) => putOp('participants', p)) });
    const one = createParticipant(w.id, { name: 'One too many' }, max, T);
    await expect(applyCommand(db, { label: 'Add', scope: w.id, ops: [putOp('participants', one)] })).rejects.toThrow(RecordLimitError);
    await expect(applyCommand(db, { label: 'Add', scope: w.id, ops: [putOp('participants', one)] })).rejects.toThrow(/A workshop can hold at most 500 participants/);
    expect(await db.participants.count()).toBe(max);
    // Swapping one for another in one command is within the limit.
    await applyCommand(db, { label: 'Swap', scope: w.id, ops: [deleteOp('participants', people[0]!.id), putOp('participants', one)] });
    expect(await db.participants.get(one.id)).toBeDefined();
  });
});

describe('undo and redo never leave orphans or half-restored workshops', () => {
  async function setup() {
    const db = freshDb();
    const w = createWorkshop({ title: 'W', client: 'C', template: null, now: T });
    const persona = aPersona(w.id, { id: 'p1', name: 'Ana' });
    const journey = aJourney(w.id, { id: 'j1' });
    const card = createCard(journey, { stageId: journey.stages[0]!.id, laneId: journey.lanes[0]!.id }, { text: 'Calls', order: 0 });
    await applyCommand(db, { label: 'Seed', scope: 'library', ops: [putOp('workshops', w), putOp('personas', persona), putOp('journeys', journey), putOp('journeyCards', card)] });
    return { db, w, persona, journey, card };
  }

  it('edit a persona, delete its workshop elsewhere, undo: refused, and nothing comes back', async () => {
    const { db, w } = await setup();
    const edit = await applyCommand(db, { label: 'Rename persona', scope: w.id, touchWorkshop: w.id, ops: [updateOp('personas', 'p1', (p) => ({ ...p, name: 'Ana María' }))] });
    await applyCommand(db, { label: 'Delete workshop', scope: 'library', ops: await deleteWorkshopOps(db, w.id) });
    await expect(replayChanges(db, edit.changes, 'undo')).rejects.toThrow(ReplayRefusedError);
    expect(await db.workshops.count()).toBe(0);
    expect(await db.personas.count()).toBe(0);
  });

  it('edit a card, delete its journey elsewhere, undo: refused, no card pointing at a missing journey', async () => {
    const { db, w, card } = await setup();
    const edit = await applyCommand(db, { label: 'Edit card', scope: w.id, ops: [updateOp('journeyCards', card.id, (c) => ({ ...c, text: 'Calls twice' }))] });
    await applyCommand(db, { label: 'Delete journey', scope: w.id, ops: [deleteOp('journeyCards', card.id), deleteOp('journeys', 'j1')] });
    await expect(replayChanges(db, edit.changes, 'undo')).rejects.toThrow(/the journey card it changed has been deleted since/);
    expect(await db.journeyCards.count()).toBe(0);
  });

  it('undo of a card deletion after its journey was deleted elsewhere: refused (the parent is gone)', async () => {
    const { db, w, card } = await setup();
    const del = await applyCommand(db, { label: 'Delete card', scope: w.id, ops: [deleteOp('journeyCards', card.id)] });
    await applyCommand(db, { label: 'Delete journey', scope: w.id, ops: [deleteOp('journeys', 'j1')] });
    await expect(replayChanges(db, del.changes, 'undo')).rejects.toThrow(/the journey it belongs to has been deleted since/);
    expect(await db.journeyCards.count()).toBe(0);
  });

  it('undo of a whole workshop deletion restores it with everything it held, in one step', async () => {
    const { db, w } = await setup();
    const del = await applyCommand(db, { label: 'Delete workshop', scope: 'library', ops: await deleteWorkshopOps(db, w.id) });
    expect(await db.journeyCards.count()).toBe(0);
    await replayChanges(db, del.changes, 'undo');
    expect(await db.workshops.count()).toBe(1);
    expect(await db.personas.count()).toBe(1);
    expect(await db.journeys.count()).toBe(1);
    expect(await db.journeyCards.count()).toBe(1);
  });
});

describe('refusal messages echo what they must, capped', () => {
  it('a 5 MB unknown field name is echoed as 80 characters and an ellipsis', () => {
    const file = fullLibraryJson();
    const name = 'n'.repeat(5 * 1024 * 1024);
    file.tables.personas![0]![name] = 1;
    const error = errorOf(JSON.stringify(file));
    expect(error.length).toBeLessThan(1000);
    expect(error).toContain(`unknown field "${'n'.repeat(80)}…"`);
  });

  it('a 5 MB unknown table name is capped too', () => {
    const file = fullLibraryJson();
    file.tables['t'.repeat(5 * 1024 * 1024)] = [];
    const error = errorOf(JSON.stringify(file));
    expect(error.length).toBeLessThan(1000);
    expect(error).toContain(`tables.${'t'.repeat(80)}…: is not a table Centric knows`);
  });

  it('many unknown fields name five and count the rest', () => {
    const file = fullLibraryJson();
    for (let i = 0; i < 12; i++) file.tables.personas![0]![`extra${i}`] = i;
    expect(errorOf(JSON.stringify(file))).toMatch(/unknown fields "extra0", .*"extra4" and 7 more/);
  });
});

describe('storage version 4 completes rows stored with fields missing', () => {
  it('an action, metric, initiative and assessment stored partly by version 3 are whole after opening', async () => {
    const { default: Dexie } = await import('dexie');
    const { CentricDb } = await import('../../../src-renderer/db/database');
    const name = `test-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores({
      workshops: 'id, updatedAt', personas: 'id, workshopId', segments: 'id, workshopId', journeys: 'id, workshopId',
      journeyCards: 'id, workshopId, journeyId', initiatives: 'id, workshopId', metrics: 'id, workshopId', assessments: 'id, workshopId',
      actions: 'id, workshopId', settings: 'key', templates: 'id, createdAt', participants: 'id, workshopId', votes: 'id, workshopId, targetId', sessions: 'id, workshopId',
    });
    await v3.open();
    await v3.table('actions').put({ id: 'a1', workshopId: 'w', text: 'Call Ana' });
    await v3.table('metrics').put({ id: 'm1', workshopId: 'w', name: 'NPS' });
    await v3.table('initiatives').put({ id: 'i1', workshopId: 'w', title: 'Welcome call' });
    await v3.table('assessments').put({ id: 'r1', workshopId: 'w', set: 'readiness' });
    v3.close();

    const db = new CentricDb(name);
    await db.open();
    const checks = [
      ['actions', await db.actions.get('a1')],
      ['metrics', await db.metrics.get('m1')],
      ['initiatives', await db.initiatives.get('i1')],
      ['assessments', await db.assessments.get('r1')],
    ] as const;
    for (const [table, row] of checks) {
      const result = checkRow(table, row);
      expect(result.ok, `${table}: ${result.ok ? '' : result.problems.join('; ')}`).toBe(true);
    }
    expect((await db.actions.get('a1'))).toMatchObject({ text: 'Call Ana', kind: 'action', done: false });
    db.close();
    await Dexie.delete(name);
  });
});

describe('paths in messages', () => {
  it('a huge key on the way to a problem is named capped in the path', () => {
    const file = fullLibraryJson();
    const deep: Record<string, unknown> = {};
    let node = deep;
    for (let i = 0; i < 40; i++) {
      const next: Record<string, unknown> = {};
      node[i === 0 ? 'k'.repeat(1_000_000) : 'a'] = next;
      node = next;
    }
    file.tables.settings = [{ key: 'deep', value: deep }];
    const error = errorOf(JSON.stringify(file));
    expect(error.length).toBeLessThan(1000);
    expect(error).toContain(`${'k'.repeat(80)}…`);
  });
});
