// The shipped assessment question sets (templates/assessments/*.json, validated when loaded: a
// bad file is reported and the others still load) and the live read of a workshop's runs. Read
// by the assessments editor, run mode's projector and the export, so it imports no feature.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { loadAssessmentSets, type AssessmentRun } from '../../domain/assessment';

const files = import.meta.glob('../../../templates/assessments/*.json', { eager: true, import: 'default' });
export const assessmentLibrary = loadAssessmentSets(files);
if (assessmentLibrary.errors.length) console.error('Assessment question sets not loaded:', assessmentLibrary.errors);

/** The workshop's assessment runs, oldest first; undefined while loading. */
export function useAssessmentRuns(workshopId: string): AssessmentRun[] | undefined {
  return useLiveQuery(async () => {
    const rows = await getDb().assessments.where('workshopId').equals(workshopId).toArray();
    return rows.sort((a, b) => a.createdAt - b.createdAt);
  }, [workshopId]);
}
