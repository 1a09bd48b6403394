// @vitest-environment node
// The room server's HTTP side (what a phone on the LAN can ask): the participant page and nothing
// else, the join API with its checks and rate limit, and the headers on every answer.
import { request } from 'node:http';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lanAddresses, validRoomHost } from '../../../src-main/room/room-server';
import { closeAll, openRoom, participantFolder, post } from './room-helpers';

afterEach(closeAll);

/** A raw GET: the path goes out exactly as written (fetch would normalise ../). */
function rawGet(port: number, path: string, host = `127.0.0.1:${port}`) {
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host }, timeout: 5_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the participant page', () => {
  it('serves index.html and assets with the strict CSP, and nothing else', async () => {
    const dir = participantFolder();
    symlinkSync(join(dir, '..', 'secret.txt'), join(dir, 'assets', 'link.txt'));
    const { info } = await openRoom({}, dir);
    const port = info.port;

    const page = await rawGet(port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Join</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(
      `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self' ws://127.0.0.1:${port}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await rawGet(port, '/index.html')).status).toBe(200);
    const script = await rawGet(port, '/assets/app.js');
    expect([script.status, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);

    for (const path of ['/assets/../../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/other.txt', '/secret.txt', '/assets/link.txt', '/assets/', '/favicon.ico', '/assets/%00.js']) {
      const answer = await rawGet(port, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('secret');
    }
    expect((await fetch(`http://127.0.0.1:${port}/`, { method: 'PUT' })).status).toBe(405);
  });

  it('answers 503 when the page is not built', async () => {
    const { info } = await openRoom({}, join(participantFolder(), 'missing'));
    const answer = await rawGet(info.port, '/');
    expect([answer.status, answer.body]).toEqual([503, 'participant page not built']);
  });

  it('refuses a Host header that is not this server by address', async () => {
    const { info } = await openRoom();
    for (const host of ['evil.example:' + info.port, `127.0.0.1:${info.port + 1}`, '999.1.1.1:' + info.port, 'localhost']) {
      const answer = await rawGet(info.port, '/', host);
      expect(answer.status, host).toBe(400);
      expect(answer.headers['content-security-policy']).toContain("connect-src 'self';");
    }
    expect((await rawGet(info.port, '/', `localhost:${info.port}`)).status).toBe(200);
    expect(validRoomHost('192.168.1.20:8080', 8080)).toBe('192.168.1.20:8080');
  });
});

describe('the join API', () => {
  it('turns a code into the room token, shows the room, and enters people', async () => {
    const { info, base } = await openRoom();
    const typed = `${info.code.slice(0, 3).toLowerCase()}-${info.code.slice(3)}`;
    const code = await post(base, '/api/code', { code: typed });
    expect(code.status).toBe(200);
    expect(code.body).toEqual({ roomToken: info.roomToken });
    expect(code.headers.get('cache-control')).toBe('no-store');
    expect(code.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

    const room = await post(base, '/api/room', { roomToken: info.roomToken });
    expect(room.body).toEqual({ roomId: info.roomId, title: 'Service safari', people: [{ id: 'ana', name: 'Ana' }, { id: 'ben', name: 'Ben' }] });

    const ana = await post(base, '/api/enter', { roomToken: info.roomToken, name: 'Whoever', participantId: 'ana' });
    expect(ana.body).toMatchObject({ roomId: info.roomId, participantId: 'ana' });
    // The same person from a second device gets the same identity.
    const again = await post(base, '/api/enter', { roomToken: info.roomToken, name: 'Ana', participantId: 'ana' });
    expect(again.body.token).toBe(ana.body.token);

    const newcomer = await post(base, '/api/enter', { roomToken: info.roomToken, name: '  Zoë\u0007 ' });
    expect(newcomer.status).toBe(200);
    expect(newcomer.body.participantId).toMatch(/^[A-Za-z0-9_-]{12,}$/);
    expect(newcomer.body.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // …and may come back after clearing the phone, by the id it was given.
    const back = await post(base, '/api/enter', { roomToken: info.roomToken, name: 'Zoë', participantId: newcomer.body.participantId });
    expect(back.body.token).toBe(newcomer.body.token);

    const unknown = await post(base, '/api/enter', { roomToken: info.roomToken, name: 'X', participantId: 'nobody' });
    expect(unknown.status).toBe(404);
    const wrongRoom = await post(base, '/api/room', { roomToken: 'A'.repeat(22) });
    expect(wrongRoom.status).toBe(403);
    expect(typeof wrongRoom.body.error).toBe('string');
  });

  it('rate-limits wrong codes per address', async () => {
    const { info, base } = await openRoom({ joinTriesPerMinute: 3 });
    const wrong = info.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    for (let i = 0; i < 3; i++) expect((await post(base, '/api/code', { code: wrong })).status).toBe(403);
    const limited = await post(base, '/api/code', { code: info.code });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatch(/Wait a minute/);
  });

  it('refuses bad bodies, other content types, foreign origins and other methods', async () => {
    const { info, base } = await openRoom();
    expect((await post(base, '/api/room', '{not json')).status).toBe(400);
    expect((await post(base, '/api/room', { roomToken: info.roomToken, extra: 1 })).status).toBe(400);
    expect((await post(base, '/api/enter', { roomToken: info.roomToken, name: 'x'.repeat(81) })).status).toBe(400);
    expect((await post(base, '/api/room', { roomToken: info.roomToken }, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post(base, '/api/room', { roomToken: info.roomToken }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(base, '/api/room', { roomToken: info.roomToken }, { Origin: base })).status).toBe(200);
    expect((await post(base, '/api/room', JSON.stringify({ roomToken: info.roomToken, pad: 'x'.repeat(9_000) }))).status).toBe(413);
    expect((await post(base, '/api/nothing', {})).status).toBe(404);
    expect((await fetch(`${base}/api/room`)).status).toBe(405);
  });
});

describe('join addresses', () => {
  it('puts private LAN addresses first and virtual adapters last', () => {
    const entry = (address: string, internal = false) => ({ address, family: 'IPv4' as const, internal, netmask: '', mac: '', cidr: null });
    expect(
      lanAddresses({
        lo: [entry('127.0.0.1', true)],
        docker0: [entry('172.17.0.1')],
        eth1: [entry('8.8.4.4')],
        wlan0: [entry('192.168.1.23')],
        eth0: [entry('10.0.0.5')],
        v6: [{ ...entry('fe80::1'), family: 'IPv6' as const, scopeid: 0 }],
      }),
    ).toEqual(['192.168.1.23', '10.0.0.5', '8.8.4.4', '172.17.0.1']);
  });
});
