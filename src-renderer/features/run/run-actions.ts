// Writes for run mode. Content (participants, votes, exercises, ideas) is undoable in the
// workshop's history; the run state (current step, timers, mute, what the projector shows) is
// session state, written through the same command path but in its own scope ("run:<id>"), so
// pressing Ctrl+Z in the workshop never rewinds the clock.
import { deleteOp, putOp, updateOp, type Op } from '../../db/commands';
import type { SessionRow } from '../../domain/records';
import { getDb } from '../../db/database';
import { execute } from '../../state/history';
import { notify } from '../../state/notifications';
import {
  addIdea, createBrainstorm, createParticipant, createRunSession, goToStep, revealIdeas, runSessionId,
  type Brainstorm, type Participant, type PresenterFocus, type RunSession,
} from '../../domain/run';
import { createVote, createVoteExercise, lastDot, type Vote, type VoteExercise } from '../../domain/voting';
import { createLogEntry } from '../../domain/actions-log';
import type { Workshop } from '../../domain/workshop';

export const runScope = (workshopId: string): string => `run:${workshopId}`;

type SessionOf<K extends SessionRow['kind']> = Extract<SessionRow, { readonly kind: K }>;

/** An update of a 'sessions' row that must be of one kind (the run, a vote, a brainstorm). */
function ofKind<K extends SessionRow['kind']>(kind: K, change: (row: SessionOf<K>) => SessionOf<K>): (row: SessionRow) => SessionRow {
  return (row) => {
    // Ids are never reused across kinds; a mismatch means the row was replaced, so write nothing.
    if (row.kind !== kind) throw new Error(`It is no longer a ${kind} session.`);
    return change(row as SessionOf<K>);
  };
}

/** Starts the run (or restarts it with a new planned start), keeping timers already counted. */
export async function startRun(w: Workshop, plannedStart: number): Promise<boolean> {
  const stored = await getDb().sessions.get(runSessionId(w.id));
  const existing = stored?.kind === 'run' ? stored : undefined;
  const session: RunSession = existing
    ? { ...existing, plannedStart, endedAt: null }
    : createRunSession(w.id, w.agenda, plannedStart, Date.now());
  return execute({ label: 'Start the workshop', scope: runScope(w.id), ops: [putOp('sessions', session)] });
}

/** Changes the run session with a pure function of it as stored. */
export function changeRun(workshopId: string, label: string, change: (s: RunSession, now: number) => RunSession): Promise<boolean> {
  return execute({
    label,
    scope: runScope(workshopId),
    ops: [updateOp('sessions', runSessionId(workshopId), ofKind('run', (r) => change(r, Date.now())))],
  });
}

export function moveToStep(workshopId: string, stepId: string): Promise<boolean> {
  return changeRun(workshopId, 'Go to step', (s, now) => goToStep(s, stepId, now));
}

export function setFocus(workshopId: string, focus: PresenterFocus): Promise<boolean> {
  return changeRun(workshopId, 'Show on the projector', (s) => ({ ...s, focus }));
}

// --- Participants (content) ---

export async function addParticipant(workshopId: string, input: { name: string; department: string; role: string }, all: readonly Participant[]): Promise<boolean> {
  const p = createParticipant(workshopId, input, all.reduce((m, x) => Math.max(m, x.order + 1), 0));
  return execute({ label: `Add participant ${p.name}`, scope: workshopId, touchWorkshop: workshopId, ops: [putOp('participants', p)] });
}

export function editParticipant(workshopId: string, id: string, patch: Partial<Pick<Participant, 'name' | 'department' | 'role'>>): Promise<boolean> {
  return execute({
    label: 'Edit participant', scope: workshopId, touchWorkshop: workshopId, mergeKey: `participant:${id}:${Object.keys(patch).join()}`,
    ops: [{ type: 'update', table: 'participants', key: id, update: (r) => ({ ...r, ...patch }) }],
  });
}

export function removeParticipant(workshopId: string, p: Participant): Promise<boolean> {
  return execute({ label: `Remove participant ${p.name}`, scope: workshopId, touchWorkshop: workshopId, ops: [{ type: 'delete', table: 'participants', key: p.id }] });
}

// --- Exercises (content) ---

export async function startVote(workshopId: string, stepId: string | null, input: Parameters<typeof createVoteExercise>[2]): Promise<string | null> {
  const ex = createVoteExercise(workshopId, stepId, input);
  const ok = await execute({ label: 'Set up dot voting', scope: workshopId, touchWorkshop: workshopId, ops: [putOp('sessions', ex)] });
  return ok ? ex.id : null;
}

export function editVote(workshopId: string, id: string, label: string, change: (e: VoteExercise) => VoteExercise): Promise<boolean> {
  return execute({ label, scope: workshopId, touchWorkshop: workshopId, ops: [updateOp('sessions', id, ofKind('vote', change))] });
}

/** Who is voting now is session state: it is not worth an undo step. */
export function setActiveVoter(workshopId: string, id: string, participantId: string | null): Promise<boolean> {
  return execute({ label: 'Pick who is voting', scope: runScope(workshopId), ops: [updateOp('sessions', id, ofKind('vote', (r) => ({ ...r, activeParticipantId: participantId })))] });
}

export function castVote(ex: VoteExercise, participant: Participant, targetId: string, targetText: string): Promise<boolean> {
  const v = createVote(ex, participant.id, targetId);
  return execute({ label: `${participant.name} votes for “${short(targetText)}”`, scope: ex.workshopId, touchWorkshop: ex.workshopId, ops: [putOp('votes', v)] });
}

export async function takeBackDot(ex: VoteExercise, votes: readonly Vote[], participant: Participant, targetId: string): Promise<boolean> {
  const v = lastDot(votes, ex.id, participant.id, targetId);
  if (!v) return false;
  return execute({ label: `Take back ${participant.name}’s dot`, scope: ex.workshopId, touchWorkshop: ex.workshopId, ops: [{ type: 'delete', table: 'votes', key: v.id }] });
}

export async function deleteExercise(workshopId: string, id: string, label: string): Promise<boolean> {
  const votes = (await getDb().votes.where('workshopId').equals(workshopId).toArray()).filter((v) => v.exerciseId === id);
  const ops: Op[] = [deleteOp('sessions', id), ...votes.map((v) => deleteOp('votes', v.id))];
  const ok = await execute({ label, scope: workshopId, touchWorkshop: workshopId, ops });
  if (ok) notify({ kind: 'info', message: `${label}. Undo with Ctrl+Z.` });
  return ok;
}

export async function startBrainstorm(workshopId: string, stepId: string | null, prompt: string, minutes: number, named = false): Promise<string | null> {
  const b = { ...createBrainstorm(workshopId, stepId, prompt, minutes), ...(named ? { named: true } : {}) };
  const ok = await execute({ label: 'Set up a silent brainstorm', scope: workshopId, touchWorkshop: workshopId, ops: [putOp('sessions', b)] });
  return ok ? b.id : null;
}

export function editBrainstorm(workshopId: string, id: string, label: string, change: (b: Brainstorm, now: number) => Brainstorm, scope: 'content' | 'run' = 'content'): Promise<boolean> {
  return execute({
    label, scope: scope === 'run' ? runScope(workshopId) : workshopId, touchWorkshop: scope === 'run' ? undefined : workshopId,
    ops: [updateOp('sessions', id, ofKind('brainstorm', (r) => change(r, Date.now())))],
  });
}

export const addIdeaTo = (workshopId: string, id: string, text: string, participantId: string | null) =>
  editBrainstorm(workshopId, id, 'Add an idea', (b, now) => addIdea(b, text, participantId, now));

export const revealAll = (workshopId: string, id: string) => editBrainstorm(workshopId, id, 'Reveal all ideas', (b, now) => revealIdeas(b, now));

/** Sends an idea to the parking lot: one command creates the entry and marks the idea. */
export function parkIdea(workshopId: string, b: Brainstorm, ideaId: string, stepId: string | null): Promise<boolean> {
  const idea = b.ideas.find((i) => i.id === ideaId);
  if (!idea) return Promise.resolve(false);
  const entry = createLogEntry(workshopId, { kind: 'parking', text: idea.text, owner: '', due: '' }, stepId);
  return execute({
    label: 'Send an idea to the parking lot', scope: workshopId, touchWorkshop: workshopId,
    ops: [
      putOp('actions', entry),
      updateOp('sessions', b.id, ofKind('brainstorm', (r) => ({ ...r, ideas: r.ideas.map((i) => (i.id === ideaId ? { ...i, sentTo: 'Parking lot' } : i)) }))),
    ],
  });
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
