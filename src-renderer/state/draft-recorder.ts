// Keeps the typing journal (draft-journal.ts) for one draft while it is typed, and replays what
// closed windows left behind. On each keystroke the draft's commit is dry-run (its commands are
// captured, not applied), turned into the changes it would make to the rows as stored (watched
// live), and written to localStorage synchronously; the entry goes once the commit is applied.
// Each window holds a Web Lock for its session, so journals of windows still open are replayed
// only once they close. Never applies a command itself except through replayEntries.
import { liveQuery } from 'dexie';
import { useEffect, useRef } from 'react';
import { rowFields, type Row } from '../db/commands';
import { getDb, keyOf, type CentricDb, type RowOf, type TableName } from '../db/database';
import { entryFor, journalCommands, readEntries, removeEntry, replayEntries, writeEntry, type JournalStorage } from './draft-journal';
import { dryRun, useHistory, whenApplied } from './history';

// Lock names are shared between windows of different versions: changing them needs a migration.
const LOCK_PREFIX = 'centric.typing-journal.v1.session:';

/** This window's journal session (one per page load). */
const session = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `s${Date.now()}${Math.random()}`;
let nextDraft = 0;

function journalStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage disabled (a sandboxed frame): no journal, the debounce alone stores typing.
    return null;
  }
}

let warned = false;
function warnOnce(err: unknown): void {
  if (!warned) console.warn('Typing journal: could not record typing.', err);
  warned = true;
}

/** Rows a draft writes are watched while it is in use: at most this many per draft. */
const MAX_WATCHED = 8;
/** Commits of one draft not yet confirmed, kept as bases for its next entries. */
const MAX_IN_FLIGHT = 4;

/** A row as the screen already holds it (from its own live query). */
export type KnownRow = { readonly [T in TableName]: { readonly table: T; readonly row: RowOf<T> } }[TableName];

export interface DraftRecorder {
  /** Before typing (focus): learns which rows the commit writes and starts reading them. */
  prepare(commit: () => unknown): void;
  /**
   * Rows the screen already holds, used until the recorder's own read of them arrives, so the
   * first keystrokes are journaled at once (the read is asynchronous and, on a busy machine,
   * can come after a window closed right after typing).
   */
  know(rows: readonly KnownRow[]): void;
  /** After a keystroke: journals what `commit` would store now (null: nothing storable now). */
  record(commit: (() => unknown) | null): void;
  /** The journaled typing is being committed now. */
  committing(): void;
  /** Once the commands submitted so far are applied, drops the entry unless typing went on. */
  settle(stillDirty: () => boolean): void;
  /** The typing is dropped, not stored. */
  discard(): void;
  /** Stops watching rows (unmount); an entry still waiting for its commit stays until settled. */
  dispose(): void;
}

export function createDraftRecorder(): DraftRecorder {
  const storage = journalStorage();
  const id = `${session}:${++nextDraft}`;
  const watched = new Map<string, { row: Row | undefined | null; stop: () => void }>();
  const known = new Map<string, Row>();
  let pending: (() => unknown) | null = null;
  let lastAfter: ReadonlyMap<string, Row> | null = null;
  let inFlight: ReadonlyMap<string, Row>[] = [];
  let commits = 0;

  const lookup = (table: TableName, key: string): Row | undefined | null => {
    const k = `${table}\u0000${key}`;
    const w = watched.get(k);
    // A row read from storage wins (undefined: it does not exist); until it arrives, the row as
    // the screen holds it.
    if (w && w.row !== null) return w.row;
    return known.get(k) ?? null;
  };

  const watch = (table: TableName, key: string) => {
    const k = `${table}\u0000${key}`;
    if (watched.has(k)) return;
    if (watched.size >= MAX_WATCHED) {
      const [oldest, w] = watched.entries().next().value!;
      w.stop();
      watched.delete(oldest);
    }
    const slot: { row: Row | undefined | null; stop: () => void } = { row: null, stop: () => undefined };
    watched.set(k, slot);
    const sub = liveQuery(() => getDb().table<Row, string>(table).get(key)).subscribe({
      next: (row) => {
        slot.row = row;
        // Typing not yet stored is journaled again over the row as it is now: the keystrokes
        // made while it was first read, or the same typing over another window's newer edit.
        if (pending) record(pending);
      },
      error: (err: unknown) => console.warn('Typing journal: could not watch a row.', err),
    });
    slot.stop = () => sub.unsubscribe();
  };

  const captured = (commit: () => unknown) => {
    const inputs = dryRun(commit);
    for (const input of inputs) for (const op of input.ops) watch(op.table, op.type === 'put' ? keyOf(op.table, op.row) : op.key);
    return inputs;
  };

  function record(commit: (() => unknown) | null): void {
    if (!storage) return;
    pending = commit;
    try {
      if (!commit) {
        removeEntry(storage, id);
        return;
      }
      const inputs = captured(commit);
      const journaled = inputs.length ? journalCommands(inputs, lookup, inFlight) : null;
      if (journaled === 'pending') return;
      const entry = journaled ? entryFor(inputs, journaled.rows, session, Date.now()) : null;
      lastAfter = journaled ? journaled.after : null;
      if (!entry || !writeEntry(storage, id, entry)) removeEntry(storage, id);
    } catch (err) {
      // The journal is a safety net: it must never get in the way of typing.
      warnOnce(err);
    }
  }

  return {
    prepare(commit) {
      try {
        if (storage) captured(commit);
      } catch (err) {
        warnOnce(err);
      }
    },
    record,
    know(rows) {
      known.clear();
      for (const { table, row } of rows.slice(0, MAX_WATCHED)) known.set(`${table}\u0000${keyOf(table, row)}`, rowFields(row));
    },
    committing() {
      commits++;
      if (lastAfter) inFlight = [...inFlight, lastAfter].slice(-MAX_IN_FLIGHT);
    },
    settle(stillDirty) {
      if (!storage) return;
      const mine = commits;
      void whenApplied().then(() => {
        if (commits !== mine || stillDirty()) return;
        removeEntry(storage, id);
        pending = null;
        lastAfter = null;
        inFlight = [];
      });
    },
    discard() {
      pending = null;
      lastAfter = null;
      inFlight = [];
      if (storage) removeEntry(storage, id);
    },
    dispose() {
      for (const w of watched.values()) w.stop();
      watched.clear();
    },
  };
}

/** One recorder for the lifetime of a component. */
export function useDraftRecorder(): DraftRecorder {
  const ref = useRef<DraftRecorder | null>(null);
  ref.current ??= createDraftRecorder();
  useEffect(() => {
    const r = ref.current;
    // Stops watching rows; a later keystroke (strict mode's second mount) starts again.
    return () => r?.dispose();
  }, []);
  return ref.current;
}

// --- Start-up ----------------------------------------------------------------------------------

async function replaySession(db: CentricDb, storage: JournalStorage, owner: string): Promise<void> {
  const counts = await replayEntries(db, storage, (e) => e.session === owner);
  // The snapshot schedule watches the revision: restored typing is a change like any other.
  if (counts.applied > 0) useHistory.setState((s) => ({ revision: s.revision + 1 }));
}

/**
 * Takes this window's session lock, then replays what closed windows left in the journal (before
 * the screens render, so they show it). Journals of windows still open are replayed when they
 * close, by whichever window gets their lock first.
 */
export async function startTypingJournal(db: CentricDb): Promise<void> {
  const storage = journalStorage();
  if (!storage) return;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  try {
    if (locks) {
      await new Promise<void>((granted) => {
        void locks.request(LOCK_PREFIX + session, () => {
          granted();
          return new Promise<never>(() => undefined);
        });
      });
    }
    const owners = [...new Set(readEntries(storage).map((x) => x.entry.session))].filter((s) => s !== session);
    for (const owner of owners) {
      if (!locks) {
        await replaySession(db, storage, owner);
        continue;
      }
      await locks.request(LOCK_PREFIX + owner, { ifAvailable: true }, async (lock) => {
        if (lock) await replaySession(db, storage, owner);
        else void locks.request(LOCK_PREFIX + owner, () => replaySession(db, storage, owner));
      });
    }
  } catch (err) {
    // The journal is a safety net: a failure here must never stop the app from starting.
    console.warn('Typing journal: replay on start failed.', err);
  }
}
