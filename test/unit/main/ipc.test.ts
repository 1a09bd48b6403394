// @vitest-environment node
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent, SaveDialogReturnValue, OpenDialogReturnValue } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createHandleIpc, createIpcHandlers, registerIpc, type HandleIpc } from '../../../src-main/ipc';
import { describeWriteError } from '../../../src-main/atomic-write';
import { createSnapshotStore, MAX_SNAPSHOT_FOLDER_BYTES, snapshotsToRemove } from '../../../src-main/snapshots';
import { ipcChannels, MAX_FILE_BYTES } from '../../../src-main/ipc-contract';

let userData: string;
let saveResult: SaveDialogReturnValue;
let openResult: OpenDialogReturnValue;
let openWindow: Mock<(route: string) => void>;
let handleIpc: HandleIpc;
const roomInfo = {
  roomId: 'r1', workshopId: 'w1', port: 4000, joinUrls: ['http://192.168.1.2:4000/#t=x'], code: 'ABCDEF',
  roomToken: 'R'.repeat(22), hostToken: 'H'.repeat(22), hostWsUrl: 'ws://127.0.0.1:4000/ws', locked: false,
};
// A stand-in for RoomHost: the room server itself is tested in test/unit/room/.
const room = {
  open: vi.fn(async () => roomInfo),
  close: vi.fn(async () => undefined),
  status: vi.fn(() => null),
  revoke: vi.fn(),
  setLocked: vi.fn((locked: boolean) => ({ ...roomInfo, locked })),
  setPeople: vi.fn(),
};
const owner = { id: 'owner-window' };
const dialogs = {
  showSaveDialog: vi.fn(async () => saveResult),
  showOpenDialog: vi.fn(async () => openResult),
};

function eventFrom(url: string | null, parent: unknown = null): IpcMainInvokeEvent {
  return { senderFrame: url === null ? null : { url, parent }, sender: {} } as unknown as IpcMainInvokeEvent;
}
const trusted = eventFrom('app://centric/index.html#/library');

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'centric-ipc-'));
  saveResult = { canceled: true, filePath: '' };
  openResult = { canceled: true, filePaths: [] };
  dialogs.showSaveDialog.mockClear();
  dialogs.showOpenDialog.mockClear();
  openWindow = vi.fn();
  for (const fn of Object.values(room)) fn.mockClear();
  let clock = 1_000;
  handleIpc = createHandleIpc(
    createIpcHandlers({
      appVersion: () => '1.2.3',
      dialogs,
      ownerOf: () => owner as never,
      snapshots: createSnapshotStore(join(userData, 'snapshots'), () => (clock += 10)),
      openWindow,
      room: () => room,
    }),
    // The packaged rule, spelled out: main passes its own (see index.test.ts).
    (url) => url.startsWith('app://centric/'),
  );
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

describe('registration', () => {
  it('registers exactly the contract channels and routes them through the dispatcher', async () => {
    const registered = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => unknown>();
    registerIpc({ handle: (channel: string, fn: never) => void registered.set(channel, fn) } as never, handleIpc);
    expect([...registered.keys()].sort()).toEqual([...ipcChannels].sort());
    expect(await registered.get('app:version')?.(trusted, undefined)).toBe('1.2.3');
  });
});

describe('guards', () => {
  it('refuses unknown channels, including prototype names', async () => {
    await expect(handleIpc('shell:exec', trusted, {})).rejects.toThrow('Unknown IPC channel "shell:exec"');
    await expect(handleIpc('constructor', trusted, undefined)).rejects.toThrow('Unknown IPC channel');
    await expect(handleIpc('__proto__', trusted, undefined)).rejects.toThrow('Unknown IPC channel');
  });

  it.each([
    ['a foreign page', eventFrom('https://evil.example/')],
    ['a file:// page', eventFrom('file:///tmp/index.html')],
    ['a destroyed frame', eventFrom(null)],
    ['a sub-frame of the app', eventFrom('app://centric/index.html', { url: 'app://centric/index.html' })],
  ])('refuses a request from %s', async (_name, event) => {
    await expect(handleIpc('app:version', event, undefined)).rejects.toThrow(
      'Refused "app:version": the request did not come from a Centric page.',
    );
  });

  it('refuses a bad payload, naming the channel and the problem, before doing any work', async () => {
    await expect(
      handleIpc('file:save', trusted, { suggestedName: 'x.json', data: 42, filters: [] }),
    ).rejects.toThrow(/^Invalid request for "file:save": data: /);
    await expect(handleIpc('snapshot:read', trusted, { id: '../etc/passwd' })).rejects.toThrow(
      /Invalid request for "snapshot:read": id: /,
    );
    await expect(handleIpc('window:open', trusted, { route: 'https://evil.example' })).rejects.toThrow(
      /Invalid request for "window:open": route/,
    );
    await expect(handleIpc('app:version', trusted, { extra: 1 })).rejects.toThrow(/Invalid request for "app:version"/);
    // An own "__proto__" key, as JSON.parse or structured clone can produce.
    await expect(
      handleIpc('file:open', trusted, JSON.parse('{"filters":[],"__proto__":{"polluted":true}}')),
    ).rejects.toThrow(/Invalid request for "file:open"/);
    expect(dialogs.showSaveDialog).not.toHaveBeenCalled();
    expect(openWindow).not.toHaveBeenCalled();
  });
});

describe('app:version', () => {
  it('returns the app version', async () => {
    expect(await handleIpc('app:version', trusted, undefined)).toBe('1.2.3');
  });
});

describe('file:save', () => {
  const request = {
    suggestedName: 'Workshop.centric.json',
    data: '{"hello":"world"}',
    filters: [{ name: 'Centric backup', extensions: ['json'] }],
  };

  it('writes the chosen file via a temp file and a rename', async () => {
    const target = join(userData, 'Workshop.centric.json');
    writeFileSync(target, 'old content');
    saveResult = { canceled: false, filePath: target };
    expect(await handleIpc('file:save', trusted, request)).toEqual({ saved: true, name: 'Workshop.centric.json' });
    expect(readFileSync(target, 'utf8')).toBe('{"hello":"world"}');
    expect(readdirSync(userData)).toEqual(['Workshop.centric.json']);
    expect(dialogs.showSaveDialog).toHaveBeenCalledWith(
      owner,
      expect.objectContaining({ defaultPath: 'Workshop.centric.json', filters: request.filters }),
    );
  });

  it('never writes the final path in place: an existing file survives a failed write', async () => {
    const target = join(userData, 'keep.json');
    writeFileSync(target, 'precious');
    saveResult = { canceled: false, filePath: target };
    // Node refuses this Uint8Array view over a detached buffer only at write time.
    const data = new Uint8Array(new ArrayBuffer(8));
    structuredClone(data.buffer, { transfer: [data.buffer] });
    await expect(handleIpc('file:save', trusted, { ...request, data })).rejects.toThrow(/Could not save keep.json/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(readdirSync(userData)).toEqual(['keep.json']);
  });

  it('writes bytes as they are', async () => {
    const target = join(userData, 'deck.pdf');
    saveResult = { canceled: false, filePath: target };
    await handleIpc('file:save', trusted, { ...request, data: new Uint8Array([37, 80, 68, 70]) });
    expect(readFileSync(target, 'latin1')).toBe('%PDF');
  });

  it('refuses bytes over the size limit before showing a dialog, as it does text, and accepts the limit itself', async () => {
    // Zero-filled and never touched, so the allocation costs address space, not memory.
    const huge = new Uint8Array(MAX_FILE_BYTES + 1);
    await expect(handleIpc('file:save', trusted, { ...request, data: huge })).rejects.toThrow(
      `Invalid request for "file:save": data: must be at most ${MAX_FILE_BYTES} bytes`,
    );
    await expect(handleIpc('file:save', trusted, { ...request, data: huge.subarray(1) })).resolves.toEqual({ saved: false });
    expect(dialogs.showSaveDialog).toHaveBeenCalledTimes(1);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    expect(await handleIpc('file:save', trusted, request)).toEqual({ saved: false });
    expect(readdirSync(userData)).toEqual([]);
  });

  it('turns a write error into a human message and leaves no temp file', async () => {
    saveResult = { canceled: false, filePath: join(userData, 'gone', 'Workshop.json') };
    await expect(handleIpc('file:save', trusted, request)).rejects.toThrow(
      'Cannot save Workshop.json: the folder no longer exists.',
    );
    expect(readdirSync(userData)).toEqual([]);
  });

  it('keeps separators out of the suggested name', async () => {
    await handleIpc('file:save', trusted, { ...request, suggestedName: '../../etc/passwd' });
    expect(dialogs.showSaveDialog).toHaveBeenCalledWith(owner, expect.objectContaining({ defaultPath: '-..-etc-passwd' }));
    await handleIpc('file:save', trusted, { ...request, suggestedName: 'a\u0007b:c.json' });
    expect(dialogs.showSaveDialog).toHaveBeenLastCalledWith(owner, expect.objectContaining({ defaultPath: 'a-b-c.json' }));
  });

  it('names a full disk plainly', () => {
    const full = Object.assign(new Error('write'), { code: 'ENOSPC' });
    expect(describeWriteError(full, 'Deck.pdf')).toBe('Not enough disk space to save Deck.pdf.');
  });
});

describe('file:open', () => {
  it('returns the chosen file name and text, without a byte-order mark', async () => {
    const file = join(userData, 'backup.json');
    writeFileSync(file, '\uFEFF{"a":1}');
    openResult = { canceled: false, filePaths: [file] };
    expect(await handleIpc('file:open', trusted, { filters: [] })).toEqual({ name: 'backup.json', text: '{"a":1}' });
  });

  it('returns null when cancelled', async () => {
    expect(await handleIpc('file:open', trusted, { filters: [] })).toBeNull();
  });

  it('refuses a file over the size limit with a clear message', async () => {
    const file = join(userData, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, MAX_FILE_BYTES + 1); // sparse: costs no disk
    openResult = { canceled: false, filePaths: [file] };
    await expect(handleIpc('file:open', trusted, { filters: [] })).rejects.toThrow(
      'huge.json is too large to open (200 MB; Centric opens files up to 200 MB).',
    );
  });

  it('returns a binary file base64-encoded and honours a smaller size limit', async () => {
    const file = join(userData, 'avatar.png');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]));
    openResult = { canceled: false, filePaths: [file] };
    expect(await handleIpc('file:open', trusted, { filters: [], encoding: 'base64' })).toEqual({ name: 'avatar.png', text: 'iVBORwD/' });
    await expect(handleIpc('file:open', trusted, { filters: [], encoding: 'base64', maxBytes: 4 })).rejects.toThrow(/avatar.png is too large/);
    await expect(handleIpc('file:open', trusted, { filters: [], encoding: 'hex' })).rejects.toThrow(/Invalid request/);
  });

  it('says so when the file vanished after being picked', async () => {
    openResult = { canceled: false, filePaths: [join(userData, 'missing.json')] };
    await expect(handleIpc('file:open', trusted, { filters: [] })).rejects.toThrow('Could not open missing.json: ENOENT.');
  });
});

describe('snapshots', () => {
  const write = (id: string, keep = 10, data = `{"id":"${id}"}`) =>
    handleIpc('snapshot:write', trusted, { id, reason: 'autosave', data, keep });

  it('writes, lists newest first and reads back', async () => {
    expect(await write('s1')).toEqual({ ok: true });
    await write('s2', 10, '{"é":1}');
    const list = (await handleIpc('snapshot:list', trusted, undefined)) as { id: string; size: number; reason: string }[];
    expect(list.map((s) => s.id)).toEqual(['s2', 's1']);
    expect(list[0]).toMatchObject({ reason: 'autosave', size: 8 }); // bytes, not characters
    expect(await handleIpc('snapshot:read', trusted, { id: 's1' })).toBe('{"id":"s1"}');
    expect(readdirSync(join(userData, 'snapshots')).sort()).toEqual(['s1.json', 's1.meta.json', 's2.json', 's2.meta.json']);
  });

  it('keeps only the newest N and deletes older files', async () => {
    for (const id of ['a', 'b', 'c', 'd', 'e']) await write(id, 3);
    const list = (await handleIpc('snapshot:list', trusted, undefined)) as { id: string }[];
    expect(list.map((s) => s.id)).toEqual(['e', 'd', 'c']);
    expect(readdirSync(join(userData, 'snapshots')).sort()).toEqual([
      'c.json', 'c.meta.json', 'd.json', 'd.meta.json', 'e.json', 'e.meta.json',
    ]);
    await expect(handleIpc('snapshot:read', trusted, { id: 'a' })).rejects.toThrow('Snapshot "a" does not exist.');
  });

  it('keeps at least 3 snapshots whatever keep asks for', async () => {
    for (const id of ['a', 'b', 'c', 'd', 'e']) await write(id, 1);
    const list = (await handleIpc('snapshot:list', trusted, undefined)) as { id: string }[];
    expect(list.map((s) => s.id)).toEqual(['e', 'd', 'c']);
  });

  it('lists nothing before the first snapshot and ignores debris', async () => {
    expect(await handleIpc('snapshot:list', trusted, undefined)).toEqual([]);
    await write('ok');
    const folder = join(userData, 'snapshots');
    writeFileSync(join(folder, 'orphan.meta.json'), '{}');
    writeFileSync(join(folder, 'broken.json'), '{}');
    writeFileSync(join(folder, 'broken.meta.json'), 'not json');
    const list = (await handleIpc('snapshot:list', trusted, undefined)) as { id: string }[];
    expect(list.map((s) => s.id)).toEqual(['ok']);
  });

  it('refuses to read a snapshot that does not exist', async () => {
    await expect(handleIpc('snapshot:read', trusted, { id: 'nope' })).rejects.toThrow('Snapshot "nope" does not exist.');
  });
});

describe('window:open', () => {
  it('opens a window at the route and reports ok', async () => {
    expect(await handleIpc('window:open', trusted, { route: '#/present/abc' })).toEqual({ ok: true });
    expect(openWindow).toHaveBeenCalledWith('#/present/abc');
  });
});

describe('room channels', () => {
  it('hand validated requests to the room server and return its answers', async () => {
    const open = { workshopId: 'w1', title: 'Safari', people: [{ id: 'ana', name: 'Ana' }] };
    expect(await handleIpc('room:open', trusted, open)).toEqual(roomInfo);
    expect(room.open).toHaveBeenCalledWith(open);
    expect(await handleIpc('room:status', trusted, undefined)).toBeNull();
    expect(await handleIpc('room:lock', trusted, { locked: true })).toMatchObject({ locked: true });
    expect(await handleIpc('room:revoke', trusted, { participantId: 'ana' })).toEqual({ ok: true });
    expect(room.revoke).toHaveBeenCalledWith('ana');
    expect(await handleIpc('room:people', trusted, { people: [] })).toEqual({ ok: true });
    expect(room.setPeople).toHaveBeenCalledWith([]);
    expect(await handleIpc('room:close', trusted, undefined)).toEqual({ ok: true });
    expect(room.close).toHaveBeenCalledTimes(1);
  });

  it('refuse bad requests before the room server sees them', async () => {
    await expect(handleIpc('room:open', trusted, { workshopId: '../x', title: 'T', people: [] })).rejects.toThrow(/Invalid request for "room:open": workshopId/);
    await expect(handleIpc('room:revoke', trusted, { participantId: 'a b' })).rejects.toThrow(/Invalid request for "room:revoke"/);
    await expect(handleIpc('room:lock', trusted, { locked: 'yes' })).rejects.toThrow(/Invalid request for "room:lock"/);
    await expect(handleIpc('room:people', trusted, { people: [{ id: 'x', name: '' }] })).rejects.toThrow(/Invalid request for "room:people"/);
    await expect(handleIpc('room:close', trusted, { now: true })).rejects.toThrow(/Invalid request for "room:close"/);
    await expect(handleIpc('room:open', eventFrom('https://evil.example/'), { workshopId: 'w', title: '', people: [] })).rejects.toThrow(/did not come from a Centric page/);
    expect(room.open).not.toHaveBeenCalled();
    expect(room.revoke).not.toHaveBeenCalled();
    expect(room.setLocked).not.toHaveBeenCalled();
  });
});

describe('snapshot store without a clock', () => {
  it('orders snapshots written in the same millisecond by write order', async () => {
    const store = createSnapshotStore(join(userData, 'same-ms'), () => 5);
    await store.write({ id: 'first', reason: 'r', data: '{}', keep: 5 });
    await store.write({ id: 'second', reason: 'r', data: '{}', keep: 5 });
    expect((await store.list()).map((s) => s.id)).toEqual(['second', 'first']);
    expect(existsSync(join(userData, 'same-ms', 'first.json'))).toBe(true);
  });
});

describe('snapshot store when the clock goes back', () => {
  it('keeps the last N taken, by the order they were taken, never dropping the one just written', async () => {
    let clock = 10_000_000;
    const store = createSnapshotStore(join(userData, 'clock-back'), () => clock);
    for (const id of ['a', 'b', 'c', 'd']) {
      await store.write({ id, reason: 'r', data: '{}', keep: 4 });
      clock += 1_000;
    }
    // The clock is set back a day: the next snapshots have the oldest times of all.
    clock -= 24 * 60 * 60 * 1000;
    const again = createSnapshotStore(join(userData, 'clock-back'), () => clock);
    await again.write({ id: 'before-import', reason: 'Before importing a backup', data: '{}', keep: 4 });
    expect((await again.list()).map((s) => s.id)).toEqual(['before-import', 'd', 'c', 'b']);
    await again.write({ id: 'next', reason: 'r', data: '{}', keep: 4 });
    expect((await again.list()).map((s) => s.id)).toEqual(['next', 'before-import', 'd', 'c']);
    expect(await again.read('before-import')).toBe('{}');
  });

  it('reads version-1 sidecars (no sequence) as taken before every numbered snapshot', async () => {
    const folder = join(userData, 'old-sidecars');
    const store = createSnapshotStore(folder, () => 5);
    await store.write({ id: 'new', reason: 'r', data: '{}', keep: 5 });
    for (const [id, createdAt] of [['old1', 9_000], ['old2', 9_500]] as const) {
      writeFileSync(join(folder, `${id}.json`), '{}');
      writeFileSync(join(folder, `${id}.meta.json`), JSON.stringify({ version: 1, id, reason: 'r', createdAt, size: 2 }));
    }
    expect((await store.list()).map((s) => s.id)).toEqual(['new', 'old2', 'old1']);
    expect(JSON.parse(readFileSync(join(folder, 'new.meta.json'), 'utf8'))).toMatchObject({ version: 2, seq: 1 });
    await store.write({ id: 'newer', reason: 'r', data: '{}', keep: 3 });
    expect((await store.list()).map((s) => s.id)).toEqual(['newer', 'new', 'old2']);
  });
});

describe('snapshot folder size cap', () => {
  it('drops the oldest snapshots once the folder would pass its cap, keeping the newest', async () => {
    let clock = 0;
    const store = createSnapshotStore(join(userData, 'capped'), () => (clock += 1), 100);
    for (const id of ['a', 'b', 'c', 'd']) await store.write({ id, reason: 'r', data: 'x'.repeat(40), keep: 10 });
    expect((await store.list()).map((s) => s.id)).toEqual(['d', 'c']);
    expect(readdirSync(join(userData, 'capped')).sort()).toEqual(['c.json', 'c.meta.json', 'd.json', 'd.meta.json']);
    // A big newest snapshot stays even when it leaves room for no other.
    await store.write({ id: 'big', reason: 'r', data: 'y'.repeat(90), keep: 10 });
    expect((await store.list()).map((s) => s.id)).toEqual(['big']);
  });

  it('refuses a snapshot larger than the whole folder may be, leaving the others', async () => {
    const store = createSnapshotStore(join(userData, 'capped'), undefined, 100);
    await store.write({ id: 'small', reason: 'r', data: '{}', keep: 10 });
    await expect(store.write({ id: 'huge', reason: 'r', data: 'é'.repeat(51), keep: 10 })).rejects.toThrow(
      'Snapshot "huge" is too large to keep (102 bytes; the snapshot folder holds 100).',
    );
    expect((await store.list()).map((s) => s.id)).toEqual(['small']);
  });

  it('caps the folder of the store main creates at a few hundred MB', () => {
    const mb = 1024 * 1024;
    const snapshots = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, reason: 'r', createdAt: 10 - i, size: 100 * mb }));
    expect(snapshotsToRemove(snapshots, 100, MAX_SNAPSHOT_FOLDER_BYTES).map((s) => s.id)).toEqual(
      ['s5', 's6', 's7', 's8', 's9'],
    );
    expect(MAX_SNAPSHOT_FOLDER_BYTES).toBeGreaterThanOrEqual(200 * mb);
    expect(MAX_SNAPSHOT_FOLDER_BYTES).toBeLessThanOrEqual(1024 * mb);
  });
});
