// Edits to segment value & needs maps. Each is one command in the workshop's undo history,
// applied to the row as stored (so two quick edits never overwrite each other).
import { putOp, type Op } from '../../db/commands';
import { createSegment, moveSegment, nextOrder, type Segment } from '../../domain/segment';
import type { Persona } from '../../domain/persona';
import { editRecord } from '../../state/record-edits';
import { execute, nextCommand, undo } from '../../state/history';
import { navigate } from '../../state/router';
import { notify } from '../../state/notifications';


export interface EditOptions {
  readonly label: string;
  /** Typing into one field merges into one undo step. */
  readonly mergeKey?: string;
}

/** Changes one segment with a pure function of the segment as stored. */
export function editSegment(workshopId: string, segmentId: string, change: (s: Segment) => Segment, opts: EditOptions): Promise<boolean> {
  return editRecord('segments', { id: segmentId, workshopId }, opts.label, change, opts.mergeKey);
}

/** Adds a segment at the end of the list and opens it. */
export async function addSegment(workshopId: string, all: readonly Segment[], name = 'New segment'): Promise<string | null> {
  const s = createSegment(workshopId, name, nextOrder(all));
  const ok = await execute({
    label: 'Add segment',
    scope: workshopId,
    touchWorkshop: workshopId,
    ops: [putOp('segments', s)],
  });
  if (!ok) return null;
  navigate({ name: 'artifact', workshopId, kind: 'segment-map', itemId: s.id });
  return s.id;
}

/** Moves a segment up or down the list; false when it is already at that end. */
export async function moveSegmentBy(workshopId: string, all: readonly Segment[], id: string, delta: -1 | 1): Promise<boolean> {
  const moves = moveSegment(all, id, delta);
  if (moves.length === 0) return false;
  return execute({
    label: 'Move segment',
    scope: workshopId,
    touchWorkshop: workshopId,
    ops: moves.map(
      (m): Op => ({ type: 'update', table: 'segments', key: m.id, update: (r) => ({ ...r, order: m.order }) }),
    ),
  });
}

/**
 * Deletes a segment and, in the same command, unlinks the personas that represented it, so one
 * undo brings both back.
 */
export async function deleteSegment(workshopId: string, segment: Segment, linked: readonly Persona[], next?: string): Promise<boolean> {
  const ops: Op[] = [
    { type: 'delete', table: 'segments', key: segment.id },
    ...linked.map(
      (p): Op => ({
        type: 'update',
        table: 'personas',
        key: p.id,
        update: (r) => (r.segmentId === segment.id ? { ...r, segmentId: null } : r),
      }),
    ),
  ];
  const ok = await execute({ label: 'Delete segment', scope: workshopId, touchWorkshop: workshopId, ops });
  if (!ok) return false;
  navigate({ name: 'artifact', workshopId, kind: 'segment-map', itemId: next });
  const name = segment.name.trim() || 'Untitled segment';
  notify({
    kind: 'info',
    message:
      linked.length > 0
        ? `Deleted “${name}”; ${linked.length === 1 ? '1 persona no longer has' : `${linked.length} personas no longer have`} a segment.`
        : `Deleted “${name}”.`,
    action: {
      label: 'Undo',
      run: () => {
        // Only if the delete is still the last thing done; otherwise Undo would take back a later edit.
        const top = nextCommand(workshopId, 'undo');
        if (top?.label !== 'Delete segment' || !top.changes.some((c) => c.table === 'segments' && c.key === segment.id)) {
          notify({ kind: 'info', message: 'Use Undo in the top bar: other edits were made since.' });
          return;
        }
        void undo(workshopId).then((cmd) => {
          if (cmd) navigate({ name: 'artifact', workshopId, kind: 'segment-map', itemId: segment.id });
        });
      },
    },
  });
  return true;
}
