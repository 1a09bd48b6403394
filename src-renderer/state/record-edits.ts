// The common shapes of a workshop edit, typed by the record definitions: add a row, change one
// row as stored, delete rows. Each is one undoable command in the workshop's history that bumps
// its "last edit". Screens with their own multi-row edits call `execute` with typed ops instead.
import { deleteOp, putOp, updateOp, type Op } from '../db/commands';
import type { RowOf, WorkshopTable } from '../domain/records';
import { execute } from './history';

/** The part of a workshop row an edit needs to find it. */
export interface RowRef {
  readonly id: string;
  readonly workshopId: string;
}

/**
 * Changes one stored row as a function of the row as it is at the moment of writing, so two
 * quick edits never overwrite each other. Typing in one field passes a `mergeKey` so a burst of
 * keystrokes is one undo step.
 */
export function editRecord<T extends WorkshopTable>(
  table: T,
  ref: RowRef,
  label: string,
  change: (row: RowOf<T>) => RowOf<T>,
  mergeKey?: string,
): Promise<boolean> {
  return execute({ label, scope: ref.workshopId, mergeKey, touchWorkshop: ref.workshopId, ops: [asOp(updateOp(table, ref.id, change))] });
}

/** Adds (or replaces) whole rows of one table in a workshop. */
export function putRecords<T extends WorkshopTable>(table: T, workshopId: string, rows: readonly RowOf<T>[], label: string): Promise<boolean> {
  return execute({ label, scope: workshopId, touchWorkshop: workshopId, ops: rows.map((row) => asOp(putOp(table, row))) });
}

/** Deletes rows of one table in a workshop by id. */
export function deleteRecords(table: WorkshopTable, workshopId: string, ids: readonly string[], label: string): Promise<boolean> {
  return execute({ label, scope: workshopId, touchWorkshop: workshopId, ops: ids.map((id) => asOp(deleteOp(table, id))) });
}

/** An op of one table is an op (TypeScript cannot see that through a generic table name). */
function asOp<T extends WorkshopTable>(op: ReturnType<typeof putOp<T>>): Op {
  return op as Op;
}
