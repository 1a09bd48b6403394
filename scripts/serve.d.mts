// Types for scripts/serve.mjs, for the TypeScript tests and tools that import it.
import type { Server } from 'node:http';
import type * as RoomServer from '../src-main/room/room-server';

export const DEFAULT_PORT: number;
export const DEFAULT_DIR: string;
export const HOST: string;
export const ROOM_SERVER_MODULE: string;
export const PARTICIPANT_DIR: string;
export const CONTENT_SECURITY_POLICY: string;
/** File extension → Content-Type; the same table as src-main/content-types.ts. */
export const CONTENT_TYPES: Readonly<Record<string, string>>;
export const SECURITY_HEADERS: Readonly<Record<string, string>>;
export function parseArgs(argv: string[]): { port: number; dir: string };
export function resolveRequestPath(urlPath: string, root: string): string | null;
export interface StartServerOptions {
  port?: number;
  dir?: string;
  host?: string;
  /** Where the room server listens (default: env CENTRIC_ROOM_HOST, else '0.0.0.0'). */
  roomListenHost?: '0.0.0.0' | '127.0.0.1';
  /** The participant page's folder (default out/participant). */
  participantDir?: string;
  /** Loads the room server module (default: the built out/main/room-server.js; tests pass the source). */
  loadRoomModule?: () => Promise<typeof RoomServer>;
}
export interface StartedServer {
  server: Server;
  url: string;
  /** Closes the room if one is open (stopping the server does it too). */
  closeRoom(): Promise<void>;
}
export function startServer(options?: StartServerOptions): Promise<StartedServer>;
export function runCli(argv?: string[]): Promise<StartedServer>;
