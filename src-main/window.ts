// Owns the one way to make an app window: the locked-down webPreferences, the guards and,
// for the main window, remembered bounds. Must never relax a security preference per window.
import { BrowserWindow, screen } from 'electron';
import { denyAllPermissions, hardenWebContents, type UrlPolicy } from './security';
import { initialBounds, MIN_SIZE, readWindowState, writeWindowState } from './window-state';
import { isAppUrl } from './app-origin';

/**
 * Most app windows open at once. A workshop needs the main window, a presenter view and perhaps
 * a few more screens; 8 leaves room for that, while a renderer looping on window:open cannot
 * exhaust memory with hundreds of Chromium renderers.
 */
export const MAX_OPEN_WINDOWS = 8;

export interface AppWindowOptions {
  /** app://centric/index.html(#/route) or, in development, the dev server URL. */
  url: string;
  /** Absolute path of the built CommonJS preload. */
  preloadPath: string;
  /** When set, bounds are restored from and saved to this JSON file. */
  stateFile?: string;
  /** Which URLs the window may navigate to; defaults to the app's own origin. */
  isAllowedUrl?: UrlPolicy;
}

/** Fixed for every window: the renderer is untrusted input as far as Node is concerned. */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: true,
} as const;

/** Throws, with a message the renderer can show, when MAX_OPEN_WINDOWS are already open. */
export function createAppWindow(options: AppWindowOptions): BrowserWindow {
  if (BrowserWindow.getAllWindows().length >= MAX_OPEN_WINDOWS) {
    throw new Error(`Centric already has ${MAX_OPEN_WINDOWS} windows open. Close one to open another.`);
  }
  const isAllowedUrl = options.isAllowedUrl ?? ((url: string) => isAppUrl(url));
  const saved = options.stateFile ? readWindowState(options.stateFile) : null;
  const primary = screen.getPrimaryDisplay().workArea;
  const state = initialBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
    primary,
  );

  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Centric',
    // Shown on ready-to-show so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: { ...secureWebPreferences, preload: options.preloadPath },
  });

  hardenWebContents(win.webContents, isAllowedUrl);
  denyAllPermissions(win.webContents.session, isAllowedUrl);

  win.once('ready-to-show', () => {
    if (state.isMaximized) win.maximize();
    win.show();
  });

  const stateFile = options.stateFile;
  if (stateFile) {
    win.on('close', () => {
      try {
        writeWindowState(stateFile, { bounds: win.getNormalBounds(), isMaximized: win.isMaximized() });
      } catch (error) {
        // Losing the window position is not worth blocking the close.
        console.error('Could not remember the window position:', error);
      }
    });
  }

  win.loadURL(options.url).catch((error: unknown) => {
    console.error(`Could not load ${options.url}:`, error);
  });
  return win;
}
