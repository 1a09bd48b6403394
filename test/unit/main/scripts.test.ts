// @vitest-environment node
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectDir = resolve(__dirname, '../../..');
const serveScript = join(projectDir, 'scripts/serve.mjs');
const startScript = join(projectDir, 'scripts/start.mjs');

let base: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'centric-scripts-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function startServe(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [serveScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Centric \(browser mode\): (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out);
      if (match?.[1]) resolvePromise({ child, url: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
  });
}

describe('scripts/serve.mjs', () => {
  let root: string;
  let server: { child: ChildProcess; url: string };

  beforeAll(async () => {
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Centric</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(base, 'secret.txt'), 'top secret');
    server = await startServe(['--port', '0', '--dir', root]);
  });

  it('serves / as index.html on 127.0.0.1 with nosniff', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Centric</title>');
  });

  it('gives scripts a JavaScript content type', async () => {
    const response = await fetch(`${server.url}assets/app.js`);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses path traversal and other methods', async () => {
    for (const path of ['%2e%2e%2fsecret.txt', 'assets/..%2f..%2fsecret.txt', 'missing.js']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('top secret');
    }
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });

  it('exits cleanly on SIGINT', async () => {
    const exited = new Promise<number | null>((r) => server.child.on('exit', (code) => r(code)));
    server.child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('refuses a folder without a built app and unknown options', () => {
    const empty = spawnSync(process.execPath, [serveScript, '--port', '0', '--dir', base], { encoding: 'utf8' });
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('index.html missing');
    const unknown = spawnSync(process.execPath, [serveScript, '--host', '0.0.0.0'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown option --host');
  });
});

describe('scripts/start.mjs environment', () => {
  it('never passes a dev-server URL to the built app it runs', async () => {
    const { electronEnv } = await import('../../../scripts/start.mjs');
    const env = electronEnv({ PATH: '/usr/bin', ELECTRON_RENDERER_URL: 'https://evil.example/' });
    expect(env).toEqual({ PATH: '/usr/bin' });
  });
});

describe('scripts/start.mjs electron detection', () => {
  function fakeElectronPackage(name: string, options: { pathTxt?: boolean; binary?: boolean }): string {
    const dir = join(base, name);
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
    // Mimics electron's index.js: a missing binary triggers a "download" (here: a marker file).
    writeFileSync(
      join(dir, 'index.js'),
      `const fs = require('fs'); const p = require('path');
       const bin = p.join(__dirname, 'dist', 'electron');
       if (!fs.existsSync(bin)) fs.writeFileSync(p.join(__dirname, 'DOWNLOAD_ATTEMPTED'), '');
       module.exports = bin;`,
    );
    if (options.pathTxt) writeFileSync(join(dir, 'path.txt'), 'electron');
    if (options.binary) writeFileSync(join(dir, 'dist', 'electron'), '');
    return dir;
  }

  function detect(dir: string): string | null {
    const code = `import { findElectronBinary } from ${JSON.stringify(startScript)};
      process.stdout.write(JSON.stringify(findElectronBinary(${JSON.stringify(dir)})));`;
    const env = { ...process.env };
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as string | null;
  }

  it('reports a missing binary without triggering a download', () => {
    const noPathTxt = fakeElectronPackage('no-path-txt', {});
    const noBinary = fakeElectronPackage('no-binary', { pathTxt: true });
    expect(detect(noPathTxt)).toBeNull();
    expect(detect(noBinary)).toBeNull();
    expect(existsSync(join(noPathTxt, 'DOWNLOAD_ATTEMPTED'))).toBe(false);
    expect(existsSync(join(noBinary, 'DOWNLOAD_ATTEMPTED'))).toBe(false);
  });

  it('finds an installed binary', () => {
    const installed = fakeElectronPackage('installed', { pathTxt: true, binary: true });
    expect(detect(installed)).toBe(join(installed, 'dist', 'electron'));
  });
});
