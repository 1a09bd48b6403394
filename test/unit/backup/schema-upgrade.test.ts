// @vitest-environment node
// Opens a database written at Dexie schema version 1 with today's CentricDb: the upgrade must
// carry every workshop over (dates, notes) and add the templates table.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CentricDb, DB_VERSION } from '../../../src-renderer/db/database';
import { readLibraryData } from '../../../src-renderer/db/library-io';
import { fixtureJson, validFixture } from './fixtures';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A Dexie instance that knows only version 1, exactly as database.ts declares it. */
function v1Db(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    workshops: 'id, updatedAt',
    personas: 'id, workshopId',
    segments: 'id, workshopId',
    journeys: 'id, workshopId',
    journeyCards: 'id, workshopId, journeyId',
    initiatives: 'id, workshopId',
    metrics: 'id, workshopId',
    assessments: 'id, workshopId',
    actions: 'id, workshopId',
    settings: 'key',
  });
  return db;
}

describe('Dexie schema upgrade 1 -> current', () => {
  it('upgrades a version-1 database filled from the v1 fixture', async () => {
    const name = 'test-' + crypto.randomUUID();
    names.push(name);
    const old = v1Db(name);
    const tables = (fixtureJson('library-v1.centric') as { tables: Record<string, unknown[]> }).tables;
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkPut(rows);
    });
    expect(old.verno).toBe(1);
    old.close();

    const db = new CentricDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((t) => t.name)).toContain('templates');
    const acme = (await db.workshops.get('ws-acme-journey'))!;
    expect(acme.date).toBe('2026-11-24');
    expect(acme).toMatchObject({ location: '', objectives: '' });
    expect(acme.agenda.map((s) => s.notes)).toEqual(['', '', '']);
    expect((await db.workshops.get('ws-beta-kickoff'))!.date).toBe('2026-03-03');
    expect(await db.templates.count()).toBe(0);

    // The upgraded database holds what the backup migration makes of the same v1 data.
    const viaBackup = validFixture('library-v1.centric').tables;
    expect(await readLibraryData(db)).toEqual(viaBackup);
    db.close();
  });
});
