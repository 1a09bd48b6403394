// The shipped question sets (templates/assessments/*.json, validated when loaded: a bad file is
// reported and the others still load), live reads of a workshop's assessment runs, and the
// commands that change them (content: undoable in the workshop's history).
import { useLiveQuery } from 'dexie-react-hooks';
import { putOp, updateOp } from '../../db/commands';
import { getDb } from '../../db/database';
import { execute } from '../../state/history';
import { notify } from '../../state/notifications';
import { navigate } from '../../state/router';
import type { AssessmentSet } from '../../domain/artifacts';
import { createRun, loadAssessmentSets, type AssessmentRun } from '../../domain/assessment';

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

export async function startAssessmentRun(workshopId: string, set: AssessmentSet, open = true): Promise<string | null> {
  const run = createRun(workshopId, set);
  const name = assessmentLibrary.sets[set]?.name ?? set;
  const ok = await execute({ label: `Start ${name}`, scope: workshopId, touchWorkshop: workshopId, ops: [putOp('assessments', run)] });
  if (!ok) return null;
  if (open) navigate({ name: 'artifact', workshopId, kind: 'assessment', itemId: run.id });
  return run.id;
}

/** Changes a run with a pure function of it as stored; typing passes a merge key. */
export function editRun(workshopId: string, runId: string, label: string, change: (r: AssessmentRun) => AssessmentRun, mergeKey?: string): Promise<boolean> {
  return execute({
    label, scope: workshopId, touchWorkshop: workshopId, mergeKey,
    ops: [updateOp('assessments', runId, change)],
  });
}

export async function deleteRun(workshopId: string, run: AssessmentRun): Promise<boolean> {
  const ok = await execute({ label: 'Delete assessment run', scope: workshopId, touchWorkshop: workshopId, ops: [{ type: 'delete', table: 'assessments', key: run.id }] });
  if (ok) notify({ kind: 'info', message: 'Assessment run deleted. Undo with Ctrl+Z.' });
  return ok;
}
