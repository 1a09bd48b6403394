// @vitest-environment node
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, fakeApp, FakeBrowserWindow, resetElectronMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { buildMenuTemplate, installAppMenu, sendToFocusedWindow } = await import('../../../src-main/menu');
const { MENU_CHANNEL } = await import('../../../src-main/ipc-contract');

type Item = MenuItemConstructorOptions;

beforeEach(() => resetElectronMock());

function build(overrides: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  const send = vi.fn();
  const showAbout = vi.fn();
  const template = buildMenuTemplate({ appName: 'Centric', isMac: false, isPackaged: true, send, showAbout, ...overrides });
  return { template, send, showAbout };
}

function submenu(template: Item[], label: string): Item[] {
  const menu = template.find((item) => item.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu as Item[];
}

const roles = (items: Item[]) => items.map((item) => item.role).filter(Boolean);
const click = (item: Item | undefined) => (item?.click as (() => void) | undefined)?.();

describe('application menu template', () => {
  it('has File, Edit, View, Window and Help in order (no app menu off macOS)', () => {
    const { template } = build();
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'Help']);
  });

  it('File sends new-workshop and open-settings and offers Quit', () => {
    const { template, send } = build();
    const file = submenu(template, 'File');
    click(file.find((item) => item.id === 'new-workshop'));
    click(file.find((item) => item.id === 'open-settings'));
    expect(send.mock.calls).toEqual([['new-workshop'], ['open-settings']]);
    expect(roles(file)).toContain('quit');
  });

  it('Edit has custom Undo/Redo with the usual accelerators and the clipboard roles', () => {
    const { template, send } = build();
    const edit = submenu(template, 'Edit');
    const undo = edit.find((item) => item.id === 'undo');
    const redo = edit.find((item) => item.id === 'redo');
    expect(undo).toMatchObject({ label: 'Undo', accelerator: 'CmdOrCtrl+Z' });
    expect(redo).toMatchObject({ label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' });
    // Roles would let Chromium undo text edits behind the renderer's history.
    expect(undo?.role).toBeUndefined();
    expect(redo?.role).toBeUndefined();
    click(undo);
    click(redo);
    click(edit.find((item) => item.id === 'redo-alt'));
    expect(send.mock.calls).toEqual([['undo'], ['redo'], ['redo']]);
    expect(roles(edit)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('View has zoom and fullscreen, and developer items only when not packaged', () => {
    const packaged = roles(submenu(build().template, 'View'));
    expect(packaged).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const dev = roles(submenu(build({ isPackaged: false }).template, 'View'));
    expect(dev).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('Help > About shows the About panel off macOS', () => {
    const { template, showAbout } = build();
    const about = submenu(template, 'Help').find((item) => item.id === 'about');
    expect(about?.label).toBe('About Centric');
    click(about);
    expect(showAbout).toHaveBeenCalledTimes(1);
  });

  it('on macOS adds the app menu with About, Settings and Quit and uses the native about role', () => {
    const { template, send } = build({ isMac: true });
    expect(template[0]?.label).toBe('Centric');
    const appMenu = submenu(template, 'Centric');
    expect(roles(appMenu)).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    click(appMenu.find((item) => item.id === 'open-settings'));
    expect(send).toHaveBeenCalledWith('open-settings');
    expect(roles(submenu(template, 'File'))).not.toContain('quit');
    expect(submenu(template, 'Help').find((item) => item.id === 'about')?.role).toBe('about');
    expect(submenu(template, 'Edit').some((item) => item.id === 'redo-alt')).toBe(false);
  });
});

describe('menu commands reach the renderer', () => {
  it('clicking Undo in the installed menu sends "undo" to the focused window only', () => {
    const focused = new FakeBrowserWindow({});
    const other = new FakeBrowserWindow({});
    FakeBrowserWindow.focused = focused;
    installAppMenu();
    expect(electronMock.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const built = electronMock.Menu.buildFromTemplate.mock.calls[0]?.[0] as Item[];
    click(submenu(built, 'Edit').find((item) => item.id === 'undo'));
    expect(focused.webContents.send).toHaveBeenCalledWith(MENU_CHANNEL, 'undo');
    expect(other.webContents.send).not.toHaveBeenCalled();
  });

  it('does nothing when no window has focus', () => {
    expect(() => sendToFocusedWindow('redo')).not.toThrow();
  });

  it('hides developer items in a packaged app', () => {
    fakeApp.isPackaged = true;
    installAppMenu();
    const built = electronMock.Menu.buildFromTemplate.mock.calls[0]?.[0] as Item[];
    expect(roles(submenu(built, 'View'))).not.toContain('toggleDevTools');
  });
});
