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

/** Applies the ops in one read-write transaction and returns what changed. */
export async function applyCommand(db: CentricDb, input: CommandInput, now = Date.now()): Promise<AppliedCommand> {
  const touch = input.touchWorkshop;
  const tables = tablesOf(input.ops, touch ? ['workshops'] : []);
  const changes = await db.transaction('rw', tables, async () => {
    const out: Change[] = [];
    // Several ops may hit one row; keep the first before and the last after.
    const index = new Map<string, number>();
    const record = (table: TableName, key: string, before: Row | undefined, after: Row | undefined) => {
      const id = `${table}\u0000${key}`;
      const at = index.get(id);
      if (at === undefined) {
        index.set(id, out.length);
        out.push({ table, key, before, after });
      } else {
        out[at] = { ...out[at]!, after };
      }
    };
    for (const op of input.ops) {
      const table = db.table<Row, string>(op.table);
      if (op.type === 'put') {
        const key = keyOf(op.table, op.row);
        const before = await table.get(key);
        await table.put(op.row);
        record(op.table, key, before, op.row);
      } else if (op.type === 'update') {
        const before = await table.get(op.key);
        if (before === undefined) throw new Error(`It no longer exists (${op.table} ${op.key}).`);
        const after = op.update(before);
        await table.put(after);
        record(op.table, op.key, before, after);
      } else {
        const before = await table.get(op.key);
        if (before === undefined) continue;
        await table.delete(op.key);
        record(op.table, op.key, before, undefined);
      }
    }
    if (touch) {
      const w = await db.workshops.get(touch);
      if (w) {
        const after = { ...w, updatedAt: now };
        await db.workshops.put(after);
        record('workshops', touch, w as unknown as Row, after as unknown as Row);
      }
    }
    return out;
  });
  return { label: input.label, scope: input.scope, changes, mergeKey: input.mergeKey, at: now };
}

/**
 * Writes each change's before (undo) or after (redo) state, in one transaction. A row that
 * still exists on both sides only gets back the fields this command changed, so a later edit
 * of other fields from another history (say, a rename from the library after a notes edit in
 * the workshop) survives the undo.
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
