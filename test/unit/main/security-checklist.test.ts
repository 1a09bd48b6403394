// @vitest-environment node
// Electron's security checklist, item by item, for the items that apply to Centric. Each test
// checks the real configuration or code path; the detailed behaviour is tested beside each module.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeWebContents, resetElectronMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { createAppWindow } = await import('../../../src-main/window');
const { hardenWebContents, isPermissionAllowed } = await import('../../../src-main/security');
const { contentSecurityPolicy } = await import('../../../src-main/csp');
const { appSchemePrivileges, createAppProtocolHandler } = await import('../../../src-main/app-protocol');
const { createHandleIpc } = await import('../../../src-main/ipc');

const root = join(__dirname, '../../..');
const mainSources = readdirSync(join(root, 'src-main'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(root, 'src-main', f), 'utf8') }));

beforeEach(() => resetElectronMock());

function prefs() {
  createAppWindow({ url: 'app://centric/index.html', preloadPath: '/p.cjs' });
  return FakeBrowserWindow.instances.at(-1)!.options.webPreferences ?? {};
}

describe('Electron security checklist', () => {
  it('2. no Node.js integration for remote or local content', () => {
    expect(prefs()).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('3. context isolation on', () => {
    expect(prefs().contextIsolation).toBe(true);
  });

  it('4. process sandboxing on', () => {
    expect(prefs().sandbox).toBe(true);
  });

  it('5. permission requests handled: only full screen, only for the app itself', () => {
    expect(isPermissionAllowed('media', 'app://centric/index.html')).toBe(false);
    expect(isPermissionAllowed('notifications', 'app://centric/index.html')).toBe(false);
    expect(isPermissionAllowed('fullscreen', 'https://example.com/')).toBe(false);
    expect(isPermissionAllowed('fullscreen', 'app://centric/index.html')).toBe(true);
  });

  it('6. webSecurity stays on; 8. no insecure content', () => {
    expect(prefs()).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false });
  });

  it('7. a Content-Security-Policy without inline or eval scripts, no plugins, no framing', () => {
    const directives = Object.fromEntries(contentSecurityPolicy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    // The one wildcard: the room server's port on loopback (it is picked when a room opens).
    expect(directives['connect-src']).toEqual(["'self'", 'ws://127.0.0.1:*']);
    expect(contentSecurityPolicy.replace('ws://127.0.0.1:*', '')).not.toMatch(/unsafe-eval|https?:|wss?:|\*/);
  });

  it('7b. the CSP is sent with every app:// response', async () => {
    const handler = createAppProtocolHandler(join(root, 'src-renderer'));
    const res = await handler(new Request('app://centric/index.html'));
    expect(res.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
  });

  it('9. no experimental features and no Blink features switched on', () => {
    const p = prefs();
    expect(p.experimentalFeatures ?? false).toBe(false);
    expect(p.enableBlinkFeatures).toBeUndefined();
  });

  it('10. no <webview>: the tag is disabled and attaching one is prevented', () => {
    expect(prefs().webviewTag).toBe(false);
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    expect(contents.navigate('will-attach-webview', 'app://centric/index.html')).toBe(true);
  });

  it('13. navigation limited to the app; 14. new windows denied', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://centric/index.html#/settings')).toBe(false);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('15. shell.openExternal is never called with content from the page', () => {
    // Centric opens no external URL at all: there is no call site to allow-list.
    for (const { file, text } of mainSources) expect(text, file).not.toMatch(/openExternal\s*\(/);
  });

  it('17. the sender of every IPC message is validated', async () => {
    const handle = createHandleIpc({ 'app:version': async () => '1.0.0' } as never);
    const foreign = { senderFrame: { url: 'https://example.com/', parent: null } } as never;
    await expect(handle('app:version', foreign, undefined)).rejects.toThrow(/did not come from a Centric page/);
    const ours = { senderFrame: { url: 'app://centric/index.html', parent: null } } as never;
    await expect(handle('app:version', ours, undefined)).resolves.toBe('1.0.0');
  });

  it('18. the app is served from a custom protocol, not file://', () => {
    expect(appSchemePrivileges[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    for (const { file, text } of mainSources) expect(text, file).not.toMatch(/loadFile\(|file:\/\//);
  });

  it('20. preload exposes no raw ipcRenderer and no Node API', () => {
    const preload = mainSources.find((s) => s.file === 'preload.ts')!.text + mainSources.find((s) => s.file === 'preload-bridge.ts')!.text;
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    expect(preload).not.toMatch(/require\(['"](fs|child_process|path)['"]\)/);
  });

  it('fuses in the packaging config: RunAsNode off, NODE_OPTIONS and inspect off, cookie encryption on, ASAR integrity and ASAR-only on', () => {
    const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as { electronFuses: Record<string, boolean>; asar: boolean };
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packaging is configured for Linux, Windows and macOS', () => {
    const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as Record<string, { target?: unknown }>;
    expect(config.linux?.target).toBeTruthy();
    expect(config.win?.target).toBeTruthy();
    expect(config.mac?.target).toBeTruthy();
  });
});
