// A phone's connection to the room: its two Yjs documents (the shared one, read only, and its own),
// each kept in IndexedDB so a reload or an outage loses nothing and shows what was last seen, and
// synced over one WebSocket (`ws://<host>/ws`) by two Hocuspocus providers. Owns no UI; it must
// never write to the shared document (the server refuses that anyway).
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import { participantDocName, sharedDocName } from '../domain/room';
import type { ConnectionFacts, Identity } from './participant-model';

export interface RoomConnection {
  readonly shared: Y.Doc;
  readonly own: Y.Doc;
  /** Resolves once both documents hold what this phone stored (before that, writes could reuse a rev). */
  readonly loaded: Promise<void>;
  facts(): ConnectionFacts;
  subscribe(listener: () => void): () => void;
  /** Try again now (e.g. the phone says it is back online) instead of waiting for the next retry. */
  retry(): void;
  destroy(): void;
}

/** FORMAT: IndexedDB database names (changing them forgets what phones kept). */
export const localDocName = (docName: string) => `centric-room/${docName}`;

/** How long to wait for this phone's stored documents before connecting without them. */
const LOCAL_LOAD_WAIT_MS = 4000;

export function roomSocketUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

export function openRoomConnection(identity: Identity, url: string = roomSocketUrl()): RoomConnection {
  const shared = new Y.Doc();
  const own = new Y.Doc();
  const sharedName = sharedDocName(identity.roomId);
  const ownName = participantDocName(identity.roomId, identity.participantId);
  const stores: IndexeddbPersistence[] = [];
  try {
    stores.push(new IndexeddbPersistence(localDocName(sharedName), shared), new IndexeddbPersistence(localDocName(ownName), own));
  } catch {
    // No IndexedDB (some private modes): the room still works while connected.
  }

  let facts: ConnectionFacts = { socket: 'connecting', failedOnce: false, denied: null };
  const listeners = new Set<() => void>();
  const set = (next: Partial<ConnectionFacts>) => {
    facts = { ...facts, ...next };
    for (const l of listeners) l();
  };

  const socket = new HocuspocusProviderWebsocket({
    url,
    // Start only once the stored documents are loaded: the first sync then already carries the
    // entries written while offline.
    autoConnect: false,
    // A phone back on the room's Wi-Fi should reconnect within seconds, not after 30.
    maxDelay: 5000,
  });
  const onStatus = ({ status }: { status: WebSocketStatus }) => {
    if (status === WebSocketStatus.Connected) set({ socket: 'connected' });
    else if (status === WebSocketStatus.Connecting) set({ socket: 'connecting' });
    else set({ socket: 'disconnected', failedOnce: true });
  };
  socket.on('status', onStatus);
  // A refused token (removed, or the room closed) will not be accepted on the next try either.
  const onDenied = ({ reason }: { reason: string }) => {
    set({ denied: String(reason).slice(0, 200) || 'permission-denied' });
    socket.disconnect();
  };
  const providers = [
    // The shared document carries no awareness: the connection is read only, and the server
    // counts who is online from connections. The own document's awareness keeps the socket's
    // liveness check fed (the provider expects a message at least every 30 s).
    new HocuspocusProvider({ websocketProvider: socket, name: sharedName, document: shared, token: identity.token, awareness: null, onAuthenticationFailed: onDenied }),
    new HocuspocusProvider({ websocketProvider: socket, name: ownName, document: own, token: identity.token, onAuthenticationFailed: onDenied }),
  ];

  let destroyed = false;
  // A browser whose IndexedDB never answers must not keep the phone out of the room.
  const loaded = Promise.race([Promise.all(stores.map((s) => s.whenSynced)), new Promise((ok) => setTimeout(ok, LOCAL_LOAD_WAIT_MS))]).then(() => undefined);
  void loaded.then(() => {
    if (destroyed) return;
    // With a shared socket each provider stays silent until attached (Hocuspocus 3.x).
    for (const p of providers) p.attach();
    void socket.connect();
  });

  const retry = () => {
    if (!destroyed && facts.denied === null && facts.socket !== 'connected') void socket.connect();
  };
  // A phone waking up or coming back on the network tries at once.
  const onVisible = () => document.visibilityState === 'visible' && retry();
  // A phone that says it lost the network shows it at once (a dead socket would otherwise look
  // connected until the provider's 30 s liveness check); what is added meanwhile waits on the
  // phone and goes on 'online'.
  const offline = () => {
    if (destroyed || facts.denied !== null) return;
    socket.disconnect();
    set({ socket: 'disconnected', failedOnce: true });
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', retry);
  document.addEventListener('visibilitychange', onVisible);

  return {
    shared,
    own,
    loaded,
    facts: () => facts,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retry,
    destroy() {
      destroyed = true;
      window.removeEventListener('online', retry);
      window.removeEventListener('offline', offline);
      document.removeEventListener('visibilitychange', onVisible);
      for (const p of providers) p.destroy();
      socket.destroy();
      for (const s of stores) void s.destroy();
      listeners.clear();
    },
  };
}
