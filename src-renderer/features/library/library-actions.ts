// Library-level actions: create, rename, duplicate and delete workshops (backing up and
// importing live in features/shared/backup.ts). Every write goes through `execute` (one
// transaction, undoable).
import { getDb } from '../../db/database';
import { LIBRARY_SCOPE } from '../../db/commands';
import { deleteWorkshopOps, duplicateWorkshopOps, describeCounts, readWorkshopData } from '../../db/library-io';
import { createWorkshop, limits, textLength, tooLongMessage, type NewWorkshopInput } from '../../domain/workshop';
import { clearHistory, execute, executeCommand, undoCommand } from '../../state/history';
import { notify } from '../../state/notifications';
import { navigate } from '../../state/router';

export async function createWorkshopAndOpen(input: NewWorkshopInput): Promise<string | null> {
  const w = createWorkshop(input);
  const ok = await execute({
    label: 'Create workshop',
    scope: LIBRARY_SCOPE,
    ops: [{ type: 'put', table: 'workshops', row: { ...w } }],
  });
  if (!ok) return null;
  navigate({ name: 'workshop', workshopId: w.id });
  return w.id;
}

/** Renames a workshop; returns an error message if the title is not acceptable. */
export async function renameWorkshop(id: string, title: string, scope = LIBRARY_SCOPE): Promise<string | null> {
  const t = title.trim();
  if (!t) return 'A workshop needs a title.';
  if (textLength(t) > limits.title) return tooLongMessage('Title', limits.title);
  await execute({
    label: 'Rename workshop',
    scope,
    ops: [{ type: 'update', table: 'workshops', key: id, update: (w) => ({ ...w, title: t }) }],
    touchWorkshop: id,
  });
  return null;
}

export async function duplicateWorkshop(id: string): Promise<void> {
  const ops = await duplicateWorkshopOps(getDb(), id, Date.now());
  if (await execute({ label: 'Duplicate workshop', scope: LIBRARY_SCOPE, ops })) {
    notify({ kind: 'success', message: 'Workshop duplicated.' });
  }
}

export async function deleteWorkshop(id: string, title: string): Promise<void> {
  const db = getDb();
  const data = await readWorkshopData(db, id);
  const ops = await deleteWorkshopOps(db, id);
  const cmd = await executeCommand({ label: 'Delete workshop', scope: LIBRARY_SCOPE, ops });
  if (!cmd) return;
  clearHistory(id);
  const extra = describeCounts({ ...data, workshops: [] });
  notify(
    {
      kind: 'info',
      message: `Deleted “${title}”${extra ? ` with ${extra}` : ''}.`,
      action: { label: 'Undo', run: () => void undoCommand(cmd) },
    },
    15000,
  );
}
