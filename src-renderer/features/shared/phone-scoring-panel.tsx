// "Score on phones" for one assessment run: the facilitator starts it while the room is open;
// the shared screen shows how many have finished (never a score) until the facilitator reveals,
// then the spread per item, the largest disagreement first, so the room discusses before the
// agreed score is recorded in the editor. Shown in the assessment editor (with the controls) and
// on the presenter (without).
import { Eye, Smartphone } from 'lucide-react';
import type { AssessmentSetDef } from '../../domain/assessment';
import { finishedSheets, withEmployeeAnswers, type ScoringRound } from '../../domain/phone-rounds';
import { editRecord } from '../../state/record-edits';
import { ScoreSpreadList } from '../../ui/score-spread';
import { revealScoringRound, startScoring, useRoomPeople, useScoringRound } from './phone-rounds';
import './room.css';

export function PhoneScoringPanel({ workshopId, runId, set, big = false, controls = true }: { workshopId: string; runId: string; set: AssessmentSetDef; big?: boolean; controls?: boolean }) {
  const round = useScoringRound(workshopId, runId);
  const { open: roomOpen, people } = useRoomPeople(workshopId);
  if (round === undefined) return null;
  if (!round && !(controls && roomOpen)) return null;
  const finished = round ? finishedSheets(round) : 0;
  // The room's size as this window knows it (the presenter is a window of its own: it counts sheets).
  const total = Math.max(people, round?.sheets.length ?? 0);
  return (
    <section className={`phone-round${big ? ' phone-round-big' : ''}`} aria-label="Scores from phones">
      <div className="phone-round-head">
        <h3 className="phone-round-title">
          <Smartphone size={big ? 28 : 16} aria-hidden /> Scores from phones
        </h3>
        {round && round.revealedAt === null ? (
          <p className="phone-round-progress" role="status">
            {progressText(finished, round.sheets.length, roomOpen ? total : null)}
          </p>
        ) : null}
        {controls && roomOpen && (!round || round.revealedAt !== null) ? (
          <button type="button" className="btn btn-small" onClick={() => void startScoring(workshopId, runId)}>
            <Smartphone size={14} aria-hidden /> {round ? 'Score again on phones' : 'Score on phones'}
          </button>
        ) : null}
        {controls && round && round.revealedAt === null ? (
          <button type="button" className="btn btn-small btn-primary" onClick={() => void revealScoringRound(workshopId, round.id)}>
            <Eye size={14} aria-hidden /> Reveal the spread
          </button>
        ) : null}
      </div>
      {!round ? (
        <p className="muted small">Each person scores every item on their phone, alone and without names; the room sees the spread only when you reveal it.</p>
      ) : round.revealedAt === null ? (
        <p className={big ? 'phone-round-note' : 'muted small'}>Scoring silently on phones. Nobody sees a score until the spread is revealed, and then without names.</p>
      ) : round.sheets.length === 0 ? (
        <p className="muted small">Nobody scored on a phone in this round.</p>
      ) : (
        <>
          <p className={big ? 'phone-round-note' : 'muted small'}>
            {round.sheets.length} {round.sheets.length === 1 ? 'person' : 'people'} scored, without names. Discuss the widest spreads first{controls ? ', then record the agreed score on each item below.' : '.'}
          </p>
          <ScoreSpreadList set={set} round={round} big={big} />
          {set.employeesTest ? <EmployeeAnswers workshopId={workshopId} runId={runId} round={round} controls={controls} /> : null}
        </>
      )}
    </section>
  );
}

/** "2 of 5 finished" (or "All 5 finished") when the room's size is known here, else "2 finished · 1 still going". */
export function progressText(finished: number, started: number, people: number | null): string {
  if (people !== null) return people > 0 && finished >= people ? `All ${people} finished` : `${finished} of ${people} finished`;
  return started > finished ? `${finished} finished · ${started - finished} still going` : `${finished} finished`;
}

/**
 * Answers to the five-employees test that people brought on their phones (department and words,
 * no name), and a button that adds them to the run's test (an undoable edit, never twice).
 */
function EmployeeAnswers({ workshopId, runId, round, controls }: { workshopId: string; runId: string; round: ScoringRound; controls: boolean }) {
  const answers = round.sheets.flatMap((s) => (s.employee ? [s.employee] : []));
  if (answers.length === 0) return null;
  const add = () => void editRecord('assessments', { id: runId, workshopId }, 'Add answers from phones to the five-employees test', (r) => withEmployeeAnswers(r, round));
  return (
    <div className="phone-employees">
      <h4 className="results-subtitle">Five-employees test: answers brought on phones</h4>
      <ul className="spread-notes" aria-label="Five-employees answers from phones">
        {answers.map((a, i) => (
          <li key={i}>
            {a.department ? <b>{a.department}: </b> : null}
            {a.answer}
          </li>
        ))}
      </ul>
      {controls ? (
        <button type="button" className="btn btn-small" onClick={add}>
          Add them to the five-employees test
        </button>
      ) : null}
    </div>
  );
}
