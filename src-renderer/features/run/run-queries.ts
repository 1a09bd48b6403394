// Live reads for run mode and the presenter window: the run session, exercises, votes and what
// can be voted on (participants: features/shared/participants.ts). Reads only; writes go through
// run-actions.ts. Because these are live queries, the presenter window follows the facilitator's
// window with no glue.
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { runSessionId, type Brainstorm, type RunSession } from '../../domain/run';
import type { Vote, VoteExercise, VoteSource, VoteTarget } from '../../domain/voting';

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
    return row && row.kind !== 'run' ? row : null;
  }, [id]);
}

export function useVotes(workshopId: string, exerciseId: string | null | undefined): Vote[] | undefined {
  return useLiveQuery(async () => {
    if (!exerciseId) return [];
    const rows = await getDb().votes.where('workshopId').equals(workshopId).toArray();
    return rows.filter((v) => v.exerciseId === exerciseId);
  }, [workshopId, exerciseId]);
}

export interface VoteSourceOption {
  readonly source: VoteSource;
  readonly label: string;
  readonly count: number;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Everything the room could vote on, read generically from the other editors' tables (journey
 * cards, segment needs, initiatives) and the kept ideas of revealed brainstorms.
 */
export function useVoteCatalogue(workshopId: string): { options: VoteSourceOption[]; targetsOf: (sources: readonly VoteSource[]) => VoteTarget[] } | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [journeys, cards, segments, initiatives, sessions] = await Promise.all([
      db.journeys.where('workshopId').equals(workshopId).toArray(),
      db.journeyCards.where('workshopId').equals(workshopId).toArray(),
      db.segments.where('workshopId').equals(workshopId).toArray(),
      db.initiatives.where('workshopId').equals(workshopId).toArray(),
      db.sessions.where('workshopId').equals(workshopId).toArray(),
    ]);
    const bySource = new Map<VoteSource, VoteTarget[]>();
    const options: VoteSourceOption[] = [];
    for (const j of journeys) {
      const name = str(j.name) || 'Untitled journey';
      const list = cards
        .filter((c) => c.journeyId === j.id && str(c.text).trim())
        .map((c) => ({ id: c.id, text: str(c.text).trim(), origin: name }));
      const source: VoteSource = `journey:${j.id}`;
      bySource.set(source, list);
      options.push({ source, label: `Journey: ${name}`, count: list.length });
    }
    const needs: VoteTarget[] = [];
    for (const s of segments) {
      const list = Array.isArray(s.needs) ? (s.needs as { id?: unknown; text?: unknown }[]) : [];
      for (const n of list) if (typeof n.id === 'string' && str(n.text).trim()) needs.push({ id: n.id, text: str(n.text).trim(), origin: `Segment: ${str(s.name) || 'untitled'}` });
    }
    bySource.set('needs', needs);
    options.push({ source: 'needs', label: 'Segment needs', count: needs.length });
    const inits = initiatives.filter((i) => str(i.title).trim()).map((i) => ({ id: i.id, text: str(i.title).trim(), origin: 'Roadmap' }));
    bySource.set('initiatives', inits);
    options.push({ source: 'initiatives', label: 'Roadmap initiatives', count: inits.length });
    const ideas: VoteTarget[] = [];
    for (const b of sessions) {
      if (b.kind !== 'brainstorm' || b.revealedAt === null) continue;
      for (const i of b.ideas) if (i.kept) ideas.push({ id: i.id, text: i.text, origin: b.prompt || 'Brainstorm' });
    }
    bySource.set('ideas', ideas);
    options.push({ source: 'ideas', label: 'Kept brainstorm ideas', count: ideas.length });
    return {
      options,
      targetsOf: (sources: readonly VoteSource[]) => {
        const seen = new Set<string>();
        const out: VoteTarget[] = [];
        for (const s of sources) for (const t of bySource.get(s) ?? []) if (!seen.has(t.id)) {
          seen.add(t.id);
          out.push(t);
        }
        return out;
      },
    };
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
