// Rounds answered privately on phones (an assessment scored by each person, emotion per journey
// stage): the live reads and the facilitator's commands, shared by the assessments editor, the
// journey screen and the presenter. Starting and revealing are stored outside the undo history:
// undoing a start would delete the sheets phones sent meanwhile, and undoing a reveal would bring
// back who answered what, which the reveal drops on purpose.
import { useLiveQuery } from 'dexie-react-hooks';
import { applyCommand, putOp, updateOp } from '../../db/commands';
import { getDb } from '../../db/database';
import { closeEmotions, createEmotionRound, createScoringRound, liveRound, revealScoring, type EmotionRound, type ScoringRound } from '../../domain/phone-rounds';
import { useHistory } from '../../state/history';
import { notify } from '../../state/notifications';
import { useRoom } from '../../room/room-store';

/** The newest scoring round of an assessment run (null: none; undefined while loading). */
export function useScoringRound(workshopId: string, runId: string): ScoringRound | null | undefined {
  return useLiveQuery(async () => {
    const rows = await getDb().sessions.where('workshopId').equals(workshopId).toArray();
    return liveRound(rows.filter((r): r is ScoringRound => r.kind === 'scoring' && r.runId === runId));
  }, [workshopId, runId]);
}

/** The newest emotion round of a journey (null: none; undefined while loading). */
export function useEmotionRound(workshopId: string, journeyId: string): EmotionRound | null | undefined {
  return useLiveQuery(async () => {
    const rows = await getDb().sessions.where('workshopId').equals(workshopId).toArray();
    return liveRound(rows.filter((r): r is EmotionRound => r.kind === 'emotions' && r.journeyId === journeyId));
  }, [workshopId, journeyId]);
}

/** Whether this workshop's room is open in this window, and how many people are in it (not removed). */
export function useRoomPeople(workshopId: string): { open: boolean; people: number } {
  const open = useRoom((s) => s.phase === 'open' && s.info?.workshopId === workshopId);
  const people = useRoom((s) => Object.values(s.roster).filter((e) => !e.removed).length);
  return { open, people };
}

async function store(workshopId: string, label: string, op: Parameters<typeof applyCommand>[1]['ops'][number]): Promise<boolean> {
  try {
    await applyCommand(getDb(), { label, scope: workshopId, touchWorkshop: workshopId, ops: [op] });
    // The snapshot schedule watches the revision: a round is an edit like any other.
    useHistory.setState((s) => ({ revision: s.revision + 1 }));
    return true;
  } catch (err) {
    notify({ kind: 'error', message: err instanceof Error ? err.message : `${label}: it could not be stored.` });
    return false;
  }
}

export const startScoring = (workshopId: string, runId: string) => store(workshopId, 'Score on phones', putOp('sessions', createScoringRound(workshopId, runId)));

export const revealScoringRound = (workshopId: string, id: string) =>
  store(
    workshopId,
    'Reveal the spread',
    updateOp('sessions', id, (cur) => (cur.kind === 'scoring' ? revealScoring(cur, Date.now()) : cur)),
  );

export const startEmotions = (workshopId: string, journeyId: string) => store(workshopId, 'Rate emotions on phones', putOp('sessions', createEmotionRound(workshopId, journeyId)));

export const closeEmotionRound = (workshopId: string, id: string) =>
  store(
    workshopId,
    'Show the room’s emotions',
    updateOp('sessions', id, (cur) => (cur.kind === 'emotions' ? closeEmotions(cur, Date.now()) : cur)),
  );
