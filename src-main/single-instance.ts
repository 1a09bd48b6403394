// Owns "one Centric at a time": two instances would race on the same IndexedDB and files.
// Must never create a window itself; it only brings the existing one forward.
import type { App, BrowserWindow } from 'electron';

/**
 * Returns false (after asking the app to quit) when another instance already holds the lock;
 * otherwise focuses the main window whenever a second launch is attempted.
 */
export function claimSingleInstance(app: App, getMainWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = getMainWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
