// What the facilitator's app does with what arrives from a participant's device, and what it
// publishes to the room. Pure: given an entry from a participant's document and the rows as
// stored, it decides (put, delete, nothing, or refuse with a message for the phone). The room
// engine (src-renderer/room/) applies the decision through the command layer.
import type { CellRef } from './journey-layout';
import { endOfCell } from './journey-layout';
import { cardTextProblem, laneDefaultColor, type Journey, type JourneyCard } from './journey';
import { checkRow } from './records';
import { deviceCardSchema, roomLimits, type DeviceCard, type PublishedCard, type PublishedJourney } from './room';

export type MirrorDecision =
  | { readonly kind: 'put'; readonly row: JourneyCard; readonly created: boolean }
  | { readonly kind: 'delete'; readonly id: string }
  | { readonly kind: 'skip' }
  | { readonly kind: 'refuse'; readonly cardId: string | null; readonly message: string };

export interface MirrorContext {
  /** Whose document the entry came from (the connection's identity, never the entry's claim). */
  readonly participantId: string;
  /** The journey the room works on (null: none published). */
  readonly journey: Journey | null;
  /** The stored row with the entry's id, if any. */
  readonly stored: JourneyCard | undefined;
  /** The journey's cards as stored (for the position at the end of a cell). */
  readonly cards: readonly JourneyCard[];
  /** Cards this participant already has in the journey (cap). */
  readonly ownCount: number;
}

/** Decides what one entry of a participant's document does to the stored cards. */
export function mirrorDeviceCard(entry: unknown, ctx: MirrorContext): MirrorDecision {
  const parsed = deviceCardSchema.safeParse(entry);
  const claimedId = typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string' ? String((entry as { id: string }).id).slice(0, 64) : null;
  if (!parsed.success) return { kind: 'refuse', cardId: claimedId, message: 'A card could not be read and was not added.' };
  const card: DeviceCard = parsed.data;
  const { stored } = ctx;
  // Removed by the facilitator: nothing the device says about it counts until it is edited anew.
  if (card.removed) return { kind: 'skip' };
  if (stored) {
    // Another person's card (or the facilitator's own) with the same id: never overwritten.
    if (!stored.author || stored.author.participantId !== ctx.participantId) return { kind: 'refuse', cardId: card.id, message: 'That card belongs to someone else.' };
    // Already stored at this revision or a newer one: a replay after a reconnect or a reload.
    if (card.rev <= stored.author.rev) return { kind: 'skip' };
    if (card.deleted) return { kind: 'delete', id: card.id };
  } else if (card.deleted) {
    return { kind: 'skip' };
  }
  const journey = ctx.journey;
  if (!journey || card.journeyId !== journey.id) return { kind: 'refuse', cardId: card.id, message: 'This journey is no longer open in the room.' };
  if (!journey.stages.some((s) => s.id === card.stageId) || !journey.lanes.some((l) => l.id === card.laneId)) {
    return { kind: 'refuse', cardId: card.id, message: 'That stage or lane is no longer on the journey.' };
  }
  const text = card.text.trim();
  if (!text) return { kind: 'refuse', cardId: card.id, message: 'An empty card was not added.' };
  const problem = cardTextProblem(text);
  if (problem) return { kind: 'refuse', cardId: card.id, message: problem };
  if (!stored && ctx.ownCount >= roomLimits.cardsPerParticipant) {
    return { kind: 'refuse', cardId: card.id, message: `You have added ${roomLimits.cardsPerParticipant} cards, the most one person can add.` };
  }
  const cell: CellRef = { stageId: card.stageId, laneId: card.laneId };
  const moved = stored ? stored.stageId !== cell.stageId || stored.laneId !== cell.laneId : true;
  const lane = journey.lanes.find((l) => l.id === card.laneId)!;
  const row: JourneyCard = stored
    ? { ...stored, ...cell, text, order: moved ? endOfCell(ctx.cards, cell) : stored.order, author: { participantId: ctx.participantId, rev: card.rev } }
    : {
        id: card.id,
        workshopId: journey.workshopId,
        journeyId: journey.id,
        ...cell,
        order: endOfCell(ctx.cards, cell),
        text,
        color: laneDefaultColor[lane.kind],
        marks: [],
        emotion: null,
        initiativeId: null,
        author: { participantId: ctx.participantId, rev: card.rev },
      };
  // The same rule as every other row: the table's one definition.
  const checked = checkRow('journeyCards', row);
  if (!checked.ok) return { kind: 'refuse', cardId: card.id, message: 'A card could not be stored.' };
  return { kind: 'put', row: checked.row, created: !stored };
}

export function publishJourney(j: Journey): PublishedJourney {
  return { id: j.id, name: j.name, stages: j.stages.map((s) => ({ id: s.id, name: s.name })), lanes: j.lanes.map((l) => ({ id: l.id, name: l.name })) };
}

export function publishCard(c: JourneyCard): PublishedCard {
  return { id: c.id, stageId: c.stageId, laneId: c.laneId, text: c.text, order: c.order, authorId: c.author?.participantId ?? null, ...(c.author ? { rev: c.author.rev } : {}) };
}

export const samePublishedCard = (a: PublishedCard, b: PublishedCard) =>
  a.stageId === b.stageId && a.laneId === b.laneId && a.text === b.text && a.order === b.order && a.authorId === b.authorId && a.rev === b.rev;
