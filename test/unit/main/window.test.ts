// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApp, FakeBrowserWindow, FakeSession, FakeWebContents, resetElectronMock, screenState } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { createAppWindow, MAX_OPEN_WINDOWS } = await import('../../../src-main/window');
const { denyAllPermissions, hardenWebContents } = await import('../../../src-main/security');

let dir: string;
beforeEach(() => {
  resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'centric-window-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function openWindow(extra: { stateFile?: string } = {}): FakeBrowserWindow {
  createAppWindow({ url: 'app://centric/index.html', preloadPath: '/built/preload.cjs', ...extra });
  const win = FakeBrowserWindow.instances.at(-1);
  if (!win) throw new Error('no window created');
  return win;
}

describe('createAppWindow security', () => {
  it('locks down every webPreference that matters', () => {
    const prefs = openWindow().options.webPreferences ?? {};
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/built/preload.cjs',
    });
  });

  it('loads the requested URL and starts hidden until ready-to-show', () => {
    const win = openWindow();
    expect(win.loadURL).toHaveBeenCalledWith('app://centric/index.html');
    expect(win.options.show).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('denies window.open', () => {
    const win = openWindow();
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler?.({ url: 'app://centric/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects to foreign URLs but allows the app origin', () => {
    const contents = openWindow().webContents;
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(contents.navigate(event, 'https://evil.example/')).toBe(true);
      expect(contents.navigate(event, 'file:///etc/passwd')).toBe(true);
      expect(contents.navigate(event, 'app://other/index.html')).toBe(true);
      expect(contents.navigate(event, 'app://centric@evil.example/')).toBe(true);
      expect(contents.navigate(event, 'app://centric/index.html#/library')).toBe(false);
    }
  });

  it('prevents attaching a <webview>', () => {
    const contents = openWindow().webContents;
    expect(contents.navigate('will-attach-webview', 'app://centric/index.html')).toBe(true);
  });

  it("denies every permission on the window's session but full screen for the app's own pages", () => {
    const session = openWindow().webContents.session;
    const granted: boolean[] = [];
    const app = { requestingUrl: 'app://centric/index.html' };
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      session.requestHandler?.(null, permission, (ok) => granted.push(ok), app);
    }
    expect(granted).toEqual([false, false, false, false, false]);
    session.requestHandler?.(null, 'fullscreen', (ok) => granted.push(ok), app);
    session.requestHandler?.(null, 'fullscreen', (ok) => granted.push(ok), { requestingUrl: 'https://evil.example/' });
    session.requestHandler?.(null, 'fullscreen', (ok) => granted.push(ok));
    expect(granted.slice(5)).toEqual([true, false, false]);
    expect(session.checkHandler?.(null, 'media', 'app://centric')).toBe(false);
    expect(session.checkHandler?.(null, 'fullscreen', 'app://centric')).toBe(true);
    expect(session.checkHandler?.(null, 'fullscreen', 'https://evil.example')).toBe(false);
    expect(session.deviceHandler?.({})).toBe(false);
  });
});

describe('hardenWebContents / denyAllPermissions', () => {
  it('is idempotent, so the factory and the web-contents-created hook do not stack listeners', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    hardenWebContents(contents as never);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('uses the injected policy, e.g. to allow the dev server', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, (url) => url.startsWith('http://localhost:5173/'));
    expect(contents.navigate('will-navigate', 'http://localhost:5173/#/x')).toBe(false);
    expect(contents.navigate('will-navigate', 'app://centric/index.html')).toBe(true);
  });

  it('lets a later call with a rule replace the rule of an earlier call', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    hardenWebContents(contents as never, (url) => url === 'app://centric/index.html#/present/abc');
    expect(contents.navigate('will-navigate', 'app://centric/index.html#/present/abc')).toBe(false);
    expect(contents.navigate('will-navigate', 'app://centric/index.html#/library')).toBe(true);
    // A later call without a rule (the generic hook) never widens it back.
    hardenWebContents(contents as never);
    expect(contents.navigate('will-navigate', 'app://centric/index.html#/library')).toBe(true);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it("applies the window's own rule although the app-wide hook hardened its webContents first", () => {
    fakeApp.on('web-contents-created', (_event: unknown, contents: FakeWebContents) => hardenWebContents(contents as never));
    createAppWindow({
      url: 'http://localhost:5173/',
      preloadPath: '/built/preload.cjs',
      isAllowedUrl: (url) => url.startsWith('http://localhost:5173/'),
    });
    const contents = FakeBrowserWindow.instances.at(-1)!.webContents;
    expect(contents.navigate('will-navigate', 'http://localhost:5173/#/library')).toBe(false);
    expect(contents.navigate('will-navigate', 'app://centric/index.html')).toBe(true);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('installs deny handlers on a fresh session', () => {
    const session = new FakeSession();
    denyAllPermissions(session as never);
    let answer: boolean | undefined;
    session.requestHandler?.(null, 'openExternal', (ok) => (answer = ok));
    expect(answer).toBe(false);
  });
});

describe('createAppWindow window cap', () => {
  it(`opens at most MAX_OPEN_WINDOWS windows, and another once one is closed`, () => {
    for (let i = 0; i < MAX_OPEN_WINDOWS; i += 1) openWindow();
    expect(() => openWindow()).toThrow(`Centric already has ${MAX_OPEN_WINDOWS} windows open. Close one to open another.`);
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(MAX_OPEN_WINDOWS);
    FakeBrowserWindow.instances[0]!.destroyed = true;
    openWindow();
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(MAX_OPEN_WINDOWS);
  });
});

describe('createAppWindow bounds memory', () => {
  it('writes bounds and maximized state on close and restores them next time', () => {
    const stateFile = join(dir, 'window-state.json');
    const first = openWindow({ stateFile });
    first.bounds = { x: 100, y: 120, width: 1000, height: 700 };
    first.maximized = true;
    first.emit('close');
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({
      bounds: { x: 100, y: 120, width: 1000, height: 700 },
      isMaximized: true,
    });

    const second = openWindow({ stateFile });
    expect(second.options).toMatchObject({ x: 100, y: 120, width: 1000, height: 700 });
    second.emit('ready-to-show');
    expect(second.maximize).toHaveBeenCalled();
  });

  it('pulls a window saved on a now-missing monitor back onto the primary display', () => {
    const stateFile = join(dir, 'window-state.json');
    const first = openWindow({ stateFile });
    first.bounds = { x: 2500, y: 100, width: 1000, height: 700 };
    first.emit('close');

    screenState.displays = [{ x: 0, y: 0, width: 1440, height: 900 }];
    screenState.primary = { x: 0, y: 0, width: 1440, height: 900 };
    const second = openWindow({ stateFile });
    expect(second.options).toMatchObject({ x: 220, y: 100, width: 1000, height: 700 });
  });

  it('opens centred at the default size without a state file', () => {
    const win = openWindow();
    expect(win.options).toMatchObject({ x: 320, y: 120, width: 1280, height: 800 });
  });
});
