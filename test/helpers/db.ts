// Test helpers: a fresh in-memory Dexie database per test (fake-indexeddb) and a fake host.
import 'fake-indexeddb/auto';
import { CentricDb, setDbForTests } from '../../src-renderer/db/database';
import type { Host, SnapshotInfo } from '../../src-renderer/host/host';

export function freshDb(): CentricDb {
  const db = new CentricDb(`test-${crypto.randomUUID()}`);
  setDbForTests(db);
  return db;
}

export interface FakeHost extends Host {
  readonly snapshots: (SnapshotInfo & { data: string })[];
}

export function fakeHost(): FakeHost {
  const snapshots: (SnapshotInfo & { data: string })[] = [];
  return {
    kind: 'browser',
    snapshots,
    appVersion: async () => '0.0.0-test',
    saveFile: async (r) => ({ saved: true, name: r.suggestedName }),
    openFile: async () => null,
    openBinaryFile: async () => null,
    writeSnapshot: async (s) => {
      snapshots.unshift({ id: s.id, reason: s.reason, createdAt: Date.now(), size: s.data.length, data: s.data });
      snapshots.splice(s.keep);
    },
    listSnapshots: async () => snapshots.map(({ data: _d, ...info }) => info),
    readSnapshot: async (id) => snapshots.find((s) => s.id === id)?.data ?? Promise.reject(new Error('missing')),
    openWindow: async () => undefined,
    onMenuCommand: () => () => undefined,
    requestPersistentStorage: async () => true,
    // Unit tests that need a room start the real room server (test/unit/room); here there is none.
    room: {
      open: () => Promise.reject(new Error('No room server in this test.')),
      close: async () => undefined,
      status: async () => null,
      revoke: async () => undefined,
      lock: async () => undefined,
      people: async () => undefined,
    },
  };
}
