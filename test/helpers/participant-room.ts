// A stand-in room server for testing the participant page in a browser: serves the built page
// (out/participant) under the room's CSP, answers the join API from fixed data, and syncs the
// documents with a real Hocuspocus over /ws. Loopback only (127.0.0.1, a free port). Its auth is
// the contract's in miniature (a participant's token opens the shared document read-only and their
// own document read-write); the real server lives in src-main/room/.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { parseDocName, sharedDocName, participantDocName, SHARED, type PublishedCard, type PublishedJourney, type RosterEntry } from '../../src-renderer/domain/room';

const token = () => randomBytes(16).toString('base64url');

export interface RoomFixture {
  readonly title: string;
  readonly code: string;
  readonly people: readonly { id: string; name: string }[];
}

export interface ParticipantRoom {
  readonly origin: string;
  readonly roomId: string;
  readonly roomToken: string;
  readonly hocuspocus: Hocuspocus;
  /** participantId -> token, for the people who entered. */
  readonly entered: Map<string, { token: string; name: string }>;
  /** false: the room's network is gone for the phones (open sockets dropped, new ones refused); the page is still served. */
  setSocketsReachable(reachable: boolean): void;
  /** Changes the shared document as the facilitator's app and the server would. */
  changeShared(change: (doc: Y.Doc) => void): Promise<void>;
  /** Reads (a copy of the state of) a participant's own document on the server. */
  readOwn<T>(participantId: string, read: (doc: Y.Doc) => T): Promise<T>;
  close(): Promise<void>;
}

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

export async function startParticipantRoom(fixture: RoomFixture, dir = resolve(import.meta.dirname, '../../out/participant')): Promise<ParticipantRoom> {
  const roomId = 'room1';
  const roomToken = token();
  const entered = new Map<string, { token: string; name: string }>();

  // Documents outlive their connections (as the real server keeps them), so a phone that comes
  // back finds its document, and the test can read it after the phone left.
  const stored = new Map<string, Uint8Array>();
  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: 0,
    async onLoadDocument({ documentName, document }) {
      const update = stored.get(documentName);
      if (update) Y.applyUpdate(document, update);
      return document;
    },
    async onStoreDocument({ documentName, document }) {
      stored.set(documentName, Y.encodeStateAsUpdate(document));
    },
    async onAuthenticate({ token: given, documentName, connectionConfig }) {
      const parsed = parseDocName(documentName);
      const who = [...entered.entries()].find(([, p]) => p.token === given);
      if (!parsed || parsed.roomId !== roomId || !who) throw new Error('permission-denied');
      if (parsed.participantId === null) connectionConfig.readOnly = true;
      else if (parsed.participantId !== who[0]) throw new Error('permission-denied');
    },
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return {};
    }
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const body = await readJson(req);
      if (url.pathname === '/api/code') {
        return String(body.code) === fixture.code ? send(res, 200, { roomToken }) : send(res, 400, { error: 'That code is not the room’s code. Check it on the facilitator’s screen.' });
      }
      if (body.roomToken !== roomToken) return send(res, 403, { error: 'This join link is not valid any more. Ask the facilitator for the code.' });
      if (url.pathname === '/api/room') return send(res, 200, { roomId, title: fixture.title, people: fixture.people });
      if (url.pathname === '/api/enter') {
        const name = String(body.name ?? '').trim();
        const participantId = typeof body.participantId === 'string' ? body.participantId : `p${entered.size + 1}x`;
        const t = token();
        entered.set(participantId, { token: t, name });
        await changeShared((doc) => doc.getMap<RosterEntry>(SHARED.roster).set(participantId, { name, online: 0, removed: false, joinedAt: Date.now() }));
        return send(res, 200, { roomId, participantId, token: t });
      }
      return send(res, 404, { error: 'Not found' });
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = resolve(dir, rel);
    if (!file.startsWith(dir + sep)) return send(res, 404, { error: 'Not found' });
    try {
      const data = await readFile(file);
      res.writeHead(200, {
        'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self' ws://${req.headers.host ?? ''}`,
      });
      res.end(data);
    } catch {
      send(res, 404, { error: 'Not found' });
    }
  });
  let socketsReachable = true;
  server.on('upgrade', (req, socket, head) => {
    if (!socketsReachable) return socket.destroy();
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/ws') return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => hocuspocus.handleConnection(ws, req));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;

  // The facilitator's side holds the shared document open for the room's whole life.
  const sharedConn = await hocuspocus.openDirectConnection(sharedDocName(roomId));
  async function changeShared(change: (doc: Y.Doc) => void) {
    await sharedConn.transact(change);
  }

  return {
    origin: `http://127.0.0.1:${port}`,
    roomId,
    roomToken,
    hocuspocus,
    entered,
    changeShared,
    setSocketsReachable(reachable) {
      socketsReachable = reachable;
      if (!reachable) for (const c of wss.clients) c.terminate();
    },
    async readOwn(participantId, read) {
      const conn = await hocuspocus.openDirectConnection(participantDocName(roomId, participantId));
      let out: ReturnType<typeof read> | undefined;
      await conn.transact((doc) => {
        out = read(doc);
      });
      await conn.disconnect();
      return out as ReturnType<typeof read>;
    },
    async close() {
      await sharedConn.disconnect();
      for (const c of wss.clients) c.terminate();
      wss.close();
      hocuspocus.closeConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** A journey as the facilitator's app publishes it, with some cards. */
export function publishJourney(doc: Y.Doc, journey: PublishedJourney, cards: readonly PublishedCard[], title?: string): void {
  const room = doc.getMap<unknown>(SHARED.room);
  if (title !== undefined) room.set('title', title);
  room.set('journey', journey);
  const map = doc.getMap<PublishedCard>(SHARED.cards);
  for (const c of cards) map.set(c.id, c);
}
