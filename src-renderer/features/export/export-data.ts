// Reads what the deck needs for one workshop (every row, the facilitator's settings, the
// assessment question sets) as plain DeckData, live: the preview follows edits in any window.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { readWorkshopData } from '../../db/library-io';
import { settingsFromRows } from '../../domain/settings';
import { deckDataFromRows, type DeckData } from '../../export/deck-data';
import { assessmentLibrary } from '../shared/assessments';
import { execute } from '../../state/history';

export function useDeckData(workshopId: string): DeckData | null | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const data = await readWorkshopData(db, workshopId);
    const workshop = data.workshops[0];
    if (!workshop) return null;
    const settings = settingsFromRows(await db.settings.toArray());
    return deckDataFromRows({ ...data, workshop }, settings, assessmentLibrary.sets);
  }, [workshopId]);
}

/** Stores the deck plan in the settings, undoable like any other setting (same scope and merging). */
export function saveDeckPlan(text: string, label: string): Promise<boolean> {
  return execute({ label, scope: 'settings', mergeKey: 'setting:deckPlan', ops: [{ type: 'put', table: 'settings', row: { key: 'deckPlan', value: text } }] });
}
