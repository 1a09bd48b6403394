// Backing up and restoring: workshop and library backups, reading and importing a backup file,
// restoring a snapshot. Used by the library, the workshop sidebar, settings and the error
// boundary's "Back up library", so it lives here and imports no feature.
// Every write goes through `execute` (one transaction, undoable).
import { getDb } from '../../db/database';
import { LIBRARY_SCOPE } from '../../db/commands';
import {
  findConflicts,
  importOps,
  describeCounts,
  ImportConflictError,
  readLibraryData,
  readWorkshopData,
  restoreLibraryOps,
} from '../../db/library-io';
import { backupToText, createBackup, parseBackupText, type BackupFile } from '../../db/backup-format';
import { takeSnapshot } from '../../db/snapshots';
import { getHost } from '../../host/host';
import { execute } from '../../state/history';
import { notify } from '../../state/notifications';

export const backupFilters = [{ name: 'Centric backup', extensions: ['centric'] }] as const;

function safeFilePart(s: string): string {
  // Characters Windows, macOS and Linux all accept in a file name.
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
}

export function backupFileName(parts: string[]): string {
  return `${parts.map(safeFilePart).filter(Boolean).join(' - ')}.centric`;
}

export async function exportWorkshopBackup(id: string): Promise<void> {
  const db = getDb();
  const host = getHost();
  const data = await readWorkshopData(db, id);
  const w = data.workshops[0];
  if (!w) return;
  const file = createBackup(data, 'workshop', await host.appVersion());
  await saveBackup(backupFileName(['Centric', w.client, w.title, w.date]), backupToText(file));
}

export async function exportLibraryBackup(): Promise<void> {
  const host = getHost();
  const data = await readLibraryData(getDb());
  const file = createBackup(data, 'library', await host.appVersion());
  const today = new Date();
  const stamp = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  await saveBackup(backupFileName(['Centric library', stamp]), backupToText(file));
}

async function saveBackup(name: string, text: string): Promise<void> {
  try {
    const res = await getHost().saveFile({
      suggestedName: name,
      data: text,
      mimeType: 'application/json',
      filters: backupFilters,
    });
    if (res.saved) notify({ kind: 'success', message: `Backup saved as ${res.name}.` });
  } catch (err) {
    notify({ kind: 'error', message: `The backup was not saved: ${(err as Error).message}` });
  }
}

export type ImportPlan =
  | { readonly ok: false; readonly error: string; readonly fileName: string }
  | {
      readonly ok: true;
      readonly fileName: string;
      readonly backup: BackupFile;
      readonly conflicts: { id: string; title: string }[];
      readonly migratedFrom: number | null;
      readonly summary: string;
    };

/** Reads and validates a backup the user picks. Writes nothing. Null if the user cancelled. */
export async function pickBackupToImport(): Promise<ImportPlan | null> {
  let file;
  try {
    file = await getHost().openFile(backupFilters);
  } catch (err) {
    return { ok: false, fileName: '', error: `The file could not be read: ${(err as Error).message}` };
  }
  if (!file) return null;
  return planImport(file.name, file.text);
}

export async function planImport(fileName: string, text: string): Promise<ImportPlan> {
  if (!/\.centric$|\.json$/i.test(fileName)) {
    return { ok: false, fileName, error: `“${fileName}” is not a Centric backup: choose a .centric file.` };
  }
  const parsed = parseBackupText(text);
  if (!parsed.ok) return { ok: false, fileName, error: parsed.error };
  const conflicts = await findConflicts(getDb(), parsed.backup.tables);
  const summary = describeCounts(parsed.backup.tables);
  return { ok: true, fileName, backup: parsed.backup, conflicts, migratedFrom: parsed.migratedFrom, summary };
}

/** Writes a validated import, after a safety snapshot. */
export async function commitImport(backup: BackupFile, mode: 'replace' | 'keep-both'): Promise<boolean> {
  const db = getDb();
  try {
    await takeSnapshot(db, getHost(), 'Before importing a backup');
  } catch (err) {
    notify({ kind: 'error', message: `Import stopped: the safety snapshot failed (${(err as Error).message}). Nothing was changed.` });
    return false;
  }
  let ops;
  try {
    ops = await importOps(db, backup.tables, mode);
  } catch (err) {
    const why = err instanceof ImportConflictError ? err.message : `Unexpected problem: ${(err as Error).message}`;
    notify({ kind: 'error', message: `Nothing was imported. ${why} Try “Keep both” instead.` });
    return false;
  }
  // Replacing workshops already here deletes and overwrites their rows: like a restore, the
  // import then stands above every history, so no older step of those workshops (whose rows it
  // removed) can be undone or redone before the import itself is undone.
  const replaces = mode === 'replace' && (await findConflicts(db, backup.tables)).length > 0;
  const ok = await execute({ label: 'Import backup', scope: LIBRARY_SCOPE, ops }, { wholesale: replaces });
  if (ok) {
    notify({ kind: 'success', message: `Imported ${describeCounts({ ...backup.tables, templates: [], settings: [] })}.` });
  }
  return ok;
}

/** Replaces the whole library with a snapshot, after snapshotting the current state. */
export async function restoreSnapshot(id: string): Promise<boolean> {
  const host = getHost();
  const db = getDb();
  let text: string;
  try {
    text = await host.readSnapshot(id);
  } catch (err) {
    notify({ kind: 'error', message: `The snapshot could not be read: ${(err as Error).message}` });
    return false;
  }
  const parsed = parseBackupText(text);
  if (!parsed.ok) {
    notify({ kind: 'error', message: `The snapshot is damaged and was not restored: ${parsed.error}` });
    return false;
  }
  try {
    await takeSnapshot(db, host, 'Before restoring a snapshot');
  } catch (err) {
    notify({ kind: 'error', message: `Restore stopped: the safety snapshot failed (${(err as Error).message}). Nothing was changed.` });
    return false;
  }
  const ops = await restoreLibraryOps(db, parsed.backup.tables);
  // Above every history: whatever screen is open, Undo takes back the restore, and no step made
  // before it (on rows it removed or replaced) can run until the restore is undone.
  const ok = await execute({ label: 'Restore snapshot', scope: LIBRARY_SCOPE, ops }, { wholesale: true });
  if (ok) notify({ kind: 'success', message: 'The library was restored from the snapshot.' });
  return ok;
}
