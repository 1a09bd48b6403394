// The one path for every content edit: a command applies puts and deletes in one transaction
// and records each row's before and after, so it can be undone and redone exactly.
// Never write workshop content to Dexie anywhere else: undo, autosave and snapshots hang on this seam.
import { allTables, keyOf, type CentricDb, type TableName } from './database';

export type Row = Record<string, unknown>;

export type Op =
  | { readonly type: 'put'; readonly table: TableName; readonly row: Row }
  | { readonly type: 'delete'; readonly table: TableName; readonly key: string }
  /** Changes the row as stored at the moment of writing, so two quick edits never overwrite each other. */
  | { readonly type: 'update'; readonly table: TableName; readonly key: string; readonly update: (row: Row) => Row };

export interface Change {
  readonly table: TableName;
  readonly key: string;
  /** The row before the command, or undefined if it did not exist. */
  readonly before: Row | undefined;
  /** The row after the command, or undefined if it was deleted. */
  readonly after: Row | undefined;
}

/** Where a command's undo history lives: a workshop id, or "library" for library-wide edits. */
export type Scope = string;
export const LIBRARY_SCOPE = 'library';

export interface CommandInput {
  /** Shown in the undo/redo menu and messages, e.g. "Rename workshop". */
  readonly label: string;
  readonly scope: Scope;
  readonly ops: readonly Op[];
  /** Edits with the same merge key in quick succession become one undo step (typing). */
  readonly mergeKey?: string;
  /** Workshop whose `updatedAt` this edit bumps ("last edit" in the library). */
  readonly touchWorkshop?: string;
}

export interface AppliedCommand {
  readonly label: string;
  readonly scope: Scope;
  readonly changes: readonly Change[];
  readonly mergeKey?: string;
  /** ms since epoch when applied */
  readonly at: number;
}

function tablesOf(ops: readonly { table: TableName }[], extra: TableName[] = []): TableName[] {
  const set = new Set<TableName>(extra);
  for (const op of ops) set.add(op.table);
  // Keep a stable order so Dexie's transaction scope is deterministic.
  return allTables.filter((t) => set.has(t));
}

/**
 * Applies the ops in one read-write transaction and returns what changed. Every row the
 * command touches is read once up front (bulkGet per table) and written once at the end
 * (bulkPut / bulkDelete per table), so a 15,000-row import costs a few round trips, not 30,000.
 */
export async function applyCommand(db: CentricDb, input: CommandInput, now = Date.now()): Promise<AppliedCommand> {
  const touch = input.touchWorkshop;
  const tables = tablesOf(input.ops, touch ? ['workshops'] : []);
  const changes = await db.transaction('rw', tables, async () => {
    // The keys each table's ops touch, in first-touch order.
    const keysByTable = new Map<TableName, string[]>();
    const want = (table: TableName, key: string) => {
      const list = keysByTable.get(table) ?? [];
      if (list.length === 0) keysByTable.set(table, list);
      list.push(key);
    };
    for (const op of input.ops) want(op.table, op.type === 'put' ? keyOf(op.table, op.row) : op.key);
    if (touch) want('workshops', touch);

    // Current state of every touched row, then each op applied in order to that state.
    const state = new Map<string, Row | undefined>();
    const before = new Map<string, Row | undefined>();
    const order: { table: TableName; key: string }[] = [];
    const id = (table: TableName, key: string) => `${table}\u0000${key}`;
    for (const [table, keys] of keysByTable) {
      const unique = [...new Set(keys)];
      const rows = await db.table<Row, string>(table).bulkGet(unique);
      unique.forEach((key, i) => {
        state.set(id(table, key), rows[i]);
        before.set(id(table, key), rows[i]);
      });
    }
    const touched = new Set<string>();
    const mark = (table: TableName, key: string) => {
      const k = id(table, key);
      if (!touched.has(k)) {
        touched.add(k);
        order.push({ table, key });
      }
    };
    for (const op of input.ops) {
      if (op.type === 'put') {
        const key = keyOf(op.table, op.row);
        state.set(id(op.table, key), op.row);
        mark(op.table, key);
      } else if (op.type === 'update') {
        const current = state.get(id(op.table, op.key));
        if (current === undefined) throw new Error(`It no longer exists (${op.table} ${op.key}).`);
        state.set(id(op.table, op.key), op.update(current));
        mark(op.table, op.key);
      } else {
        if (state.get(id(op.table, op.key)) === undefined) continue;
        state.set(id(op.table, op.key), undefined);
        mark(op.table, op.key);
      }
    }
    if (touch) {
      const w = state.get(id('workshops', touch));
      if (w) {
        state.set(id('workshops', touch), { ...w, updatedAt: now });
        mark('workshops', touch);
      }
    }

    // One write per table: the final state of each touched row.
    const out: Change[] = [];
    const puts = new Map<TableName, Row[]>();
    const deletes = new Map<TableName, string[]>();
    for (const { table, key } of order) {
      const after = state.get(id(table, key));
      const was = before.get(id(table, key));
      if (was === undefined && after === undefined) continue;
      out.push({ table, key, before: was, after });
      if (after === undefined) {
        const list = deletes.get(table) ?? [];
        if (list.length === 0) deletes.set(table, list);
        list.push(key);
      } else {
        const list = puts.get(table) ?? [];
        if (list.length === 0) puts.set(table, list);
        list.push(after);
      }
    }
    for (const [table, rows] of puts) await db.table<Row, string>(table).bulkPut(rows);
    for (const [table, keys] of deletes) await db.table<Row, string>(table).bulkDelete(keys);
    return out;
  });
  return { label: input.label, scope: input.scope, changes, mergeKey: input.mergeKey, at: now };
}

/**
 * Writes each change's before (undo) or after (redo) state, in one transaction. A row that
 * still exists on both sides only gets back the fields this command changed, and only where
 * they still hold what the command wrote, so a later edit from another history or window (a
 * rename from the library after a notes edit in the workshop; the same field typed in a second
 * window) survives the undo.
 */
export async function replayChanges(db: CentricDb, changes: readonly Change[], direction: 'undo' | 'redo'): Promise<void> {
  const tables = tablesOf(changes);
  const ordered = direction === 'undo' ? [...changes].reverse() : changes;
  await db.transaction('rw', tables, async () => {
    for (const c of ordered) {
      const target = direction === 'undo' ? c.before : c.after;
      const source = direction === 'undo' ? c.after : c.before;
      const table = db.table<Row, string>(c.table);
      if (target === undefined) {
        await table.delete(c.key);
        continue;
      }
      const current = await table.get(c.key);
      if (current === undefined || source === undefined) {
        await table.put(target);
        continue;
      }
      const merged: Row = { ...current };
      for (const field of new Set([...Object.keys(target), ...Object.keys(source)])) {
        if (sameValue(target[field], source[field])) continue;
        // A field changed again since this command (say, from another window) keeps the newer
        // value: undo never wipes someone else's later edit.
        if (!sameValue(current[field], source[field])) continue;
        if (field in target) merged[field] = target[field];
        else delete merged[field];
      }
      await table.put(merged);
    }
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Folds a newer command into an older one: first before, last after per row. */
export function mergeCommands(older: AppliedCommand, newer: AppliedCommand): AppliedCommand {
  const changes = [...older.changes];
  for (const c of newer.changes) {
    const i = changes.findIndex((o) => o.table === c.table && o.key === c.key);
    if (i === -1) changes.push(c);
    else changes[i] = { ...changes[i]!, after: c.after };
  }
  return { ...older, changes, at: newer.at };
}

/** True when a command changed nothing (every before equals its after). */
export function isNoop(cmd: AppliedCommand): boolean {
  return cmd.changes.every((c) => JSON.stringify(c.before) === JSON.stringify(c.after));
}
