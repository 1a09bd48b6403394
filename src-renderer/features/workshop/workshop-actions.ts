// Edits inside one workshop (details, save agenda as template), each one undoable in that
// workshop's history. Step notes: features/shared/agenda-steps.ts.
import { LIBRARY_SCOPE } from '../../db/commands';
import { agendaToTemplate } from '../../domain/template';
import { getDb } from '../../db/database';
import { execute, flushPendingEdits, whenApplied } from '../../state/history';
import { notify } from '../../state/notifications';

type WorkshopField = 'title' | 'client' | 'date' | 'location' | 'objectives';

const fieldLabels: Record<WorkshopField, string> = {
  title: 'Edit title',
  client: 'Edit client',
  date: 'Change date',
  location: 'Edit location',
  objectives: 'Edit objectives',
};

export function setWorkshopField(id: string, field: WorkshopField, value: string): Promise<boolean> {
  return execute({
    label: fieldLabels[field],
    scope: id,
    mergeKey: `workshop:${id}:${field}`,
    touchWorkshop: id,
    ops: [{ type: 'update', table: 'workshops', key: id, update: (w) => ({ ...w, [field]: value }) }],
  });
}

/**
 * Saves the workshop's agenda (without notes) as a template of the facilitator's own: the agenda
 * as stored once every edit typed so far is in, so a step renamed a moment ago is saved renamed.
 */
export async function saveAgendaAsTemplate(workshopId: string, name: string, summary: string): Promise<string | null> {
  flushPendingEdits();
  await whenApplied();
  const w = await getDb().workshops.get(workshopId);
  if (!w) return 'The workshop no longer exists.';
  let template;
  try {
    template = agendaToTemplate({
      id: `mine-${crypto.randomUUID().slice(0, 8)}`,
      name,
      summary,
      steps: w.agenda.map((s) => ({
        id: s.id,
        title: s.title,
        minutes: s.minutes,
        instructions: s.instructions,
        prompts: [...s.prompts],
        artifacts: s.artifacts.map((a) => ({ ...a })),
      })),
    });
  } catch (err) {
    return (err as Error).message;
  }
  const ok = await execute({
    label: 'Save agenda as template',
    scope: LIBRARY_SCOPE,
    ops: [{ type: 'put', table: 'templates', row: { id: template.id, template, createdAt: Date.now() } }],
  });
  if (ok) notify({ kind: 'success', message: `Saved “${name}” to your templates.` });
  return ok ? null : 'The template could not be saved.';
}
