// The commands that change a workshop's assessment runs (content: undoable in the workshop's
// history). The question sets and the live read of runs are in features/shared/assessments.ts.
import { putOp } from '../../db/commands';
import { editRecord } from '../../state/record-edits';
import { execute } from '../../state/history';
import { notify } from '../../state/notifications';
import { navigate } from '../../state/router';
import type { AssessmentSet } from '../../domain/artifacts';
import { createRun, type AssessmentRun } from '../../domain/assessment';
import { assessmentLibrary } from '../shared/assessments';

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
  return editRecord('assessments', { id: runId, workshopId }, label, change, mergeKey);
}

export async function deleteRun(workshopId: string, run: AssessmentRun): Promise<boolean> {
  const ok = await execute({ label: 'Delete assessment run', scope: workshopId, touchWorkshop: workshopId, ops: [{ type: 'delete', table: 'assessments', key: run.id }] });
  if (ok) notify({ kind: 'info', message: 'Assessment run deleted. Undo with Ctrl+Z.' });
  return ok;
}
