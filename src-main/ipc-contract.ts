// The one typed contract between the renderer and the main process.
// Each channel maps to a request schema (validated in main) and a result type.
// The renderer imports only *types* from this file; main validates every payload here.
// Changing a channel name or shape is a breaking change for both sides: change them together.
import { z } from 'zod';
import {
  roomLockRequestSchema,
  roomOpenRequestSchema,
  roomPeopleRequestSchema,
  roomRevokeRequestSchema,
  type RoomInfo,
} from './room/room-types';

/** Largest file the renderer may ask main to write or read (bytes / characters). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Largest single snapshot (characters of JSON). */
export const MAX_SNAPSHOT_CHARS = 200 * 1024 * 1024;

const fileFilter = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).min(1).max(10),
  })
  .strict();

const snapshotId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/);

export const ipcRequestSchemas = {
  /** The app version from package.json. */
  'app:version': z.undefined(),
  /** Show a save dialog and write the data to the chosen path (temp file + rename). */
  'file:save': z
    .object({
      suggestedName: z.string().min(1).max(200),
      /** Text (UTF-8) or bytes. */
      data: z.union([
        z.string().max(MAX_FILE_BYTES),
        z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES, {
          message: `must be at most ${MAX_FILE_BYTES} bytes`,
        }),
      ]),
      filters: z.array(fileFilter).max(10),
    })
    .strict(),
  /** Show an open dialog and return the chosen file's name and content (UTF-8 text, or base64 for binary files such as images). */
  'file:open': z
    .object({
      filters: z.array(fileFilter).max(10),
      encoding: z.enum(['text', 'base64']).optional(),
      /** Refuse larger files with a message (bytes); defaults to MAX_FILE_BYTES. */
      maxBytes: z.number().int().min(1).max(MAX_FILE_BYTES).optional(),
    })
    .strict(),
  /** Write an automatic snapshot under the user-data folder; keeps the newest `keep` (never fewer than 3, within a folder size cap: see snapshots.ts). */
  'snapshot:write': z
    .object({
      id: snapshotId,
      reason: z.string().min(1).max(100),
      data: z.string().max(MAX_SNAPSHOT_CHARS),
      keep: z.number().int().min(1).max(100),
    })
    .strict(),
  /** List snapshots, newest first. */
  'snapshot:list': z.undefined(),
  /** Read one snapshot's JSON text. */
  'snapshot:read': z.object({ id: snapshotId }).strict(),
  /** Open a second app window (e.g. a presenter view) at an in-app route such as "#/present/abc". */
  'window:open': z
    .object({ route: z.string().regex(/^#\/[A-Za-z0-9/_\-?=&.]{0,300}$/) })
    .strict(),
  /** Open the workshop's room (the LAN server participants join); the same workshop again gives the same room. */
  'room:open': roomOpenRequestSchema,
  /** Close the room: the server stops, every device is disconnected, the tokens die. */
  'room:close': z.undefined(),
  /** The open room, or null (a reloaded page finds its room here). */
  'room:status': z.undefined(),
  /** Remove a participant: their token stops working and their devices are disconnected. */
  'room:revoke': roomRevokeRequestSchema,
  /** Lock (participants read only) or unlock the room. */
  'room:lock': roomLockRequestSchema,
  /** The workshop's people offered on the join page. */
  'room:people': roomPeopleRequestSchema,
} as const;

export type IpcChannel = keyof typeof ipcRequestSchemas;
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof ipcRequestSchemas)[C]>;

export interface SnapshotInfo {
  id: string;
  reason: string;
  /** ms since epoch */
  createdAt: number;
  /** size in bytes */
  size: number;
}

export interface IpcResults {
  'app:version': string;
  'file:save': { saved: true; name: string } | { saved: false };
  'file:open': { name: string; text: string } | null; // text is base64 when encoding is 'base64'
  'snapshot:write': { ok: true };
  'snapshot:list': SnapshotInfo[];
  'snapshot:read': string;
  'window:open': { ok: true };
  'room:open': RoomInfo;
  'room:close': { ok: true };
  'room:status': RoomInfo | null;
  'room:revoke': { ok: true };
  'room:lock': RoomInfo;
  'room:people': { ok: true };
}

/** Messages main sends to the renderer (menu commands). */
export const menuCommands = ['undo', 'redo', 'open-settings', 'new-workshop', 'about'] as const;
export type MenuCommand = (typeof menuCommands)[number];
export const MENU_CHANNEL = 'menu:command';

/** Shape of what preload exposes on `window.centric`. */
export type CentricBridge = {
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResults[C]>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  platform: string;
};

export const ipcChannels = Object.keys(ipcRequestSchemas) as IpcChannel[];
