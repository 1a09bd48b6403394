// @vitest-environment node
// The browser host's snapshot store: the last N taken are kept, whatever the clock says.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserHost } from '../../../src-renderer/host/browser-host';

const DAY = 24 * 60 * 60 * 1000;
let clock = 0;

beforeEach(async () => {
  await Dexie.delete('centric-snapshots');
  clock = Date.UTC(2026, 10, 30, 12);
  vi.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterEach(() => vi.restoreAllMocks());

const ids = async (host: ReturnType<typeof createBrowserHost>) => (await host.listSnapshots()).map((s) => s.id);

describe('browser host snapshots', () => {
  it('keeps the last N taken after the clock is set back, and never drops the one just taken', async () => {
    const host = createBrowserHost();
    for (const id of ['a', 'b', 'c']) {
      await host.writeSnapshot({ id, reason: 'r', data: '{}', keep: 3 });
      clock += 60_000;
    }
    clock -= DAY;
    await host.writeSnapshot({ id: 'before-import', reason: 'Before importing a backup', data: '{}', keep: 3 });
    expect(await ids(host)).toEqual(['before-import', 'c', 'b']);
    expect(await host.readSnapshot('before-import')).toBe('{}');
    await host.writeSnapshot({ id: 'next', reason: 'r', data: '{}', keep: 3 });
    expect(await ids(host)).toEqual(['next', 'before-import', 'c']);
  });

  it('numbers snapshots stored before the sequence existed in the order of their times', async () => {
    const old = new Dexie('centric-snapshots');
    old.version(1).stores({ snapshots: 'id, createdAt' });
    await old.table('snapshots').bulkPut([
      { id: 'later', reason: 'r', data: '{}', createdAt: clock - 1_000, size: 2 },
      { id: 'earlier', reason: 'r', data: '{}', createdAt: clock - 2_000, size: 2 },
    ]);
    old.close();
    clock -= DAY;
    const host = createBrowserHost();
    await host.writeSnapshot({ id: 'now', reason: 'r', data: '{}', keep: 2 });
    expect(await ids(host)).toEqual(['now', 'later']);
  });
});
