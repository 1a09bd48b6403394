// Editing one agenda step's notes, minutes or title, undoable in the workshop's history. The
// workshop's step page and run mode both write step notes, so it lives here and imports no feature.
import { updateStep, type AgendaStep } from '../../domain/workshop';
import { execute } from '../../state/history';

export function setStepField(
  id: string,
  stepId: string,
  patch: Partial<Pick<AgendaStep, 'notes' | 'minutes' | 'title'>>,
  label: string,
): Promise<boolean> {
  return execute({
    label,
    scope: id,
    mergeKey: `step:${id}:${stepId}:${Object.keys(patch).join(',')}`,
    touchWorkshop: id,
    ops: [
      {
        type: 'update',
        table: 'workshops',
        key: id,
        update: (w) => updateStep(w, stepId, patch),
      },
    ],
  });
}
