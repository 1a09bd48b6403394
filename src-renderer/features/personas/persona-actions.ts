// Every persona edit, as one undoable command in its workshop's history. Updates are functions
// of the row as stored, and claims are addressed by id, so quick edits never overwrite each other.
import { putOp, type Op } from '../../db/commands';
import { getDb } from '../../db/database';
import {
  createClaim,
  createPersona,
  DEFAULT_PERSONA_NAME,
  duplicatePersona,
  insertClaim,
  moveClaimById,
  personaListLabels,
  personaListSingular,
  removeClaim,
  renamePersona,
  updateClaim,
  withCitation,
  type EvidenceSource,
  type Persona,
  type PersonaAvatar,
  type PersonaListField,
} from '../../domain/persona';
import type { Journey } from '../../domain/journey';
import type { AppliedCommand } from '../../db/commands';
import { execute, executeCommand, flushPendingEdits, nextCommand, undo, undoCommand, useHistory, whenApplied } from '../../state/history';
import { editRecord } from '../../state/record-edits';
import { notify } from '../../state/notifications';

function editPersona(p: Pick<Persona, 'id' | 'workshopId'>, label: string, change: (p: Persona) => Persona, mergeKey?: string) {
  return editRecord('personas', p, label, change, mergeKey);
}

/** The personas of a workshop, in gallery order. */
export async function loadPersonas(workshopId: string): Promise<Persona[]> {
  const rows = await getDb().personas.where('workshopId').equals(workshopId).toArray();
  return rows.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
}

async function nextOrder(workshopId: string): Promise<number> {
  const all = await loadPersonas(workshopId);
  return all.reduce((m, p) => Math.max(m, p.order), -1) + 1;
}

/** Adds a persona named "New persona" (numbered if taken) and resolves to its id. */
export async function addPersona(workshopId: string): Promise<string | null> {
  const existing = await loadPersonas(workshopId);
  const names = new Set(existing.map((p) => p.name));
  let name = DEFAULT_PERSONA_NAME;
  for (let n = 2; names.has(name); n++) name = `${DEFAULT_PERSONA_NAME} ${n}`;
  const order = existing.reduce((m, p) => Math.max(m, p.order), -1) + 1;
  const p = createPersona(workshopId, name, order, Date.now());
  const cmd = await executeCommand({ label: 'Add persona', scope: workshopId, touchWorkshop: workshopId, ops: [putOp('personas', p)] });
  if (!cmd) return null;
  freshAdds.set(p.id, cmd);
  return p.id;
}

/** "Add persona" commands whose persona has not been left yet, by persona id. */
const freshAdds = new Map<string, AppliedCommand>();

/**
 * Called when the editor of a persona is left. A persona added and left untouched (its "Add
 * persona" is still the last step of the workshop's history) is taken back out, and that step
 * with it, so an abandoned Add leaves no empty "New persona" and no step to undo or redo.
 */
export function dropIfUntouched(personaId: string): void {
  const cmd = freshAdds.get(personaId);
  if (!cmd) return;
  freshAdds.delete(personaId);
  // Edits still being typed are stored first: a name typed just before leaving counts.
  flushPendingEdits();
  void whenApplied().then(() => {
    if (nextCommand(cmd.scope, 'undo') === cmd) void undoCommand(cmd);
  });
}

export function setPersonaName(p: Persona, name: string) {
  return editPersona(p, 'Rename persona', (q) => renamePersona(q, name), `persona:${p.id}:name`);
}

export function setPersonaText(p: Persona, field: 'quote' | 'context', value: string) {
  return editPersona(p, field === 'quote' ? 'Edit quote' : 'Edit context', (q) => ({ ...q, [field]: value }), `persona:${p.id}:${field}`);
}

export function setPersonaSegment(p: Persona, segmentId: string | null) {
  return editPersona(p, 'Change segment', (q) => ({ ...q, segmentId }));
}

export function setPersonaAvatar(p: Persona, avatar: PersonaAvatar, label: string) {
  return editPersona(p, label, (q) => ({ ...q, avatar }));
}

export function addClaimAt(p: Persona, field: PersonaListField, index: number, claimId?: string) {
  const claim = { ...createClaim(), ...(claimId ? { id: claimId } : {}) };
  return editPersona(p, `Add ${personaListSingular[field]}`, (q) => ({ ...q, [field]: insertClaim(q[field], index, claim) }));
}

export function setClaimText(p: Persona, field: PersonaListField, claimId: string, text: string) {
  return editPersona(
    p,
    `Edit ${personaListLabels[field].label.toLowerCase()}`,
    (q) => ({ ...q, [field]: updateClaim(q[field], claimId, { text }) }),
    `persona:${p.id}:${field}:${claimId}`,
  );
}

export function setClaimCitation(p: Persona, field: PersonaListField, claimId: string, citation: string) {
  return editPersona(
    p,
    'Edit source',
    (q) => ({ ...q, [field]: q[field].map((c) => (c.id === claimId ? withCitation(c, citation) : c)) }),
    `persona:${p.id}:${field}:${claimId}:citation`,
  );
}

export function setClaimSource(p: Persona, field: PersonaListField, claimId: string, source: EvidenceSource) {
  return editPersona(p, 'Change evidence', (q) => ({ ...q, [field]: updateClaim(q[field], claimId, { source }) }));
}

export function removeClaimById(p: Persona, field: PersonaListField, claimId: string) {
  return editPersona(p, `Remove ${personaListSingular[field]}`, (q) => ({ ...q, [field]: removeClaim(q[field], claimId) }));
}

export function moveClaimTo(p: Persona, field: PersonaListField, claimId: string, to: number) {
  return editPersona(p, `Reorder ${personaListLabels[field].label.toLowerCase()}`, (q) => ({
    ...q,
    [field]: moveClaimById(q[field], claimId, to),
  }));
}

/** Copies a persona in its own workshop, right after the last one. */
export async function duplicateInWorkshop(p: Persona): Promise<string | null> {
  const copy = duplicatePersona(p, p.workshopId, await nextOrder(p.workshopId), Date.now());
  const ok = await execute({
    label: 'Duplicate persona',
    scope: p.workshopId,
    touchWorkshop: p.workshopId,
    ops: [putOp('personas', copy)],
  });
  if (ok) notify({ kind: 'success', message: `Duplicated ${p.name}` });
  return ok ? copy.id : null;
}

/** Copies a persona into another workshop (undoable there); resolves to the copy's id. */
export async function duplicateToWorkshop(p: Persona, targetWorkshopId: string): Promise<string | null> {
  const copy = duplicatePersona(p, targetWorkshopId, await nextOrder(targetWorkshopId), Date.now());
  const ok = await execute({
    label: 'Copy persona here',
    scope: targetWorkshopId,
    touchWorkshop: targetWorkshopId,
    ops: [putOp('personas', copy)],
  });
  return ok ? copy.id : null;
}

export interface PersonaLinks {
  readonly segmentName: string | null;
  readonly journeys: readonly { readonly id: string; readonly title: string }[];
}

/** What refers to a persona: its segment, and the journeys of its workshop drawn for it. */
export async function findPersonaLinks(p: Persona): Promise<PersonaLinks> {
  const db = getDb();
  const segment = p.segmentId ? await db.segments.get(p.segmentId) : undefined;
  const journeys = (await db.journeys.where('workshopId').equals(p.workshopId).toArray()).filter((j) => j.personaId === p.id);
  return {
    segmentName: segment ? segment.name.trim() || 'Untitled segment' : null,
    journeys: journeys.map((j) => ({ id: j.id, title: journeyTitle(j) })),
  };
}

function journeyTitle(j: Journey): string {
  return j.name.trim() || j.scenario.trim() || 'Untitled journey';
}

export const hasLinks = (l: PersonaLinks) => l.segmentName !== null || l.journeys.length > 0;

/** Deletes a persona and clears every journey's reference to it, in one undoable command. */
export async function deletePersona(p: Persona): Promise<boolean> {
  const db = getDb();
  const journeys = (await db.journeys.where('workshopId').equals(p.workshopId).toArray()).filter((j) => j.personaId === p.id);
  const ops: Op[] = [
    { type: 'delete', table: 'personas', key: p.id },
    ...journeys.map(
      (j): Op => ({
        type: 'update',
        table: 'journeys',
        key: j.id,
        update: (r) => (r.personaId === p.id ? { ...r, personaId: null } : r),
      }),
    ),
  ];
  const label = 'Delete persona';
  const ok = await execute({ label, scope: p.workshopId, touchWorkshop: p.workshopId, ops });
  if (!ok) return false;
  const stack = useHistory.getState().stacks[p.workshopId]?.undo ?? [];
  const mine = stack[stack.length - 1];
  notify({
    kind: 'info',
    message: `Deleted ${p.name}`,
    action: {
      label: 'Undo',
      run: () => {
        // Undo only our delete: if something else happened since (a restore included), Ctrl+Z walks back step by step.
        if (mine && nextCommand(p.workshopId, 'undo') === mine) void undo(p.workshopId);
        else notify({ kind: 'info', message: 'Other changes came after the delete; use Undo (Ctrl+Z) to step back to it.' });
      },
    },
  });
  return true;
}
