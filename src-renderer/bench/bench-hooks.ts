// Measurement hooks for `npm run bench` only: when the page is opened with ?bench, the storage
// functions are reachable from the benchmark driver, so it times the real code paths (one
// command, a backup import, a library export) rather than a copy. Never used by the app itself.
import { getDb } from '../db/database';
import { applyCommand } from '../db/commands';
import { backupToText, createBackup, parseBackupText } from '../db/backup-format';
import { importOps, readLibraryData } from '../db/library-io';

export function installBenchHooks(): void {
  if (!new URLSearchParams(location.search).has('bench')) return;
  Object.assign(window, {
    __centricBench: {
      getDb,
      applyCommand,
      parseBackupText,
      importOps,
      readLibraryData,
      createBackup,
      backupToText,
    },
  });
}
