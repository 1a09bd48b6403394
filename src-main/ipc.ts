// Owns the main side of the IPC contract: sender check, payload validation, then the work.
// Must never handle a channel that is not in ipc-contract.ts or act on an unvalidated payload.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  ipcChannels,
  ipcRequestSchemas,
  type IpcChannel,
  type IpcRequest,
  type IpcResults,
} from './ipc-contract';
import { isAppUrl } from './app-origin';
import { openWithDialog, saveWithDialog, type FileDialogs } from './files';
import type { SnapshotStore } from './snapshots';
import type { RoomHost } from './room/room-server';

/** What IPC needs of the room server (RoomHost; a fake in tests). */
export type RoomControl = Pick<RoomHost, 'open' | 'close' | 'status' | 'revoke' | 'setLocked' | 'setPeople'>;

export type IpcHandlers = {
  [C in IpcChannel]: (request: IpcRequest<C>, event: IpcMainInvokeEvent) => Promise<IpcResults[C]> | IpcResults[C];
};

export interface IpcDependencies {
  appVersion: () => string;
  dialogs: FileDialogs;
  /** The window a dialog should be modal to: the one that asked. */
  ownerOf: (event: IpcMainInvokeEvent) => BrowserWindow | null;
  snapshots: SnapshotStore;
  openWindow: (route: string) => void;
  /** The room server, created on first use (most sessions never open a room). */
  room: () => RoomControl;
}

export function createIpcHandlers(deps: IpcDependencies): IpcHandlers {
  return {
    'app:version': () => deps.appVersion(),
    'file:save': (request, event) => saveWithDialog(deps.dialogs, deps.ownerOf(event), request),
    'file:open': (request, event) => openWithDialog(deps.dialogs, deps.ownerOf(event), request),
    'snapshot:write': async (request) => {
      await deps.snapshots.write(request);
      return { ok: true };
    },
    'snapshot:list': () => deps.snapshots.list(),
    'snapshot:read': (request) => deps.snapshots.read(request.id),
    'window:open': (request) => {
      deps.openWindow(request.route);
      return { ok: true };
    },
    'room:open': (request) => deps.room().open(request),
    'room:close': async () => {
      await deps.room().close();
      return { ok: true };
    },
    'room:status': () => deps.room().status(),
    'room:revoke': (request) => {
      deps.room().revoke(request.participantId);
      return { ok: true };
    },
    'room:lock': (request) => deps.room().setLocked(request.locked),
    'room:people': (request) => {
      deps.room().setPeople(request.people);
      return { ok: true };
    },
  };
}

export type HandleIpc = (channel: string, event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function isContractChannel(channel: string): channel is IpcChannel {
  // hasOwn, not `in`: "constructor" or "__proto__" must not pass as channels.
  return Object.hasOwn(ipcRequestSchemas, channel);
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : 'request'}: ${issue.message}`)
    .join('; ');
}

/**
 * The single dispatcher behind every ipcMain.handle. Exported so the checks can be tested
 * without Electron: unknown channel, foreign sender and bad payload all throw before any work.
 */
export function createHandleIpc(
  handlers: IpcHandlers,
  isTrustedUrl: (url: string) => boolean = (url) => isAppUrl(url),
): HandleIpc {
  return async (channel, event, payload) => {
    if (!isContractChannel(channel)) throw new Error(`Unknown IPC channel "${channel}".`);
    const frame = event.senderFrame;
    // Only our own top-level page may ask; a null frame means it navigated away or died.
    if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
      throw new Error(`Refused "${channel}": the request did not come from a Centric page.`);
    }
    const parsed = ipcRequestSchemas[channel].safeParse(payload);
    if (!parsed.success) {
      throw new Error(`Invalid request for "${channel}": ${describeIssues(parsed.error.issues)}`);
    }
    const handler = handlers[channel] as (request: unknown, event: IpcMainInvokeEvent) => unknown;
    return handler(parsed.data, event);
  };
}

/** Registers exactly the contract's channels; anything else has no handler and is rejected by Electron. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handleIpc: HandleIpc): void {
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, payload: unknown) => handleIpc(channel, event, payload));
  }
}
