// Every roadmap edit as one undoable command in the workshop's history: initiatives, their
// links to journey opportunity cards (kept in sync on both sides in the same command), and the
// roadmap settings stored on the workshop record. Updates are functions of the row as stored.
import { putOp, type Op } from '../../db/commands';
import { getDb } from '../../db/database';
import {
  createInitiative,
  normalizeInitiative,
  readRoadmapSettings,
  type Initiative,
  type RoadmapSettings,
} from '../../domain/roadmap';
import type { Workshop } from '../../domain/workshop';
import { executeCommand, execute, undoCommand } from '../../state/history';
import { notify } from '../../state/notifications';
import { loadInitiatives } from '../shared/roadmap-reads';

export type InitiativeDraft = Omit<Initiative, 'id' | 'workshopId' | 'order' | 'createdAt'>;

/**
 * Ops that make the journey cards agree with an initiative's new card list: newly linked cards
 * point at it (and leave the initiative they served before), unlinked ones point nowhere.
 */
async function cardSyncOps(initiativeId: string, before: readonly string[], after: readonly string[]): Promise<Op[]> {
  const db = getDb();
  const ops: Op[] = [];
  const added = after.filter((c) => !before.includes(c));
  const removed = before.filter((c) => !after.includes(c));
  for (const cardId of added) {
    const card = await db.journeyCards.get(cardId);
    if (!card) continue;
    const previous = typeof card.initiativeId === 'string' ? card.initiativeId : null;
    if (previous && previous !== initiativeId && (await db.initiatives.get(previous))) {
      ops.push({
        type: 'update',
        table: 'initiatives',
        key: previous,
        update: (r) => ({ ...r, cardIds: normalizeInitiative(r).cardIds.filter((c) => c !== cardId) }),
      });
    }
    ops.push({ type: 'update', table: 'journeyCards', key: cardId, update: (r) => ({ ...r, initiativeId }) });
  }
  for (const cardId of removed) {
    if (!(await db.journeyCards.get(cardId))) continue;
    ops.push({
      type: 'update',
      table: 'journeyCards',
      key: cardId,
      update: (r) => (r.initiativeId === initiativeId ? { ...r, initiativeId: null } : r),
    });
  }
  return ops;
}

/** Adds an initiative with every field from the form, in one command. Resolves to its id. */
export async function addInitiative(workshopId: string, draft: InitiativeDraft): Promise<string | null> {
  const all = await loadInitiatives(workshopId);
  const order = all.reduce((m, i) => Math.max(m, i.order), -1) + 1;
  const base = createInitiative({ workshopId, laneId: draft.laneId, order, now: Date.now() });
  const row: Initiative = { ...base, ...draft, id: base.id, workshopId, order, createdAt: base.createdAt };
  const ops: Op[] = [putOp('initiatives', row), ...(await cardSyncOps(row.id, [], row.cardIds))];
  const ok = await execute({ label: 'Add initiative', scope: workshopId, touchWorkshop: workshopId, ops });
  return ok ? row.id : null;
}

/** Saves the edit form: every changed field and the card links, one command. */
export async function saveInitiative(i: Initiative, draft: InitiativeDraft): Promise<boolean> {
  const stored = await getDb().initiatives.get(i.id);
  const beforeCards = stored ? stored.cardIds : i.cardIds;
  const ops: Op[] = [
    { type: 'update', table: 'initiatives', key: i.id, update: (r) => ({ ...r, ...draft }) },
    ...(await cardSyncOps(i.id, beforeCards, draft.cardIds)),
  ];
  return execute({ label: 'Edit initiative', scope: i.workshopId, touchWorkshop: i.workshopId, ops });
}

export type Placement = { laneId: string } & ({ start: string | null; end: string | null } | { bucket: number });

/** Moves an initiative to another lane and/or time (dates or bucket): one command per drag or key press. */
export function moveInitiative(i: Initiative, to: Placement, label = 'Move initiative'): Promise<boolean> {
  return execute({
    label,
    scope: i.workshopId,
    touchWorkshop: i.workshopId,
    ops: [{ type: 'update', table: 'initiatives', key: i.id, update: (r) => ({ ...r, ...to }) }],
  });
}

/** Sets impact and/or effort (the impact/effort matrix). */
export function rateInitiative(i: Initiative, patch: { impact?: number; effort?: number }): Promise<boolean> {
  const label = patch.impact !== undefined ? 'Change impact' : 'Change effort';
  return execute({
    label,
    scope: i.workshopId,
    touchWorkshop: i.workshopId,
    ops: [{ type: 'update', table: 'initiatives', key: i.id, update: (r) => ({ ...r, ...patch }) }],
  });
}

/** Deletes an initiative; its journey cards and metrics let go of it in the same command. A toast offers Undo. */
export async function deleteInitiative(i: Initiative): Promise<boolean> {
  const db = getDb();
  const cards = await db.journeyCards.where('workshopId').equals(i.workshopId).filter((c) => c.initiativeId === i.id).toArray();
  const metrics = await db.metrics.where('workshopId').equals(i.workshopId).filter((m) => m.initiativeId === i.id).toArray();
  const ops: Op[] = [
    { type: 'delete', table: 'initiatives', key: i.id },
    ...cards.map((c): Op => ({ type: 'update', table: 'journeyCards', key: c.id, update: (r) => ({ ...r, initiativeId: null }) })),
    ...metrics.map((m): Op => ({ type: 'update', table: 'metrics', key: m.id, update: (r) => ({ ...r, initiativeId: null }) })),
  ];
  const cmd = await executeCommand({ label: 'Delete initiative', scope: i.workshopId, touchWorkshop: i.workshopId, ops });
  if (cmd) {
    notify({ kind: 'info', message: `Deleted “${i.title || 'Untitled initiative'}”`, action: { label: 'Undo', run: () => void undoCommand(cmd) } });
  }
  return cmd !== null;
}

/** Changes the roadmap settings stored on the workshop (the default applies until the first change). */
export function updateRoadmapSettings(w: Workshop, label: string, change: (s: RoadmapSettings) => RoadmapSettings, mergeKey?: string) {
  return execute({
    label,
    scope: w.id,
    mergeKey,
    touchWorkshop: w.id,
    ops: [
      {
        type: 'update',
        table: 'workshops',
        key: w.id,
        update: (r) => ({ ...r, roadmap: change(readRoadmapSettings(r)) }),
      },
    ],
  });
}
