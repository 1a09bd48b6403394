// Main-process entry: wires the pieces together in the order Electron requires.
// Must stay thin: no file formats, no business logic, nothing the renderer could do itself.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { appSchemePrivileges, registerAppProtocol } from './app-protocol';
import { APP_ENTRY_URL, appUrlForRoute, isAppUrl, resolveDevServerUrl } from './app-origin';
import { createHandleIpc, createIpcHandlers, registerIpc } from './ipc';
import { installAppMenu } from './menu';
import { participantDir, preloadPath, rendererDir } from './paths';
import { RoomHost } from './room/room-server';
import { fileRoomPersistence } from './room/room-file';
import { denyAllPermissions, hardenWebContents } from './security';
import { claimSingleInstance } from './single-instance';
import { createSnapshotStore } from './snapshots';
import { createAppWindow } from './window';

app.setName('Centric');
// Privileged schemes must be declared before 'ready', i.e. during module evaluation.
protocol.registerSchemesAsPrivileged(appSchemePrivileges);

let mainWindow: BrowserWindow | null = null;
// The room server exists only once a room is asked for; it listens only while a room is open.
let roomHost: RoomHost | null = null;
// A room open when the app crashed resumes with the same link when it is opened again.
const room = (): RoomHost => (roomHost ??= new RoomHost({ participantDir, persist: fileRoomPersistence(join(app.getPath('userData'), 'room.json')) }));
// Decided once, here: every guard below trusts exactly this origin besides app://centric.
const devServerUrl = resolveDevServerUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
const isTrustedUrl = (url: string): boolean => isAppUrl(url, devServerUrl);

function openMainWindow(): BrowserWindow {
  const win = createAppWindow({
    url: devServerUrl ?? APP_ENTRY_URL,
    preloadPath,
    isAllowedUrl: isTrustedUrl,
    stateFile: join(app.getPath('userData'), 'window-state.json'),
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  return win;
}

function openSecondaryWindow(route: string): void {
  createAppWindow({ url: appUrlForRoute(route, devServerUrl), preloadPath, isAllowedUrl: isTrustedUrl });
}

if (claimSingleInstance(app, () => mainWindow)) {
  // Every webContents, including ones we did not create directly, gets the same guards.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isTrustedUrl));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting closes the room first, so phones see the room end rather than a dead address.
  app.on('will-quit', (event) => {
    if (!roomHost?.status()) return;
    event.preventDefault();
    const host = roomHost;
    void host
      .close()
      .catch((error: unknown) => console.error('Closing the room failed:', error))
      .finally(() => app.quit());
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      app.setAboutPanelOptions({ applicationName: 'Centric', applicationVersion: app.getVersion() });
      registerAppProtocol(protocol, rendererDir);
      denyAllPermissions(session.defaultSession, isTrustedUrl);
      registerIpc(
        ipcMain,
        createHandleIpc(
          createIpcHandlers({
            appVersion: () => app.getVersion(),
            dialogs: {
              showSaveDialog: (owner, options) =>
                owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options),
              showOpenDialog: (owner, options) =>
                owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options),
            },
            ownerOf: (event) => BrowserWindow.fromWebContents(event.sender),
            snapshots: createSnapshotStore(join(app.getPath('userData'), 'snapshots')),
            openWindow: openSecondaryWindow,
            room,
          }),
          isTrustedUrl,
        ),
      );
      installAppMenu();
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('Centric failed to start:', error);
      app.exit(1);
    });
}
