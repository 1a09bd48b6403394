// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, fakeApp, FakeBrowserWindow, FakeWebContents, resetElectronMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);
// The room server would listen on the LAN: main's wiring is tested against a stand-in.
const rooms = vi.hoisted(() => ({ created: [] as { participantDir: string; open: boolean; closed: number }[] }));
vi.mock('../../../src-main/room/room-server', () => ({
  RoomHost: class {
    state: { participantDir: string; open: boolean; closed: number };
    constructor(options: { participantDir: string }) {
      this.state = { participantDir: options.participantDir, open: false, closed: 0 };
      rooms.created.push(this.state);
    }
    async open(request: { workshopId: string }) {
      this.state.open = true;
      return { workshopId: request.workshopId };
    }
    async close() {
      this.state.open = false;
      this.state.closed += 1;
    }
    status() {
      return this.state.open ? { workshopId: 'w1' } : null;
    }
  },
}));

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('../../../src-main/index');
  // Let the whenReady().then(...) chain run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The function main registered with ipcMain.handle for `channel`. */
function ipcHandler(channel: string): (event: unknown, payload: unknown) => Promise<unknown> {
  const call = electronMock.ipcMain.handle.mock.calls.find((c) => c[0] === channel);
  if (!call) throw new Error(`no handler for ${channel}`);
  return async (event, payload) => (call[1] as (e: unknown, p: unknown) => unknown)(event, payload);
}

function senderAt(url: string): unknown {
  return { senderFrame: { url, parent: null }, sender: {} };
}

beforeEach(() => {
  resetElectronMock();
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('main entry wiring', () => {
  it('registers the app scheme, names the app and opens the main window at app://centric', async () => {
    await startMain();
    expect(fakeApp.setName).toHaveBeenCalledWith('Centric');
    expect(electronMock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(electronMock.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electronMock.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('app://centric/index.html');
    expect(String(FakeBrowserWindow.instances[0]?.options.webPreferences?.preload)).toMatch(/preload[\\/]preload\.cjs$/);
  });

  it('registers a handler for each contract channel and nothing else', async () => {
    const { ipcChannels } = await import('../../../src-main/ipc-contract');
    await startMain();
    const channels = electronMock.ipcMain.handle.mock.calls.map((call) => call[0]);
    expect(channels.sort()).toEqual([...ipcChannels].sort());
  });

  it('denies permissions on the default session', async () => {
    await startMain();
    expect(electronMock.session.defaultSession.checkHandler?.(null, 'media')).toBe(false);
  });

  it('guards every webContents created later', async () => {
    await startMain();
    const contents = new FakeWebContents();
    fakeApp.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({})).toEqual({ action: 'deny' });
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
  });

  it('loads the dev server in development', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    await startMain();
    expect(FakeBrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    delete process.env.ELECTRON_RENDERER_URL;
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged build: loads, navigates and answers IPC for app://centric only', async () => {
    fakeApp.isPackaged = true;
    process.env.ELECTRON_RENDERER_URL = 'https://evil.example/';
    await startMain();
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.loadURL).toHaveBeenCalledWith('app://centric/index.html');
    expect(win.webContents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    const list = ipcHandler('snapshot:list');
    await expect(list(senderAt('https://evil.example/'), undefined)).rejects.toThrow(/did not come from a Centric page/);
    await expect(list(senderAt('app://centric/index.html'), undefined)).resolves.toEqual(expect.any(Array));
    await ipcHandler('window:open')(senderAt('app://centric/index.html'), { route: '#/present/abc' });
    expect(FakeBrowserWindow.instances[1]?.loadURL).toHaveBeenCalledWith('app://centric/index.html#/present/abc');
    let fullscreen: boolean | undefined;
    electronMock.session.defaultSession.requestHandler?.(null, 'fullscreen', (ok) => (fullscreen = ok), { requestingUrl: 'https://evil.example/' });
    expect(fullscreen).toBe(false);
  });

  it('trusts the dev server over IPC and in navigation when not packaged', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    await startMain();
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.webContents.navigate('will-navigate', 'http://localhost:5173/#/library')).toBe(false);
    await expect(ipcHandler('app:version')(senderAt('http://localhost:5173/'), undefined)).resolves.toBe('9.8.7');
    await ipcHandler('window:open')(senderAt('http://localhost:5173/'), { route: '#/present/abc' });
    expect(FakeBrowserWindow.instances[1]?.loadURL).toHaveBeenCalledWith('http://localhost:5173/#/present/abc');
  });

  it('refuses window:open once 8 windows are open', async () => {
    await startMain();
    const open = ipcHandler('window:open');
    const app = senderAt('app://centric/index.html');
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => open(app, { route: '#/present/abc' })));
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(8);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    expect(results.at(-1)).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/already has 8 windows open/) } });
  });

  it('as a second instance quits without opening a window', async () => {
    fakeApp.requestSingleInstanceLock.mockReturnValueOnce(false);
    await startMain();
    expect(fakeApp.quit).toHaveBeenCalled();
    expect(fakeApp.whenReady).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await startMain();
    fakeApp.emit('second-instance');
    expect(FakeBrowserWindow.instances[0]?.focus).toHaveBeenCalled();
  });

  it('creates the room server on first use, next to the built app, and closes the room before quitting', async () => {
    rooms.created.length = 0;
    await startMain();
    const app = senderAt('app://centric/index.html');
    // Quitting with no room: nothing to wait for.
    const idle = { preventDefault: vi.fn() };
    fakeApp.emit('will-quit', idle);
    expect(idle.preventDefault).not.toHaveBeenCalled();
    expect(rooms.created).toHaveLength(0);

    await expect(ipcHandler('room:open')(app, { workshopId: 'w1', title: 'Safari', people: [] })).resolves.toEqual({ workshopId: 'w1' });
    expect(rooms.created).toHaveLength(1);
    expect(rooms.created[0]?.participantDir).toMatch(/out[\\/]participant$|participant$/);
    const quitting = { preventDefault: vi.fn() };
    fakeApp.emit('will-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fakeApp.quit).toHaveBeenCalled());
    expect(rooms.created[0]?.closed).toBe(1);
    await expect(ipcHandler('room:status')(app, undefined)).resolves.toBeNull();
  });

  it('quits when all windows close except on macOS, and re-creates a window on activate', async () => {
    await startMain();
    fakeApp.emit('window-all-closed');
    expect(fakeApp.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
    FakeBrowserWindow.instances[0]!.destroyed = true;
    fakeApp.emit('activate');
    expect(FakeBrowserWindow.instances).toHaveLength(2);
  });
});
