// Shared by the room server tests: a room on 127.0.0.1 (port 0), JSON calls to its join API,
// real Hocuspocus providers and raw WebSocket clients from Node. Everything opened is closed by
// closeAll() (call it in afterEach).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { RoomHost, type RoomServerLimits } from '../../../src-main/room/room-server';
import type { RoomInfo } from '../../../src-main/room/room-types';

const cleanups: (() => unknown)[] = [];

export async function closeAll(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/** A participant page folder with index.html and one script, plus a secret next to it. */
export function participantFolder(): string {
  const base = mkdtempSync(join(tmpdir(), 'centric-room-'));
  const dir = join(base, 'participant');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Join</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'other.txt'), 'not for the room');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  cleanups.push(() => rmSync(base, { recursive: true, force: true }));
  return dir;
}

export const people = [
  { id: 'ana', name: 'Ana' },
  { id: 'ben', name: 'Ben' },
];

export async function openRoom(limits: Partial<RoomServerLimits> = {}, participantDir = participantFolder()) {
  const host = new RoomHost({ participantDir, listenHost: '127.0.0.1', port: 0, limits, now: () => 1_700_000_000_000 });
  cleanups.push(() => host.close());
  const info = await host.open({ workshopId: 'w1', title: 'Service safari', people });
  return { host, info, base: `http://127.0.0.1:${info.port}` };
}

export async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

/** Enters the room as a person: their participant id and token. */
export async function enter(base: string, info: RoomInfo, body: { name: string; participantId?: string }) {
  const answer = await post(base, '/api/enter', { roomToken: info.roomToken, ...body });
  if (answer.status !== 200) throw new Error(`enter answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as { roomId: string; participantId: string; token: string };
}

export interface Device {
  socket: HocuspocusProviderWebsocket;
  open(name: string): { provider: HocuspocusProvider; doc: Y.Doc; denied: () => string | null; scope: () => string | null };
  destroy(): void;
}

/** One device (one WebSocket) with any number of documents on it, as the real pages do it. */
export function device(info: RoomInfo, token: string, polyfill: typeof WebSocket = WebSocket): Device {
  const socket = new HocuspocusProviderWebsocket({ url: info.hostWsUrl, WebSocketPolyfill: polyfill, delay: 100, minDelay: 100, maxDelay: 500 });
  const providers: HocuspocusProvider[] = [];
  const result: Device = {
    socket,
    open(name) {
      const doc = new Y.Doc();
      let denied: string | null = null;
      let scope: string | null = null;
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        token,
        document: doc,
        onAuthenticationFailed: ({ reason }) => (denied = reason),
        onAuthenticated: ({ scope: s }) => (scope = s),
      });
      provider.attach();
      providers.push(provider);
      return { provider, doc, denied: () => denied, scope: () => scope };
    },
    destroy() {
      for (const provider of providers.splice(0)) provider.destroy();
      // A socket still connecting (a refused device retrying) reports its abort as an error event.
      (socket.webSocket as unknown as WebSocket | null)?.on?.('error', () => undefined);
      socket.destroy();
    },
  };
  cleanups.push(() => result.destroy());
  return result;
}

/** A WebSocket class for device(): every frame it receives is kept in `frames` (what a device saw on the network). */
export function recordingSocket(frames: Buffer[]): typeof WebSocket {
  class Recording extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (data: Buffer) => frames.push(Buffer.from(data)));
    }
  }
  return Recording as unknown as typeof WebSocket;
}

/** A raw WebSocket client: what a hostile device can send. */
export async function rawClient(info: RoomInfo, options: { autoPong?: boolean } = {}): Promise<{ ws: WebSocket; closed: () => boolean; messages: Buffer[] }> {
  const ws = new WebSocket(info.hostWsUrl, options);
  let closed = false;
  const messages: Buffer[] = [];
  ws.on('close', () => (closed = true));
  ws.on('error', () => (closed = true));
  ws.on('message', (data: Buffer) => messages.push(data));
  cleanups.push(() => ws.terminate());
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done());
    ws.once('error', fail);
  });
  return { ws, closed: () => closed, messages };
}

/** A Hocuspocus frame: document name, message type, then the given fields. */
export function frame(docName: string, type: number, ...fields: (number | string | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, docName);
  encoding.writeVarUint(encoder, type);
  for (const field of fields) {
    if (typeof field === 'number') encoding.writeVarUint(encoder, field);
    else if (typeof field === 'string') encoding.writeVarString(encoder, field);
    else encoding.writeVarUint8Array(encoder, field);
  }
  return encoding.toUint8Array(encoder);
}
export const authFrame = (docName: string, token: string) => frame(docName, 2, 0, token);
