// Edits of a workshop's agenda (rename, re-time, add, remove, reorder steps; a step's artifacts;
// the planned start), each one undoable in the workshop's history. The pure edits live in
// domain/agenda.ts; here they become commands on the stored row, applied to the row as stored at
// the moment of writing, so two quick edits never overwrite each other.
import { execute, executeCommand, undoCommand } from '../../state/history';
import { notify } from '../../state/notifications';
import {
  addStep, addStepArtifact, moveStep, newStep, removeStep, removeStepArtifact, renameStep, retimeStep, setStartTime, parseStartTime, stepMinutesRange, stepTitleProblem,
  type ArtifactChoice,
} from '../../domain/agenda';
import type { Workshop } from '../../domain/workshop';

function editAgenda(workshopId: string, label: string, change: (w: Workshop) => Workshop, mergeKey?: string): Promise<boolean> {
  return execute({
    label,
    scope: workshopId,
    mergeKey,
    touchWorkshop: workshopId,
    ops: [{ type: 'update', table: 'workshops', key: workshopId, update: change }],
  });
}

// Values the row would refuse are refused here, before any command: a refused edit must not
// become an empty undo step.
export async function renameAgendaStep(workshopId: string, stepId: string, title: string): Promise<boolean> {
  if (stepTitleProblem(title)) return false;
  return editAgenda(workshopId, 'Rename step', (w) => renameStep(w, stepId, title), `step:${workshopId}:${stepId}:title`);
}

export async function retimeAgendaStep(workshopId: string, stepId: string, minutes: number): Promise<boolean> {
  if (!Number.isInteger(minutes) || minutes < stepMinutesRange.min || minutes > stepMinutesRange.max) return false;
  return editAgenda(workshopId, 'Change step duration', (w) => retimeStep(w, stepId, minutes), `step:${workshopId}:${stepId}:minutes`);
}

/** Adds a new step at `index` (the end by default); resolves to its id, or null if not stored. */
export async function addAgendaStep(workshopId: string, index?: number): Promise<string | null> {
  // The id is chosen once, here: redo puts back this very step, never a second one.
  const step = newStep();
  const ok = await editAgenda(workshopId, 'Add step', (w) => addStep(w, step, index));
  return ok ? step.id : null;
}

/** Removes a step (its notes with it); the toast offers Undo, as Ctrl+Z does. */
export async function removeAgendaStep(workshopId: string, stepId: string, title: string): Promise<boolean> {
  const label = `Remove step “${title}”`;
  const cmd = await executeCommand({
    label,
    scope: workshopId,
    touchWorkshop: workshopId,
    ops: [{ type: 'update', table: 'workshops', key: workshopId, update: (w) => removeStep(w, stepId) }],
  });
  if (cmd) notify({ kind: 'info', message: `Removed the step “${title}”.`, action: { label: 'Undo', run: () => void undoCommand(cmd) } });
  return cmd !== null;
}

export function moveAgendaStep(workshopId: string, stepId: string, to: number): Promise<boolean> {
  return editAgenda(workshopId, 'Move step', (w) => moveStep(w, stepId, to));
}

export function addArtifactToStep(workshopId: string, stepId: string, choice: ArtifactChoice): Promise<boolean> {
  return editAgenda(workshopId, 'Add artifact to step', (w) => addStepArtifact(w, stepId, choice));
}

export function removeArtifactFromStep(workshopId: string, stepId: string, artifactIndex: number): Promise<boolean> {
  return editAgenda(workshopId, 'Remove artifact from step', (w) => removeStepArtifact(w, stepId, artifactIndex));
}

export async function setAgendaStart(workshopId: string, hhmm: string): Promise<boolean> {
  if (parseStartTime(hhmm) === null) return false;
  return editAgenda(workshopId, 'Change start time', (w) => setStartTime(w, hhmm), `workshop:${workshopId}:startTime`);
}
