// The room: what the facilitator's app, the room server (src-main/room/) and the participant page
// (src-renderer/participant/) agree on. Pure data and rules, no I/O, so all three import it.
//
// Documents (Yjs, synced by Hocuspocus over one WebSocket per device at /ws):
// - the shared document `room/<roomId>`: written by the facilitator's app (what the room sees:
//   the journey's stages, lanes and cards) and by the server (roster, presence, lock); every
//   participant connection reads it only (read-only by connection, enforced by the server).
// - one participant document `room/<roomId>/p/<participantId>` each: that participant's own
//   input (their cards), readable and writable only by that participant and by the facilitator's
//   app. The facilitator's app validates every entry against its record definition before it
//   stores anything; nothing a device writes is trusted.
import { z } from 'zod';

// --- Names and secrets -----------------------------------------------------------------------

export const ROOM_DOC_PREFIX = 'room/';
export const sharedDocName = (roomId: string) => `${ROOM_DOC_PREFIX}${roomId}`;
export const participantDocName = (roomId: string, participantId: string) => `${ROOM_DOC_PREFIX}${roomId}/p/${participantId}`;

/** Parses a document name: which room, and whose document (null: the shared one). */
export function parseDocName(name: string): { roomId: string; participantId: string | null } | null {
  const m = /^room\/([A-Za-z0-9_-]{1,64})(?:\/p\/([A-Za-z0-9_-]{1,64}))?$/.exec(name);
  return m ? { roomId: m[1]!, participantId: m[2] ?? null } : null;
}

/** Random tokens (room link, participant, facilitator) carry at least 128 bits: 16 bytes, base64url. */
export const TOKEN_BYTES = 16;
export const tokenPattern = /^[A-Za-z0-9_-]{22,64}$/;
/** Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
/** "KX4-P7M": how a code is shown; typed in any case, with or without the dash or spaces. */
export const formatJoinCode = (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`;
export function normaliseJoinCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== JOIN_CODE_LENGTH) return null;
  return [...code].every((c) => JOIN_CODE_ALPHABET.includes(c)) ? code : null;
}

/** The link in the QR code: the room server's address, with the room token in the fragment (never sent in a request line or a Referer). */
export const joinUrl = (origin: string, roomToken: string) => `${origin}/#t=${roomToken}`;

// --- Caps ------------------------------------------------------------------------------------

export const roomLimits = {
  /** People in one room at once (participants with a token). */
  participants: 60,
  /** Connections one participant may hold (phone + laptop + a reload in flight). */
  connectionsPerParticipant: 4,
  /** Largest WebSocket message (bytes); a bigger one closes the connection. */
  messageBytes: 256 * 1024,
  /** Messages per connection in any 10 seconds; more closes the connection. */
  messagesPer10s: 400,
  /** Wrong join codes per address per minute before it must wait. */
  joinTriesPerMinute: 10,
  /** Cards one participant may hold in a room. */
  cardsPerParticipant: 300,
  /** Name typed by a participant. */
  name: 80,
  /** Ideas one participant may write in one silent brainstorm round. */
  ideasPerParticipant: 40,
  /** Items of a dot vote published to the phones. */
  voteItems: 300,
  /** Items of an assessment scored on phones (a set has at most 40 questions). */
  scoringItems: 40,
  /** Stages rated on phones (a journey has at most 40 stages). */
  emotionStages: 40,
} as const;

// --- HTTP API of the room server (LAN-facing) ------------------------------------------------

/** POST /api/code: a typed join code becomes the room token (rate-limited per address). */
export const codeRequestSchema = z.object({ code: z.string().max(20) }).strict();
export interface CodeAnswer {
  readonly roomToken: string;
}

/** POST /api/room: with the room token, what the join page shows before a name is picked. */
export const roomRequestSchema = z.object({ roomToken: z.string().regex(tokenPattern) }).strict();
export interface RoomAnswer {
  readonly roomId: string;
  readonly title: string;
  /** The workshop's participants, to pick from. */
  readonly people: readonly { readonly id: string; readonly name: string }[];
}

/**
 * POST /api/enter: become a participant. `participantId` picks a person from `people` (or a
 * person this device was before); without it a new participant is made with `name`.
 */
export const enterRequestSchema = z
  .object({
    roomToken: z.string().regex(tokenPattern),
    name: z.string().trim().min(1).max(roomLimits.name),
    participantId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  })
  .strict();
export interface EnterAnswer {
  readonly roomId: string;
  readonly participantId: string;
  /** The participant's own token: it opens their document and the shared one (read-only). */
  readonly token: string;
}

/** Error answers: { error: message for a person }. */
export interface ApiError {
  readonly error: string;
}

// --- Shared document -------------------------------------------------------------------------

/** Map names inside the shared document. */
export const SHARED = {
  /**
   * Y.Map: 'title' string, 'journey' PublishedJourney | null, 'locked' boolean (server), 'closing'
   * boolean, 'brainstorm' PublishedBrainstorm | null (the live silent round: never its ideas),
   * 'vote' PublishedVote | null (the live dot vote: its items, never anyone's dots), 'scoring'
   * PublishedScoring | null (the assessment scored on phones: its items, who has finished, never
   * a score), 'emotions' PublishedEmotions | null (emotion per stage rated on phones: the stages,
   * who has finished, never a rating).
   */
  room: 'room',
  /** Y.Map<participantId, RosterEntry> (server). */
  roster: 'roster',
  /** Y.Map<cardId, PublishedCard> (facilitator's app). */
  cards: 'cards',
} as const;

export interface PublishedJourney {
  readonly id: string;
  readonly name: string;
  readonly stages: readonly { readonly id: string; readonly name: string }[];
  readonly lanes: readonly { readonly id: string; readonly name: string }[];
}

export interface PublishedCard {
  readonly id: string;
  readonly stageId: string;
  readonly laneId: string;
  readonly text: string;
  readonly order: number;
  /** The participant who wrote it; null for the facilitator's own cards. */
  readonly authorId: string | null;
  /** For a participant's card: the revision of their entry stored (their phone stops showing "Sending…"). */
  readonly rev?: number;
}

/**
 * The silent brainstorm round the phones write into, as the room sees it: the question, the clock
 * and how many ideas each person has written. Never an idea's text: until the facilitator reveals
 * them, ideas live only in their author's own document and the facilitator's app.
 */
export interface PublishedBrainstorm {
  readonly id: string;
  readonly prompt: string;
  readonly minutes: number;
  /** When the time box ends (ms since 1970, the facilitator's clock); null while the clock is paused. */
  readonly endsAt: number | null;
  /** Time left when the clock is paused (ms; negative: over time). */
  readonly leftMs: number;
  /** Revealed on the shared screen: the round takes no more ideas. */
  readonly revealed: boolean;
  /** The shared screen shows who wrote each idea on reveal (else anonymous). */
  readonly named: boolean;
  /** Participant id -> ideas stored from them in this round. */
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * The dot vote the phones vote in: what is voted on and the dots each person has. Until it is
 * closed, the room learns only who has placed all their dots, never where.
 */
export interface PublishedVote {
  readonly id: string;
  readonly question: string;
  readonly votesPerPerson: number;
  readonly closed: boolean;
  readonly items: readonly { readonly id: string; readonly text: string; readonly origin: string }[];
  /** Participants who have placed all their dots. */
  readonly done: readonly string[];
}

/**
 * The assessment the phones score, as the room sees it: the items and what each answer means,
 * and who has finished. Never a score: until the facilitator reveals the spread, each person's
 * scores live only in their own document and the facilitator's app.
 */
export interface PublishedScoring {
  readonly id: string;
  /** The assessment's name. */
  readonly title: string;
  /** A rule read before scoring (the capability set's honesty rule), or ''. */
  readonly rule: string;
  /** The answers offered, in order, each with what it means; 'unknown' is "don't know". */
  readonly choices: readonly { readonly value: string | number; readonly label: string; readonly meaning: string }[];
  readonly items: readonly { readonly id: string; readonly short: string; readonly text: string; readonly hint: string }[];
  /** Revealed on the shared screen: no more scores are taken. */
  readonly revealed: boolean;
  /** Participants who have finished. */
  readonly done: readonly string[];
  /** The set has the five-employees test: a phone may add one answer it collected (optional). */
  readonly employees?: boolean;
}

/** Emotion per stage rated on the phones, as the room sees it: the stages and who has finished, never a rating. */
export interface PublishedEmotions {
  readonly id: string;
  readonly journeyName: string;
  readonly stages: readonly { readonly id: string; readonly name: string }[];
  /** Closed by the facilitator: the room's curve is on the shared screen; no more ratings are taken. */
  readonly closed: boolean;
  readonly done: readonly string[];
}

export interface RosterEntry {
  readonly name: string;
  /** Connections open now. */
  readonly online: number;
  /** Removed by the facilitator: their token no longer opens anything. */
  readonly removed: boolean;
  readonly joinedAt: number;
}

// --- Participant document --------------------------------------------------------------------

/** Map names inside a participant's document. */
export const OWN = {
  /** Y.Map<cardId, DeviceCard>: written by the participant (and `removed` by the facilitator's app). */
  cards: 'cards',
  /** Y.Map: feedback from the facilitator's app, e.g. 'refused' RefusalNote. */
  status: 'status',
  /** Y.Map<ideaId, DeviceIdea>: this participant's ideas in silent brainstorm rounds (private until revealed). */
  ideas: 'ideas',
  /** Y.Map<exerciseId, DeviceDots>: where this participant puts their dots in a dot vote (private until it closes). */
  dots: 'dots',
  /** Y.Map<roundId, DeviceScores>: this participant's scores of an assessment (private; anonymous once revealed). */
  scores: 'scores',
  /** Y.Map<roundId, DeviceEmotions>: this participant's emotion per stage (private; anonymous once closed). */
  emotions: 'emotions',
} as const;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * A card as a participant's device writes it. `rev` goes up by one with every edit: the
 * facilitator's app stores an entry only when its rev is newer than the one it stored last, so
 * replays (reconnects, reloads) never duplicate or roll back anything.
 */
export const deviceCardSchema = z
  .object({
    id,
    journeyId: id,
    stageId: id,
    laneId: id,
    text: z.string().max(2000),
    rev: z.number().int().min(1).max(1e9),
    createdAt: z.number().int().min(0).max(253402300799999),
    /** Deleted by its author. */
    deleted: z.boolean().optional(),
    /** Removed by the facilitator (written by the facilitator's app): the device stops offering it. */
    removed: z.boolean().optional(),
  })
  .strict();
export type DeviceCard = z.infer<typeof deviceCardSchema>;

/**
 * An idea as a participant's device writes it in a silent brainstorm round. Like a card: `rev`
 * goes up with every change and only a newer rev is stored. Plain text only; the facilitator's app
 * checks the length and the round.
 */
export const deviceIdeaSchema = z
  .object({
    id,
    brainstormId: id,
    text: z.string().max(2000),
    rev: z.number().int().min(1).max(1e9),
    createdAt: z.number().int().min(0).max(253402300799999),
    /** Deleted by its author (before the reveal). */
    deleted: z.boolean().optional(),
  })
  .strict();
export type DeviceIdea = z.infer<typeof deviceIdeaSchema>;

/**
 * A participant's dots in one dot vote, as their device writes it: the whole allocation (item id ->
 * dots), so a replay or a second device of the same person never adds dots; the facilitator's app
 * checks it against the vote (its items, the dots per person, open or closed) and stores the
 * difference as Vote rows with the participant as voter.
 */
export const deviceDotsSchema = z
  .object({
    id,
    rev: z.number().int().min(1).max(1e9),
    dots: z.record(id, z.number().int().min(0).max(100)).refine((d) => Object.keys(d).length <= 500, { error: 'too many items' }),
  })
  .strict();
export type DeviceDots = z.infer<typeof deviceDotsSchema>;

/** OWN.status 'dots': the revision of the participant's dots the facilitator's app has stored. */
export interface DotsReceipt {
  readonly id: string;
  readonly rev: number;
}

const itemKey = z.string().max(64);
const fewKeys = (max: number) => (r: object) => Object.keys(r).length <= max;

/**
 * A participant's scores in one assessment round, as their device writes it: the whole sheet
 * (item id → answer, item id → evidence), so a replay or a second device never adds anything.
 * Values are read loosely here (any short string or number) so the facilitator's app can say
 * exactly what was wrong ("scores go from 1 to 5"); it checks them against the set.
 */
export const deviceScoresSchema = z
  .object({
    id,
    rev: z.number().int().min(1).max(1e9),
    answers: z.record(itemKey, z.union([z.string().max(20), z.number()])).refine(fewKeys(100), { error: 'too many items' }),
    notes: z.record(itemKey, z.string().max(2000)).refine(fewKeys(100), { error: 'too many notes' }),
    /** Sent as finished (counts only when every item is answered). */
    done: z.boolean(),
    /** For a set with the five-employees test: one answer this participant collected from an employee outside the room (optional). */
    employee: z.object({ department: z.string().max(400), answer: z.string().max(8000) }).strict().optional(),
  })
  .strict();
export type DeviceScores = z.infer<typeof deviceScoresSchema>;

/** A participant's emotion per stage in one round (stage id → -3..+3), the whole sheet, like scores. */
export const deviceEmotionsSchema = z
  .object({
    id,
    rev: z.number().int().min(1).max(1e9),
    ratings: z.record(itemKey, z.number()).refine(fewKeys(100), { error: 'too many stages' }),
    done: z.boolean(),
  })
  .strict();
export type DeviceEmotions = z.infer<typeof deviceEmotionsSchema>;

/** OWN.status 'scores' / 'emotions': the revision of the participant's sheet the facilitator's app has stored (the same shape as DotsReceipt). */
export type SheetReceipt = DotsReceipt;

/** What the facilitator's app tells a participant about entries it refused. */
export interface RefusalNote {
  readonly cardId: string;
  readonly message: string;
  readonly at: number;
}

// --- Colours ---------------------------------------------------------------------------------

/** Author colours: distinct, each with white text at AA contrast. */
export const authorColours = ['#1f6feb', '#b42318', '#067647', '#7a2e98', '#b54708', '#0e7490', '#c11574', '#4a5a12', '#344054', '#9e3a00'] as const;

/** A participant's colour, the same on every screen (from their id). */
export function authorColour(participantId: string): string {
  let h = 0;
  for (let i = 0; i < participantId.length; i++) h = (h * 31 + participantId.charCodeAt(i)) >>> 0;
  return authorColours[h % authorColours.length]!;
}
