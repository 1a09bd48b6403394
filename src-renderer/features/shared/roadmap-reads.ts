// Reads of a workshop's initiatives and metrics, in order. The roadmap and the
// measurement plan both show them, so they live here and import no feature.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import type { Initiative } from '../../domain/roadmap';
import type { Metric } from '../../domain/metric';

/** The workshop's initiatives, normalised, in roadmap order. */
export async function loadInitiatives(workshopId: string): Promise<Initiative[]> {
  const rows = await getDb().initiatives.where('workshopId').equals(workshopId).toArray();
  return rows.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
}

export function useInitiatives(workshopId: string): Initiative[] | undefined {
  return useLiveQuery(() => loadInitiatives(workshopId), [workshopId]);
}

export async function loadMetrics(workshopId: string): Promise<Metric[]> {
  const rows = await getDb().metrics.where('workshopId').equals(workshopId).toArray();
  return rows.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
}

export function useMetrics(workshopId: string): Metric[] | undefined {
  return useLiveQuery(() => loadMetrics(workshopId), [workshopId]);
}
