// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appSchemePrivileges,
  createAppProtocolHandler,
  registerAppProtocol,
  resolveAppPath,
} from '../../../src-main/app-protocol';
import { contentSecurityPolicy } from '../../../src-main/csp';

let base: string;
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'centric-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Centric</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'x');
  writeFileSync(join(root, 'assets', 'blob.xyz'), 'x');
  writeFileSync(join(base, 'secret.txt'), 'top secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'link.txt'));
  serve = createAppProtocolHandler(root);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string): Promise<Response> => serve(new Request(url));

describe('app:// protocol', () => {
  it('is registered as a standard, secure, fetch-capable scheme', () => {
    expect(appSchemePrivileges).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves index.html with the CSP header and an HTML content type', async () => {
    const response = await get('app://centric/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Centric</title>');
  });

  it('serves / as index.html and ignores the hash route', async () => {
    expect(await (await get('app://centric/')).text()).toContain('Centric');
    expect((await get('app://centric/index.html#/present/abc')).status).toBe(200);
  });

  it.each([
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/blob.xyz', 'application/octet-stream'],
  ])('gives %s the content type %s', async (path, type) => {
    const response = await get(`app://centric/${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it.each([
    'app://centric/../secret.txt',
    'app://centric/%2e%2e/secret.txt',
    'app://centric/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://centric/..%5csecret.txt',
    'app://centric/link.txt',
  ])('refuses to leave the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('top secret');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('refuses unknown hosts, missing files, folders and malformed escapes', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://centric/nope.js')).status).toBe(404);
    expect((await get('app://centric/assets/')).status).toBe(404);
    expect((await get('app://centric/%E0%A4%A')).status).toBe(404);
  });

  it('resolves only paths inside the root', () => {
    expect(resolveAppPath('app://centric/assets/app.js', root)).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppPath('app://centric/assets/%2e%2e%2f%2e%2e%2fsecret.txt', root)).toBeNull();
    // The URL parser already folds dot segments, so this one stays inside the root.
    expect(resolveAppPath('app://centric/%2e%2e/secret.txt', root)).toBe(join(root, 'secret.txt'));
    expect(resolveAppPath('https://centric/index.html', root)).toBeNull();
    expect(resolveAppPath('app://centric/a%00b', root)).toBeNull();
  });

  it('registers its handler for the app scheme', async () => {
    const calls: [string, (r: Request) => Promise<Response>][] = [];
    registerAppProtocol({ handle: (scheme: string, h: never) => calls.push([scheme, h]) } as never, root);
    expect(calls[0]?.[0]).toBe('app');
    expect((await calls[0]![1](new Request('app://centric/index.html'))).status).toBe(200);
  });
});
