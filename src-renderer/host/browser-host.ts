// Browser stand-ins for host capabilities: downloads, a file input, snapshots in their own
// IndexedDB database, window.open. Used when the renderer runs in a plain Chromium.
import Dexie, { type Table } from 'dexie';
import type { FileFilter, Host, RoomHost, RoomInfo, SnapshotInfo } from './host-types';

interface SnapshotRow extends SnapshotInfo {
  readonly data: string;
  /**
   * Order in which snapshots were taken (version 2). Which ones are kept and the order they are
   * listed go by it, not by `createdAt`: the clock can be set back, and a snapshot taken then
   * must not count as the oldest and be deleted at once.
   */
  readonly seq: number;
}

/** Snapshots live apart from the library so a broken library cannot take them down with it. */
class SnapshotDb extends Dexie {
  snapshots!: Table<SnapshotRow, string>;
  constructor() {
    super('centric-snapshots');
    this.version(1).stores({ snapshots: 'id, createdAt' });
    // Snapshots stored before version 2 are numbered in the order of their times.
    this.version(2)
      .stores({ snapshots: 'id, createdAt, seq' })
      .upgrade(async (tx) => {
        let seq = 0;
        await tx
          .table('snapshots')
          .orderBy('createdAt')
          .modify((row: { seq?: number }) => {
            row.seq = ++seq;
          });
      });
  }
}

/** Shows the browser's file picker through a hidden input; null if the user cancels. */
function pickFile(filters: readonly FileFilter[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.setAttribute('data-testid', 'host-file-input');
    input.addEventListener('change', () => {
      input.remove();
      resolve(input.files?.[0] ?? null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.append(input);
    input.click();
  });
}

export function createBrowserHost(): Host {
  let snapDb: SnapshotDb | null = null;
  const snaps = () => (snapDb ??= new SnapshotDb());
  return {
    kind: 'browser',
    appVersion: async () => __APP_VERSION__,
    saveFile: async (req) => {
      const blob = new Blob([req.data as BlobPart], { type: req.mimeType });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = req.suggestedName;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { saved: true, name: req.suggestedName };
    },
    openFile: async (filters) => {
      const file = await pickFile(filters);
      return file ? { name: file.name, text: await file.text() } : null;
    },
    openBinaryFile: async (filters, maxBytes) => {
      const file = await pickFile(filters);
      if (!file) return null;
      if (file.size > maxBytes) {
        throw new Error(`${file.name} is too large (${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${(maxBytes / 1024 / 1024).toFixed(1)} MB).`);
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { name: file.name, text: btoa(binary) };
    },
    writeSnapshot: async (s) => {
      const db = snaps();
      await db.transaction('rw', db.snapshots, async () => {
        const last = await db.snapshots.orderBy('seq').lastKey();
        const seq = (typeof last === 'number' ? last : 0) + 1;
        await db.snapshots.put({ id: s.id, reason: s.reason, data: s.data, createdAt: Date.now(), size: s.data.length, seq });
        const keys = await db.snapshots.orderBy('seq').reverse().primaryKeys();
        // The last `keep` taken stay, and never fewer than the one just written.
        await db.snapshots.bulkDelete(keys.slice(Math.max(1, s.keep)).filter((key) => key !== s.id));
      });
    },
    listSnapshots: async () => {
      const rows: SnapshotInfo[] = [];
      await snaps()
        .snapshots.orderBy('seq')
        .reverse()
        .each((r) => rows.push({ id: r.id, reason: r.reason, createdAt: r.createdAt, size: r.size }));
      return rows;
    },
    readSnapshot: async (id) => {
      const row = await snaps().snapshots.get(id);
      if (!row) throw new Error('That snapshot no longer exists.');
      return row.data;
    },
    openWindow: async (route) => {
      const url = `${location.origin}${location.pathname}${route}`;
      const w = window.open(url, '_blank', 'popup,width=1280,height=800');
      if (!w) throw new Error('The browser blocked the new window. Allow pop-ups for Centric.');
    },
    onMenuCommand: () => () => undefined,
    requestPersistentStorage: async () => {
      if (!navigator.storage?.persist) return null;
      if (await navigator.storage.persisted()) return true;
      return navigator.storage.persist();
    },
    room: browserRoom,
  };
}

/**
 * The room in browser mode: the browser-mode server (scripts/serve.mjs) runs the room server and
 * answers these same-origin requests (loopback only; it checks the Origin header).
 */
async function roomCall<T>(op: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/host/room/${op}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  } catch {
    throw new Error('The room server could not be reached. Is Centric still running?');
  }
  const answer: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = typeof answer === 'object' && answer !== null && typeof (answer as { error?: unknown }).error === 'string' ? (answer as { error: string }).error : `The room server answered ${res.status}.`;
    throw new Error(message.slice(0, 300));
  }
  return answer as T;
}

const browserRoom: RoomHost = {
  open: (req) => roomCall<RoomInfo>('open', req),
  close: async () => {
    await roomCall('close', {});
  },
  status: () => roomCall<RoomInfo | null>('status', {}),
  revoke: async (participantId) => {
    await roomCall('revoke', { participantId });
  },
  lock: async (locked) => {
    await roomCall('lock', { locked });
  },
  people: async (people) => {
    await roomCall('people', { people });
  },
};
