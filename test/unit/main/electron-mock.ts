// A stand-in for the 'electron' module, just deep enough for main-process unit tests.
// Must never grow behaviour the tests then end up testing instead of src-main.
// Kept on globalThis so vi.resetModules() (used to re-run entry modules) keeps one shared fake.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function createElectronMock() {
  class FakeSession {
    requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void, details?: { requestingUrl?: string }) => void) | null = null;
    checkHandler: ((...args: unknown[]) => boolean) | null = null;
    deviceHandler: ((...args: unknown[]) => boolean) | null = null;
    setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
      this.requestHandler = handler;
    }
    setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
      this.checkHandler = handler;
    }
    setDevicePermissionHandler(handler: FakeSession['deviceHandler']): void {
      this.deviceHandler = handler;
    }
  }

  const defaultSession = new FakeSession();

  class FakeWebContents extends EventEmitter {
    windowOpenHandler: ((details: unknown) => unknown) | null = null;
    // A fresh session per webContents, so tests can tell the default session apart.
    session: FakeSession = new FakeSession();
    send = vi.fn();
    setWindowOpenHandler(handler: (details: unknown) => unknown): void {
      this.windowOpenHandler = handler;
    }
    /** Emits a navigation event the way Electron does and reports whether it was prevented. */
    navigate(eventName: string, url: string): boolean {
      let prevented = false;
      const event = { url, preventDefault: () => (prevented = true) };
      this.emit(eventName, event, url);
      return prevented;
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static instances: FakeBrowserWindow[] = [];
    static focused: FakeBrowserWindow | null = null;
    static getFocusedWindow(): FakeBrowserWindow | null {
      return FakeBrowserWindow.focused;
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
    }
    static fromWebContents(contents: unknown): FakeBrowserWindow | null {
      return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
    }

    webContents = new FakeWebContents();
    bounds: FakeRect;
    maximized = false;
    minimized = false;
    destroyed = false;
    loadURL = vi.fn<(url: string) => Promise<void>>(async () => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn(() => {
      this.minimized = false;
    });
    maximize = vi.fn(() => {
      this.maximized = true;
    });

    constructor(public options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
      super();
      this.bounds = {
        x: Number(options.x ?? 0),
        y: Number(options.y ?? 0),
        width: Number(options.width ?? 800),
        height: Number(options.height ?? 600),
      };
      FakeBrowserWindow.instances.push(this);
      // Electron announces a new webContents from inside the BrowserWindow constructor, so the
      // app-wide hook runs before the code that created the window gets it back.
      fakeApp.emit('web-contents-created', {}, this.webContents);
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    getNormalBounds(): FakeRect {
      return { ...this.bounds };
    }
  }

  const screenState: { displays: FakeRect[]; primary: FakeRect } = {
    displays: [{ x: 0, y: 0, width: 1920, height: 1040 }],
    primary: { x: 0, y: 0, width: 1920, height: 1040 },
  };

  const fakeApp = Object.assign(new EventEmitter(), {
    name: 'Centric',
    isPackaged: false,
    getVersion: vi.fn(() => '9.8.7'),
    getPath: vi.fn<(name: string) => string>(() => '/tmp/centric-test-user-data'),
    setName: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    showAboutPanel: vi.fn(),
    setAboutPanelOptions: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
  });

  const electronMock = {
    app: fakeApp,
    BrowserWindow: FakeBrowserWindow,
    screen: {
      getPrimaryDisplay: () => ({ workArea: screenState.primary }),
      getAllDisplays: () => screenState.displays.map((workArea) => ({ workArea })),
    },
    session: { defaultSession },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn() },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => 'ok'), on: vi.fn(), removeListener: vi.fn() },
  };

  function resetElectronMock(): void {
    FakeBrowserWindow.instances = [];
    FakeBrowserWindow.focused = null;
    fakeApp.removeAllListeners();
    fakeApp.isPackaged = false;
    screenState.displays = [{ x: 0, y: 0, width: 1920, height: 1040 }];
    screenState.primary = { x: 0, y: 0, width: 1920, height: 1040 };
    defaultSession.requestHandler = null;
    defaultSession.checkHandler = null;
    defaultSession.deviceHandler = null;
    vi.clearAllMocks();
  }

  return {
    FakeSession,
    defaultSession,
    FakeWebContents,
    FakeBrowserWindow,
    screenState,
    fakeApp,
    electronMock,
    resetElectronMock,
  };
}

type ElectronMockKit = ReturnType<typeof createElectronMock>;
const holder = globalThis as typeof globalThis & { __centricElectronMock?: ElectronMockKit };
const kit = (holder.__centricElectronMock ??= createElectronMock());

export const {
  FakeSession,
  defaultSession,
  FakeWebContents,
  FakeBrowserWindow,
  screenState,
  fakeApp,
  electronMock,
  resetElectronMock,
} = kit;
export type FakeSession = InstanceType<ElectronMockKit['FakeSession']>;
export type FakeWebContents = InstanceType<ElectronMockKit['FakeWebContents']>;
export type FakeBrowserWindow = InstanceType<ElectronMockKit['FakeBrowserWindow']>;
