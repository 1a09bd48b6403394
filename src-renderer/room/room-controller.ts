// Opening, resuming and closing the room from the facilitator's screens. The room server runs in
// the host (main, or the browser-mode server); this window runs the one RoomSync that stores what
// the room adds. A reload of this window finds the room still open (status) and resumes it.
import { getDb } from '../db/database';
import type { Workshop } from '../domain/workshop';
import { getHost } from '../host/host';
import type { RoomInfo } from '../host/host-types';
import type { RoomSync } from './room-sync';
import { initialRoomState, useRoom } from './room-store';
import type { AssessmentSet } from '../domain/artifacts';
import type { AssessmentSetDef } from '../domain/assessment';

/** The question sets phones score against (the app's screens load them; this layer imports no feature). */
export type RoomAssessmentSets = Partial<Record<AssessmentSet, AssessmentSetDef>>;

let sync: RoomSync | null = null;

async function firstJourneyId(workshopId: string): Promise<string | null> {
  const journeys = await getDb().journeys.where('workshopId').equals(workshopId).toArray();
  journeys.sort((a, b) => a.order - b.order);
  return journeys[0]?.id ?? null;
}

async function start(info: RoomInfo, journeyId: string | null, assessmentSets: RoomAssessmentSets): Promise<void> {
  // The sync engine (Yjs and the Hocuspocus provider) loads only when a room opens.
  const { RoomSync } = await import('./room-sync');
  sync?.stop();
  const room = getHost().room;
  sync = new RoomSync({
    info,
    workshopId: info.workshopId,
    journeyId,
    assessmentSets,
    onPeople: (people) => {
      useRoom.setState((s) => ({ names: { ...s.names, ...Object.fromEntries(people.map((p) => [p.id, p.name])) } }));
      void room.people(people).catch((err: unknown) => console.warn('Room: could not update the join page.', err));
    },
  });
  useRoom.setState({ ...initialRoomState, phase: 'open', info, journeyId, locked: info.locked, names: useRoom.getState().names });
}

/** Opens the room for this workshop (the server starts listening on the room's network). */
export async function openRoom(w: Workshop, assessmentSets: RoomAssessmentSets = {}): Promise<void> {
  if (useRoom.getState().phase === 'opening') return;
  useRoom.setState({ phase: 'opening', error: null });
  try {
    const people = (await getDb().participants.where('workshopId').equals(w.id).toArray())
      .filter((p) => p.name.trim())
      .sort((a, b) => a.order - b.order)
      .map((p) => ({ id: p.id, name: p.name.trim().slice(0, 80) }));
    const info = await getHost().room.open({ workshopId: w.id, title: w.title.slice(0, 200), people });
    await start(info, await firstJourneyId(w.id), assessmentSets);
  } catch (err) {
    useRoom.setState({ ...initialRoomState, error: err instanceof Error ? err.message : 'The room could not be opened.' });
  }
}

/** After a reload: the room the host still runs for this workshop comes back with the same link. */
export async function resumeRoom(workshopId: string, assessmentSets: RoomAssessmentSets = {}): Promise<void> {
  if (useRoom.getState().phase !== 'closed') return;
  try {
    const info = await getHost().room.status();
    if (info && info.workshopId === workshopId && useRoom.getState().phase === 'closed') await start(info, await firstJourneyId(workshopId), assessmentSets);
  } catch {
    // No room server (e.g. an old browser-mode server): nothing to resume.
  }
}

/** Closes the room: the server stops, links and tokens stop working. Cards already stored stay. */
export async function closeRoom(): Promise<void> {
  useRoom.setState({ phase: 'closing' });
  try {
    await sync?.settled();
  } finally {
    sync?.stop();
    sync = null;
  }
  try {
    await getHost().room.close();
    useRoom.setState({ ...initialRoomState, names: useRoom.getState().names });
  } catch (err) {
    useRoom.setState({ ...initialRoomState, error: err instanceof Error ? err.message : 'The room could not be closed.' });
  }
}

export async function setRoomLocked(locked: boolean): Promise<void> {
  await getHost().room.lock(locked);
  useRoom.setState({ locked });
}

/** Removes a participant: their access ends at once. Their cards stay (the facilitator may remove them). */
export async function removeFromRoom(participantId: string): Promise<void> {
  await getHost().room.revoke(participantId);
}

export function chooseRoomJourney(journeyId: string): void {
  sync?.setJourney(journeyId);
  useRoom.setState({ journeyId });
}
