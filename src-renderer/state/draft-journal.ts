// The typing journal's format and replay: a small record, kept synchronously in localStorage, of
// typing not yet known to be in IndexedDB, so that closing the window or leaving the page right
// after a keystroke loses nothing (a write started in pagehide may never finish; a localStorage
// write is done when setItem returns). Owns the entry format, its bounds, and the replay rule:
// an entry is applied only where the stored value is still one it was typed over, never over a
// newer edit and never into a row or list item that is gone. Writes IndexedDB only through
// applyCommand; never trusts what it reads back from localStorage.
import { applyCommand, looseOp, rowFields, updateFieldsOp, updateOp, type CommandInput, type Op, type Row } from '../db/commands';
import { checkRow } from '../domain/records';
import { allTables, keyOf, type CentricDb, type RowOf, type TableName } from '../db/database';

// Storage keys. Changing this prefix or the entry format needs a migration (read the old
// prefix too), or typing journaled by the previous version is lost on the upgrade.
export const JOURNAL_PREFIX = 'centric.typing-journal.v1:';

/** An entry bigger than this (characters of JSON) is not journaled: the field relies on the debounce. */
export const MAX_ENTRY_CHARS = 200_000;
/** At most this many entries are replayed on a start; any more are dropped (newest kept). */
export const MAX_REPLAYED = 100;
/**
 * How long after a keystroke the draft's own commit may still be applied (it can wait behind
 * other commands), so its bump of the workshop's "last edit" does not count as a newer edit.
 */
export const OWN_COMMIT_SLACK_MS = 1000;

/** A step into a row: a field name, or the element of a list that has this id. */
export type PathStep = string | { readonly id: string };

/** Stored value encodings: JSON, '' for an absent field, GONE when a list item or object on the way is missing. */
const GONE = '!gone';

/** One typed change: the value at `path` becomes `value` if it is still one of `bases`. */
export interface Leaf {
  readonly path: readonly PathStep[];
  readonly bases: readonly string[];
  readonly value: string;
}

export interface RowPatch {
  readonly table: TableName;
  readonly key: string;
  readonly leaves: readonly Leaf[];
}

export interface JournalEntry {
  readonly v: 1;
  /** The window (page load) that typed it. */
  readonly session: string;
  /** When the keystroke was journaled (ms since epoch). */
  readonly at: number;
  readonly label: string;
  readonly scope: string;
  readonly touchWorkshop?: string;
  readonly rows: readonly RowPatch[];
}

/** The part of Web Storage the journal uses (localStorage, or a map in tests). */
export interface JournalStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

// --- Values and paths -----------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const enc = (v: unknown): string => (v === undefined ? '' : JSON.stringify(v));
const dec = (s: string): unknown => (s === '' ? undefined : JSON.parse(s));
const rowId = (table: string, key: string) => `${table}\u0000${key}`;

function idsOf(list: readonly unknown[]): string[] | null {
  const ids: string[] = [];
  for (const x of list) {
    if (!isObject(x) || typeof x.id !== 'string') return null;
    ids.push(x.id);
  }
  return new Set(ids).size === ids.length ? ids : null;
}

/** The places where `b` differs from `a`, as deep as fields and id-keyed list items go. */
function diffPaths(a: unknown, b: unknown, path: PathStep[], out: PathStep[][]): void {
  if (a === b) return;
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diffPaths(a[k], b[k], [...path, k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    const ia = idsOf(a);
    const ib = idsOf(b);
    if (ia && ib && ia.every((id, i) => id === ib[i])) {
      a.forEach((x, i) => diffPaths(x, b[i], [...path, { id: ia[i]! }], out));
      return;
    }
  }
  if (enc(a) !== enc(b)) out.push(path);
}

/** The encoded value at `path`, or GONE when something on the way is missing. */
export function valueAt(row: unknown, path: readonly PathStep[]): string {
  let cur: unknown = row;
  for (const step of path) {
    if (typeof step === 'string') {
      if (!isObject(cur)) return GONE;
      cur = cur[step];
    } else {
      if (!Array.isArray(cur)) return GONE;
      cur = cur.find((x) => isObject(x) && x.id === step.id);
      if (cur === undefined) return GONE;
    }
  }
  return enc(cur);
}

function setAt(node: unknown, path: readonly PathStep[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [step, ...rest] = path;
  if (typeof step === 'string') {
    if (!isObject(node)) throw new ReplayStop('gone');
    const next = { ...node };
    const v = setAt(node[step], rest, value);
    if (v === undefined) delete next[step];
    else next[step] = v;
    return next;
  }
  if (!Array.isArray(node)) throw new ReplayStop('gone');
  const i = node.findIndex((x) => isObject(x) && x.id === step!.id);
  if (i === -1) throw new ReplayStop('gone');
  const copy = [...node];
  copy[i] = setAt(node[i], rest, value);
  return copy;
}

const isPrefix = (p: readonly PathStep[], of: readonly PathStep[]) => p.length <= of.length && p.every((s, i) => enc(s) === enc(of[i]));

// --- Turning captured commands into an entry -------------------------------------------------

/** What is known of a row: the row, undefined when it does not exist, null when not read yet. */
export type RowLookup = (table: TableName, key: string) => Row | undefined | null;

export interface Journaled {
  readonly rows: readonly RowPatch[];
  /** Each touched row as the commands would leave it (by table and key). */
  readonly after: ReadonlyMap<string, Row>;
}

/**
 * What the commands a draft's commit would submit change, relative to the stored rows and to the
 * rows as earlier, not yet confirmed commits of the same draft leave them (any of those may be
 * what is stored when the window goes). 'pending': a row is not read yet. null: not journalable
 * (a row created or deleted, an update of a missing row, an update that throws).
 */
export function journalCommands(inputs: readonly CommandInput[], stored: RowLookup, earlier: readonly ReadonlyMap<string, Row>[]): Journaled | 'pending' | null {
  const state = new Map<string, { table: TableName; key: string; row: Row }>();
  for (const input of inputs) {
    for (const typed of input.ops) {
      const op = looseOp(typed);
      if (op.type === 'delete') return null;
      const key = op.type === 'put' ? keyOf(op.table, op.row as RowOf<TableName>) : op.key;
      const id = rowId(op.table, key);
      const base = stored(op.table, key);
      if (base === null) return 'pending';
      if (base === undefined) return null;
      if (op.type === 'put') {
        state.set(id, { table: op.table, key, row: rowFields(op.row) });
        continue;
      }
      try {
        state.set(id, { table: op.table, key, row: rowFields(op.update(state.get(id)?.row ?? base)) });
      } catch {
        return null;
      }
    }
  }
  const rows: RowPatch[] = [];
  const after = new Map<string, Row>();
  for (const [id, { table, key, row }] of state) {
    after.set(id, row);
    const bases = [stored(table, key)!, ...earlier.map((e) => e.get(id)).filter((r): r is Row => r !== undefined)];
    const found: PathStep[][] = [];
    for (const b of bases) diffPaths(b, row, [], found);
    // The coarsest place wins: a list that changed shape is one leaf, not its items.
    const paths: PathStep[][] = [];
    for (const p of found.sort((x, y) => x.length - y.length)) if (!paths.some((q) => isPrefix(q, p))) paths.push(p);
    const leaves: Leaf[] = [];
    for (const path of paths) {
      const value = valueAt(row, path);
      if (value === GONE) return null;
      const bs = [...new Set(bases.map((b) => valueAt(b, path)))].filter((b) => b !== value);
      if (bs.length > 0) leaves.push({ path, bases: bs, value });
    }
    if (leaves.length > 0) rows.push({ table, key, leaves });
  }
  return { rows, after };
}

/** The entry for these commands, or null when nothing is left to journal. */
export function entryFor(inputs: readonly CommandInput[], rows: readonly RowPatch[], session: string, at: number): JournalEntry | null {
  const first = inputs[0];
  if (!first || rows.length === 0) return null;
  const touch = inputs.find((i) => i.touchWorkshop)?.touchWorkshop;
  return { v: 1, session, at, label: first.label, scope: first.scope, ...(touch ? { touchWorkshop: touch } : {}), rows };
}

// --- Storage ---------------------------------------------------------------------------------

let warnedFull = false;

/** Writes (replaces) one entry; false when it is too big or storage refuses it. */
export function writeEntry(storage: JournalStorage, id: string, entry: JournalEntry): boolean {
  const text = JSON.stringify(entry);
  if (text.length > MAX_ENTRY_CHARS) {
    storage.removeItem(JOURNAL_PREFIX + id);
    return false;
  }
  try {
    storage.setItem(JOURNAL_PREFIX + id, text);
    return true;
  } catch (err) {
    // Quota: the debounce still stores the typing; only a close within it is unprotected.
    if (!warnedFull) console.warn('Typing journal: localStorage refused an entry.', err);
    warnedFull = true;
    storage.removeItem(JOURNAL_PREFIX + id);
    return false;
  }
}

export function removeEntry(storage: JournalStorage, id: string): void {
  storage.removeItem(JOURNAL_PREFIX + id);
}

const isTable = (t: unknown): t is TableName => typeof t === 'string' && (allTables as readonly string[]).includes(t);
const isStep = (s: unknown): s is PathStep => typeof s === 'string' || (isObject(s) && typeof s.id === 'string' && Object.keys(s).length === 1);
const isEncoded = (s: unknown): s is string => {
  if (typeof s !== 'string') return false;
  if (s === '' || s === GONE) return true;
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

function isEntry(x: unknown): x is JournalEntry {
  if (!isObject(x) || x.v !== 1 || typeof x.session !== 'string' || typeof x.at !== 'number' || !Number.isFinite(x.at)) return false;
  if (typeof x.label !== 'string' || typeof x.scope !== 'string' || (x.touchWorkshop !== undefined && typeof x.touchWorkshop !== 'string')) return false;
  if (!Array.isArray(x.rows) || x.rows.length === 0) return false;
  return x.rows.every(
    (r: unknown) =>
      isObject(r) &&
      isTable(r.table) &&
      typeof r.key === 'string' &&
      Array.isArray(r.leaves) &&
      r.leaves.every(
        (l: unknown) => isObject(l) && Array.isArray(l.path) && l.path.length > 0 && l.path.every(isStep) && Array.isArray(l.bases) && l.bases.every(isEncoded) && isEncoded(l.value) && l.value !== GONE,
      ),
  );
}

/** Every well-formed entry, oldest first; malformed ones are removed with a warning, never thrown. */
export function readEntries(storage: JournalStorage): { id: string; entry: JournalEntry }[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(JOURNAL_PREFIX)) keys.push(k);
  }
  const out: { id: string; entry: JournalEntry }[] = [];
  for (const k of keys) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(storage.getItem(k) ?? '');
    } catch {
      parsed = undefined;
    }
    if (isEntry(parsed)) out.push({ id: k.slice(JOURNAL_PREFIX.length), entry: parsed });
    else {
      console.warn(`Typing journal: ignored an unreadable entry (${k.slice(0, 120)}).`);
      storage.removeItem(k);
    }
  }
  return out.sort((a, b) => a.entry.at - b.entry.at);
}

// --- Replay ----------------------------------------------------------------------------------

export type ReplayOutcome = 'applied' | 'unchanged' | 'newer' | 'gone' | 'failed';

class ReplayStop extends Error {
  constructor(readonly outcome: 'unchanged' | 'newer' | 'gone' | 'failed') {
    super(outcome);
  }
}

/**
 * Applies one entry in one command: all of it or none. Refused ('newer') when a field holds a
 * value the typing was not done over, or the workshop was edited after the keystroke (a stale
 * entry must never undo a later edit); refused ('gone') when a row or list item no longer exists.
 */
export async function replayEntry(db: CentricDb, entry: JournalEntry): Promise<ReplayOutcome> {
  const ops: Op[] = [];
  if (entry.touchWorkshop) {
    const at = entry.at;
    ops.push(
      updateOp('workshops', entry.touchWorkshop, (w) => {
        if (w.updatedAt > at + OWN_COMMIT_SLACK_MS) throw new ReplayStop('newer');
        return w;
      }),
    );
  }
  let changed = false;
  for (const patch of entry.rows) {
    ops.push(
      updateFieldsOp(patch.table, patch.key, (row) => {
        let next: unknown = row;
        for (const leaf of patch.leaves) {
          const now = valueAt(next, leaf.path);
          if (now === GONE) throw new ReplayStop('gone');
          if (now === leaf.value) continue;
          if (!leaf.bases.includes(now)) throw new ReplayStop('newer');
          next = setAt(next, leaf.path, dec(leaf.value));
          changed = true;
        }
        // Nothing to write: stop before the workshop's "last edit" is bumped for nothing.
        if (!changed && patch === entry.rows[entry.rows.length - 1]) throw new ReplayStop('unchanged');
        // The journal is read from outside the database (localStorage): the patched row must
        // still be a valid row of its table, or nothing is written.
        const checked = checkRow(patch.table, next);
        if (!checked.ok) throw new ReplayStop('failed');
        return checked.row;
      }),
    );
  }
  for (const patch of entry.rows) {
    if ((await db.table<Row, string>(patch.table).get(patch.key)) === undefined) return 'gone';
  }
  if (entry.touchWorkshop && (await db.workshops.get(entry.touchWorkshop)) === undefined) return 'gone';
  try {
    await applyCommand(db, { label: entry.label, scope: entry.scope, ops, touchWorkshop: entry.touchWorkshop });
    return 'applied';
  } catch (err) {
    if (err instanceof ReplayStop) return err.outcome;
    // Deleted between the check and the write (another window), or storage failed: nothing was written.
    console.warn('Typing journal: an entry could not be replayed.', err);
    return 'failed';
  }
}

/**
 * Replays the entries `which` selects (oldest first, at most MAX_REPLAYED of them) and removes
 * them whatever the outcome, so a bad entry is tried once, not on every start.
 */
export async function replayEntries(db: CentricDb, storage: JournalStorage, which: (e: JournalEntry) => boolean): Promise<Record<ReplayOutcome, number>> {
  const counts: Record<ReplayOutcome, number> = { applied: 0, unchanged: 0, newer: 0, gone: 0, failed: 0 };
  const chosen = readEntries(storage).filter((x) => which(x.entry));
  const dropped = chosen.length - MAX_REPLAYED;
  if (dropped > 0) console.warn(`Typing journal: ${dropped} old entries dropped unreplayed (more than ${MAX_REPLAYED}).`);
  chosen.forEach((x, i) => {
    if (i < dropped) storage.removeItem(JOURNAL_PREFIX + x.id);
  });
  for (const { id, entry } of chosen.slice(Math.max(dropped, 0))) {
    counts[await replayEntry(db, entry)]++;
    storage.removeItem(JOURNAL_PREFIX + id);
  }
  return counts;
}
