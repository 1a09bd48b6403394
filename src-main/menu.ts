// Owns the application menu. Undo/redo and app commands go to the renderer, which owns the
// history and the screens; the menu must never change documents itself.
import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from './ipc-contract';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Reload and devtools are for development builds only. */
  isPackaged: boolean;
  /** Delivers a command to the renderer of the focused window. */
  send: (command: MenuCommand) => void;
  /** Shows the About panel where there is no native 'about' role (Windows, Linux). */
  showAbout: () => void;
}

/** Sends a menu command to whichever app window has focus; nothing happens when none has. */
export function sendToFocusedWindow(command: MenuCommand): void {
  const win = BrowserWindow.getFocusedWindow();
  if (win && !win.isDestroyed()) win.webContents.send(MENU_CHANNEL, command);
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { appName, isMac, isPackaged, send, showAbout } = options;
  const settings: MenuItemConstructorOptions = {
    id: 'open-settings',
    label: isMac ? 'Settings…' : 'Settings',
    accelerator: 'CmdOrCtrl+,',
    click: () => send('open-settings'),
  };
  const about: MenuItemConstructorOptions = isMac
    ? { id: 'about', role: 'about', label: `About ${appName}` }
    : { id: 'about', label: `About ${appName}`, click: () => showAbout() };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about', label: `About ${appName}` },
        { type: 'separator' },
        settings,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  template.push({
    label: 'File',
    submenu: [
      { id: 'new-workshop', label: 'New Workshop', accelerator: 'CmdOrCtrl+N', click: () => send('new-workshop') },
      // macOS keeps Settings and Quit in the app menu; elsewhere they live in File.
      ...(isMac
        ? [{ type: 'separator' } as const, { role: 'close' } as const]
        : [settings, { type: 'separator' } as const, { role: 'quit', label: 'Quit' } as const]),
    ],
  });

  template.push({
    label: 'Edit',
    submenu: [
      // Custom items, not roles: the renderer keeps the undo history of whole-document edits.
      { id: 'undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
      { id: 'redo', label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => send('redo') },
      // Windows users reach for Ctrl+Y; a hidden twin keeps the menu uncluttered.
      ...(isMac
        ? []
        : [
            {
              id: 'redo-alt',
              label: 'Redo',
              accelerator: 'Ctrl+Y',
              visible: false,
              acceleratorWorksWhenHidden: true,
              click: () => send('redo'),
            } satisfies MenuItemConstructorOptions,
          ]),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });

  template.push({
    label: 'View',
    submenu: [
      ...(isPackaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });

  template.push({ role: 'windowMenu' });

  template.push({ label: 'Help', role: 'help', submenu: [about] });
  return template;
}

export function installAppMenu(): void {
  const template = buildMenuTemplate({
    appName: app.name,
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
    send: sendToFocusedWindow,
    showAbout: () => app.showAboutPanel(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
