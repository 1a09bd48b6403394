// Opens the library database: refuses a database from a newer Centric, and snapshots the
// whole library before any schema upgrade so an upgrade can never lose a workshop.
import Dexie from 'dexie';
import { BACKUP_FORMAT_VERSION, BACKUP_FORMAT } from './backup-format';
import { CentricDb, DB_NAME, DB_VERSION, getDb } from './database';
import type { Host } from '../host/host';
import { snapshotId, SNAPSHOTS_KEPT } from './snapshots';

export type OpenResult =
  | { readonly ok: true; readonly db: CentricDb; readonly upgradedFrom: number | null }
  | { readonly ok: false; readonly message: string };

/** The Dexie version of an existing database, or null if there is none. */
async function existingVersion(name: string): Promise<number | null> {
  if (!(await Dexie.exists(name))) return null;
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.verno;
  } finally {
    probe.close();
  }
}

async function snapshotRaw(name: string, version: number, host: Host): Promise<void> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    const tables: Record<string, unknown[]> = {};
    for (const t of raw.tables) tables[t.name] = await t.toArray();
    const file = {
      format: BACKUP_FORMAT,
      // Backup format n is storage version n's table layout up to format 3; storage version 4
      // changed no layout (it completed rows), so its tables are written as the newest format.
      formatVersion: Math.min(version, BACKUP_FORMAT_VERSION),
      exportedAt: new Date().toISOString(),
      appVersion: await host.appVersion(),
      scope: 'library',
      tables,
    };
    await host.writeSnapshot({
      id: snapshotId(),
      reason: `Before upgrading storage from version ${version}`,
      data: JSON.stringify(file),
      keep: SNAPSHOTS_KEPT,
    });
  } finally {
    raw.close();
  }
}

export async function openDatabase(host: Host, name = DB_NAME): Promise<OpenResult> {
  let version: number | null;
  try {
    version = await existingVersion(name);
  } catch (err) {
    return { ok: false, message: `Centric could not open its library: ${(err as Error).message}` };
  }
  if (version !== null && version > DB_VERSION) {
    return {
      ok: false,
      message: `This library was saved by a newer version of Centric (storage version ${version}). Update Centric to open it; nothing has been changed.`,
    };
  }
  if (version !== null && version < DB_VERSION) {
    try {
      await snapshotRaw(name, version, host);
    } catch (err) {
      return {
        ok: false,
        message: `Centric needs to upgrade its library but could not take a safety snapshot first (${(err as Error).message}). Nothing has been changed.`,
      };
    }
  }
  const db = name === DB_NAME ? getDb() : new CentricDb(name);
  try {
    await db.open();
  } catch (err) {
    return { ok: false, message: `Centric could not open its library: ${(err as Error).message}` };
  }
  return { ok: true, db, upgradedFrom: version !== null && version < DB_VERSION ? version : null };
}
