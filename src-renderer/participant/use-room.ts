// React bindings for the participant page: re-render when a Yjs document or the connection changes.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { ConnectionFacts } from './participant-model';
import type { RoomConnection } from './room-connection';

/** A number that changes with every update of `doc` (read the document in a useMemo keyed on it). */
export function useDocVersion(doc: Y.Doc): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    doc.on('update', bump);
    return () => doc.off('update', bump);
  }, [doc]);
  return version;
}

export function useConnectionFacts(conn: Pick<RoomConnection, 'facts' | 'subscribe'>): ConnectionFacts {
  return useSyncExternalStore(conn.subscribe, conn.facts);
}
