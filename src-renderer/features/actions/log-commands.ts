// Edits to the decisions and actions log and the parking lot: one command each, undoable in
// the workshop's history.
import { putOp } from '../../db/commands';
import { execute } from '../../state/history';
import { notify } from '../../state/notifications';
import { createLogEntry, logKindLabels, parseLogInput, type LogEntry, type LogInput } from '../../domain/actions-log';

/** Adds an entry; returns the problem (field and message) when the input is not valid. */
export async function addLogEntry(workshopId: string, input: LogInput, stepId: string | null): Promise<{ field: string; error: string } | null> {
  const r = parseLogInput(input);
  if (!r.ok) return { field: r.field, error: r.error };
  const e = createLogEntry(workshopId, r.value, stepId);
  await execute({ label: `Add ${logKindLabels[e.kind].toLowerCase()}`, scope: workshopId, touchWorkshop: workshopId, ops: [putOp('actions', e)] });
  return null;
}

export function editLogEntry(workshopId: string, id: string, patch: Partial<Pick<LogEntry, 'text' | 'owner' | 'due' | 'done' | 'kind'>>, label: string): Promise<boolean> {
  return execute({
    label, scope: workshopId, touchWorkshop: workshopId, mergeKey: `log:${id}:${Object.keys(patch).join()}`,
    ops: [{ type: 'update', table: 'actions', key: id, update: (r) => ({ ...r, ...patch }) }],
  });
}

export async function deleteLogEntry(workshopId: string, e: LogEntry): Promise<boolean> {
  const ok = await execute({ label: `Delete ${logKindLabels[e.kind].toLowerCase()}`, scope: workshopId, touchWorkshop: workshopId, ops: [{ type: 'delete', table: 'actions', key: e.id }] });
  if (ok) notify({ kind: 'info', message: `Deleted “${e.text.slice(0, 40)}”. Undo with Ctrl+Z.` });
  return ok;
}
