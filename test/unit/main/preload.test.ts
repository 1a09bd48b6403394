// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMock, resetElectronMock } from './electron-mock';
import type { CentricBridge } from '../../../src-main/ipc-contract';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { ipcChannels, menuCommands, MENU_CHANNEL } = await import('../../../src-main/ipc-contract');
const { allowedChannels, allowedMenuCommands, PRELOAD_MENU_CHANNEL } = await import('../../../src-main/preload-bridge');

async function loadPreload(): Promise<{ key: string; bridge: CentricBridge }> {
  vi.resetModules();
  await import('../../../src-main/preload');
  const call = electronMock.contextBridge.exposeInMainWorld.mock.calls.at(-1) as [string, CentricBridge] | undefined;
  if (!call) throw new Error('preload exposed nothing');
  return { key: call[0], bridge: call[1] };
}

beforeEach(() => resetElectronMock());

describe('preload bridge', () => {
  it('exposes window.centric with only invoke, onMenuCommand and platform', async () => {
    const { key, bridge } = await loadPreload();
    expect(electronMock.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(key).toBe('centric');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onMenuCommand', 'platform']);
    expect(bridge.platform).toBe(process.platform);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.values(bridge)).not.toContain(electronMock.ipcRenderer);
  });

  it('forwards contract channels to ipcRenderer.invoke', async () => {
    const { bridge } = await loadPreload();
    await expect(bridge.invoke('snapshot:read', { id: 'x' })).resolves.toBe('ok');
    expect(electronMock.ipcRenderer.invoke).toHaveBeenCalledWith('snapshot:read', { id: 'x' });
  });

  it('refuses a channel outside the contract without touching ipcRenderer', async () => {
    const { bridge } = await loadPreload();
    const invoke = bridge.invoke as (channel: string, request: unknown) => Promise<unknown>;
    await expect(invoke('shell:openExternal', 'https://evil.example')).rejects.toThrow(
      'Unknown IPC channel "shell:openExternal".',
    );
    await expect(invoke('menu:command', 'undo')).rejects.toThrow('Unknown IPC channel');
    await expect(invoke('toString', undefined)).rejects.toThrow('Unknown IPC channel');
    expect(electronMock.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('forwards only known menu commands, without the IPC event, and unsubscribes', async () => {
    const { bridge } = await loadPreload();
    const listener = vi.fn();
    const unsubscribe = bridge.onMenuCommand(listener);
    const [channel, forward] = electronMock.ipcRenderer.on.mock.calls[0] as [string, (...args: unknown[]) => void];
    expect(channel).toBe(MENU_CHANNEL);
    const fakeEvent = { sender: electronMock.ipcRenderer };
    forward(fakeEvent, 'undo');
    forward(fakeEvent, 'rm -rf');
    forward(fakeEvent, { command: 'redo' });
    forward(fakeEvent, 'redo');
    expect(listener.mock.calls).toEqual([['undo'], ['redo']]);
    unsubscribe();
    expect(electronMock.ipcRenderer.removeListener).toHaveBeenCalledWith(MENU_CHANNEL, forward);
  });

  it('allows exactly the contract channels and menu commands', () => {
    expect([...allowedChannels].sort()).toEqual([...ipcChannels].sort());
    expect([...allowedMenuCommands].sort()).toEqual([...menuCommands].sort());
    expect(PRELOAD_MENU_CHANNEL).toBe(MENU_CHANNEL);
  });
});
