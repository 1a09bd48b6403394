// What a host offers the renderer: the Host contract and the request and answer shapes it uses.
// Types only, so the two implementations and the chooser (host.ts) all depend on it and it on none of them.
import type { MenuCommand, SnapshotInfo } from '../../src-main/ipc-contract';
import type { RoomInfo, RoomOpenRequest } from '../../src-main/room/room-types';

export type { MenuCommand, SnapshotInfo, RoomInfo, RoomOpenRequest };

/** The room server, run by main (Electron) or by the browser-mode server; see docs/room.md. */
export interface RoomHost {
  open(req: RoomOpenRequest): Promise<RoomInfo>;
  close(): Promise<void>;
  status(): Promise<RoomInfo | null>;
  revoke(participantId: string): Promise<void>;
  lock(locked: boolean): Promise<void>;
  people(people: RoomOpenRequest['people']): Promise<void>;
}

export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

export interface SaveFileRequest {
  readonly suggestedName: string;
  readonly data: string | Uint8Array<ArrayBuffer>;
  readonly mimeType: string;
  readonly filters: readonly FileFilter[];
}

export type SaveFileResult = { readonly saved: true; readonly name: string } | { readonly saved: false };

export interface OpenedFile {
  readonly name: string;
  readonly text: string;
}

export interface SnapshotWrite {
  readonly id: string;
  readonly reason: string;
  readonly data: string;
  readonly keep: number;
}

export interface Host {
  readonly kind: 'electron' | 'browser';
  appVersion(): Promise<string>;
  /** Lets the user pick where to save (Electron) or downloads the file (browser). */
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  /** Lets the user pick a text file; null if cancelled. */
  openFile(filters: readonly FileFilter[]): Promise<OpenedFile | null>;
  /** Lets the user pick a binary file (an image); its content comes back base64-encoded. Refuses files over maxBytes. */
  openBinaryFile(filters: readonly FileFilter[], maxBytes: number): Promise<OpenedFile | null>;
  writeSnapshot(s: SnapshotWrite): Promise<void>;
  listSnapshots(): Promise<SnapshotInfo[]>;
  readSnapshot(id: string): Promise<string>;
  /** Opens a second window at an in-app route such as "#/w/abc". */
  openWindow(route: string): Promise<void>;
  /** Subscribes to application-menu commands (Electron only; the browser never sends any). */
  onMenuCommand(listener: (c: MenuCommand) => void): () => void;
  /** Asks the browser to keep our storage under pressure; resolves to whether it is persistent. */
  requestPersistentStorage(): Promise<boolean | null>;
  readonly room: RoomHost;
}
