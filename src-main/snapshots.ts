// Owns the automatic snapshot folder under userData: <id>.json plus a <id>.meta.json sidecar.
// Must never touch files outside that folder, keep more snapshots than asked (or than
// MIN_SNAPSHOT_KEEP, when asked for fewer), or let the folder grow past MAX_SNAPSHOT_FOLDER_BYTES.
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SnapshotInfo } from './ipc-contract';
import { writeFileAtomic } from './atomic-write';

// Changing this sidecar shape needs a version bump and a reader for the old one.
// Version 2 adds `seq`, the order in which snapshots were taken: the clock can go back (a wrong
// time fixed, a trip across time zones on a machine set to local time), so `createdAt` cannot
// say which snapshots are the last ones taken.
const metaV1Schema = z.object({
  version: z.literal(1),
  id: z.string(),
  reason: z.string(),
  createdAt: z.number(),
  size: z.number(),
});
const metaV2Schema = metaV1Schema.extend({ version: z.literal(2), seq: z.number().int().nonnegative() });
const metaSchema = z.union([metaV1Schema, metaV2Schema]);

/** A listed snapshot with its place in the order they were taken (0 for version-1 sidecars: before any numbered one). */
interface StoredSnapshot extends SnapshotInfo {
  readonly seq: number;
}

const META_SUFFIX = '.meta.json';

/**
 * Fewest snapshots a write keeps, whatever `keep` the renderer asks for: with keep 1, one bad
 * write (an empty or broken library saved by a bug) would delete every good snapshot before it.
 * Three still leave a couple of earlier states to go back to.
 */
export const MIN_SNAPSHOT_KEEP = 3;

/**
 * Most bytes the snapshot folder may hold. A real library is a few MB (tens with images), so
 * 512 MB keeps a long history of real ones, while 100 snapshots of the largest allowed size
 * (tens of GB) can no longer fill the disk. Oldest snapshots go first; the newest always stays.
 */
export const MAX_SNAPSHOT_FOLDER_BYTES = 512 * 1024 * 1024;
// The contract already limits ids to this alphabet; re-checked because ids become file names.
const SAFE_ID = /^[A-Za-z0-9_-]{1,80}$/;

export interface SnapshotStore {
  write(input: { id: string; reason: string; data: string; keep: number }): Promise<void>;
  list(): Promise<SnapshotInfo[]>;
  read(id: string): Promise<string>;
}

function assertSafeId(id: string): void {
  if (!SAFE_ID.test(id)) throw new Error(`Snapshot id "${id}" is not valid.`);
}

/**
 * Which snapshots (last taken first) go: all but at most `keep`, at least MIN_SNAPSHOT_KEEP,
 * within `maxBytes`. The first is the one just written (checked to fit on its own): it always stays.
 */
export function snapshotsToRemove<T extends SnapshotInfo>(lastTakenFirst: readonly T[], keep: number, maxBytes: number): T[] {
  const count = Math.max(keep, MIN_SNAPSHOT_KEEP);
  let total = 0;
  return lastTakenFirst.filter((snapshot, index) => {
    total += snapshot.size;
    return index > 0 && (index >= count || total > maxBytes);
  });
}

export function createSnapshotStore(
  dir: string,
  now: () => number = Date.now,
  maxFolderBytes: number = MAX_SNAPSHOT_FOLDER_BYTES,
): SnapshotStore {
  // Two snapshots in the same millisecond must still sort in the order they were written.
  let lastCreatedAt = 0;

  /** Every complete snapshot, the last taken first. */
  async function stored(): Promise<StoredSnapshot[]> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const present = new Set(names);
    const infos: StoredSnapshot[] = [];
    for (const name of names) {
      if (!name.endsWith(META_SUFFIX)) continue;
      const id = name.slice(0, -META_SUFFIX.length);
      // A sidecar without its data file is debris from an interrupted write or prune.
      if (!SAFE_ID.test(id) || !present.has(`${id}.json`)) continue;
      try {
        const meta = metaSchema.parse(JSON.parse(await readFile(join(dir, name), 'utf8')));
        infos.push({ id, reason: meta.reason, createdAt: meta.createdAt, size: meta.size, seq: meta.version === 2 ? meta.seq : 0 });
      } catch {
        // An unreadable sidecar hides that one snapshot rather than the whole list.
      }
    }
    return infos.sort((a, b) => b.seq - a.seq || b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  }

  async function list(): Promise<SnapshotInfo[]> {
    return (await stored()).map(({ id, reason, createdAt, size }) => ({ id, reason, createdAt, size }));
  }

  async function remove(id: string): Promise<void> {
    // Sidecar first, so a half-finished removal is invisible to list().
    await unlink(join(dir, `${id}${META_SUFFIX}`)).catch(() => undefined);
    await unlink(join(dir, `${id}.json`)).catch(() => undefined);
  }

  return {
    async write({ id, reason, data, keep }) {
      assertSafeId(id);
      const size = Buffer.byteLength(data, 'utf8');
      if (size > maxFolderBytes) {
        throw new Error(`Snapshot "${id}" is too large to keep (${size} bytes; the snapshot folder holds ${maxFolderBytes}).`);
      }
      await mkdir(dir, { recursive: true });
      const createdAt = Math.max(now(), lastCreatedAt + 1);
      lastCreatedAt = createdAt;
      const seq = Math.max(0, ...(await stored()).map((snapshot) => snapshot.seq)) + 1;
      // Data before sidecar: a snapshot only appears in the list once its data is complete.
      await writeFileAtomic(join(dir, `${id}.json`), data);
      const meta = { version: 2, id, reason, createdAt, size, seq };
      await writeFileAtomic(join(dir, `${id}${META_SUFFIX}`), JSON.stringify(meta));
      // Never the one just written, whatever the order says.
      for (const old of snapshotsToRemove(await stored(), keep, maxFolderBytes)) if (old.id !== id) await remove(old.id);
    },
    list,
    async read(id) {
      assertSafeId(id);
      const known = await stored();
      if (!known.some((s) => s.id === id)) throw new Error(`Snapshot "${id}" does not exist.`);
      return readFile(join(dir, `${id}.json`), 'utf8');
    },
  };
}
