// Live reads for the journey screens (reads only; writes go through journey-actions.ts).
// Card objects are kept stable across reads when unchanged, so an edit re-renders one card
// node, not all 2,000.
import { useMemo, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import type { Journey, JourneyCard } from '../../domain/journey';

/** The workshop's journeys in list order; undefined while loading. */
export function useJourneys(workshopId: string): Journey[] | undefined {
  return useLiveQuery(async () => {
    const rows = await getDb().journeys.where('workshopId').equals(workshopId).toArray();
    return rows.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
  }, [workshopId]);
}

/** Cards per journey id, for the list. */
export function useCardCounts(workshopId: string): Record<string, number> | undefined {
  return useLiveQuery(async () => {
    const counts: Record<string, number> = {};
    await getDb()
      .journeyCards.where('workshopId')
      .equals(workshopId)
      .each((c) => {
        const j = c.journeyId as string;
        counts[j] = (counts[j] ?? 0) + 1;
      });
    return counts;
  }, [workshopId]);
}

/** One journey of this workshop; undefined while loading, null if it does not exist (here). */
export function useJourney(workshopId: string, id: string): Journey | null | undefined {
  return useLiveQuery(async () => {
    const row = await getDb().journeys.get(id);
    return row && row.workshopId === workshopId ? row : null;
  }, [workshopId, id]);
}

function sameCard(a: JourneyCard, b: JourneyCard): boolean {
  return (
    a.stageId === b.stageId &&
    a.laneId === b.laneId &&
    a.order === b.order &&
    a.text === b.text &&
    a.color === b.color &&
    a.emotion === b.emotion &&
    a.initiativeId === b.initiativeId &&
    a.marks.length === b.marks.length &&
    a.marks.every((m, i) => b.marks[i] === m)
  );
}

/** A journey's cards; unchanged cards keep their object identity between reads. */
export function useJourneyCards(journeyId: string): readonly JourneyCard[] | undefined {
  const cache = useRef(new Map<string, JourneyCard>());
  const rows = useLiveQuery(() => getDb().journeyCards.where('journeyId').equals(journeyId).toArray(), [journeyId]);
  return useMemo(() => {
    if (rows === undefined) return undefined;
    const next = new Map<string, JourneyCard>();
    const out = rows.map((r) => {
      const old = cache.current.get(r.id);
      const keep = old && sameCard(old, r) ? old : r;
      next.set(r.id, keep);
      return keep;
    });
    cache.current = next;
    return out;
  }, [rows]);
}

export interface PersonaOption {
  readonly id: string;
  readonly name: string;
}

/** The workshop's personas (id and name) for the persona select. */
export function usePersonaOptions(workshopId: string): PersonaOption[] | undefined {
  return useLiveQuery(async () => {
    const rows = await getDb().personas.where('workshopId').equals(workshopId).toArray();
    return rows
      .map((r, i) => ({ id: r.id, name: typeof r.name === 'string' && r.name.trim() ? r.name : 'Unnamed persona', order: typeof r.order === 'number' ? r.order : i }))
      .sort((a, b) => a.order - b.order)
      .map(({ id, name }) => ({ id, name }));
  }, [workshopId]);
}
