// @vitest-environment node
// Browser mode's server, in process: what every response carries and where it listens.
// Requests go to 127.0.0.1 only, to the port the OS picked.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES, startServer } from '../../../scripts/serve.mjs';
import { contentTypes } from '../../../src-main/content-types';
import { contentSecurityPolicy } from '../../../src-main/csp';

let base: string;
let server: Server;
let url: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'centric-serve-'));
  mkdirSync(join(base, 'assets'));
  writeFileSync(join(base, 'index.html'), '<!doctype html><title>Centric</title>');
  writeFileSync(join(base, 'assets', 'app.js'), 'console.log(1)');
  ({ server, url } = await startServer({ port: 0, dir: base }));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(base, { recursive: true, force: true });
});

function get(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${url}${path}`, { ...init, signal: AbortSignal.timeout(5_000) });
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('refuses to listen anywhere else', async () => {
    await expect(startServer({ port: 0, dir: base, host: '0.0.0.0' })).rejects.toThrow(
      'Browser mode listens on 127.0.0.1 only, not 0.0.0.0.',
    );
  });

  it.each([
    ['the page', '', 200],
    ['a script', 'assets/app.js', 200],
    ['a missing file', 'missing.js', 404],
  ])('sends the CSP, no framing and nosniff with %s', async (_name, path, status) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp.split(/;\s*/)).toContain("frame-ancestors 'none'");
    expect(csp.split(/;\s*/)).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('sends the headers on a refused method too', async () => {
    const response = await get('', { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it("sends the same policy the desktop app's pages carry, so the app behaves the same in both", async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(contentSecurityPolicy);
    expect((await get('')).headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('types files as the desktop app and the room server do (one table, copied here)', () => {
    expect(CONTENT_TYPES).toEqual(contentTypes);
  });
});
