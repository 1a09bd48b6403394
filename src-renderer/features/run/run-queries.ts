// Live reads for run mode and the presenter window: the run session, exercises, votes and what
// can be voted on (participants: features/shared/participants.ts). Reads only; writes go through
// run-actions.ts. Because these are live queries, the presenter window follows the facilitator's
// window with no glue.
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { runSessionId, type Brainstorm, type RunSession } from '../../domain/run';
import type { Vote, VoteExercise } from '../../domain/voting';
import { voteCatalogue, type VoteCatalogue, type VoteSourceOption } from '../../domain/vote-catalogue';

/** The workshop's run session; undefined while loading, null before the run is started. */
export function useRunSession(workshopId: string): RunSession | null | undefined {
  return useLiveQuery(async () => {
    const row = await getDb().sessions.get(runSessionId(workshopId));
    return row?.kind === 'run' ? row : null;
  }, [workshopId]);
}

export type Exercise = VoteExercise | Brainstorm;

/** Vote and brainstorm exercises, oldest first. */
export function useExercises(workshopId: string): Exercise[] | undefined {
  return useLiveQuery(async () => {
    const rows = await getDb().sessions.where('workshopId').equals(workshopId).toArray();
    return rows.filter((r): r is Exercise => r.kind === 'vote' || r.kind === 'brainstorm').sort((a, b) => a.createdAt - b.createdAt);
  }, [workshopId]);
}

export function useExercise(id: string | null | undefined): Exercise | null | undefined {
  return useLiveQuery(async () => {
    const row = id ? await getDb().sessions.get(id) : undefined;
    return row && (row.kind === 'vote' || row.kind === 'brainstorm') ? row : null;
  }, [id]);
}

export function useVotes(workshopId: string, exerciseId: string | null | undefined): Vote[] | undefined {
  return useLiveQuery(async () => {
    if (!exerciseId) return [];
    const rows = await getDb().votes.where('workshopId').equals(workshopId).toArray();
    return rows.filter((v) => v.exerciseId === exerciseId);
  }, [workshopId, exerciseId]);
}

export type { VoteSourceOption };

/**
 * Everything the room could vote on, read generically from the other editors' tables (journey
 * cards, segment needs, initiatives) and the kept ideas of revealed brainstorms.
 */
export function useVoteCatalogue(workshopId: string): VoteCatalogue | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [journeys, cards, segments, initiatives, sessions] = await Promise.all([
      db.journeys.where('workshopId').equals(workshopId).toArray(),
      db.journeyCards.where('workshopId').equals(workshopId).toArray(),
      db.segments.where('workshopId').equals(workshopId).toArray(),
      db.initiatives.where('workshopId').equals(workshopId).toArray(),
      db.sessions.where('workshopId').equals(workshopId).toArray(),
    ]);
    return voteCatalogue({ journeys, cards, segments, initiatives, sessions });
  }, [workshopId]);
}

/** The current time, refreshed every `everyMs` (for deriving countdowns; never stored). */
export function useNow(everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
