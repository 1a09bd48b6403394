// A room open when its host crashed resumes when the same workshop's room is opened again: the
// same link, code and port, and phones get back in with the tokens they hold (removed people
// stay out). Closing on purpose forgets it. The file that keeps it is private, written whole,
// and anything unreadable in it opens a new room instead.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoomHost, type RoomPersistence, type SavedRoom } from '../../../src-main/room/room-server';
import { fileRoomPersistence } from '../../../src-main/room/room-file';
import { participantDocName } from '../../../src-renderer/domain/room';
import { closeAll, device, enter, participantFolder, post } from './room-helpers';

const hosts: RoomHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  await closeAll();
});

function memory(): RoomPersistence & { value: SavedRoom | null } {
  const m = {
    value: null as SavedRoom | null,
    load: () => m.value,
    save: (room: SavedRoom | null) => {
      m.value = room;
    },
  };
  return m;
}

const request = { workshopId: 'w1', title: 'Renewal day', people: [{ id: 'ana', name: 'Ana' }] };
function host(persist: RoomPersistence, dir: string): RoomHost {
  const h = new RoomHost({ participantDir: dir, listenHost: '127.0.0.1', port: 0, persist });
  hosts.push(h);
  return h;
}

describe('resuming a room after its host crashed', () => {
  it('gives the same link, code and port; tokens still open the phones’ documents; removed people stay out', async () => {
    const dir = participantFolder();
    const store = memory();
    const first = host(store, dir);
    const info = await first.open(request);
    const base = `http://127.0.0.1:${info.port}`;
    const ana = await enter(base, info, { name: 'Ana', participantId: 'ana' });
    const ben = await enter(base, info, { name: 'Ben' });
    first.revoke(ben.participantId);
    first.setLocked(true);
    // A crash: the process goes without closing the room, so what it kept is still there.
    const kept = store.value;
    expect(kept).toMatchObject({ workshopId: 'w1', roomId: info.roomId, port: info.port, locked: true });
    await first.close();
    store.value = kept;

    const again = await host(store, dir).open(request);
    expect(again).toMatchObject({ roomId: info.roomId, code: info.code, roomToken: info.roomToken, hostToken: info.hostToken, port: info.port, locked: true });
    const phone = device(again, ana.token);
    const own = phone.open(participantDocName(again.roomId, ana.participantId));
    await vi.waitFor(() => expect(own.scope()).toBe('readonly'), { timeout: 5000 });
    const benPhone = device(again, ben.token);
    const benOwn = benPhone.open(participantDocName(again.roomId, ben.participantId));
    await vi.waitFor(() => expect(benOwn.denied()).toBe('removed'), { timeout: 5000 });
    expect((await post(`http://127.0.0.1:${again.port}`, '/api/enter', { roomToken: again.roomToken, name: 'Ben', participantId: ben.participantId })).status).toBe(403);
  });

  it('closing on purpose forgets the room: the next one has a new link', async () => {
    const dir = participantFolder();
    const store = memory();
    const h = host(store, dir);
    const info = await h.open(request);
    await h.close();
    expect(store.value).toBeNull();
    const next = await host(store, dir).open(request);
    expect(next.roomToken).not.toBe(info.roomToken);
    expect(next.roomId).not.toBe(info.roomId);
  });

  it('another workshop never resumes someone else’s room', async () => {
    const dir = participantFolder();
    const store = memory();
    const info = await host(store, dir).open(request);
    const kept = store.value;
    await hosts[0]!.close();
    store.value = kept;
    const other = await host(store, dir).open({ ...request, workshopId: 'w2' });
    expect(other.roomToken).not.toBe(info.roomToken);
  });
});

describe('the room file', () => {
  it('is private, written whole, and ignored when it is not exactly what was written', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'centric-room-file-'));
    try {
      const path = join(folder, 'room.json');
      const file = fileRoomPersistence(path);
      expect(file.load()).toBeNull();
      const store = memory();
      const h = host(store, participantFolder());
      await h.open(request);
      file.save(store.value);
      expect(file.load()).toEqual(store.value);
      if (process.platform !== 'win32') expect(statSync(path).mode & 0o077).toBe(0);
      writeFileSync(path, JSON.stringify({ ...store.value, roomToken: 'short' }));
      expect(file.load()).toBeNull();
      writeFileSync(path, '{ not json');
      expect(file.load()).toBeNull();
      file.save(null);
      expect(() => readFileSync(path)).toThrow();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
