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
  addIdea, addTheme, brainstormLimits, startTimer, createBrainstorm, createParticipant, createRunSession, goToStep, groupIdea, groupedIdeas, removeTheme,
  renameTheme, revealIdeas, runSessionId, themeName, type Brainstorm, type Participant, type PresenterFocus, type RunSession,
} from '../../domain/run';
import { createCard, journeyLimits, type Journey } from '../../domain/journey';
import { createInitiative, roadmapLimits } from '../../domain/roadmap';
import { newId } from '../../domain/ids';
import { capText, textLength } from '../../domain/text';
import { createVote, createVoteExercise, lastDot, type Vote, type VoteExercise } from '../../domain/voting';
import { createLogEntry, logLimits } from '../../domain/actions-log';
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
  // Set up and started in one command: undoing it right away takes the round back, and once
  // anything has changed it since (ideas from the room, a pause), undo refuses rather than lose it.
  const now = Date.now();
  const created = createBrainstorm(workshopId, stepId, prompt, minutes, now);
  const b = { ...created, timer: startTimer(created.timer, now), ...(named ? { named: true } : {}) };
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

// --- Themes: grouping revealed ideas (content, undoable) ---

/**
 * Adds a theme (with `ideaId` grouped under it, when given: one command) and returns its id;
 * null when the round is hidden or already holds the most themes.
 */
export async function addThemeTo(workshopId: string, b: Brainstorm, name = '', ideaId?: string): Promise<string | null> {
  const id = newId();
  const ok = await editBrainstorm(workshopId, b.id, 'Add a theme', (x) => {
    const added = addTheme(x, id, name);
    return ideaId && added !== x ? groupIdea(added, ideaId, id) : added;
  });
  if (!ok) return null;
  const stored = await getDb().sessions.get(b.id);
  return stored?.kind === 'brainstorm' && stored.themes?.some((t) => t.id === id) ? id : null;
}

export const renameThemeIn = (workshopId: string, brainstormId: string, themeId: string, name: string) =>
  editBrainstorm(workshopId, brainstormId, 'Rename theme', (x) => renameTheme(x, themeId, name));

export const removeThemeFrom = (workshopId: string, brainstormId: string, themeId: string) =>
  editBrainstorm(workshopId, brainstormId, 'Remove theme', (x) => removeTheme(x, themeId));

export const groupIdeaIn = (workshopId: string, brainstormId: string, ideaId: string, themeId: string | null) =>
  editBrainstorm(workshopId, brainstormId, themeId ? 'Group an idea' : 'Ungroup an idea', (x) => groupIdea(x, ideaId, themeId));

// --- Sending an idea or a theme on (content, undoable: one command creates and marks) ---

/** What is sent: one idea, or a theme (its name and its kept ideas). */
export type SendWhat = { readonly kind: 'idea' | 'theme'; readonly id: string };

/** Where it goes: the parking lot, a cell of a journey, or a roadmap lane. */
export type SendTo =
  | { readonly kind: 'parking' }
  | { readonly kind: 'journey'; readonly journey: Journey; readonly stageId: string; readonly laneId: string }
  | { readonly kind: 'roadmap'; readonly laneId: string; readonly laneName: string };

/** Cuts text to `max` characters (never inside a surrogate pair), with an ellipsis when cut. */
function clip(text: string, max: number): string {
  return textLength(text) <= max ? text : capText(text, max - 1);
}

/** The headline and the detail lines of what is sent, as the destination will hold them. */
export function sentText(b: Brainstorm, what: SendWhat): { title: string; ideas: string[] } | null {
  if (what.kind === 'idea') {
    const idea = b.ideas.find((i) => i.id === what.id);
    return idea ? { title: idea.text, ideas: [] } : null;
  }
  const g = groupedIdeas(b).themes.find((x) => x.theme.id === what.id);
  return g ? { title: themeName(b, g.theme), ideas: g.ideas.filter((i) => i.kept).map((i) => i.text) } : null;
}

/** A short label of the destination, kept on the idea or theme ("Roadmap: Retention"). */
export function sentToLabel(to: SendTo): string {
  const label = to.kind === 'parking' ? 'Parking lot' : to.kind === 'journey' ? `Journey: ${to.journey.name.trim() || 'Untitled journey'}` : `Roadmap: ${to.laneName}`;
  return clip(label, brainstormLimits.sentTo);
}

export async function sendFromBrainstorm(workshopId: string, b: Brainstorm, what: SendWhat, to: SendTo, stepId: string | null): Promise<boolean> {
  const text = sentText(b, what);
  if (!text) return false;
  const lines = (prefix: string) => text.ideas.map((i) => `${prefix}${i}`).join('\n');
  const ops: Op[] = [];
  if (to.kind === 'parking') {
    const body = text.ideas.length ? `${text.title}:\n${lines('• ')}` : text.title;
    ops.push(putOp('actions', createLogEntry(workshopId, { kind: 'parking', text: clip(body, logLimits.text), owner: '', due: '' }, stepId)));
  } else if (to.kind === 'journey') {
    const cards = await getDb().journeyCards.where('journeyId').equals(to.journey.id).toArray();
    if (cards.length >= journeyLimits.cardsPerJourney) {
      notify({ kind: 'error', message: `This journey already holds ${journeyLimits.cardsPerJourney.toLocaleString()} cards, the most one journey can hold.` });
      return false;
    }
    const order = cards.filter((c) => c.stageId === to.stageId && c.laneId === to.laneId).reduce((m, c) => Math.max(m, c.order), -1) + 1;
    const body = text.ideas.length ? `${text.title}\n${lines('• ')}` : text.title;
    ops.push(putOp('journeyCards', createCard(to.journey, { stageId: to.stageId, laneId: to.laneId }, { text: clip(body, journeyLimits.cardText), order })));
  } else {
    const existing = await getDb().initiatives.where('workshopId').equals(workshopId).toArray();
    const order = existing.reduce((m, r) => Math.max(m, r.order), -1) + 1;
    const from = `From the silent brainstorm “${b.prompt}”.`;
    const description = text.ideas.length ? `${from}\n${lines('• ')}` : from;
    ops.push(putOp('initiatives', {
      ...createInitiative({ workshopId, laneId: to.laneId, title: clip(text.title, roadmapLimits.title), order, now: Date.now() }),
      description: clip(description, roadmapLimits.description),
    }));
  }
  const label = sentToLabel(to);
  ops.push(updateOp('sessions', b.id, ofKind('brainstorm', (r) => (what.kind === 'idea'
    ? { ...r, ideas: r.ideas.map((i) => (i.id === what.id ? { ...i, sentTo: label } : i)) }
    : { ...r, themes: (r.themes ?? []).map((t) => (t.id === what.id ? { ...t, sentTo: label } : t)) }))));
  const noun = what.kind === 'idea' ? 'an idea' : 'a theme';
  const where = to.kind === 'parking' ? 'the parking lot' : to.kind === 'journey' ? 'the journey' : 'the roadmap';
  return execute({ label: `Send ${noun} to ${where}`, scope: workshopId, touchWorkshop: workshopId, ops });
}

/** Sends an idea to the parking lot: one command creates the entry and marks the idea. */
export function parkIdea(workshopId: string, b: Brainstorm, ideaId: string, stepId: string | null): Promise<boolean> {
  return sendFromBrainstorm(workshopId, b, { kind: 'idea', id: ideaId }, { kind: 'parking' }, stepId);
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
