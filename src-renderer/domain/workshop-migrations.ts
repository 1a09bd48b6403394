// Record-level upgrades of stored workshops, shared by the Dexie schema upgrade and the
// backup-file migration so the two can never drift apart. Pure: no storage, no DOM.
import { localDateString } from './ids';

/** Mutates a version-1 workshop record into version 2. Shared with the backup migration. */
export function upgradeWorkshopV1toV2(w: Record<string, unknown>): void {
  if (typeof w.date === 'number') {
    // v1 wrote the date picker's value as UTC midnight; read it back in UTC to get the same day.
    w.date = new Date(w.date).toISOString().slice(0, 10);
  } else if (typeof w.date !== 'string') {
    w.date = localDateString(new Date(typeof w.createdAt === 'number' ? w.createdAt : Date.now()));
  }
  if (typeof w.location !== 'string') w.location = '';
  if (typeof w.objectives !== 'string') w.objectives = '';
  if (Array.isArray(w.agenda)) {
    w.agenda = w.agenda.map((s: Record<string, unknown>) => ({ ...s, notes: typeof s.notes === 'string' ? s.notes : '' }));
  }
}
