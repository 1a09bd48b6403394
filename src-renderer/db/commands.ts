// The one path for every content edit: a command applies puts and deletes in one transaction
// and records each row's before and after, so it can be undone and redone exactly.
// Never write workshop content to Dexie anywhere else: undo, autosave and snapshots hang on this seam.
// Ops are typed by table: a put or update of 'personas' takes and returns a Persona (domain/records.ts).
import { records, rowKey, type ParentLink, type RowOf } from '../domain/records';
import { allTables, type CentricDb, type TableName } from './database';

/** A stored row seen field by field, as undo's field-wise merge and the history need it. */
export type Row = Readonly<Record<string, unknown>>;

/** One change to one table, with the row typed by the table's record definition. */
export type OpFor<T extends TableName> =
  | { readonly type: 'put'; readonly table: T; readonly row: RowOf<T> }
  | { readonly type: 'delete'; readonly table: T; readonly key: string }
  /** Changes the row as stored at the moment of writing, so two quick edits never overwrite each other. */
  | { readonly type: 'update'; readonly table: T; readonly key: string; readonly update: (row: RowOf<T>) => RowOf<T> };

export type Op = { readonly [T in TableName]: OpFor<T> }[TableName];

/** Puts a whole row. */
export function putOp<T extends TableName>(table: T, row: RowOf<T>): OpFor<T> {
  return { type: 'put', table, row };
}
/** Deletes a row by key (nothing if it is already gone). */
export function deleteOp<T extends TableName>(table: T, key: string): OpFor<T> {
  return { type: 'delete', table, key };
}
/** Changes the stored row at the moment of writing; fails the command if the row is gone. */
export function updateOp<T extends TableName>(table: T, key: string, update: (row: RowOf<T>) => RowOf<T>): OpFor<T> {
  return { type: 'update', table, key, update };
}

/**
 * Puts a row of a table chosen at run time (import, restore, duplicate), for rows that already
 * passed that table's definition (a parsed backup, a read of the same table). Prefer putOp.
 */
export function putCheckedRowOp(table: TableName, row: object): Op {
  const op: AnyOp = { type: 'put', table, row };
  return op as Op;
}

/**
 * Changes a row of a table chosen at run time, field by field (the typing journal's replay,
 * which patches the very fields that were typed). The update must keep the row's type. Prefer updateOp.
 */
export function updateFieldsOp(table: TableName, key: string, update: (row: Row) => object): Op {
  const op: AnyOp = { type: 'update', table, key, update: (row) => update(fieldsOf(row)) };
  return op as Op;
}

/** An op seen table-independently (for code that handles every table alike). */
export function looseOp(op: Op): AnyOp {
  return op;
}

/** The fields of a stored row by name. */
export function rowFields(row: object): Row {
  return fieldsOf(row);
}

/**
 * The command layer's own view of an op: tables are handled generically here, so the row is any
 * stored object (a method's parameter accepts every table's update function).
 */
export type AnyOp =
  | { readonly type: 'put'; readonly table: TableName; readonly row: object }
  | { readonly type: 'delete'; readonly table: TableName; readonly key: string }
  | { readonly type: 'update'; readonly table: TableName; readonly key: string; update(row: object): object };

/** The fields of a stored row by name. */
function fieldsOf(row: object): Row {
  return row as Row;
}

function keyOf(table: TableName, row: object): string {
  return rowKey(table, row as RowOf<typeof table>);
}

/** Raised when an op would pass a count limit of its record definition; nothing is written. */
export class RecordLimitError extends Error {
  override readonly name = 'RecordLimitError';
}

/** Raised when undo or redo would leave a row without its parent, or bring back something deleted elsewhere. */
export class ReplayRefusedError extends Error {
  override readonly name = 'ReplayRefusedError';
}

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
 * A command that would pass a record's count limit (domain/records.ts) writes nothing and
 * throws a RecordLimitError that says which limit.
 */
export async function applyCommand(db: CentricDb, input: CommandInput, now = Date.now()): Promise<AppliedCommand> {
  const touch = input.touchWorkshop;
  const ops: readonly AnyOp[] = input.ops;
  const tables = tablesOf(ops, touch ? ['workshops'] : []);
  const changes = await db.transaction('rw', tables, async () => {
    // The keys each table's ops touch, in first-touch order.
    const keysByTable = new Map<TableName, string[]>();
    const want = (table: TableName, key: string) => {
      const list = keysByTable.get(table) ?? [];
      if (list.length === 0) keysByTable.set(table, list);
      list.push(key);
    };
    for (const op of ops) want(op.table, op.type === 'put' ? keyOf(op.table, op.row) : op.key);
    if (touch) want('workshops', touch);

    // Current state of every touched row, then each op applied in order to that state.
    const state = new Map<string, object | undefined>();
    const before = new Map<string, object | undefined>();
    const order: { table: TableName; key: string }[] = [];
    const id = (table: TableName, key: string) => `${table}\u0000${key}`;
    for (const [table, keys] of keysByTable) {
      const unique = [...new Set(keys)];
      const rows: (object | undefined)[] = await db.table(table).bulkGet(unique);
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
    for (const op of ops) {
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

    const out: Change[] = [];
    for (const { table, key } of order) {
      const after = state.get(id(table, key));
      const was = before.get(id(table, key));
      if (was === undefined && after === undefined) continue;
      out.push({ table, key, before: was && fieldsOf(was), after: after && fieldsOf(after) });
    }
    await checkLimits(db, out);

    // One write per table: the final state of each touched row.
    const puts = new Map<TableName, object[]>();
    const deletes = new Map<TableName, string[]>();
    for (const c of out) {
      if (c.after === undefined) {
        const list = deletes.get(c.table) ?? [];
        if (list.length === 0) deletes.set(c.table, list);
        list.push(c.key);
      } else {
        const list = puts.get(c.table) ?? [];
        if (list.length === 0) puts.set(c.table, list);
        list.push(c.after);
      }
    }
    for (const [table, rows] of puts) await db.table(table).bulkPut(rows);
    for (const [table, keys] of deletes) await db.table(table).bulkDelete(keys);
    return out;
  });
  return { label: input.label, scope: input.scope, changes, mergeKey: input.mergeKey, at: now };
}

/**
 * Refuses changes that would pass a count limit of a record definition (rows per workshop, per
 * parent). Counts what is stored (by index, inside the command's transaction), minus rows the
 * command deletes, plus rows it adds: so a replace-import that swaps rows is not counted twice.
 */
async function checkLimits(db: CentricDb, changes: readonly Change[]): Promise<void> {
  // table -> [field, max, noun] -> parent value -> net added rows
  const tally = new Map<string, { table: TableName; field: string; max: number; noun: string; value: string; delta: number }>();
  const count = (table: TableName, field: string, max: number, noun: string, row: Row, delta: number) => {
    const value = row[field];
    if (typeof value !== 'string') return;
    const k = `${table}\u0000${field}\u0000${value}`;
    const entry = tally.get(k) ?? { table, field, max, noun, value, delta: 0 };
    entry.delta += delta;
    tally.set(k, entry);
  };
  for (const c of changes) {
    if ((c.before === undefined) === (c.after === undefined)) continue;
    const def = records[c.table];
    const row = (c.after ?? c.before)!;
    const delta = c.after ? 1 : -1;
    if (def.limits.perWorkshop !== undefined) count(c.table, 'workshopId', def.limits.perWorkshop, 'workshop', row, delta);
    const per = def.limits.perParent;
    if (per) count(c.table, per.field, per.max, per.noun, row, delta);
  }
  for (const t of tally.values()) {
    if (t.delta <= 0) continue;
    const stored = await db.table(t.table).where(t.field).equals(t.value).count();
    if (stored + t.delta > t.max) {
      const [, plural] = records[t.table].label;
      throw new RecordLimitError(
        `A ${t.noun} can hold at most ${t.max.toLocaleString('en')} ${plural}; this would make ${(stored + t.delta).toLocaleString('en')}.`,
      );
    }
  }
}

/**
 * Writes each change's before (undo) or after (redo) state, in one transaction. A row that
 * still exists on both sides only gets back the fields this command changed, and only where
 * they still hold what the command wrote, so a later edit from another history or window (a
 * rename from the library after a notes edit in the workshop; the same field typed in a second
 * window) survives the undo.
 *
 * It never leaves orphans or half-restored things: when a row the command edited has been
 * deleted since (say, its workshop or journey was deleted in another window), a row it would
 * write points at a parent that no longer exists, or a row it would delete has children it does
 * not delete too (added since, from another history), it writes nothing and throws a
 * ReplayRefusedError saying why.
 */
export async function replayChanges(db: CentricDb, changes: readonly Change[], direction: 'undo' | 'redo'): Promise<void> {
  const ordered = direction === 'undo' ? [...changes].reverse() : changes;
  const parentTables = new Set<TableName>();
  for (const c of changes) for (const p of records[c.table].parents) parentTables.add(p.table);
  // Rows the replay deletes must not leave children behind (undoing "Create workshop" after
  // personas were added to it in the workshop's own history): the tables that could hold them.
  const deletedTables = new Set(changes.filter((c) => (direction === 'undo' ? c.before : c.after) === undefined).map((c) => c.table));
  const childLinks = allTables.flatMap((table) =>
    records[table].parents.filter((p) => deletedTables.has(p.table)).map((link) => ({ table, link })),
  );
  for (const { table } of childLinks) parentTables.add(table);
  const tables = tablesOf([...changes, ...[...parentTables].map((table) => ({ table }))]);
  await db.transaction('rw', tables, async () => {
    const targetOf = (c: Change) => (direction === 'undo' ? c.before : c.after);
    const sourceOf = (c: Change) => (direction === 'undo' ? c.after : c.before);
    const currents = await Promise.all(ordered.map((c) => db.table(c.table).get(c.key) as Promise<object | undefined>));

    // What the replay leaves of each touched row, to check parents against.
    const written = new Map<string, boolean>();
    ordered.forEach((c) => written.set(`${c.table}\u0000${c.key}`, targetOf(c) !== undefined));
    for (let i = 0; i < ordered.length; i++) {
      const c = ordered[i]!;
      const target = targetOf(c);
      if (target === undefined) continue;
      if (currents[i] === undefined && sourceOf(c) !== undefined) {
        throw new ReplayRefusedError(`the ${records[c.table].label[0]} it changed has been deleted since.`);
      }
      for (const parent of records[c.table].parents) {
        await requireParent(db, parent, target, written);
      }
    }
    for (let i = 0; i < ordered.length; i++) {
      const c = ordered[i]!;
      if (targetOf(c) !== undefined || currents[i] === undefined) continue;
      // A row changed since this command (ideas from the room, an edit in another window or
      // scope) is not this command's to remove: deleting it would lose that later work.
      if (changedSince(fieldsOf(currents[i]!), sourceOf(c))) {
        throw new ReplayRefusedError(`the ${records[c.table].label[0]} it would remove has been changed since.`);
      }
      for (const { table, link } of childLinks) {
        if (link.table !== c.table) continue;
        const keys = await db.table(table).where(link.field).equals(c.key).primaryKeys();
        // Children the replay deletes too (or moves elsewhere) do not count.
        if (keys.some((key) => written.get(`${table}\u0000${String(key)}`) === undefined)) {
          throw new ReplayRefusedError(`the ${records[c.table].label[0]} it would remove holds ${records[table].label[1]} added since.`);
        }
      }
    }

    for (let i = 0; i < ordered.length; i++) {
      const c = ordered[i]!;
      const target = targetOf(c);
      const source = sourceOf(c);
      const table = db.table(c.table);
      if (target === undefined) {
        await table.delete(c.key);
        continue;
      }
      const found = currents[i];
      if (found === undefined || source === undefined) {
        await table.put(target);
        continue;
      }
      const current = fieldsOf(found);
      const merged: Record<string, unknown> = { ...current };
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

/** Throws unless the parent a row points at exists after the replay (stored, or written by it). */
async function requireParent(db: CentricDb, parent: ParentLink, row: Row, written: ReadonlyMap<string, boolean>): Promise<void> {
  const key = row[parent.field];
  if (typeof key !== 'string') return;
  const replayed = written.get(`${parent.table}\u0000${key}`);
  if (replayed === true) return;
  const stored = replayed === false ? undefined : await db.table(parent.table).get(key);
  if (stored === undefined) {
    throw new ReplayRefusedError(`the ${parent.noun} it belongs to has been deleted since.`);
  }
}

/** Whether a row differs from what a command left, beyond the bookkeeping time every later edit touches. */
function changedSince(current: Row, left: Row | undefined): boolean {
  if (left === undefined) return false;
  for (const field of new Set([...Object.keys(current), ...Object.keys(left)])) {
    if (field === 'updatedAt') continue;
    if (!sameValue(current[field], left[field])) return true;
  }
  return false;
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
