// The live read of a workshop's participants, in their order. Run mode lists and edits them; the
// assessments editor offers them for the five-employees test. Imports no feature.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { sortParticipants, type Participant } from '../../domain/run';

export function useParticipants(workshopId: string): Participant[] | undefined {
  return useLiveQuery(async () => sortParticipants(await getDb().participants.where('workshopId').equals(workshopId).toArray()), [workshopId]);
}
