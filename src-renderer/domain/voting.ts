// Dot voting: the stored exercise (what is voted on, dots per person, the top items tagged),
// the stored votes, and the pure arithmetic: dots left, whether a dot may be cast, the tally
// ranked with ties, and the top N. Imports nothing from React, Dexie or the DOM.
// Field names are stored in IndexedDB and in backups: renaming one needs a migration.
import { z } from 'zod';
import { rowId, timeMs, type DeepReadonly } from './row-fields';
import { newId } from './ids';
import { textLength } from './text';

/**
 * Where the items come from. FORMAT: stored.
 * `journey:<id>` the cards of one journey; `needs` every segment need; `initiatives` roadmap
 * initiatives; `ideas` the kept ideas of every revealed brainstorm; `themes` the themes the
 * revealed ideas were grouped into.
 */
export type VoteSource = `journey:${string}` | 'needs' | 'initiatives' | 'ideas' | 'themes';

/** Something that can be voted on, as gathered from the sources. */
export interface VoteTarget {
  readonly id: string;
  readonly text: string;
  /** Where it came from, e.g. "Onboarding journey" or "Segment: Young families". */
  readonly origin: string;
}

export interface VoteExercise {
  readonly id: string;
  readonly workshopId: string;
  readonly kind: 'vote';
  readonly stepId: string | null;
  /** What the room is deciding, e.g. "Which gaps hurt customers most?" */
  readonly question: string;
  readonly sources: readonly VoteSource[];
  readonly votesPerPerson: number;
  /** How many top items get tagged. */
  readonly topN: number;
  /** Target ids tagged as the top items, in rank order; empty until the facilitator tags them. */
  readonly tagged: readonly string[];
  /** Who is voting on the shared screen now. */
  readonly activeParticipantId: string | null;
  /** Results are shown (in the room) once voting is closed. */
  readonly closedAt: number | null;
  readonly createdAt: number;
}

/** One dot. Stored in the 'votes' table, indexed by targetId. */
export interface Vote {
  readonly id: string;
  readonly workshopId: string;
  readonly exerciseId: string;
  readonly participantId: string;
  readonly targetId: string;
  readonly createdAt: number;
}

export const votingLimits = { question: 200, votesPerPersonMax: 20, topNMax: 10 } as const;

export function createVoteExercise(workshopId: string, stepId: string | null, input: Partial<Pick<VoteExercise, 'question' | 'sources' | 'votesPerPerson' | 'topN'>>, now = Date.now()): VoteExercise {
  return {
    id: newId(), workshopId, kind: 'vote', stepId, question: (input.question ?? '').trim() || 'Where should we focus?',
    sources: input.sources ?? [], votesPerPerson: clampInt(input.votesPerPerson ?? 3, 1, votingLimits.votesPerPersonMax),
    topN: clampInt(input.topN ?? 3, 1, votingLimits.topNMax), tagged: [], activeParticipantId: null, closedAt: null, createdAt: now,
  };
}

function clampInt(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(Number.isFinite(v) ? v : min)));
}

export function createVote(ex: Pick<VoteExercise, 'id' | 'workshopId'>, participantId: string, targetId: string, now = Date.now()): Vote {
  return { id: newId(), workshopId: ex.workshopId, exerciseId: ex.id, participantId, targetId, createdAt: now };
}

/** Dots a participant has left in this exercise (never below zero). */
export function dotsLeft(votes: readonly Vote[], ex: Pick<VoteExercise, 'id' | 'votesPerPerson'>, participantId: string): number {
  const used = votes.filter((v) => v.exerciseId === ex.id && v.participantId === participantId).length;
  return Math.max(0, ex.votesPerPerson - used);
}

export type CastCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Whether this participant may put one more dot on this target. */
export function canCast(votes: readonly Vote[], ex: VoteExercise, participantId: string | null, targetId: string, targets: readonly VoteTarget[]): CastCheck {
  if (ex.closedAt !== null) return { ok: false, reason: 'Voting is closed.' };
  if (!participantId) return { ok: false, reason: 'Pick who is voting first.' };
  if (!targets.some((t) => t.id === targetId)) return { ok: false, reason: 'That item is not part of this vote.' };
  if (dotsLeft(votes, ex, participantId) === 0) return { ok: false, reason: 'No dots left for this person.' };
  return { ok: true };
}

/** The participant's most recent dot on a target (what "take back a dot" removes). */
export function lastDot(votes: readonly Vote[], exerciseId: string, participantId: string, targetId: string): Vote | null {
  let found: Vote | null = null;
  for (const v of votes) {
    if (v.exerciseId !== exerciseId || v.participantId !== participantId || v.targetId !== targetId) continue;
    if (!found || v.createdAt >= found.createdAt) found = v;
  }
  return found;
}

export interface TallyRow {
  readonly target: VoteTarget;
  readonly count: number;
  /** Dots per participant id on this item. */
  readonly byParticipant: Readonly<Record<string, number>>;
  /** 1-based rank; equal counts share a rank (1, 2, 2, 4). */
  readonly rank: number;
}

/**
 * Counts dots per target, most first; ties keep the targets' own order. Dots on targets that
 * are gone, from people no longer in `participantIds` (when given), or beyond a person's limit
 * (oldest dots count first) are ignored, so the tally never exceeds what the rules allow.
 */
export function tally(votes: readonly Vote[], ex: Pick<VoteExercise, 'id' | 'votesPerPerson'>, targets: readonly VoteTarget[], participantIds?: readonly string[]): TallyRow[] {
  const known = new Set(targets.map((t) => t.id));
  const people = participantIds ? new Set(participantIds) : null;
  const used = new Map<string, number>();
  const counts = new Map<string, Map<string, number>>();
  const mine = votes.filter((v) => v.exerciseId === ex.id).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  for (const v of mine) {
    if (!known.has(v.targetId) || (people && !people.has(v.participantId))) continue;
    const n = used.get(v.participantId) ?? 0;
    if (n >= ex.votesPerPerson) continue;
    used.set(v.participantId, n + 1);
    const per = counts.get(v.targetId) ?? new Map<string, number>();
    per.set(v.participantId, (per.get(v.participantId) ?? 0) + 1);
    counts.set(v.targetId, per);
  }
  const rows = targets.map((target, i) => {
    const per = counts.get(target.id);
    const count = per ? [...per.values()].reduce((a, b) => a + b, 0) : 0;
    return { target, count, byParticipant: Object.fromEntries(per ?? []), i };
  });
  rows.sort((a, b) => b.count - a.count || a.i - b.i);
  let rank = 0;
  let prev = -1;
  return rows.map((r, idx) => {
    if (r.count !== prev) {
      rank = idx + 1;
      prev = r.count;
    }
    return { target: r.target, count: r.count, byParticipant: r.byParticipant, rank };
  });
}

/**
 * The ids of the top N items with at least one dot. An item tied with the N-th is included too
 * (cutting a tie arbitrarily would be unfair to the room), so the result can be longer than N.
 */
export function topItems(rows: readonly TallyRow[], n: number): string[] {
  const voted = rows.filter((r) => r.count > 0);
  if (voted.length <= n) return voted.map((r) => r.target.id);
  const cutoff = voted[n - 1]!.count;
  return voted.filter((r) => r.count >= cutoff).map((r) => r.target.id);
}

/** Total dots cast and how many participants have used all of theirs. */
export function votingProgress(votes: readonly Vote[], ex: Pick<VoteExercise, 'id' | 'votesPerPerson'>, participantIds: readonly string[]): { cast: number; possible: number; done: number } {
  let cast = 0;
  let done = 0;
  for (const p of participantIds) {
    const used = Math.min(ex.votesPerPerson, votes.filter((v) => v.exerciseId === ex.id && v.participantId === p).length);
    cast += used;
    if (used >= ex.votesPerPerson) done++;
  }
  return { cast, possible: participantIds.length * ex.votesPerPerson, done };
}

export function sourceLabel(source: VoteSource, journeyName?: (id: string) => string | undefined): string {
  if (source === 'needs') return 'Segment needs';
  if (source === 'initiatives') return 'Roadmap initiatives';
  if (source === 'ideas') return 'Brainstorm ideas';
  if (source === 'themes') return 'Brainstorm themes';
  const id = source.slice('journey:'.length);
  return `Journey: ${journeyName?.(id) ?? 'untitled'}`;
}

// ---------------------------------------------------------------------------
// Schemas (for backups and any other border)
// ---------------------------------------------------------------------------

const wholeFrom1 = (max: number) => {
  const message = `must be a whole number from 1 to ${max}`;
  return z.number().int({ error: message }).min(1, { error: message }).max(max, { error: message });
};

const voteSourceSchema = z.union([z.templateLiteral(['journey:', rowId]), z.enum(['needs', 'initiatives', 'ideas', 'themes'])], {
  error: 'must be "journey:<id>", "needs", "initiatives", "ideas" or "themes"',
});

/**
 * A dot-voting exercise as stored in the 'sessions' table (kind "vote"), strictly: every field,
 * no extras, limits from `votingLimits`. Its question may be the full setup text.
 */
export const voteExerciseRowSchema = z.strictObject({
  id: rowId,
  workshopId: rowId,
  kind: z.literal('vote'),
  stepId: rowId.nullable(),
  question: z
    .string()
    .refine((s) => textLength(s) <= votingLimits.question, { error: `text is longer than ${votingLimits.question} characters` }),
  sources: z.array(voteSourceSchema),
  votesPerPerson: wholeFrom1(votingLimits.votesPerPersonMax),
  topN: wholeFrom1(votingLimits.topNMax),
  tagged: z.array(rowId),
  activeParticipantId: rowId.nullable(),
  closedAt: timeMs.nullable(),
  createdAt: timeMs,
});

/** One stored dot ('votes' table), strictly. */
export const voteRowSchema = z.strictObject({
  id: rowId,
  workshopId: rowId,
  exerciseId: rowId,
  participantId: rowId,
  targetId: rowId,
  createdAt: timeMs,
});

// Keeps the schemas and the types in step: a field on one and not the other, or a value one
// allows and the other does not, fails to compile.
type SchemaExercise = z.infer<typeof voteExerciseRowSchema>;
type SchemaVote = z.infer<typeof voteRowSchema>;
const _exerciseFromSchema: (e: SchemaExercise) => VoteExercise = (e) => e;
const _exerciseToSchema: (e: VoteExercise) => DeepReadonly<SchemaExercise> = (e) => e;
const _voteFromSchema: (v: SchemaVote) => Vote = (v) => v;
const _voteToSchema: (v: Vote) => SchemaVote = (v) => v;
type _ExerciseKeys = Exclude<keyof VoteExercise, keyof SchemaExercise> | Exclude<keyof SchemaExercise, keyof VoteExercise>;
type _VoteKeys = Exclude<keyof Vote, keyof SchemaVote> | Exclude<keyof SchemaVote, keyof Vote>;
const _votingKeysMatch: [_ExerciseKeys | _VoteKeys] extends [never] ? true : never = true;
void _exerciseFromSchema;
void _exerciseToSchema;
void _voteFromSchema;
void _voteToSchema;
void _votingKeysMatch;
