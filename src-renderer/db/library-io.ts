// Moves whole workshops and the whole library between Dexie and LibraryData: reads for export and
// snapshots, and the ops for import, restore, delete and duplicate. Never writes: every change is
// returned as Op[] for the command layer, so it lands in one transaction and can be undone.
import { deleteOp, putCheckedRowOp, type Op } from './commands';
import { workshopTables, type CentricDb, type TableName } from './database';
import { emptyLibraryData, libraryTables, mapTables, remapIds, type LibraryData, type LibraryTable } from './backup-format';
import { records, rowKey } from '../domain/records';
import type { Workshop } from '../domain/workshop';

/** Thrown when an import would overwrite rows that belong to a workshop the file does not replace. */
export class ImportConflictError extends Error {
  override readonly name = 'ImportConflictError';
}

/** The workshop and all its rows, read in one transaction. Empty data if the workshop does not exist. */
export async function readWorkshopData(db: CentricDb, workshopId: string): Promise<LibraryData> {
  return db.transaction('r', ['workshops', ...workshopTables], async () => {
    const workshop = await db.workshops.get(workshopId);
    if (!workshop) return emptyLibraryData();
    const rows = await Promise.all(workshopTables.map((t) => db.tableOf(t).where('workshopId').equals(workshopId).toArray()));
    const byTable = new Map<TableName, readonly object[]>(workshopTables.map((t, i) => [t, rows[i] ?? []]));
    return mapTables((t) => (t === 'workshops' ? [workshop] : (byTable.get(t) ?? [])));
  });
}

/** Every table, read in one transaction so the result is a consistent picture of the library. */
export async function readLibraryData(db: CentricDb): Promise<LibraryData> {
  return db.transaction('r', [...libraryTables], async () => {
    const rows = await Promise.all(libraryTables.map((t) => db.tableOf(t).toArray()));
    const byTable = new Map<TableName, readonly object[]>(libraryTables.map((t, i) => [t, rows[i] ?? []]));
    return mapTables((t) => byTable.get(t) ?? []);
  });
}

/** Workshops in the data whose id is already in the library, with the title they have there. */
export async function findConflicts(db: CentricDb, data: LibraryData): Promise<{ id: string; title: string }[]> {
  const ids = data.workshops.map((w) => w.id);
  const existing = await db.workshops.bulkGet(ids);
  return existing.filter((w): w is Workshop => w !== undefined).map((w) => ({ id: w.id, title: w.title }));
}

function putsFor(data: LibraryData, tables: readonly LibraryTable[] = libraryTables): Op[] {
  const ops: Op[] = [];
  for (const table of tables) for (const row of data[table] as readonly object[]) ops.push(putCheckedRowOp(table, row));
  return ops;
}

/**
 * Artifact rows in the file whose id is already used by a row of another workshop, one the import
 * does not replace. Putting them would silently move that row into the imported workshop.
 */
async function foreignCollisions(db: CentricDb, data: LibraryData, replaced: ReadonlySet<string>): Promise<string[]> {
  return db.transaction('r', [...workshopTables], async () => {
    const found: string[] = [];
    for (const table of workshopTables) {
      const rows = data[table];
      if (rows.length === 0) continue;
      const existing = await db.tableOf(table).bulkGet(rows.map((r) => r.id));
      existing.forEach((old, i) => {
        if (old && old.workshopId !== rows[i]!.workshopId && !replaced.has(old.workshopId)) found.push(`${table} ${old.id}`);
      });
    }
    return found;
  });
}

/** Rows of the given workshops that are in the library but not in the data: replace removes them. */
async function staleRowDeletes(db: CentricDb, data: LibraryData, workshopIds: readonly string[]): Promise<Op[]> {
  if (workshopIds.length === 0) return [];
  return db.transaction('r', [...workshopTables], async () => {
    const ops: Op[] = [];
    for (const table of workshopTables) {
      const keep = new Set(data[table].map((r) => r.id));
      const keys = await db.tableOf(table).where('workshopId').anyOf([...workshopIds]).primaryKeys();
      for (const key of keys) if (!keep.has(key)) ops.push(deleteOp(table, key) as Op);
    }
    return ops;
  });
}

/**
 * The ops that import validated data. 'replace': a workshop already in the library becomes exactly
 * the file's version (its rows not in the file are deleted). 'keep-both': if anything in the file
 * already exists, the whole file gets fresh ids (see remapIds) so nothing is overwritten.
 * Templates and settings in a library file are put, replacing those with the same id or key.
 * The reads here and the later write are separate transactions; the caller applies the ops
 * right away, and a single window is the only writer of a library, so nothing can slip between.
 */
export async function importOps(db: CentricDb, data: LibraryData, mode: 'replace' | 'keep-both'): Promise<Op[]> {
  const conflicts = await findConflicts(db, data);
  if (mode === 'keep-both') {
    const collisions = await foreignCollisions(db, data, new Set());
    const clash = conflicts.length > 0 || collisions.length > 0;
    return putsFor(clash ? remapIds(data) : data);
  }
  const replaced = new Set(conflicts.map((c) => c.id));
  const collisions = await foreignCollisions(db, data, replaced);
  if (collisions.length > 0) {
    throw new ImportConflictError(
      `The file reuses ids of rows that belong to other workshops (${collisions.slice(0, 3).join(', ')}${collisions.length > 3 ? ', …' : ''}). Import it with "keep both" instead.`,
    );
  }
  return [...(await staleRowDeletes(db, data, [...replaced])), ...putsFor(data)];
}

/** The ops that make the library exactly the data: everything not in it is deleted, everything in it is put. */
export async function restoreLibraryOps(db: CentricDb, data: LibraryData): Promise<Op[]> {
  const existing = await db.transaction('r', [...libraryTables], async () =>
    Promise.all(libraryTables.map((t) => db.table(t).toCollection().primaryKeys())),
  );
  const ops: Op[] = [];
  libraryTables.forEach((table, i) => {
    const keep = new Set((data[table] as readonly object[]).map((r) => rowKey(table, r as LibraryData[typeof table][number])));
    for (const key of existing[i] ?? []) if (!keep.has(String(key))) ops.push(deleteOp(table, String(key)) as Op);
  });
  return [...ops, ...putsFor(data)];
}

/** The ops that delete a workshop and every row it owns (one undoable command). */
export async function deleteWorkshopOps(db: CentricDb, workshopId: string): Promise<Op[]> {
  const data = await readWorkshopData(db, workshopId);
  const ops: Op[] = [];
  for (const table of workshopTables) for (const row of data[table]) ops.push(deleteOp(table, row.id) as Op);
  for (const w of data.workshops) ops.push(deleteOp('workshops', w.id));
  return ops;
}

/** The ops that add a copy of a workshop and all its rows, with fresh ids and " (copy)" in the title. */
export async function duplicateWorkshopOps(db: CentricDb, workshopId: string, now: number = Date.now()): Promise<Op[]> {
  const data = await readWorkshopData(db, workshopId);
  const copy = remapIds(data, { titleSuffix: ' (copy)' });
  const workshops = copy.workshops.map((w) => ({ ...w, createdAt: now, updatedAt: now }));
  return putsFor({ ...copy, workshops }, ['workshops', ...workshopTables]);
}

/** Rows per table, keyed by the plural label ("journey cards"), in table order. */
export function libraryCounts(data: LibraryData): Record<string, number> {
  return Object.fromEntries(libraryTables.map((t) => [records[t].label[1], data[t].length]));
}

/** "3 workshops, 1 persona, 12 journey cards": the non-zero counts, for messages. */
export function describeCounts(data: LibraryData): string {
  return libraryTables
    .filter((t) => data[t].length > 0)
    .map((t) => `${data[t].length.toLocaleString('en')} ${records[t].label[data[t].length === 1 ? 0 : 1]}`)
    .join(', ');
}
