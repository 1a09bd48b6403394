// The room server: one HTTP + WebSocket server per open room, reachable from the room's LAN.
// It serves the participant page and the join API, and syncs the room's Yjs documents through
// Hocuspocus. Pure Node (no electron import): Electron's main process and the browser-mode
// server scripts/serve.mjs both host it (the latter through the built out/main/room-server.js).
//
// Must never: serve anything but the participant page and the join API; let a participant token
// open a document other than its own (read-write) and the shared one (read-only); let a frame
// through that names another room or does not decode; keep a document on disk.
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { contentTypeFor } from '../content-types';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { networkInterfaces } from 'node:os';
import { resolve, sep } from 'node:path';
import { Hocuspocus, OutgoingMessage, type Connection, type Document } from '@hocuspocus/server';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  SHARED,
  TOKEN_BYTES,
  codeRequestSchema,
  enterRequestSchema,
  joinUrl,
  normaliseJoinCode,
  parseDocName,
  roomLimits,
  roomRequestSchema,
  sharedDocName,
  tokenPattern,
  type RosterEntry,
} from '../../src-renderer/domain/room';
import { z } from 'zod';
import { roomOpenRequestSchema, roomPeopleRequestSchema, type RoomInfo, type RoomOpenRequest } from './room-types';

// scripts/serve.mjs (plain JS) validates its host API with the same schemas, from the built file.
export { roomLockRequestSchema, roomOpenRequestSchema, roomPeopleRequestSchema, roomRevokeRequestSchema } from './room-types';

// --- Options and limits ----------------------------------------------------------------------

/** The contract's caps plus the server's own (tests lower them to reach them quickly). */
export interface RoomServerLimits {
  participants: number;
  connectionsPerParticipant: number;
  messageBytes: number;
  messagesPer10s: number;
  joinTriesPerMinute: number;
  name: number;
  /** Largest message from the facilitator's app over loopback (publishing a big journey at once). */
  hostMessageBytes: number;
  /** A socket must present a valid token within this time. */
  authMs: number;
  /** Frames a socket may send for a document before its token is accepted (Hocuspocus queues them). */
  pendingMessages: number;
  /** Bytes a socket may have queued before its token is accepted. */
  pendingBytes: number;
  /** Sockets not yet authenticated, all together. */
  unauthenticatedSockets: number;
  /** Largest JSON body of the join API. */
  bodyBytes: number;
  /** A socket that has not answered a ping (or sent anything) for this long is ended. */
  pingMs: number;
}

export const defaultRoomServerLimits: Readonly<RoomServerLimits> = Object.freeze({
  participants: roomLimits.participants,
  connectionsPerParticipant: roomLimits.connectionsPerParticipant,
  messageBytes: roomLimits.messageBytes,
  messagesPer10s: roomLimits.messagesPer10s,
  joinTriesPerMinute: roomLimits.joinTriesPerMinute,
  name: roomLimits.name,
  hostMessageBytes: 16 * 1024 * 1024,
  authMs: 10_000,
  pendingMessages: 64,
  pendingBytes: 1024 * 1024,
  unauthenticatedSockets: 32,
  bodyBytes: 8 * 1024,
  pingMs: 30_000,
});

export interface RoomHostOptions {
  /** Folder of the built participant page (out/participant): index.html and assets/. */
  participantDir: string;
  /** '0.0.0.0' (the room's LAN; the default) or '127.0.0.1' (tests, and browser mode's e2e). */
  listenHost?: '0.0.0.0' | '127.0.0.1';
  /** Port to try first; 0 (the default) or a busy port means any free port. */
  port?: number;
  limits?: Partial<RoomServerLimits>;
  /** Wall clock for joinedAt (ms since epoch). */
  now?: () => number;
  /**
   * Keeps the open room's identity (link, code, tokens, port, people who joined) where it
   * survives a crash of the host, so opening the same workshop's room again resumes it: the
   * same link and code, and phones reconnect with the tokens they hold. Cleared on close.
   */
  persist?: RoomPersistence | null;
}

/** What a room needs to resume after a crash of its host. */
export interface SavedRoom {
  readonly v: 1;
  readonly workshopId: string;
  readonly roomId: string;
  readonly code: string;
  readonly roomToken: string;
  readonly hostToken: string;
  readonly port: number;
  readonly locked: boolean;
  readonly participants: readonly { readonly id: string; readonly name: string; readonly token: string | null; readonly removed: boolean; readonly joinedAt: number }[];
  /** Tokens of people removed: refused as 'removed' after a resume too. */
  readonly revoked: readonly string[];
}

export interface RoomPersistence {
  load(): SavedRoom | null;
  save(room: SavedRoom | null): void;
}

const savedRoomSchema = z
  .object({
    v: z.literal(1),
    workshopId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    roomId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    code: z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)),
    roomToken: z.string().regex(tokenPattern),
    hostToken: z.string().regex(tokenPattern),
    port: z.number().int().min(0).max(65535),
    locked: z.boolean(),
    participants: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
            name: z.string().min(1).max(roomLimits.name),
            token: z.string().regex(tokenPattern).nullable(),
            removed: z.boolean(),
            joinedAt: z.number().int().min(0),
          })
          .strict(),
      )
      .max(roomLimits.participants * 2),
    revoked: z.array(z.string().regex(tokenPattern)).max(500),
  })
  .strict();

/** A saved room read back from disk: anything not exactly as written is ignored (a new room opens). */
export function parseSavedRoom(value: unknown): SavedRoom | null {
  const parsed = savedRoomSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export type RoomPeople = RoomOpenRequest['people'];

// --- Small helpers ---------------------------------------------------------------------------

const newToken = () => randomBytes(TOKEN_BYTES).toString('base64url');
const newId = () => randomBytes(9).toString('base64url'); // 12 characters
function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}


/**
 * The Host header, when it names this server by IPv4 address or localhost and the right port;
 * null otherwise. A DNS-rebinding page arrives with its own host name and is refused here.
 */
export function validRoomHost(header: string | undefined, port: number): string | null {
  if (!header) return null;
  const m = /^(localhost|(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})):(\d{1,5})$/.exec(header.toLowerCase());
  if (!m) return null;
  if (m[2] !== undefined && [m[2], m[3], m[4], m[5]].some((octet) => Number(octet) > 255)) return null;
  return Number(m[6]) === port ? m[0] : null;
}

/** The participant page's policy: its own scripts and styles, and a WebSocket to the host it came from. */
export function participantCsp(host: string | null): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    host ? `connect-src 'self' ws://${host}` : "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const isPrivate = (a: string) =>
  a.startsWith('192.168.') || a.startsWith('10.') || /^172\.(1[6-9]|2\d|3[01])\./.test(a);
// Virtual adapters (containers, VMs, VPNs) are rarely the room's Wi-Fi: they go last.
const isVirtual = (name: string) => /^(docker|br-|veth|virbr|vbox|vmnet|vEthernet|utun|tun|tap|zt|tailscale|wg)|virtual|hyper-v|vmware/i.test(name);

/** This machine's IPv4 addresses, the likeliest room network first. */
export function lanAddresses(interfaces = networkInterfaces()): string[] {
  const found: { address: string; name: string }[] = [];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal) found.push({ address: info.address, name });
    }
  }
  const rank = (f: { address: string; name: string }) =>
    (isVirtual(f.name) ? 10 : 0) +
    (f.address.startsWith('192.168.') ? 0 : f.address.startsWith('10.') ? 1 : isPrivate(f.address) ? 2 : f.address.startsWith('169.254.') ? 4 : 3);
  return [...new Set(found.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name)).map((f) => f.address))];
}

// --- Frame screening -------------------------------------------------------------------------

/** Reads lib0's variable-length encoding (the framing of every Hocuspocus message). */
class FrameReader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}
  uint(): number {
    let num = 0;
    let mult = 1;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('truncated');
      const byte = this.buf[this.pos++]!;
      num += (byte & 0x7f) * mult;
      if (byte < 0x80) return num;
      mult *= 128;
      if (mult > 2 ** 49) throw new Error('number too long');
    }
  }
  bytes(): Uint8Array {
    const length = this.uint();
    if (this.pos + length > this.buf.length) throw new Error('truncated');
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
  string(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes());
  }
}

// Hocuspocus message types (@hocuspocus/server types.ts MessageType).
const MSG = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, syncReply: 4, stateless: 5, broadcastStateless: 6, close: 7 } as const;

/** Throws unless the body of a message for an authenticated document decodes as its type says. */
function checkBody(type: number, reader: FrameReader, isHost: boolean): void {
  switch (type) {
    case MSG.sync:
    case MSG.syncReply: {
      const step = reader.uint();
      if (step === 0) Y.decodeStateVector(reader.bytes());
      else if (step === 1 || step === 2) Y.decodeUpdate(reader.bytes());
      else throw new Error('unknown sync step');
      return;
    }
    case MSG.awareness: {
      const inner = new FrameReader(reader.bytes());
      const count = inner.uint();
      for (let i = 0; i < count; i++) {
        inner.uint();
        inner.uint();
        JSON.parse(inner.string());
      }
      return;
    }
    case MSG.auth:
    case MSG.queryAwareness:
    case MSG.close:
      return;
    case MSG.stateless:
    case MSG.broadcastStateless:
      // Participants have nothing to say outside the documents (a broadcast would reach everyone).
      if (isHost) return;
      throw new Error('stateless messages are the host’s');
    default:
      throw new Error(`unknown message type ${type}`);
  }
}

// --- One open room ---------------------------------------------------------------------------

type Identity = { kind: 'host' } | { kind: 'participant'; id: string };

interface DocState {
  state: 'new' | 'pending' | 'open' | 'denied';
  /** Frames (and bytes) Hocuspocus holds for this document until its token is accepted. */
  queued: number;
  queuedBytes: number;
}

interface Socket {
  ws: WebSocket;
  identity: Identity | null;
  docs: Map<string, DocState>;
  /** All frames queued before this socket's first accepted token (it has authMs to get there). */
  pendingMessages: number;
  pendingBytes: number;
  /** Arrival times of the last messagesPer10s messages (a ring). */
  times: Float64Array;
  next: number;
  authTimer: NodeJS.Timeout;
  alive: boolean;
  pingTimer: NodeJS.Timeout;
}

interface Participant {
  id: string;
  token: string | null;
  name: string;
  joinedAt: number;
  removed: boolean;
  sockets: Set<Socket>;
}

/** An error Hocuspocus answers with "permission denied"; its empty message keeps Hocuspocus from logging it. */
class Refusal extends Error {
  constructor(readonly reason: string) {
    super('');
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The path of a request line (only origin-form: "/..."), or null. */
function pathOf(url: string | undefined): string | null {
  if (!url || !url.startsWith('/') || url.startsWith('//')) return null;
  try {
    return new URL(url, 'http://room').pathname;
  } catch {
    return null;
  }
}

const isLoopback = (address: string | undefined) => address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

class Room {
  readonly roomId: string;
  readonly code: string;
  readonly roomToken: string;
  readonly hostToken: string;
  title: string;
  locked = false;
  port = 0;
  private people = new Map<string, string>();
  private readonly participants = new Map<string, Participant>();
  private readonly tokens = new Map<string, string>();
  /** Tokens of removed participants: refused with 'removed', so their phone can say so. */
  private readonly revokedTokens = new Set<string>();
  private readonly sockets = new Set<Socket>();
  private readonly socketsByRequest = new WeakMap<IncomingMessage, Socket>();
  private readonly seenFrames = new WeakSet<object>();
  private readonly codeTries = new Map<string, { start: number; count: number }>();
  private readonly hocuspocus: Hocuspocus;
  private readonly http: Server;
  private readonly wssLan: WebSocketServer;
  private readonly wssLocal: WebSocketServer;
  private shared: Document | null = null;
  private closed = false;

  constructor(
    readonly workshopId: string,
    request: RoomOpenRequest,
    private readonly options: Required<Omit<RoomHostOptions, 'limits'>> & { limits: RoomServerLimits },
    private readonly saved: SavedRoom | null = null,
  ) {
    this.roomId = saved?.roomId ?? newId();
    this.code = saved?.code ?? newJoinCode();
    this.roomToken = saved?.roomToken ?? newToken();
    this.hostToken = saved?.hostToken ?? newToken();
    this.locked = saved?.locked ?? false;
    for (const q of saved?.participants ?? []) {
      const p = this.addParticipant(q.id, q.name);
      p.joinedAt = q.joinedAt;
      p.removed = q.removed;
      p.token = q.removed ? null : q.token;
      if (p.token) this.tokens.set(p.token, p.id);
    }
    for (const token of saved?.revoked ?? []) this.revokedTokens.add(token);
    this.title = request.title;
    this.setPeople(request.people);
    const limits = options.limits;
    this.hocuspocus = new Hocuspocus({
      name: 'centric-room',
      quiet: true,
      // No storage hooks: run the (empty) store step at once instead of keeping timers alive.
      debounce: 0,
      maxDebounce: 0,
      onAuthenticate: async (payload) => this.authenticate(payload),
      // Lock may have changed between the token check and the connection being set up.
      connected: async ({ connection, documentName }) => {
        connection.readOnly = this.readOnlyFor(connection, documentName);
      },
      // Documents stay in memory while the room is open, also when nobody is connected (a phone
      // off the Wi-Fi, the facilitator's page reloading): one pin each, dropped on close.
      afterLoadDocument: async ({ document }) => {
        document.addDirectConnection();
      },
      // A document connection that ended (the device closed it, or Hocuspocus did after an
      // error) needs a token again: until then what arrives for it is queued, so it is counted.
      onDisconnect: async ({ context, documentName }) => {
        const state = (context as { socket?: Socket } | undefined)?.socket?.docs.get(documentName);
        if (state && state.state === 'open') state.state = 'new';
      },
    });
    this.http = createServer((req, res) => void this.handleRequest(req, res));
    this.http.headersTimeout = 10_000;
    this.http.requestTimeout = 20_000;
    this.http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.handleUpgrade(req, socket, head));
    this.http.on('clientError', (_error, socket) => socket.destroy());
    this.wssLan = new WebSocketServer({ noServer: true, maxPayload: limits.messageBytes });
    // The facilitator's app connects over loopback and may publish more at once.
    this.wssLocal = new WebSocketServer({ noServer: true, maxPayload: Math.max(limits.messageBytes, limits.hostMessageBytes) });
  }

  async start(): Promise<void> {
    const { listenHost } = this.options;
    // A resumed room listens where its link points, if that port is still free.
    const port = this.saved?.port ?? this.options.port;
    const listen = (p: number) =>
      new Promise<void>((done, fail) => {
        this.http.once('error', fail);
        this.http.listen(p, listenHost, () => {
          this.http.off('error', fail);
          done();
        });
      });
    try {
      await listen(port);
    } catch (error) {
      if (port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      await listen(0);
    }
    const address = this.http.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    const connection = await this.hocuspocus.openDirectConnection(sharedDocName(this.roomId));
    this.shared = connection.document;
    this.shared?.transact(() => {
      const room = this.shared!.getMap(SHARED.room);
      room.set('title', this.title);
      room.set('locked', this.locked);
    });
    for (const p of this.participants.values()) this.writeRoster(p);
    this.save();
  }

  /** The identity to resume from after a crash (see RoomHostOptions.persist). */
  private save(): void {
    if (this.closed) return;
    try {
      this.options.persist?.save({
        v: 1,
        workshopId: this.workshopId,
        roomId: this.roomId,
        code: this.code,
        roomToken: this.roomToken,
        hostToken: this.hostToken,
        port: this.port,
        locked: this.locked,
        participants: [...this.participants.values()].map((p) => ({ id: p.id, name: p.name, token: p.token, removed: p.removed, joinedAt: p.joinedAt })),
        revoked: [...this.revokedTokens].slice(-500),
      });
    } catch (error) {
      // Resuming after a crash is a convenience: the room itself goes on.
      console.warn('Room: could not keep the room for resuming after a crash.', error);
    }
  }

  info(): RoomInfo {
    const origins =
      this.options.listenHost === '127.0.0.1' ? [] : lanAddresses().map((address) => `http://${address}:${this.port}`);
    if (origins.length === 0) origins.push(`http://127.0.0.1:${this.port}`);
    return {
      roomId: this.roomId,
      workshopId: this.workshopId,
      port: this.port,
      joinUrls: origins.map((origin) => joinUrl(origin, this.roomToken)),
      code: this.code,
      roomToken: this.roomToken,
      hostToken: this.hostToken,
      hostWsUrl: `ws://127.0.0.1:${this.port}/ws`,
      locked: this.locked,
    };
  }

  setTitle(title: string): void {
    this.title = title;
    this.shared?.getMap(SHARED.room).set('title', title);
  }

  setPeople(people: RoomPeople): void {
    this.people = new Map(people.map((p) => [p.id, p.name]));
    // A person renamed in the workshop is renamed on every screen.
    for (const p of this.participants.values()) {
      const name = this.people.get(p.id);
      if (name !== undefined && name !== p.name) {
        p.name = name;
        this.writeRoster(p);
      }
    }
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.save();
    this.shared?.getMap(SHARED.room).set('locked', locked);
    for (const document of this.hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        const wasReadOnly = connection.readOnly;
        connection.readOnly = this.readOnlyFor(connection, document.name);
        // Edits refused while locked stay on the device: asking for its state again brings them
        // in now, and keeps later edits (which build on them) from waiting forever.
        if (wasReadOnly && !connection.readOnly) {
          connection.send(new OutgoingMessage(document.name).createSyncMessage().writeFirstSyncStepFor(document).toUint8Array());
        }
      }
    }
  }

  revoke(participantId: string): void {
    let p = this.participants.get(participantId);
    if (!p) {
      // Someone from the workshop who has not joined yet: they will not be let in.
      if (!this.people.has(participantId)) return;
      p = this.addParticipant(participantId, this.people.get(participantId)!);
    }
    if (p.token) {
      this.tokens.delete(p.token);
      if (this.revokedTokens.size < 10_000) this.revokedTokens.add(p.token);
    }
    p.token = null;
    p.removed = true;
    for (const socket of p.sockets) socket.ws.terminate();
    p.sockets.clear();
    this.writeRoster(p);
    this.save();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Phones learn the room is closed (not that their Wi-Fi dropped) from the shared document:
    // the change is sent, then each socket is closed cleanly so it goes out first (bounded).
    this.shared?.getMap(SHARED.room).set('closing', true);
    const ended = [...this.sockets].map(
      (socket) =>
        new Promise<void>((done) => {
          clearTimeout(socket.authTimer);
          clearInterval(socket.pingTimer);
          if (socket.ws.readyState === socket.ws.CLOSED) return done();
          socket.ws.once('close', () => done());
          socket.ws.close(1001, 'room-closed');
        }),
    );
    await Promise.race([Promise.all(ended), new Promise((done) => setTimeout(done, 500).unref())]);
    for (const socket of this.sockets) socket.ws.terminate();
    this.sockets.clear();
    this.wssLan.close();
    this.wssLocal.close();
    await new Promise<void>((done) => {
      this.http.close(() => done());
      this.http.closeAllConnections();
    });
    for (const document of this.hocuspocus.documents.values()) document.destroy();
    this.hocuspocus.documents.clear();
    this.tokens.clear();
  }

  // --- Documents -----------------------------------------------------------------------------

  private readOnlyFor(connection: Connection, documentName: string): boolean {
    const context = connection.context as { role?: string } | undefined;
    if (context?.role === 'host') return false;
    const doc = parseDocName(documentName);
    return !doc || doc.participantId === null || this.locked;
  }

  private addParticipant(id: string, name: string): Participant {
    const p: Participant = { id, token: null, name, joinedAt: this.options.now(), removed: false, sockets: new Set() };
    this.participants.set(id, p);
    return p;
  }

  private writeRoster(p: Participant): void {
    if (this.closed || !this.shared) return;
    const entry: RosterEntry = { name: p.name, online: p.sockets.size, removed: p.removed, joinedAt: p.joinedAt };
    this.shared.getMap<RosterEntry>(SHARED.roster).set(p.id, entry);
  }

  private authenticate({ token, documentName, request, connectionConfig }: {
    token: string;
    documentName: string;
    request: IncomingMessage;
    connectionConfig: { readOnly: boolean };
  }): { role: 'host' } | { role: 'participant'; participantId: string } {
    const socket = this.socketsByRequest.get(request);
    const refuse = (reason: string): never => {
      if (socket) {
        const doc = socket.docs.get(documentName);
        if (doc) doc.state = 'denied';
        // After the refusal reaches the client (it is sent right after this throw), the socket goes:
        // a socket that asked for what it may not have gets nothing more.
        setTimeout(() => socket.ws.close(4403, 'permission-denied'), 0).unref();
      }
      throw new Refusal(reason);
    };
    if (!socket || this.closed) return refuse('permission-denied');
    const doc = parseDocName(documentName);
    if (!doc || doc.roomId !== this.roomId) return refuse('permission-denied');
    const open = () => {
      const state = socket.docs.get(documentName);
      if (state) Object.assign(state, { state: 'open', queued: 0, queuedBytes: 0 });
    };

    if (sameSecret(token, this.hostToken)) {
      if (socket.identity && socket.identity.kind !== 'host') return refuse('permission-denied');
      this.bind(socket, { kind: 'host' });
      connectionConfig.readOnly = false;
      open();
      return { role: 'host' };
    }

    const participantId = this.tokens.get(token);
    const p = participantId === undefined ? undefined : this.participants.get(participantId);
    if (!p && this.revokedTokens.has(token)) return refuse('removed');
    if (!p || p.removed) return refuse('permission-denied');
    if (doc.participantId !== null && doc.participantId !== p.id) return refuse('permission-denied');
    if (socket.identity) {
      if (socket.identity.kind !== 'participant' || socket.identity.id !== p.id) return refuse('permission-denied');
    } else {
      if (p.sockets.size >= this.options.limits.connectionsPerParticipant) return refuse('too-many-connections');
      this.bind(socket, { kind: 'participant', id: p.id });
      p.sockets.add(socket);
      this.writeRoster(p);
    }
    connectionConfig.readOnly = doc.participantId === null || this.locked;
    open();
    return { role: 'participant', participantId: p.id };
  }

  private bind(socket: Socket, identity: Identity): void {
    if (socket.identity) return;
    socket.identity = identity;
    clearTimeout(socket.authTimer);
  }

  // --- WebSocket -----------------------------------------------------------------------------

  private handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (this.closed) return refuse('503 Service Unavailable');
    if (!validRoomHost(req.headers.host, this.port)) return refuse('400 Bad Request');
    if (pathOf(req.url) !== '/ws') return refuse('404 Not Found');
    const limits = this.options.limits;
    const unauthenticated = [...this.sockets].filter((s) => !s.identity).length;
    if (
      this.sockets.size >= limits.participants * limits.connectionsPerParticipant + 8 ||
      unauthenticated >= limits.unauthenticatedSockets
    ) {
      return refuse('503 Service Unavailable');
    }
    const wss = isLoopback(req.socket.remoteAddress) ? this.wssLocal : this.wssLan;
    wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req));
  }

  private accept(ws: WebSocket, req: IncomingMessage): void {
    if (this.closed) {
      ws.terminate();
      return;
    }
    const socket: Socket = {
      ws,
      identity: null,
      docs: new Map(),
      pendingMessages: 0,
      pendingBytes: 0,
      times: new Float64Array(Math.max(1, this.options.limits.messagesPer10s)).fill(-Infinity),
      next: 0,
      authTimer: setTimeout(() => {
        if (!socket.identity) ws.terminate();
      }, this.options.limits.authMs),
      alive: true,
      pingTimer: setInterval(() => {
        if (!socket.alive) {
          ws.terminate();
          return;
        }
        socket.alive = false;
        ws.ping();
      }, this.options.limits.pingMs),
    };
    socket.authTimer.unref();
    // Hocuspocus's own ping only closes the documents of a silent socket, not the socket: a
    // phone gone from the Wi-Fi would keep counting as online and toward its connection cap.
    ws.on('pong', () => (socket.alive = true));
    socket.pingTimer.unref();
    this.sockets.add(socket);
    this.socketsByRequest.set(req, socket);
    // Oversized frames and protocol errors: ws closes the socket itself; nothing may throw here.
    ws.on('error', () => ws.terminate());
    ws.on('close', () => this.drop(socket));
    // Every frame passes the screen before Hocuspocus sees it (Hocuspocus listens through emit).
    const emit = ws.emit.bind(ws);
    ws.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event === 'message' && !this.screen(socket, args[0] as RawData, args[1] as boolean)) return false;
      return emit(event, ...args);
    }) as typeof ws.emit;
    // The context reaches every hook of this socket's documents (onDisconnect above).
    this.hocuspocus.handleConnection(ws, req, { socket });
  }

  private drop(socket: Socket): void {
    clearTimeout(socket.authTimer);
    clearInterval(socket.pingTimer);
    this.sockets.delete(socket);
    const identity = socket.identity;
    if (identity?.kind === 'participant') {
      const p = this.participants.get(identity.id);
      if (p && p.sockets.delete(socket)) this.writeRoster(p);
    }
  }

  /** Whether a frame may reach Hocuspocus; a frame that may not ends its socket. */
  private screen(socket: Socket, data: RawData, isBinary: boolean): boolean {
    const kill = () => {
      socket.ws.terminate();
      return false;
    };
    if (this.closed) return kill();
    socket.alive = true;
    const limits = this.options.limits;
    const isHost = socket.identity?.kind === 'host';
    // Hocuspocus replays frames it queued during authentication: they were counted already.
    const replay = typeof data === 'object' && this.seenFrames.has(data);
    if (!replay) {
      this.seenFrames.add(data);
      if (!isHost) {
        const now = performance.now();
        // The slot about to be overwritten holds the time of the message messagesPer10s ago.
        if (now - socket.times[socket.next]! < 10_000) return kill();
        socket.times[socket.next] = now;
        socket.next = (socket.next + 1) % socket.times.length;
      }
    }
    // (A replay comes without the binary flag: it passed this check on arrival.)
    if ((!replay && !isBinary) || !Buffer.isBuffer(data)) return kill();
    if (!isHost && data.length > limits.messageBytes) return kill();
    try {
      const reader = new FrameReader(data);
      const documentName = reader.string();
      const type = reader.uint();
      const doc = parseDocName(documentName);
      if (!doc || doc.roomId !== this.roomId) return kill();
      const identity = socket.identity;
      if (identity?.kind === 'participant' && doc.participantId !== null && doc.participantId !== identity.id) return kill();

      let state = socket.docs.get(documentName);
      if (!state) {
        const maxDocs = identity?.kind === 'host' ? limits.participants * 2 + 4 : identity ? 2 : 4;
        if (socket.docs.size >= maxDocs) return kill();
        state = { state: 'new', queued: 0, queuedBytes: 0 };
        socket.docs.set(documentName, state);
      }
      if (state.state === 'denied') return kill();
      if (state.state === 'open') {
        checkBody(type, reader, isHost);
        return true;
      }
      // Before the token is accepted Hocuspocus queues what arrives: bounded here.
      if (type === MSG.auth && state.state === 'new') {
        if (reader.uint() !== 0) return kill(); // 0: a token
        if (reader.string().length > 256) return kill();
        state.state = 'pending';
        return true;
      }
      if (!replay) {
        state.queued += 1;
        state.queuedBytes += data.length;
        if (!identity) {
          socket.pendingMessages += 1;
          socket.pendingBytes += data.length;
        }
      }
      if (state.queued > limits.pendingMessages || state.queuedBytes > limits.pendingBytes) return kill();
      if (socket.pendingMessages > limits.pendingMessages || socket.pendingBytes > limits.pendingBytes) return kill();
      return true;
    } catch {
      return kill();
    }
  }

  // --- HTTP ----------------------------------------------------------------------------------

  private async handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = validRoomHost(req.headers.host, this.port);
    const baseHeaders: Record<string, string> = {
      'Content-Security-Policy': participantCsp(host),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    const send = (status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) => {
      if (res.headersSent) return;
      res.writeHead(status, { ...baseHeaders, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const sendJson = (status: number, value: unknown, extra: Record<string, string> = {}) =>
      send(status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store', ...extra });
    const text = 'text/plain; charset=utf-8';

    const pathname = pathOf(req.url);
    if (pathname === null) return send(400, 'Bad request', text);
    if (!host) return send(400, 'Bad host', text);

    try {
      if (pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendJson(405, { error: 'Use POST.' }, { Allow: 'POST' });
        // Only the page this server served may call it (a browser always sends Origin with a POST).
        const origin = req.headers.origin;
        if (origin !== undefined && origin !== `http://${host}`) return sendJson(403, { error: 'Requests must come from the room page.' });
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/json') return sendJson(415, { error: 'Send JSON (Content-Type: application/json).' });
        const body = await this.readBody(req);
        return sendJson(200, this.api(pathname, body, req.socket.remoteAddress ?? ''));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed', text, { Allow: 'GET, HEAD' });
      return await this.serveStatic(pathname, send);
    } catch (error) {
      if (error instanceof HttpError) {
        return pathname.startsWith('/api/')
          ? sendJson(error.status, { error: error.message }, error.status === 429 ? { 'Retry-After': '60' } : {})
          : send(error.status, error.message, text);
      }
      return pathname.startsWith('/api/') ? sendJson(500, { error: 'Something went wrong.' }) : send(500, 'Server error', text);
    }
  }

  private readBody(req: IncomingMessage): Promise<unknown> {
    const cap = this.options.limits.bodyBytes;
    if (Number(req.headers['content-length'] ?? 0) > cap) return Promise.reject(new HttpError(413, 'Request too large.'));
    return new Promise((done, fail) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > cap) {
          fail(new HttpError(413, 'Request too large.'));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      req.on('error', () => fail(new HttpError(400, 'Request failed.')));
      req.on('end', () => {
        try {
          done(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          fail(new HttpError(400, 'The request is not valid JSON.'));
        }
      });
    });
  }

  private api(pathname: string, body: unknown, address: string): unknown {
    if (this.closed) throw new HttpError(503, 'The room is closed.');
    switch (pathname) {
      case '/api/code':
        return this.redeemCode(body, address);
      case '/api/room': {
        const request = roomRequestSchema.safeParse(body);
        if (!request.success) throw new HttpError(400, 'The request is not valid.');
        this.requireRoomToken(request.data.roomToken);
        const people = [...this.people]
          .filter(([id]) => !this.participants.get(id)?.removed)
          .map(([id, name]) => ({ id, name }));
        return { roomId: this.roomId, title: this.title, people };
      }
      case '/api/enter':
        return this.enter(body);
      default:
        throw new HttpError(404, 'Not found.');
    }
  }

  private requireRoomToken(token: string): void {
    if (!sameSecret(token, this.roomToken)) throw new HttpError(403, 'This room link is not valid (the room may have closed).');
  }

  private redeemCode(body: unknown, address: string): { roomToken: string } {
    const now = performance.now();
    let tries = this.codeTries.get(address);
    if (tries && now - tries.start >= 60_000) tries = undefined;
    if (tries && tries.count >= this.options.limits.joinTriesPerMinute) {
      throw new HttpError(429, 'Too many wrong codes. Wait a minute, then try again.');
    }
    const request = codeRequestSchema.safeParse(body);
    const code = request.success ? normaliseJoinCode(request.data.code) : null;
    if (code !== null && sameSecret(code, this.code)) return { roomToken: this.roomToken };
    if (!tries) {
      // Forget old entries before adding one, so a crowd of addresses cannot grow the map forever.
      if (this.codeTries.size >= 4096) {
        for (const [key, value] of this.codeTries) if (now - value.start >= 60_000) this.codeTries.delete(key);
        if (this.codeTries.size >= 4096) throw new HttpError(429, 'Too many wrong codes. Wait a minute, then try again.');
      }
      tries = { start: now, count: 0 };
      this.codeTries.set(address, tries);
    }
    tries.count += 1;
    throw new HttpError(request.success ? 403 : 400, request.success ? 'That code is not right. Check it on the facilitator’s screen.' : 'The request is not valid.');
  }

  private enter(body: unknown): { roomId: string; participantId: string; token: string } {
    const request = enterRequestSchema.safeParse(body);
    if (!request.success) throw new HttpError(400, 'Enter a name (at most 80 characters).');
    const { roomToken, participantId } = request.data;
    this.requireRoomToken(roomToken);
    const limits = this.options.limits;
    let p = participantId === undefined ? undefined : this.participants.get(participantId);
    if (p?.removed) throw new HttpError(403, 'The facilitator removed you from this room.');
    if (!p) {
      if (participantId !== undefined && !this.people.has(participantId)) {
        throw new HttpError(404, 'That person is not in this workshop. Enter your name instead.');
      }
      const active = [...this.participants.values()].filter((q) => !q.removed).length;
      if (active >= limits.participants || this.participants.size >= limits.participants * 2) {
        throw new HttpError(409, 'The room is full. Ask the facilitator.');
      }
      const name = participantId !== undefined ? this.people.get(participantId)! : request.data.name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
      if (!name) throw new HttpError(400, 'Enter a name.');
      let id = participantId ?? newId();
      while (this.participants.has(id)) id = newId();
      p = this.addParticipant(id, name);
    }
    if (!p.token) {
      p.token = newToken();
      this.tokens.set(p.token, p.id);
      this.save();
    }
    this.writeRoster(p);
    return { roomId: this.roomId, participantId: p.id, token: p.token };
  }

  private async serveStatic(
    pathname: string,
    send: (status: number, body: string | Buffer, type: string, extra?: Record<string, string>) => void,
  ): Promise<void> {
    const root = resolve(this.options.participantDir);
    const notFound = () => send(404, 'Not found', 'text/plain; charset=utf-8');
    let realRoot: string;
    try {
      realRoot = await realpath(root);
      await stat(resolve(realRoot, 'index.html'));
    } catch {
      return send(503, 'participant page not built', 'text/plain; charset=utf-8');
    }
    let file: string;
    if (pathname === '/' || pathname === '/index.html') {
      file = resolve(realRoot, 'index.html');
    } else if (pathname.startsWith('/assets/')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        return notFound();
      }
      if (decoded.includes('\0')) return notFound();
      const assets = resolve(realRoot, 'assets');
      file = resolve(assets, `.${decoded.slice('/assets'.length)}`);
      if (!file.startsWith(assets + sep)) return notFound();
    } else {
      return notFound();
    }
    try {
      // A symlink inside the folder must not become a door out of it.
      const realFile = await realpath(file);
      if (!realFile.startsWith(realRoot + sep) || !(await stat(realFile)).isFile()) return notFound();
      const body = await readFile(realFile);
      send(200, body, contentTypeFor(realFile), { 'Cache-Control': 'no-cache' });
    } catch {
      notFound();
    }
  }
}

// --- The host's handle -----------------------------------------------------------------------

/**
 * At most one open room. Electron's main process and scripts/serve.mjs each hold one RoomHost;
 * the room (tokens, code, documents) lives as long as it is open, so a reloaded facilitator page
 * finds it again through status().
 */
export class RoomHost {
  private room: Room | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly options: Required<Omit<RoomHostOptions, 'limits'>> & { limits: RoomServerLimits };

  constructor(options: RoomHostOptions) {
    const listenHost = options.listenHost ?? '0.0.0.0';
    if (listenHost !== '0.0.0.0' && listenHost !== '127.0.0.1') throw new Error(`The room listens on 0.0.0.0 or 127.0.0.1, not ${String(listenHost)}.`);
    this.options = {
      participantDir: options.participantDir,
      listenHost,
      port: options.port ?? 0,
      now: options.now ?? Date.now,
      persist: options.persist ?? null,
      limits: { ...defaultRoomServerLimits, ...options.limits },
    };
  }

  /** Opens the workshop's room; the same workshop again gives the same room, another one replaces it. */
  open(request: RoomOpenRequest): Promise<RoomInfo> {
    return this.serial(async () => {
      // Both hosts validate already; the server does not rely on it.
      request = roomOpenRequestSchema.parse(request);
      if (this.room && this.room.workshopId === request.workshopId) {
        this.room.setTitle(request.title);
        this.room.setPeople(request.people);
        return this.room.info();
      }
      await this.closeRoom();
      // The host crashed with this workshop's room open: the same room again (link, code, people).
      let saved: SavedRoom | null = null;
      try {
        saved = this.options.persist?.load() ?? null;
      } catch {
        saved = null;
      }
      const room = new Room(request.workshopId, request, this.options, saved?.workshopId === request.workshopId ? saved : null);
      try {
        await room.start();
      } catch (error) {
        await room.close();
        throw error;
      }
      this.room = room;
      return room.info();
    });
  }

  /** Stops listening, ends every connection and forgets the room's documents and tokens. */
  close(): Promise<void> {
    return this.serial(() => this.closeRoom());
  }

  status(): RoomInfo | null {
    return this.room?.info() ?? null;
  }

  /** The participant's token stops working at once; their open connections end; the roster says removed. */
  revoke(participantId: string): void {
    this.requireRoom().revoke(participantId);
  }

  /** Locked: every participant connection is read-only (its own document too) until unlocked. */
  setLocked(locked: boolean): RoomInfo {
    const room = this.requireRoom();
    room.setLocked(locked);
    return room.info();
  }

  /** The workshop's people, offered on the join page. */
  setPeople(people: RoomPeople): void {
    this.requireRoom().setPeople(roomPeopleRequestSchema.parse({ people }).people);
  }

  private requireRoom(): Room {
    if (!this.room) throw new Error('No room is open.');
    return this.room;
  }

  private async closeRoom(): Promise<void> {
    const room = this.room;
    this.room = null;
    await room?.close();
    // Closed on purpose: the old link must not come back.
    if (room) {
      try {
        this.options.persist?.save(null);
      } catch (error) {
        console.warn('Room: could not forget the closed room.', error);
      }
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
