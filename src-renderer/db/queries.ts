// Live reads for the screens: components re-render when the stored data changes, in this
// window or another one. Reads only; writes go through the command layer.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, workshopTables, type UserTemplateRow, type WorkshopTable } from './database';
import type { Workshop } from '../domain/workshop';
import { settingsFromRows, type Settings } from '../domain/settings';

/** All workshops, most recently edited first; undefined while loading. */
export function useWorkshops(): Workshop[] | undefined {
  return useLiveQuery(() => getDb().workshops.orderBy('updatedAt').reverse().toArray(), []);
}

/** One workshop; undefined while loading, null if it does not exist. */
export function useWorkshop(id: string): Workshop | null | undefined {
  return useLiveQuery(async () => (await getDb().workshops.get(id)) ?? null, [id]);
}

export function useSettings(): Settings | undefined {
  return useLiveQuery(async () => settingsFromRows(await getDb().settings.toArray()), []);
}

export function useUserTemplates(): UserTemplateRow[] | undefined {
  return useLiveQuery(() => getDb().templates.orderBy('createdAt').toArray(), []);
}

/** Number of rows per artifact table for one workshop. */
export function useArtifactCounts(workshopId: string): Record<WorkshopTable, number> | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const counts = {} as Record<WorkshopTable, number>;
    for (const t of workshopTables) counts[t] = await db.table(t).where('workshopId').equals(workshopId).count();
    return counts;
  }, [workshopId]);
}
