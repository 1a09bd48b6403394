// @vitest-environment node
// Browser mode's host API (scripts/serve.mjs): the facilitator's page runs the room through it.
// Only this server's own page may (POST, JSON, its own Origin); the room listens on 127.0.0.1 here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startServer, type StartedServer } from '../../../scripts/serve.mjs';
import type { RoomInfo } from '../../../src-main/room/room-types';
import { participantFolder, closeAll } from './room-helpers';

let started: StartedServer | null = null;
let dir: string | null = null;

afterEach(async () => {
  if (started) {
    started.server.closeAllConnections();
    await new Promise((done) => started!.server.close(done));
    await started.closeRoom();
  }
  started = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
  await closeAll();
});

async function start(loadRoomModule = vi.fn(() => import('../../../src-main/room/room-server'))) {
  dir = mkdtempSync(join(tmpdir(), 'centric-serve-room-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Centric</title>');
  started = await startServer({ port: 0, dir, roomListenHost: '127.0.0.1', participantDir: participantFolder(), loadRoomModule });
  const origin = started.url.replace(/\/$/, '');
  const call = async (action: string, body: unknown, headers: Record<string, string> = { Origin: origin, 'Content-Type': 'application/json' }, method = 'POST') => {
    const response = await fetch(`${origin}/api/host/room/${action}`, {
      method,
      headers,
      body: method === 'POST' && body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(5_000),
    });
    return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
  };
  return { call, origin, loadRoomModule };
}

describe('browser mode host API', () => {
  it('refuses a foreign or missing Origin, other content types and other methods before loading the room server', async () => {
    const { call, origin, loadRoomModule } = await start();
    const open = { workshopId: 'w1', title: 'T', people: [] };
    expect((await call('open', open, { Origin: 'http://evil.example', 'Content-Type': 'application/json' })).status).toBe(403);
    expect((await call('open', open, { Origin: 'http://127.0.0.1:1', 'Content-Type': 'application/json' })).status).toBe(403);
    expect((await call('open', open, { 'Content-Type': 'application/json' })).status).toBe(403);
    expect((await call('open', open, { Origin: origin, 'Content-Type': 'text/plain' })).status).toBe(403);
    expect((await call('status', undefined, { Origin: origin }, 'GET')).status).toBe(405);
    expect(loadRoomModule).not.toHaveBeenCalled();
    expect((await call('nothing', {})).status).toBe(404);
  });

  it('opens, reports, locks, updates, revokes and closes the room', async () => {
    const { call } = await start();
    expect((await call('status', undefined)).body).toBeNull();
    const opened = await call('open', { workshopId: 'w1', title: 'Safari', people: [{ id: 'ana', name: 'Ana' }] });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    const info = opened.body as RoomInfo;
    expect(info.joinUrls).toEqual([`http://127.0.0.1:${info.port}/#t=${info.roomToken}`]);
    expect((await call('status', {})).body).toEqual(info);
    expect(((await call('lock', { locked: true })).body as RoomInfo).locked).toBe(true);
    expect((await call('people', { people: [{ id: 'ben', name: 'Ben' }] })).body).toEqual({ ok: true });
    expect((await call('revoke', { participantId: 'ben' })).body).toEqual({ ok: true });
    expect((await call('lock', { locked: 'no' })).status).toBe(400);
    expect((await call('open', { workshopId: 'w1' })).status).toBe(400);
    // The room's own server answers on its port until closed.
    expect((await fetch(`http://127.0.0.1:${info.port}/`)).status).toBe(200);
    expect((await call('close', undefined)).body).toEqual({ ok: true });
    expect((await call('status', undefined)).body).toBeNull();
    await expect(fetch(`http://127.0.0.1:${info.port}/`)).rejects.toThrow();
    expect((await call('lock', { locked: false })).status).toBe(409);
  });

  it('stopping the server closes the room', async () => {
    const { call } = await start();
    const info = (await call('open', { workshopId: 'w1', title: 'Safari', people: [] })).body as RoomInfo;
    started!.server.closeAllConnections();
    await new Promise((done) => started!.server.close(done));
    await vi.waitFor(() => expect(fetch(`http://127.0.0.1:${info.port}/`)).rejects.toThrow(), { timeout: 5_000 });
  });

  it('says so when the room server is not built', async () => {
    const { call } = await start(vi.fn(() => Promise.reject(Object.assign(new Error('missing'), { code: 'ERR_MODULE_NOT_FOUND' }))));
    const answer = await call('status', undefined);
    expect(answer.status).toBe(503);
    expect((answer.body as { error: string }).error).toMatch(/not built/);
  });
});
