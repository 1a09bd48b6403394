// The participant page's pure model: what a phone reads from the room's two Yjs documents (every
// value checked, bad entries dropped, counts capped), the cells it shows, the cards it writes, its
// undo, its stored identity and its connection status. No React, no network, no DOM beyond a
// Storage-like object passed in, so all of it is unit-tested without a browser.
// Everything read here comes from the network or from a phone's storage: never trusted.
import { z } from 'zod';
import type * as Y from 'yjs';
import {
  OWN,
  SHARED,
  authorColour,
  authorColours,
  deviceCardSchema,
  deviceDotsSchema,
  deviceEmotionsSchema,
  deviceIdeaSchema,
  deviceScoresSchema,
  roomLimits,
  tokenPattern,
  type DeviceCard,
  type DeviceDots,
  type DeviceEmotions,
  type DeviceIdea,
  type DeviceScores,
  type PublishedJourney,
  type RefusalNote,
  type RosterEntry,
} from '../domain/room';
import { cardTextProblem, journeyLimits } from '../domain/journey';
import { brainstormLimits } from '../domain/run';
import { capText, textLength, tooLongMessage } from '../domain/text';

// --- Caps on what is read and rendered ----------------------------------------------------------

export const viewCaps = {
  /** Shared cards read from the room document (a journey holds at most 5000). */
  sharedCards: journeyLimits.cardsPerJourney,
  /** Own entries read (the server keeps a participant to 300; a margin for deleted ones). */
  ownCards: roomLimits.cardsPerParticipant * 4,
  /** Own ideas read (all rounds; a margin for deleted ones). */
  ownIdeas: roomLimits.ideasPerParticipant * 20,
  /** Own dot allocations read (one per vote). */
  ownDots: 200,
  /** People read from the roster. */
  roster: 500,
  /** Cards rendered in one cell; the rest are counted ("12 more cards"). */
  cardsPerCell: 150,
  /** Characters of a name or title shown (the full text stays in the document). */
  name: 120,
  /** Characters of a facilitator's message shown. */
  message: 500,
} as const;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
// Shared values are parsed leniently about extra fields (`z.object` drops them), so a newer
// facilitator's app that adds a field does not blank the phones; every field we use is checked.
const nameText = z.string().max(2000);

export const publishedJourneySchema = z.object({
  id,
  name: nameText,
  stages: z.array(z.object({ id, name: nameText })).max(journeyLimits.stages),
  lanes: z.array(z.object({ id, name: nameText })).max(journeyLimits.lanes),
});

export const publishedCardSchema = z.object({
  id,
  stageId: id,
  laneId: id,
  text: z.string().max(2000),
  order: z.number().finite(),
  authorId: id.nullable(),
  /**
   * Not in the contract yet (proposed): the rev of the participant's entry this card reflects.
   * With it a phone knows its edit arrived even when the facilitator changed the text since;
   * without it, a phone compares texts.
   */
  rev: z.number().int().min(0).optional(),
});

/** A card of the room as a phone reads it (the contract's PublishedCard, plus the proposed rev). */
export type RoomCard = z.infer<typeof publishedCardSchema>;

export const rosterEntrySchema = z.object({
  name: nameText,
  online: z.number().int().min(0).max(1000),
  removed: z.boolean(),
  joinedAt: z.number().finite(),
});

export const publishedBrainstormSchema = z.object({
  id,
  prompt: nameText,
  minutes: z.number().finite().min(0).max(1000),
  endsAt: z.number().finite().nullable(),
  leftMs: z.number().finite(),
  revealed: z.boolean(),
  named: z.boolean().optional(),
  counts: z.record(id, z.number().int().min(0).max(100_000)),
});
export type RoundView = z.infer<typeof publishedBrainstormSchema>;

export const publishedVoteSchema = z.object({
  id,
  question: nameText,
  votesPerPerson: z.number().int().min(1).max(100),
  closed: z.boolean(),
  items: z.array(z.object({ id, text: nameText, origin: nameText })).max(roomLimits.voteItems),
  done: z.array(id).max(viewCaps.roster),
});
export type VoteView = z.infer<typeof publishedVoteSchema>;

const dotsReceiptSchema = z.object({ id, rev: z.number().int().min(0) });

export const publishedScoringSchema = z.object({
  id,
  title: nameText,
  rule: nameText,
  choices: z.array(z.object({ value: z.union([z.string().max(20), z.number().finite()]), label: nameText, meaning: nameText })).max(10),
  items: z.array(z.object({ id: z.string().max(64), short: nameText, text: nameText, hint: nameText })).max(roomLimits.scoringItems),
  revealed: z.boolean(),
  done: z.array(id).max(viewCaps.roster),
  employees: z.boolean().optional(),
});
export type ScoringView = z.infer<typeof publishedScoringSchema>;

export const publishedEmotionsSchema = z.object({
  id,
  journeyName: nameText,
  stages: z.array(z.object({ id, name: nameText })).max(roomLimits.emotionStages),
  closed: z.boolean(),
  done: z.array(id).max(viewCaps.roster),
});
export type EmotionsView = z.infer<typeof publishedEmotionsSchema>;

export const refusalNoteSchema = z.object({ cardId: z.string().max(64), message: z.string().max(2000), at: z.number().finite() });

// --- Reading the documents ----------------------------------------------------------------------

export interface SharedView {
  readonly title: string;
  readonly journey: PublishedJourney | null;
  readonly locked: boolean;
  readonly closing: boolean;
  readonly roster: ReadonlyMap<string, RosterEntry>;
  readonly cards: readonly RoomCard[];
  /** The live silent brainstorm round (counts only), or null. */
  readonly brainstorm: RoundView | null;
  /** The live dot vote (items, who is done), or null. */
  readonly vote: VoteView | null;
  /** The live assessment scored on phones (items, who finished), or null. */
  readonly scoring: ScoringView | null;
  /** The live emotion round (stages, who finished), or null. */
  readonly emotions: EmotionsView | null;
}

export interface OwnView {
  readonly cards: ReadonlyMap<string, DeviceCard>;
  readonly ideas: ReadonlyMap<string, DeviceIdea>;
  /** Vote id -> this participant's dots in it. */
  readonly dots: ReadonlyMap<string, DeviceDots>;
  /** The revision of this phone's dots the facilitator's app has stored. */
  readonly dotsStored: { readonly id: string; readonly rev: number } | null;
  /** Round id -> this participant's score sheet. */
  readonly scores: ReadonlyMap<string, DeviceScores>;
  readonly scoresStored: { readonly id: string; readonly rev: number } | null;
  /** Round id -> this participant's emotion per stage. */
  readonly emotions: ReadonlyMap<string, DeviceEmotions>;
  readonly emotionsStored: { readonly id: string; readonly rev: number } | null;
  readonly refused: RefusalNote | null;
}

/** Parsed entries of a Y.Map, at most `cap` of them looked at; an entry must carry its key as id when `idKey`. */
function readMap<T>(map: Y.Map<unknown>, schema: z.ZodType<T>, cap: number, idKey: boolean): Map<string, T> {
  const out = new Map<string, T>();
  let seen = 0;
  for (const [key, value] of map) {
    if (seen++ >= cap) break;
    const parsed = schema.safeParse(value);
    if (!parsed.success) continue;
    if (idKey && (parsed.data as { id?: unknown }).id !== key) continue;
    out.set(key, parsed.data);
  }
  return out;
}

function parsedOrNull<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function readShared(doc: Y.Doc): SharedView {
  const room = doc.getMap<unknown>(SHARED.room);
  const title = room.get('title');
  const journey = publishedJourneySchema.safeParse(room.get('journey'));
  const roster = readMap(doc.getMap<unknown>(SHARED.roster), rosterEntrySchema, viewCaps.roster, false);
  for (const key of roster.keys()) if (!id.safeParse(key).success) roster.delete(key);
  const cards = [...readMap(doc.getMap<unknown>(SHARED.cards), publishedCardSchema, viewCaps.sharedCards, true).values()];
  const voteParsed = publishedVoteSchema.safeParse(room.get('vote'));
  const raw = room.get('brainstorm');
  // The counts are keyed by participant: a roster's worth at most.
  const brainstorm = raw && typeof raw === 'object' && Object.keys((raw as { counts?: object }).counts ?? {}).length <= viewCaps.roster ? publishedBrainstormSchema.safeParse(raw) : null;
  return {
    title: typeof title === 'string' ? title : '',
    journey: journey.success ? journey.data : null,
    locked: room.get('locked') === true,
    closing: room.get('closing') === true,
    roster,
    cards,
    brainstorm: brainstorm?.success ? brainstorm.data : null,
    vote: voteParsed.success ? voteParsed.data : null,
    scoring: parsedOrNull(publishedScoringSchema, room.get('scoring')),
    emotions: parsedOrNull(publishedEmotionsSchema, room.get('emotions')),
  };
}

export function readOwn(doc: Y.Doc): OwnView {
  const cards = readMap(doc.getMap<unknown>(OWN.cards), deviceCardSchema, viewCaps.ownCards, true);
  const ideas = readMap(doc.getMap<unknown>(OWN.ideas), deviceIdeaSchema, viewCaps.ownIdeas, true);
  const refused = refusalNoteSchema.safeParse(doc.getMap<unknown>(OWN.status).get('refused'));
  const dots = readMap(doc.getMap<unknown>(OWN.dots), deviceDotsSchema, viewCaps.ownDots, true);
  const receipt = dotsReceiptSchema.safeParse(doc.getMap<unknown>(OWN.status).get('dots'));
  const status = doc.getMap<unknown>(OWN.status);
  return {
    cards,
    ideas,
    dots,
    dotsStored: receipt.success ? receipt.data : null,
    scores: readMap(doc.getMap<unknown>(OWN.scores), deviceScoresSchema, viewCaps.ownDots, true),
    scoresStored: parsedOrNull(dotsReceiptSchema, status.get('scores')),
    emotions: readMap(doc.getMap<unknown>(OWN.emotions), deviceEmotionsSchema, viewCaps.ownDots, true),
    emotionsStored: parsedOrNull(dotsReceiptSchema, status.get('emotions')),
    refused: refused.success ? refused.data : null,
  };
}

// --- The cells of one stage ---------------------------------------------------------------------

export type CardState = 'shared' | 'sending' | 'removed';

export interface CellItem {
  readonly cardId: string;
  readonly text: string;
  /** shared: as the room sees it; sending: this phone's newest text, not in the room yet; removed: by the facilitator. */
  readonly state: CardState;
  readonly mine: boolean;
  /** Who wrote it, for others' cards: a roster name, "Facilitator", or "A participant". */
  readonly author: string;
  /** Index into authorColours (CSS class author-<n>), or null for the facilitator's own cards. */
  readonly colour: number | null;
  /** This phone may edit or delete it (its own, in its own document, not removed). */
  readonly editable: boolean;
}

export interface LaneView {
  readonly laneId: string;
  readonly name: string;
  readonly items: readonly CellItem[];
  /** Cards left out by the per-cell cap. */
  readonly hidden: number;
}

export function colourIndex(participantId: string): number {
  return authorColours.indexOf(authorColour(participantId) as (typeof authorColours)[number]);
}

function authorName(authorId: string | null, roster: ReadonlyMap<string, RosterEntry>): string {
  if (authorId === null) return 'Facilitator';
  const name = roster.get(authorId)?.name.trim();
  return name ? capText(name, viewCaps.name) : 'A participant';
}

/**
 * The lanes of one stage with their cards: the room's cards in their order, then this phone's own
 * entries the room does not show yet ("Sending…", oldest first), then own entries the facilitator
 * removed. An own entry the room already shows takes the room's place (the facilitator may have
 * moved it) but this phone's newest text, marked sending until the room has that text too; an own
 * entry deleted here is hidden at once.
 */
export function stageLanes(shared: SharedView, own: OwnView, me: string, stageId: string): LaneView[] {
  const journey = shared.journey;
  if (!journey) return [];
  const cells = new Map<string, CellItem[]>();
  const push = (laneId: string, item: CellItem) => {
    const list = cells.get(laneId);
    if (list) list.push(item);
    else cells.set(laneId, [item]);
  };
  const mineItem = (cardId: string, text: string, state: CardState): CellItem => ({
    cardId,
    text,
    state,
    mine: true,
    author: 'You',
    colour: colourIndex(me),
    editable: state !== 'removed',
  });

  const inRoom = new Set<string>();
  const sharedHere = shared.cards.filter((c) => c.stageId === stageId).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  for (const card of shared.cards) inRoom.add(card.id);
  for (const card of sharedHere) {
    const entry = own.cards.get(card.id);
    if (entry) {
      if (entry.deleted || entry.removed) continue;
      const arrived = card.rev !== undefined ? card.rev >= entry.rev : card.text === entry.text;
      push(card.laneId, mineItem(card.id, arrived ? card.text : entry.text, arrived ? 'shared' : 'sending'));
      continue;
    }
    const mine = card.authorId === me;
    push(card.laneId, {
      cardId: card.id,
      text: card.text,
      state: 'shared',
      mine,
      author: mine ? 'You' : authorName(card.authorId, shared.roster),
      colour: card.authorId === null ? null : colourIndex(card.authorId),
      // Without its entry in this phone's document there is no rev to continue from.
      editable: false,
    });
  }
  const pending = [...own.cards.values()]
    .filter((e) => e.journeyId === journey.id && e.stageId === stageId && !e.deleted && (e.removed || !inRoom.has(e.id)))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  for (const entry of pending.filter((e) => !e.removed)) push(entry.laneId, mineItem(entry.id, entry.text, 'sending'));
  for (const entry of pending.filter((e) => e.removed)) push(entry.laneId, mineItem(entry.id, entry.text, 'removed'));

  return journey.lanes.map((lane) => {
    const items = cells.get(lane.id) ?? [];
    return {
      laneId: lane.id,
      name: capText(lane.name, viewCaps.name),
      items: items.slice(0, viewCaps.cardsPerCell),
      hidden: Math.max(0, items.length - viewCaps.cardsPerCell),
    };
  });
}

// --- Writing own cards --------------------------------------------------------------------------

/** Why this text cannot be saved as a card, or null. Never shortens the text. */
export function cardInputProblem(text: string): string | null {
  if (text.trim() === '') return 'Write something on the card first.';
  return cardTextProblem(text);
}

/** The problem with adding one more card, or null (the room keeps each participant to a number of cards). */
export function addCardProblem(own: OwnView): string | null {
  return own.cards.size >= roomLimits.cardsPerParticipant
    ? `You have written ${roomLimits.cardsPerParticipant} cards, the most one person can add in this room.`
    : null;
}

/** A random id: `bytes` random bytes in base64url (getRandomValues works on plain http, randomUUID does not). */
export function randomId(bytes = 16, fill: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  const raw = fill(new Uint8Array(bytes));
  let bin = '';
  for (const b of raw) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export const nextRev = (prev: DeviceCard | undefined) => (prev?.rev ?? 0) + 1;

export function newCard(place: { journeyId: string; stageId: string; laneId: string }, text: string, now: number, cardId: string = randomId()): DeviceCard {
  return { id: cardId, ...place, text, rev: 1, createdAt: now };
}

export function editedCard(prev: DeviceCard, text: string): DeviceCard {
  return { ...prev, text, rev: nextRev(prev) };
}

export function deletedCard(prev: DeviceCard): DeviceCard {
  return { ...prev, deleted: true, rev: nextRev(prev) };
}

/** One step of this phone's undo: the card as it was before the change (null: it did not exist). */
export interface UndoStep {
  readonly cardId: string;
  readonly before: DeviceCard | null;
  /** "Undo add", "Undo edit", "Undo delete". */
  readonly label: string;
}

export const UNDO_DEPTH = 20;

export function pushUndo(stack: readonly UndoStep[], step: UndoStep): UndoStep[] {
  return [...stack, step].slice(-UNDO_DEPTH);
}

/**
 * The entry that undoes `step`, written as a new rev (the facilitator's app takes only newer revs,
 * so rolling an entry back to an older rev, as Yjs's own UndoManager would, would be ignored).
 * Null when the card is gone from this phone's document or the facilitator removed it.
 */
export function undoneCard(current: DeviceCard | undefined, step: UndoStep): DeviceCard | null {
  if (!current || current.removed) return null;
  if (step.before === null) return { ...current, deleted: true, rev: nextRev(current) };
  const { deleted: _deleted, ...rest } = current;
  const restored: DeviceCard = { ...rest, text: step.before.text, rev: nextRev(current) };
  return step.before.deleted ? { ...restored, deleted: true } : restored;
}

/** Writes entries into this phone's own document in one transaction. */
export function writeOwnCards(doc: Y.Doc, cards: readonly DeviceCard[], origin: unknown = 'participant'): void {
  const map = doc.getMap<unknown>(OWN.cards);
  doc.transact(() => {
    for (const card of cards) map.set(card.id, deviceCardSchema.parse(card));
  }, origin);
}

// --- Silent brainstorm ---------------------------------------------------------------------------

/** Why this text cannot be sent as an idea, or null. Never shortens the text. */
export function ideaInputProblem(text: string): string | null {
  if (text.trim() === '') return 'Write your idea first.';
  return textLength(text.trim()) > brainstormLimits.idea ? tooLongMessage('An idea', brainstormLimits.idea) : null;
}

/** This phone's ideas in a round (not deleted), oldest first. */
export function roundIdeas(own: OwnView, roundId: string): DeviceIdea[] {
  return [...own.ideas.values()].filter((i) => i.brainstormId === roundId && !i.deleted).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** The problem with adding one more idea to the round, or null. */
export function addIdeaProblem(round: RoundView, own: OwnView): string | null {
  if (round.revealed) return 'The facilitator has revealed the ideas: the round is closed.';
  return roundIdeas(own, round.id).length >= roomLimits.ideasPerParticipant ? `You have written ${roomLimits.ideasPerParticipant} ideas, the most one person can add in a round.` : null;
}

export function newIdea(roundId: string, text: string, now: number, ideaId: string = randomId()): DeviceIdea {
  return { id: ideaId, brainstormId: roundId, text: text.trim(), rev: 1, createdAt: now };
}

export function deletedIdea(prev: DeviceIdea): DeviceIdea {
  return { ...prev, deleted: true, rev: prev.rev + 1 };
}

/** Time left in the round on this phone (ms; negative once over), from the published end or the paused rest. */
export function roundLeftMs(round: RoundView, now: number): number {
  return round.endsAt === null ? round.leftMs : round.endsAt - now;
}

/** "4:05" for a time left (never negative; "0:00" once over). */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Writes ideas into this phone's own document in one transaction. */
export function writeOwnIdeas(doc: Y.Doc, ideas: readonly DeviceIdea[], origin: unknown = 'participant'): void {
  const map = doc.getMap<unknown>(OWN.ideas);
  doc.transact(() => {
    for (const idea of ideas) map.set(idea.id, deviceIdeaSchema.parse(idea));
  }, origin);
}

// --- Dot voting ------------------------------------------------------------------------------------

/** This phone's dots in a vote (item id -> dots), only on items of the vote. */
export function myDots(own: OwnView, vote: VoteView): Record<string, number> {
  const entry = own.dots.get(vote.id);
  const items = new Set(vote.items.map((i) => i.id));
  return Object.fromEntries(Object.entries(entry?.dots ?? {}).filter(([t, n]) => items.has(t) && n > 0));
}

export function dotsLeftOf(own: OwnView, vote: VoteView): number {
  return Math.max(0, vote.votesPerPerson - Object.values(myDots(own, vote)).reduce((a, b) => a + b, 0));
}

/** The allocation with one dot more (+1) or less (-1) on an item; null when that is not possible. */
export function changedDots(own: OwnView, vote: VoteView, itemId: string, delta: 1 | -1): DeviceDots | null {
  if (vote.closed || !vote.items.some((i) => i.id === itemId)) return null;
  const dots = myDots(own, vote);
  const next = (dots[itemId] ?? 0) + delta;
  if (next < 0 || (delta > 0 && dotsLeftOf(own, vote) === 0)) return null;
  if (next === 0) delete dots[itemId];
  else dots[itemId] = next;
  return { id: vote.id, rev: (own.dots.get(vote.id)?.rev ?? 0) + 1, dots };
}

/** Whether the facilitator's app has stored this phone's newest dots in the vote. */
export function dotsSent(own: OwnView, voteId: string): boolean {
  const entry = own.dots.get(voteId);
  return !entry || (own.dotsStored?.id === voteId && own.dotsStored.rev >= entry.rev);
}

export function writeOwnDots(doc: Y.Doc, entry: DeviceDots, origin: unknown = 'participant'): void {
  doc.transact(() => doc.getMap<unknown>(OWN.dots).set(entry.id, deviceDotsSchema.parse(entry)), origin);
}

// --- Scores and emotions per stage (whole sheets) ------------------------------------------------

/** An answer as a phone writes it: a choice's value (1–5, 'yes', 'unknown', …). */
export type ScoreValue = string | number;

/** This phone's sheet in a scoring round, only for the round's items. */
export function myScores(own: OwnView, scoring: ScoringView): { answers: Record<string, ScoreValue>; notes: Record<string, string>; done: boolean; employee: { department: string; answer: string } | undefined } {
  const entry = own.scores.get(scoring.id);
  const items = new Set(scoring.items.map((i) => i.id));
  const keep = <T>(r: Record<string, T> | undefined) => Object.fromEntries(Object.entries(r ?? {}).filter(([k]) => items.has(k)));
  return { answers: keep(entry?.answers), notes: keep(entry?.notes), done: entry?.done ?? false, employee: scoring.employees ? entry?.employee : undefined };
}

/** The sheet with one change (an answer, a note, finished), as a new revision; null once revealed. */
export function changedScores(
  own: OwnView,
  scoring: ScoringView,
  change: { item?: string; answer?: ScoreValue | null; note?: string; done?: boolean; employee?: { department: string; answer: string } | null },
): DeviceScores | null {
  if (scoring.revealed) return null;
  const mine = myScores(own, scoring);
  const answers = { ...mine.answers };
  const notes = { ...mine.notes };
  if (change.item !== undefined) {
    if (!scoring.items.some((i) => i.id === change.item)) return null;
    if (change.answer === null) delete answers[change.item];
    else if (change.answer !== undefined) answers[change.item] = change.answer;
    if (change.note !== undefined) {
      if (change.note.trim()) notes[change.item] = change.note.trim();
      else delete notes[change.item];
    }
  }
  const done = (change.done ?? mine.done) && scoring.items.every((i) => answers[i.id] !== undefined);
  const employee = change.employee === undefined ? mine.employee : change.employee && change.employee.answer.trim() ? { department: change.employee.department.trim(), answer: change.employee.answer.trim() } : undefined;
  return { id: scoring.id, rev: (own.scores.get(scoring.id)?.rev ?? 0) + 1, answers, notes, done, ...(scoring.employees && employee ? { employee } : {}) };
}

/** Items of the round this phone has answered. */
export const answeredCount = (own: OwnView, scoring: ScoringView) => Object.keys(myScores(own, scoring).answers).length;

/** Whether the facilitator's app has stored this phone's newest sheet. */
export function sheetSent(entry: { rev: number } | undefined, receipt: { id: string; rev: number } | null, roundId: string): boolean {
  return !entry || (receipt?.id === roundId && receipt.rev >= entry.rev);
}

export function writeOwnScores(doc: Y.Doc, entry: DeviceScores, origin: unknown = 'participant'): void {
  doc.transact(() => doc.getMap<unknown>(OWN.scores).set(entry.id, deviceScoresSchema.parse(entry)), origin);
}

/** This phone's ratings in an emotion round, only for its stages. */
export function myEmotions(own: OwnView, round: EmotionsView): { ratings: Record<string, number>; done: boolean } {
  const entry = own.emotions.get(round.id);
  const stages = new Set(round.stages.map((s) => s.id));
  return { ratings: Object.fromEntries(Object.entries(entry?.ratings ?? {}).filter(([k]) => stages.has(k))), done: entry?.done ?? false };
}

export function changedEmotions(own: OwnView, round: EmotionsView, change: { stage?: string; rating?: number | null; done?: boolean }): DeviceEmotions | null {
  if (round.closed) return null;
  const ratings = { ...myEmotions(own, round).ratings };
  if (change.stage !== undefined) {
    if (!round.stages.some((s) => s.id === change.stage)) return null;
    if (change.rating === null) delete ratings[change.stage];
    else if (change.rating !== undefined) ratings[change.stage] = change.rating;
  }
  const done = (change.done ?? myEmotions(own, round).done) && round.stages.every((s) => ratings[s.id] !== undefined);
  return { id: round.id, rev: (own.emotions.get(round.id)?.rev ?? 0) + 1, ratings, done };
}

export function writeOwnEmotions(doc: Y.Doc, entry: DeviceEmotions, origin: unknown = 'participant'): void {
  doc.transact(() => doc.getMap<unknown>(OWN.emotions).set(entry.id, deviceEmotionsSchema.parse(entry)), origin);
}

// --- Identity on this phone ---------------------------------------------------------------------

/** Who this phone is in a room. FORMAT: stored in localStorage; changing a field needs a fallback for old entries. */
export const identitySchema = z
  .object({
    roomId: id,
    roomToken: z.string().regex(tokenPattern),
    participantId: id,
    token: z.string().regex(tokenPattern),
    name: z.string().min(1).max(roomLimits.name),
    title: z.string().max(2000),
  })
  .strict();
export type Identity = z.infer<typeof identitySchema>;

/** FORMAT: localStorage key prefix, one entry per room (changing it forgets every phone's identity). */
export const IDENTITY_KEY_PREFIX = 'centric.room.identity/';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function parseIdentity(raw: string | null): Identity | null {
  if (raw === null || raw.length > 4096) return null;
  try {
    const parsed = identitySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveIdentity(storage: StorageLike, identity: Identity): void {
  storage.setItem(IDENTITY_KEY_PREFIX + identity.roomId, JSON.stringify(identitySchema.parse(identity)));
}

export function loadIdentity(storage: StorageLike, roomId: string): Identity | null {
  const found = parseIdentity(storage.getItem(IDENTITY_KEY_PREFIX + roomId));
  return found && found.roomId === roomId ? found : null;
}

/** The identity stored for the room this link opens, so a reload needs no request (the room may be out of reach). */
export function identityForRoomToken(storage: StorageLike, roomToken: string): Identity | null {
  const n = Math.min(storage.length, 1000);
  for (let i = 0; i < n; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(IDENTITY_KEY_PREFIX)) continue;
    const found = parseIdentity(storage.getItem(key));
    if (found && found.roomToken === roomToken && key === IDENTITY_KEY_PREFIX + found.roomId) return found;
  }
  return null;
}

export function forgetIdentity(storage: StorageLike, roomId: string): void {
  storage.removeItem(IDENTITY_KEY_PREFIX + roomId);
}

/** The room token from the join link's fragment (`#t=<token>`), or null. */
export function roomTokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('t');
  return token && tokenPattern.test(token) ? token : null;
}

// --- Connection status --------------------------------------------------------------------------

export type RoomStatus = 'connecting' | 'connected' | 'offline' | 'closed' | 'removed';

export interface ConnectionFacts {
  /** The WebSocket's state. */
  readonly socket: 'connecting' | 'connected' | 'disconnected';
  /** The connection dropped or failed at least once since the page opened. */
  readonly failedOnce: boolean;
  /** The server refused this phone's token (its reason), or null. */
  readonly denied: string | null;
}

export function roomStatus(facts: ConnectionFacts, shared: SharedView, me: string): RoomStatus {
  if (shared.roster.get(me)?.removed || (facts.denied !== null && /remov|revok/i.test(facts.denied))) return 'removed';
  if (shared.closing || facts.denied !== null) return 'closed';
  if (facts.socket === 'connected') return 'connected';
  return facts.socket === 'connecting' && !facts.failedOnce ? 'connecting' : 'offline';
}

export const statusText: Readonly<Record<RoomStatus, string>> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline — your cards are kept and sent when you are back',
  closed: 'The room is closed',
  removed: 'You were removed from the room',
};
