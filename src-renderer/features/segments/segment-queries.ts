// Live reads for the segment screen: the workshop's segments (list order) and its personas.
// Reads only; writes go through segment-actions.ts.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { sortSegments, type Segment } from '../../domain/segment';
import type { Persona } from '../../domain/persona';

/** The workshop's segments in list order; undefined while loading. */
export function useSegments(workshopId: string): Segment[] | undefined {
  return useLiveQuery(async () => {
    const rows = await getDb().segments.where('workshopId').equals(workshopId).toArray();
    return sortSegments(rows);
  }, [workshopId]);
}

/** The workshop's personas (for the "represented by" chips and unlinking on delete). */
export function usePersonas(workshopId: string): Persona[] | undefined {
  return useLiveQuery(async () => {
    const rows = await getDb().personas.where('workshopId').equals(workshopId).toArray();
    return rows.slice().sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  }, [workshopId]);
}
