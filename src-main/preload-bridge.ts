// Owns the shape of window.centric: typed invoke for contract channels and menu commands.
// Must never hand ipcRenderer, an IPC event or an arbitrary channel to the page.
// Imports only *types* from the contract so zod stays out of the sandboxed preload bundle.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { CentricBridge, IpcChannel, MENU_CHANNEL, MenuCommand } from './ipc-contract';

// Records keyed by the contract's unions: the compiler fails here when a channel or a
// command is added to or removed from ipc-contract.ts without updating the preload.
const contractChannels: Record<IpcChannel, true> = {
  'app:version': true,
  'file:save': true,
  'file:open': true,
  'snapshot:write': true,
  'snapshot:list': true,
  'snapshot:read': true,
  'window:open': true,
  'room:open': true,
  'room:close': true,
  'room:status': true,
  'room:revoke': true,
  'room:lock': true,
  'room:people': true,
};
const contractMenuCommands: Record<MenuCommand, true> = {
  undo: true,
  redo: true,
  'open-settings': true,
  'new-workshop': true,
  about: true,
};
/** Must equal MENU_CHANNEL in ipc-contract.ts (checked by the type annotation and a unit test). */
export const PRELOAD_MENU_CHANNEL: typeof MENU_CHANNEL = 'menu:command';

export const allowedChannels: ReadonlySet<string> = new Set(Object.keys(contractChannels));
export const allowedMenuCommands: ReadonlySet<string> = new Set(Object.keys(contractMenuCommands));

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createBridge(ipc: BridgeIpc, platform: string): CentricBridge {
  const bridge: CentricBridge = {
    invoke(channel, request) {
      // The page is typed, but a compromised page is not: check at runtime too.
      if (typeof channel !== 'string' || !allowedChannels.has(channel)) {
        return Promise.reject(new Error(`Unknown IPC channel "${String(channel)}".`));
      }
      return ipc.invoke(channel, request);
    },
    onMenuCommand(listener) {
      // The IPC event is dropped: event.sender is ipcRenderer itself.
      const forward = (_event: IpcRendererEvent, command: unknown): void => {
        if (typeof command === 'string' && allowedMenuCommands.has(command)) listener(command as MenuCommand);
      };
      ipc.on(PRELOAD_MENU_CHANNEL, forward);
      return () => {
        ipc.removeListener(PRELOAD_MENU_CHANNEL, forward);
      };
    },
    platform,
  };
  return Object.freeze(bridge);
}
