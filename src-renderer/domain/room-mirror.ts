// What the facilitator's app does with what arrives from a participant's device, and what it
// publishes to the room. Pure: given an entry from a participant's document and the rows as
// stored, it decides (put, delete, nothing, or refuse with a message for the phone). The room
// engine (src-renderer/room/) applies the decision through the command layer.
import type { CellRef } from './journey-layout';
import { endOfCell } from './journey-layout';
import { cardTextProblem, laneDefaultColor, type Journey, type JourneyCard } from './journey';
import { checkRow } from './records';
import { deviceCardSchema, deviceDotsSchema, deviceIdeaSchema, roomLimits, type DeviceCard, type DeviceIdea, type PublishedBrainstorm, type PublishedCard, type PublishedJourney, type PublishedVote } from './room';
import { createVote, type Vote, type VoteExercise, type VoteTarget } from './voting';
import { brainstormLimits, isRunning, plannedMs, remainingMs, type Brainstorm, type Idea } from './run';
import { textLength, tooLongMessage } from './text';

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

// --- Silent brainstorm ---------------------------------------------------------------------------

export type IdeaDecision =
  | { readonly kind: 'put'; readonly idea: Idea; readonly created: boolean }
  | { readonly kind: 'delete'; readonly id: string }
  | { readonly kind: 'skip' }
  | { readonly kind: 'refuse'; readonly ideaId: string | null; readonly message: string };

export interface IdeaContext {
  /** Whose document the entry came from (the connection's identity, never the entry's claim). */
  readonly participantId: string;
  /** The round the entry names, as stored (undefined: no such round in this workshop). */
  readonly round: Brainstorm | undefined;
  /** The round the room writes into now (null: none). */
  readonly liveId: string | null;
  /** Ideas this participant already has in that round (cap). */
  readonly ownCount: number;
}

/**
 * Decides what one idea from a participant's document does to its round. Ideas are taken only
 * into the live round while it is hidden; after the reveal (or into any other round) they are
 * refused, except a replay of what is already stored, which changes nothing.
 */
export function mirrorDeviceIdea(entry: unknown, ctx: IdeaContext): IdeaDecision {
  const parsed = deviceIdeaSchema.safeParse(entry);
  const claimedId = typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string' ? String((entry as { id: string }).id).slice(0, 64) : null;
  if (!parsed.success) return { kind: 'refuse', ideaId: claimedId, message: 'An idea could not be read and was not added.' };
  const entryIdea: DeviceIdea = parsed.data;
  const round = ctx.round;
  const stored = round?.ideas.find((i) => i.id === entryIdea.id);
  if (stored) {
    if (stored.participantId !== ctx.participantId || stored.rev === undefined) return { kind: 'refuse', ideaId: entryIdea.id, message: 'That idea belongs to someone else.' };
    if (entryIdea.rev <= stored.rev) return { kind: 'skip' };
  } else if (entryIdea.deleted) {
    return { kind: 'skip' };
  }
  if (!round || round.id !== ctx.liveId || round.revealedAt !== null) {
    return { kind: 'refuse', ideaId: entryIdea.id, message: 'The round has closed: your idea was not added.' };
  }
  if (stored && entryIdea.deleted) return { kind: 'delete', id: stored.id };
  const text = entryIdea.text.trim();
  if (!text) return { kind: 'refuse', ideaId: entryIdea.id, message: 'An empty idea was not added.' };
  if (textLength(text) > brainstormLimits.idea) return { kind: 'refuse', ideaId: entryIdea.id, message: tooLongMessage('An idea', brainstormLimits.idea) };
  if (!stored && ctx.ownCount >= roomLimits.ideasPerParticipant) {
    return { kind: 'refuse', ideaId: entryIdea.id, message: `You have written ${roomLimits.ideasPerParticipant} ideas, the most one person can add in a round.` };
  }
  if (!stored && round.ideas.length >= brainstormLimits.ideas) {
    return { kind: 'refuse', ideaId: entryIdea.id, message: `The round holds ${brainstormLimits.ideas} ideas, the most it can take.` };
  }
  const idea: Idea = stored
    ? { ...stored, text, rev: entryIdea.rev }
    : { id: entryIdea.id, text, participantId: ctx.participantId, createdAt: entryIdea.createdAt, kept: true, rev: entryIdea.rev };
  return { kind: 'put', idea, created: !stored };
}

/** A round with the decided ideas applied, checked against the sessions table's one definition (null: refused). */
export function withIdeas(round: Brainstorm, changes: readonly Exclude<IdeaDecision, { kind: 'skip' | 'refuse' }>[]): Brainstorm | null {
  let ideas = [...round.ideas];
  for (const c of changes) {
    if (c.kind === 'delete') ideas = ideas.filter((i) => i.id !== c.id);
    else if (c.created) ideas.push(c.idea);
    else ideas = ideas.map((i) => (i.id === c.idea.id ? c.idea : i));
  }
  const checked = checkRow('sessions', { ...round, ideas });
  return checked.ok && checked.row.kind === 'brainstorm' ? checked.row : null;
}

/** The round the phones write into: the newest started round of the workshop (revealed or not). */
export function liveBrainstorm(rounds: readonly Brainstorm[]): Brainstorm | null {
  let live: Brainstorm | null = null;
  for (const r of rounds) if (r.timer.startedAt !== null && (!live || r.createdAt > live.createdAt)) live = r;
  return live;
}

/** The round as the room sees it: no idea's text, only how many each person wrote. Stable while the clock runs (no `now`). */
export function publishBrainstorm(b: Brainstorm): PublishedBrainstorm {
  const counts: Record<string, number> = {};
  for (const i of b.ideas) if (i.participantId) counts[i.participantId] = (counts[i.participantId] ?? 0) + 1;
  const t = b.timer;
  const running = isRunning(t) && b.revealedAt === null;
  // Running: the end is fixed (start + pauses + plan); paused: what was left at the pause.
  const endsAt = running && t.startedAt !== null ? t.startedAt + t.pausedMs + plannedMs(b.minutes, t) : null;
  const leftMs = running ? plannedMs(b.minutes, t) : remainingMs(b.minutes, t, t.pausedAt ?? t.startedAt ?? 0);
  return { id: b.id, prompt: b.prompt, minutes: b.minutes, endsAt, leftMs, revealed: b.revealedAt !== null, named: b.named === true, counts };
}

// --- Dot voting ------------------------------------------------------------------------------------

export type DotsDecision =
  | { readonly kind: 'apply'; readonly puts: readonly Vote[]; readonly deletes: readonly string[] }
  | { readonly kind: 'same' }
  | { readonly kind: 'refuse'; readonly message: string };

export interface DotsContext {
  /** Whose document the entry came from: the voter, whatever the entry says. */
  readonly participantId: string;
  /** The vote the entry names, as stored (undefined: none in this workshop). */
  readonly exercise: VoteExercise | undefined;
  /** The vote the room votes in now (null: none). */
  readonly liveId: string | null;
  /** What may be voted on in it. */
  readonly targets: readonly VoteTarget[];
  /** This participant's dots in it as stored. */
  readonly stored: readonly Vote[];
  readonly now: number;
  /** New row ids (tests pass a counter). */
  readonly newVoteId?: () => string;
}

/**
 * Decides what a participant's allocation of dots does to the stored votes: nothing when it is
 * what is stored (a replay), else the dots to add and remove, each checked as a Vote row. The
 * budget, the items and the round are the facilitator's; the phone's claims are only a wish.
 */
export function mirrorDeviceDots(entry: unknown, ctx: DotsContext): DotsDecision {
  const parsed = deviceDotsSchema.safeParse(entry);
  if (!parsed.success) return { kind: 'refuse', message: 'Your dots could not be read and were not counted.' };
  const want = new Map(Object.entries(parsed.data.dots).filter(([, n]) => n > 0));
  const have = new Map<string, Vote[]>();
  for (const v of [...ctx.stored].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))) have.set(v.targetId, [...(have.get(v.targetId) ?? []), v]);
  const same = want.size === have.size && [...want].every(([t, n]) => have.get(t)?.length === n);
  if (same) return { kind: 'same' };
  const ex = ctx.exercise;
  if (!ex || ex.id !== ctx.liveId || ex.closedAt !== null) return { kind: 'refuse', message: 'Voting has closed: your dots were not changed.' };
  const known = new Set(ctx.targets.map((t) => t.id));
  if ([...want.keys()].some((t) => !known.has(t))) return { kind: 'refuse', message: 'A dot was on an item that is not part of this vote: your dots were not changed.' };
  const total = [...want.values()].reduce((a, b) => a + b, 0);
  if (total > ex.votesPerPerson) return { kind: 'refuse', message: `You have ${ex.votesPerPerson} dots: your dots were not changed.` };
  const puts: Vote[] = [];
  const deletes: string[] = [];
  for (const t of new Set([...want.keys(), ...have.keys()])) {
    const stored = have.get(t) ?? [];
    const n = want.get(t) ?? 0;
    // Taking a dot back removes the newest one on that item.
    for (const v of stored.slice(n)) deletes.push(v.id);
    for (let i = stored.length; i < n; i++) {
      const vote = { ...createVote(ex, ctx.participantId, t, ctx.now), ...(ctx.newVoteId ? { id: ctx.newVoteId() } : {}) };
      const checked = checkRow('votes', vote);
      if (!checked.ok) return { kind: 'refuse', message: 'Your dots could not be stored.' };
      puts.push(checked.row);
    }
  }
  return { kind: 'apply', puts, deletes };
}

/** The newest vote exercise of the workshop: the one the phones vote in (open or closed). */
export function liveVote(exercises: readonly VoteExercise[]): VoteExercise | null {
  let live: VoteExercise | null = null;
  for (const e of exercises) if (!live || e.createdAt > live.createdAt) live = e;
  return live;
}

/** The vote as the room sees it: its items and who is done, never where anyone put a dot. */
export function publishVote(ex: VoteExercise, targets: readonly VoteTarget[], votes: readonly Vote[]): PublishedVote {
  const used = new Map<string, number>();
  for (const v of votes) if (v.exerciseId === ex.id) used.set(v.participantId, (used.get(v.participantId) ?? 0) + 1);
  return {
    id: ex.id,
    question: ex.question,
    votesPerPerson: ex.votesPerPerson,
    closed: ex.closedAt !== null,
    items: targets.slice(0, roomLimits.voteItems).map((t) => ({ id: t.id, text: t.text, origin: t.origin })),
    done: [...used].filter(([, n]) => n >= ex.votesPerPerson).map(([p]) => p).sort(),
  };
}
