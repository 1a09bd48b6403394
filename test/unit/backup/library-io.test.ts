// @vitest-environment node
import { aPersona } from '../../helpers/records';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyCommand, replayChanges, type Op } from '../../../src-renderer/db/commands';
import { CentricDb } from '../../../src-renderer/db/database';
import { backupToText, createBackup, parseBackupText, type LibraryData } from '../../../src-renderer/db/backup-format';
import {
  deleteWorkshopOps,
  describeCounts,
  duplicateWorkshopOps,
  findConflicts,
  ImportConflictError,
  importOps,
  libraryCounts,
  readLibraryData,
  readWorkshopData,
  restoreLibraryOps,
} from '../../../src-renderer/db/library-io';
import { fixtureText, validFixture } from './fixtures';

let db: CentricDb;

beforeEach(async () => {
  db = new CentricDb('test-' + crypto.randomUUID());
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function run(ops: readonly Op[], label = 'Test') {
  return applyCommand(db, { label, scope: 'library', ops });
}

/** What the app does with a file the user picks: parse, and write only if every check passed. */
async function attemptImport(text: string, mode: 'replace' | 'keep-both' = 'replace'): Promise<string | null> {
  const parsed = parseBackupText(text);
  if (!parsed.ok) return parsed.error;
  await run(await importOps(db, parsed.backup.tables, mode), 'Import backup');
  return null;
}

async function seedLibrary(): Promise<LibraryData> {
  const data = validFixture('library-v3.centric').tables;
  await run(await importOps(db, data, 'replace'));
  return data;
}

describe('reading', () => {
  it('readLibraryData returns exactly what was imported', async () => {
    const data = await seedLibrary();
    expect(await readLibraryData(db)).toEqual(data);
  });

  it('readWorkshopData returns one workshop and only its rows', async () => {
    await seedLibrary();
    const acme = await readWorkshopData(db, 'ws-acme-journey');
    expect(acme.workshops.map((w) => w.id)).toEqual(['ws-acme-journey']);
    expect(acme.personas.map((p) => p.id)).toEqual(['p-claire']);
    expect(acme.journeyCards).toHaveLength(2);
    expect(acme.templates).toEqual([]);
    expect(acme.settings).toEqual([]);
    // What an export writes is what the workshop fixture holds.
    expect(acme).toEqual(validFixture('workshop-v3.centric').tables);
    expect((await readWorkshopData(db, 'nope')).workshops).toEqual([]);
  });

  it('libraryCounts and describeCounts', async () => {
    const data = await seedLibrary();
    expect(libraryCounts(data)).toMatchObject({ workshops: 2, personas: 2, 'journey cards': 2, templates: 1, settings: 2 });
    expect(describeCounts(data)).toBe(
      '2 workshops, 2 personas, 1 segment, 1 journey, 2 journey cards, 1 initiative, 1 metric, 1 assessment, 1 action, 1 template, 2 settings',
    );
  });
});

describe('a refused file changes nothing', () => {
  const bad = ['corrupt.centric', 'truncated.centric', 'wrong-type.png.centric', 'other-app.centric', 'hostile.centric', 'newer-version.centric'];
  for (const name of bad) {
    it(name, async () => {
      await seedLibrary();
      const before = await readLibraryData(db);
      const error = await attemptImport(fixtureText(name));
      expect(error).toBeTruthy();
      expect(await readLibraryData(db)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('a file with one bad row among good ones', async () => {
    await seedLibrary();
    const before = await readLibraryData(db);
    const file = JSON.parse(fixtureText('workshop-v3.centric')) as { tables: { workshops: Record<string, unknown>[]; actions: Record<string, unknown>[] } };
    file.tables.workshops[0]!.title = 'Changed';
    file.tables.actions[0]!.workshopId = 'ws-elsewhere';
    expect(await attemptImport(JSON.stringify(file))).toMatch(/tables\.actions\[0\]: belongs to workshop "ws-elsewhere"/);
    expect(await readLibraryData(db)).toEqual(before);
  });
});

describe('importing on conflict', () => {
  it('findConflicts names workshops already in the library, with their title there', async () => {
    await seedLibrary();
    await run([{ type: 'put', table: 'workshops', row: { ...(await db.workshops.get('ws-acme-journey'))!, title: 'Renamed here' } }]);
    const file = validFixture('workshop-v3.centric').tables;
    expect(await findConflicts(db, file)).toEqual([{ id: 'ws-acme-journey', title: 'Renamed here' }]);
  });

  it('into an empty library, both modes import the file as it is', async () => {
    const file = validFixture('workshop-v3.centric').tables;
    await run(await importOps(db, file, 'keep-both'));
    expect(await readLibraryData(db)).toEqual(file);
  });

  it('replace: the workshop becomes exactly the file version; other workshops are untouched', async () => {
    await seedLibrary();
    const beta = await readWorkshopData(db, 'ws-beta-kickoff');
    // Local edits after the backup: a new card, and a changed title.
    await run([
      { type: 'put', table: 'journeyCards', row: { id: 'jc-local', workshopId: 'ws-acme-journey', journeyId: 'j-claims', stageId: 'st-report', laneId: 'ln-pains', order: 1, text: 'added later', color: 'yellow', marks: [], emotion: null, initiativeId: null } },
      { type: 'put', table: 'workshops', row: { ...(await db.workshops.get('ws-acme-journey'))!, title: 'Edited' } },
    ]);
    const file = validFixture('workshop-v3.centric').tables;
    const error = await attemptImport(fixtureText('workshop-v3.centric'), 'replace');
    expect(error).toBeNull();
    expect(await readWorkshopData(db, 'ws-acme-journey')).toEqual(file);
    expect(await db.journeyCards.get('jc-local')).toBeUndefined();
    expect(await readWorkshopData(db, 'ws-beta-kickoff')).toEqual(beta);
  });

  it('replace refuses to take over rows that belong to another workshop', async () => {
    await seedLibrary();
    const file = validFixture('workshop-v3.centric').tables;
    const sneaky: LibraryData = { ...file, workshops: [{ ...file.workshops[0]!, id: 'ws-new' }], personas: [aPersona('ws-new', { id: 'p-omar' })] };
    for (const t of ['segments', 'journeys', 'journeyCards', 'initiatives', 'metrics', 'assessments', 'actions'] as const) {
      (sneaky as Record<string, unknown>)[t] = [];
    }
    await expect(importOps(db, sneaky, 'replace')).rejects.toThrow(ImportConflictError);
    // Keep both gives the rows fresh ids instead, so Omar stays in Beta's workshop.
    await run(await importOps(db, sneaky, 'keep-both'));
    expect((await db.personas.get('p-omar'))!.workshopId).toBe('ws-beta-kickoff');
  });

  it('keep both: a second copy with new ids, and references follow', async () => {
    await seedLibrary();
    const original = await readWorkshopData(db, 'ws-acme-journey');
    expect(await attemptImport(fixtureText('workshop-v3.centric'), 'keep-both')).toBeNull();
    const after = await readLibraryData(db);
    expect(after.workshops).toHaveLength(3);
    // The original is untouched.
    expect(await readWorkshopData(db, 'ws-acme-journey')).toEqual(original);
    const copy = after.workshops.find((w) => w.title === 'Acme claims journey day (imported)')!;
    expect(copy.id).not.toBe('ws-acme-journey');
    const rows = await readWorkshopData(db, copy.id);
    expect(rows.journeyCards).toHaveLength(2);
    const journey = rows.journeys[0]!;
    expect(journey.id).not.toBe('j-claims');
    expect(journey.personaId).toBe(rows.personas[0]!.id);
    for (const card of rows.journeyCards) expect(card.journeyId).toBe(journey.id);
    expect(rows.metrics[0]!.initiativeId).toBe(rows.initiatives[0]!.id);
  });

  it('a library file puts its templates and settings, replacing the same keys', async () => {
    await run([{ type: 'put', table: 'settings', row: { key: 'facilitatorName', value: 'Old name' } }]);
    await attemptImport(fixtureText('library-v3.centric'), 'keep-both');
    expect((await db.settings.get('facilitatorName'))!.value).toBe('Robin');
    expect(await db.templates.count()).toBe(1);
  });

  it('a v1 library file imports, migrated', async () => {
    expect(await attemptImport(fixtureText('library-v1.centric'))).toBeNull();
    const w = (await db.workshops.get('ws-acme-journey'))!;
    expect(w.date).toBe('2026-11-24');
    expect(w.agenda.every((s) => s.notes === '')).toBe(true);
  });

  it('import is one undoable command', async () => {
    await seedLibrary();
    const before = await readLibraryData(db);
    const parsed = parseBackupText(fixtureText('workshop-v3.centric'));
    if (!parsed.ok) throw new Error(parsed.error);
    const cmd = await run(await importOps(db, parsed.backup.tables, 'keep-both'));
    await replayChanges(db, cmd.changes, 'undo');
    expect(await readLibraryData(db)).toEqual(before);
  });
});

describe('restore, delete and duplicate', () => {
  it('restoreLibraryOps makes the library exactly the data, and undo brings back the old one', async () => {
    await seedLibrary();
    await run([
      { type: 'put', table: 'workshops', row: { ...(await db.workshops.get('ws-beta-kickoff'))!, id: 'ws-extra', title: 'Extra' } },
      { type: 'put', table: 'settings', row: { key: 'extra', value: 1 } },
      { type: 'delete', table: 'personas', key: 'p-claire' },
    ]);
    const current = await readLibraryData(db);
    const snapshot = validFixture('workshop-v3.centric').tables;
    const cmd = await run(await restoreLibraryOps(db, snapshot));
    expect(await readLibraryData(db)).toEqual(snapshot);
    await replayChanges(db, cmd.changes, 'undo');
    expect(await readLibraryData(db)).toEqual(current);
  });

  it('restoring a snapshot text written by createBackup round-trips the whole library', async () => {
    const data = await seedLibrary();
    const text = backupToText(createBackup(await readLibraryData(db), 'library', 'test'));
    await run(await restoreLibraryOps(db, validFixture('workshop-v3.centric').tables));
    const parsed = parseBackupText(text);
    if (!parsed.ok) throw new Error(parsed.error);
    await run(await restoreLibraryOps(db, parsed.backup.tables));
    expect(await readLibraryData(db)).toEqual(data);
  });

  it('deleteWorkshopOps removes the workshop and all its rows; undo restores exactly', async () => {
    await seedLibrary();
    const before = await readLibraryData(db);
    const cmd = await run(await deleteWorkshopOps(db, 'ws-acme-journey'));
    const after = await readLibraryData(db);
    expect(after.workshops.map((w) => w.id)).toEqual(['ws-beta-kickoff']);
    expect(after.personas.map((p) => p.id)).toEqual(['p-omar']);
    expect(after.journeyCards).toEqual([]);
    expect(after.templates).toEqual(before.templates);
    await replayChanges(db, cmd.changes, 'undo');
    expect(await readLibraryData(db)).toEqual(before);
    await replayChanges(db, cmd.changes, 'redo');
    expect(await readLibraryData(db)).toEqual(after);
  });

  it('duplicateWorkshopOps copies the workshop and its rows with fresh ids; undo removes the copy', async () => {
    await seedLibrary();
    const before = await readLibraryData(db);
    const cmd = await run(await duplicateWorkshopOps(db, 'ws-acme-journey', 1_800_000_000_000));
    const copy = (await db.workshops.toArray()).find((w) => w.title === 'Acme claims journey day (copy)')!;
    expect(copy).toMatchObject({ createdAt: 1_800_000_000_000, updatedAt: 1_800_000_000_000, client: 'Acme Insurance' });
    const original = await readWorkshopData(db, 'ws-acme-journey');
    const dup = await readWorkshopData(db, copy.id);
    expect(dup.journeyCards).toHaveLength(original.journeyCards.length);
    expect(dup.journeyCards.every((c) => c.journeyId === dup.journeys[0]!.id)).toBe(true);
    expect(dup.journeys[0]!.id).not.toBe(original.journeys[0]!.id);
    expect(dup.templates).toEqual([]);
    await replayChanges(db, cmd.changes, 'undo');
    expect(await readLibraryData(db)).toEqual(before);
  });
});
