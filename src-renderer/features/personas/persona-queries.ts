// Live reads for the persona screens (reads only; writes go through persona-actions.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import type { Persona } from '../../domain/persona';
import { loadPersonas } from './persona-actions';

/** The workshop's personas in gallery order; undefined while loading. */
export function usePersonas(workshopId: string): Persona[] | undefined {
  return useLiveQuery(() => loadPersonas(workshopId), [workshopId]);
}

/** One persona of this workshop; undefined while loading, null if it does not exist (here). */
export function usePersona(workshopId: string, id: string): Persona | null | undefined {
  return useLiveQuery(async () => {
    const row = await getDb().personas.get(id);
    return row && row.workshopId === workshopId ? row : null;
  }, [workshopId, id]);
}

/** What a persona screen needs of a segment: its name and colour, in the segment list's order. */
export interface SegmentOption {
  readonly id: string;
  readonly name: string;
  readonly color: string | null;
}

export function useSegmentOptions(workshopId: string): SegmentOption[] | undefined {
  return useLiveQuery(async () => {
    const rows = await getDb().segments.where('workshopId').equals(workshopId).toArray();
    return rows
      .map((r, i) => ({
        id: r.id,
        name: typeof r.name === 'string' && r.name.trim() ? r.name : 'Untitled segment',
        color: typeof r.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(r.color) ? r.color : null,
        order: typeof r.order === 'number' ? r.order : i,
      }))
      .sort((a, b) => a.order - b.order)
      .map(({ order: _o, ...s }) => s);
  }, [workshopId]);
}
