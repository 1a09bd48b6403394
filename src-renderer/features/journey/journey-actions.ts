// Every journey edit, as one undoable command in its workshop's history: one user action is
// one command (moving five cards, importing 80 notes, deleting a stage with its cards).
// Updates are functions of the row as stored, so quick edits never overwrite each other.
import { putOp, type Op } from '../../db/commands';
import { getDb } from '../../db/database';
import {
  createJourney,
  createLane,
  createStage,
  insertLane,
  insertStage,
  journeyLimits,
  laneKindLabels,
  moveLane,
  moveStage,
  removeLane,
  removeStage,
  renameLane,
  renameStage,
  resizeLane,
  resizeStage,
  setEmotion,
  uniqueName,
  type CardMark,
  type Journey,
  type JourneyCard,
  type LaneKind,
} from '../../domain/journey';
import type { CardPlace } from '../../domain/journey-layout';
import type { ImportPlan } from '../../domain/journey-csv';
import type { Initiative, LifecycleStage } from '../../domain/roadmap';
import { newId } from '../../domain/ids';
import { execute, executeCommand, undoCommand } from '../../state/history';
import { notify } from '../../state/notifications';


function run(workshopId: string, label: string, ops: readonly Op[], mergeKey?: string) {
  if (ops.length === 0) return Promise.resolve(true);
  return execute({ label, scope: workshopId, ops, mergeKey, touchWorkshop: workshopId });
}

const updateJourney = (j: Pick<Journey, 'id'>, change: (j: Journey) => Journey): Op => ({
  type: 'update',
  table: 'journeys',
  key: j.id,
  update: change,
});
const updateCard = (id: string, change: (c: JourneyCard) => JourneyCard): Op => ({
  type: 'update',
  table: 'journeyCards',
  key: id,
  update: change,
});

function editJourney(j: Pick<Journey, 'id' | 'workshopId'>, label: string, change: (j: Journey) => Journey, mergeKey?: string) {
  return run(j.workshopId, label, [updateJourney(j, change)], mergeKey);
}

/** Ops that take deleted cards out of the initiatives they were promoted to (the link is kept both ways). */
async function unlinkInitiatives(cards: readonly JourneyCard[]): Promise<Op[]> {
  const byInitiative = new Map<string, Set<string>>();
  for (const c of cards) {
    if (!c.initiativeId) continue;
    const set = byInitiative.get(c.initiativeId) ?? new Set<string>();
    set.add(c.id);
    byInitiative.set(c.initiativeId, set);
  }
  const ops: Op[] = [];
  for (const [id, cardIds] of byInitiative) {
    if (!(await getDb().initiatives.get(id))) continue;
    ops.push({
      type: 'update',
      table: 'initiatives',
      key: id,
      update: (r) => ({ ...r, cardIds: ((r.cardIds as string[] | undefined) ?? []).filter((x) => !cardIds.has(x)) }),
    });
  }
  return ops;
}

async function cardsOf(journeyId: string): Promise<JourneyCard[]> {
  return await getDb().journeyCards.where('journeyId').equals(journeyId).toArray();
}

// --- Journeys -------------------------------------------------------------------

export async function addJourney(workshopId: string, init: { name: string; personaId: string | null; scenario: string }): Promise<string | null> {
  const existing = await getDb().journeys.where('workshopId').equals(workshopId).toArray();
  const order = existing.reduce((m, j) => Math.max(m, j.order), -1) + 1;
  const j = createJourney(workshopId, init, order, Date.now());
  const ok = await run(workshopId, 'Create journey', [putOp('journeys', j)]);
  return ok ? j.id : null;
}

export const renameJourney = (j: Journey, name: string) => editJourney(j, 'Rename journey', (x) => ({ ...x, name }), `journey:${j.id}:name`);
export const setScenario = (j: Journey, scenario: string) => editJourney(j, 'Edit scenario', (x) => ({ ...x, scenario }), `journey:${j.id}:scenario`);
export const setJourneyPersona = (j: Journey, personaId: string | null) => editJourney(j, 'Change persona', (x) => ({ ...x, personaId }));

/** Deletes a journey with all its cards, in one command; the toast offers Undo. */
export async function deleteJourney(j: Journey): Promise<boolean> {
  const cards = await cardsOf(j.id);
  const ops: Op[] = [
    ...(await unlinkInitiatives(cards)),
    ...cards.map((c): Op => ({ type: 'delete', table: 'journeyCards', key: c.id })),
    { type: 'delete', table: 'journeys', key: j.id },
  ];
  const cmd = await executeCommand({ label: 'Delete journey', scope: j.workshopId, ops, touchWorkshop: j.workshopId });
  if (cmd) notify({ kind: 'success', message: `Deleted “${j.name}”${cards.length ? ` and its ${cards.length} ${cards.length === 1 ? 'card' : 'cards'}` : ''}`, action: { label: 'Undo', run: () => void undoCommand(cmd) } });
  return cmd !== null;
}

// --- Stages and lanes ---------------------------------------------------------------

/** Adds a stage; resolves to its id once stored (null when refused), so the canvas can open it for renaming. */
export async function addStage(j: Journey, index = j.stages.length): Promise<string | null> {
  if (j.stages.length >= journeyLimits.stages) {
    notify({ kind: 'error', message: `A journey holds at most ${journeyLimits.stages} stages.` });
    return null;
  }
  const stage = createStage(uniqueName('New stage', j.stages.map((s) => s.name)));
  return (await editJourney(j, 'Add stage', (x) => insertStage(x, stage, index))) ? stage.id : null;
}

/** Adds a lane; resolves to its id once stored (null when refused). */
export async function addLane(j: Journey, kind: LaneKind = 'custom', index = j.lanes.length): Promise<string | null> {
  if (j.lanes.length >= journeyLimits.lanes) {
    notify({ kind: 'error', message: `A journey holds at most ${journeyLimits.lanes} lanes.` });
    return null;
  }
  const lane = createLane(uniqueName(kind === 'custom' ? 'New lane' : laneKindLabels[kind], j.lanes.map((l) => l.name)), kind);
  return (await editJourney(j, 'Add lane', (x) => insertLane(x, lane, index))) ? lane.id : null;
}

export const renameStageAction = (j: Journey, stageId: string, name: string) => editJourney(j, 'Rename stage', (x) => renameStage(x, stageId, name));
export const renameLaneAction = (j: Journey, laneId: string, name: string) => editJourney(j, 'Rename lane', (x) => renameLane(x, laneId, name));
export const moveStageAction = (j: Journey, stageId: string, to: number) => editJourney(j, 'Move stage', (x) => moveStage(x, stageId, to));
export const moveLaneAction = (j: Journey, laneId: string, to: number) => editJourney(j, 'Move lane', (x) => moveLane(x, laneId, to));
export const resizeStageAction = (j: Journey, stageId: string, width: number) => editJourney(j, 'Resize stage', (x) => resizeStage(x, stageId, width), `journey:${j.id}:stage-size:${stageId}`);
export const resizeLaneAction = (j: Journey, laneId: string, height: number) => editJourney(j, 'Resize lane', (x) => resizeLane(x, laneId, height), `journey:${j.id}:lane-size:${laneId}`);

/** Deletes a stage and its cards in one command. */
export async function deleteStageAction(j: Journey, stageId: string): Promise<boolean> {
  const cards = (await cardsOf(j.id)).filter((c) => c.stageId === stageId);
  return run(j.workshopId, 'Delete stage', [
    ...(await unlinkInitiatives(cards)),
    ...cards.map((c): Op => ({ type: 'delete', table: 'journeyCards', key: c.id })),
    updateJourney(j, (x) => removeStage(x, stageId)),
  ]);
}

/** Deletes a lane and its cards in one command. */
export async function deleteLaneAction(j: Journey, laneId: string): Promise<boolean> {
  const cards = (await cardsOf(j.id)).filter((c) => c.laneId === laneId);
  return run(j.workshopId, 'Delete lane', [
    ...(await unlinkInitiatives(cards)),
    ...cards.map((c): Op => ({ type: 'delete', table: 'journeyCards', key: c.id })),
    updateJourney(j, (x) => removeLane(x, laneId)),
  ]);
}

export function setEmotionAction(j: Journey, stageId: string, score: number | null) {
  return editJourney(j, score === null ? 'Clear emotion' : 'Set emotion', (x) => setEmotion(x, stageId, score), `journey:${j.id}:emotion:${stageId}`);
}

/** Changes a stage's score from its stored value (quick key presses never overwrite each other). */
export function stepEmotionAction(j: Journey, stageId: string, next: (current: number | undefined) => number | null) {
  return editJourney(j, 'Set emotion', (x) => setEmotion(x, stageId, next(x.emotions[stageId])), `journey:${j.id}:emotion:${stageId}`);
}

// --- Cards --------------------------------------------------------------------------

export function addCards(j: Pick<Journey, 'workshopId'>, cards: readonly JourneyCard[], label = cards.length === 1 ? 'Add card' : `Add ${cards.length} cards`) {
  return run(j.workshopId, label, cards.map((c): Op => (putOp('journeyCards', c))));
}

export function setCardText(card: JourneyCard, text: string) {
  if (card.text === text) return Promise.resolve(true);
  // Typing saves every 300 ms; quick saves of one card's text fold into one undo step.
  return run(card.workshopId, 'Edit card', [updateCard(card.id, (c) => ({ ...c, text }))], `card-text:${card.id}`);
}

export function setCardsColor(workshopId: string, ids: readonly string[], color: string) {
  return run(workshopId, ids.length === 1 ? 'Colour card' : `Colour ${ids.length} cards`, ids.map((id) => updateCard(id, (c) => ({ ...c, color }))));
}

/** Marks (or unmarks) every given card. */
export function setCardsMark(workshopId: string, ids: readonly string[], mark: CardMark, on: boolean, label: string) {
  return run(
    workshopId,
    label,
    ids.map((id) => updateCard(id, (c) => ({ ...c, marks: on ? (c.marks.includes(mark) ? c.marks : [...c.marks, mark]) : c.marks.filter((m) => m !== mark) }))),
  );
}

export function moveCardsAction(workshopId: string, places: readonly CardPlace[], label: string) {
  return run(
    workshopId,
    label,
    places.map((p) => updateCard(p.id, (c) => ({ ...c, stageId: p.stageId, laneId: p.laneId, order: p.order }))),
  );
}

export async function deleteCards(workshopId: string, cards: readonly JourneyCard[]): Promise<boolean> {
  if (cards.length === 0) return true;
  return run(workshopId, cards.length === 1 ? 'Delete card' : `Delete ${cards.length} cards`, [
    ...(await unlinkInitiatives(cards)),
    ...cards.map((c): Op => ({ type: 'delete', table: 'journeyCards', key: c.id })),
  ]);
}

/** Imports planned notes (and any new stages) in one command: all or nothing. */
export function importNotes(j: Journey, plan: ImportPlan): Promise<boolean> {
  const ops: Op[] = [];
  if (plan.newStages.length > 0) ops.push(updateJourney(j, (x) => plan.newStages.reduce((acc, s) => insertStage(acc, s, acc.stages.length), x)));
  for (const c of plan.cards) ops.push(putOp('journeyCards', c));
  return run(j.workshopId, `Import ${plan.cards.length} ${plan.cards.length === 1 ? 'note' : 'notes'}`, ops);
}

/**
 * Promotes an opportunity card to a roadmap initiative: creates the initiative (linked to the
 * card) and links the card to it, in one command.
 */
export async function promoteCard(j: Journey, card: JourneyCard, laneId: LifecycleStage): Promise<string | null> {
  const existing = await getDb().initiatives.where('workshopId').equals(j.workshopId).toArray();
  const order = existing.reduce((m, r) => Math.max(m, typeof r.order === 'number' ? r.order : 0), -1) + 1;
  const stage = j.stages.find((s) => s.id === card.stageId)?.name ?? '';
  const initiative: Initiative = {
    id: newId(),
    workshopId: j.workshopId,
    title: card.text.trim().slice(0, 200) || 'Opportunity',
    description: `From the journey “${j.name}”${stage ? `, stage “${stage}”` : ''}.`,
    owner: '',
    laneId,
    start: null,
    end: null,
    bucket: 0,
    status: 'idea',
    effort: 3,
    impact: 3,
    personaIds: j.personaId ? [j.personaId] : [],
    cardIds: [card.id],
    resources: '',
    order,
    createdAt: Date.now(),
  };
  const ok = await run(j.workshopId, 'Promote to roadmap', [
    putOp('initiatives', initiative),
    updateCard(card.id, (c) => ({ ...c, initiativeId: initiative.id })),
  ]);
  return ok ? initiative.id : null;
}
