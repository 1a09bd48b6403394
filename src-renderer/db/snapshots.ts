// Automatic snapshots of the whole library: every 10 minutes while it changes, and before
// every import or schema upgrade; the newest 20 are kept by the host (disk or IndexedDB).
import type { Host } from '../host/host';
import { backupToText, createBackup } from './backup-format';
import type { CentricDb } from './database';
import { readLibraryData } from './library-io';

export const SNAPSHOTS_KEPT = 20;
export const SNAPSHOT_INTERVAL_MS = 10 * 60 * 1000;

/** Sortable, filesystem-safe id: time first so names sort newest-last. */
export function snapshotId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `${stamp}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function takeSnapshot(db: CentricDb, host: Host, reason: string): Promise<void> {
  const data = await readLibraryData(db);
  const file = createBackup(data, 'library', await host.appVersion());
  await host.writeSnapshot({ id: snapshotId(), reason, data: backupToText(file), keep: SNAPSHOTS_KEPT });
}

/**
 * Starts the periodic snapshot timer. `getRevision` changes whenever the library changes;
 * a tick snapshots only if it moved since the last snapshot. Returns a stop function.
 */
export function startSnapshotSchedule(
  db: CentricDb,
  host: Host,
  getRevision: () => number,
  onError: (err: unknown) => void,
  intervalMs = SNAPSHOT_INTERVAL_MS,
): () => void {
  let last = getRevision();
  const timer = setInterval(() => {
    const rev = getRevision();
    if (rev === last) return;
    last = rev;
    takeSnapshot(db, host, 'Automatic (every 10 minutes while editing)').catch(onError);
  }, intervalMs);
  return () => clearInterval(timer);
}
