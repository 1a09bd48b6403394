// Dot voting, facilitator side: pick what to vote on and the dots per person, let participants
// vote in turn on the shared screen (pick who is voting, then click items), then rank the
// results and tag the top items. Every dot is stored at once and undoable.
import { countOf } from '../../domain/text';
import { useState, type FormEvent } from 'react';
import { Award, Lock, Minus, Monitor, Plus, Trash2, Unlock, Vote as VoteIcon } from 'lucide-react';
import { canCast, dotsLeft, tally, topItems, votingLimits, votingProgress, type TallyRow, type Vote, type VoteExercise, type VoteSource, type VoteTarget } from '../../domain/voting';
import { initials, type Participant } from '../../domain/run';
import { notify } from '../../state/notifications';
import { castVote, deleteExercise, editVote, setActiveVoter, setFocus, startVote, takeBackDot } from './run-actions';
import { useVoteCatalogue, useVotes } from './run-queries';
import { useParticipants } from '../shared/participants';

export function VotingPanel({ workshopId, stepId, exercises }: { workshopId: string; stepId: string | null; exercises: readonly VoteExercise[] }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const current = exercises.find((e) => e.id === chosen) ?? exercises[exercises.length - 1];
  if (!current || creating) {
    return (
      <VoteSetup
        workshopId={workshopId}
        onCancel={current ? () => setCreating(false) : undefined}
        onCreate={async (input) => {
          const id = await startVote(workshopId, stepId, input);
          if (id) {
            setChosen(id);
            setCreating(false);
            void setFocus(workshopId, { type: 'vote', id });
          }
        }}
      />
    );
  }
  return (
    <div className="vote">
      {exercises.length > 1 ? (
        <label className="vote-switch">
          <span className="visually-hidden">Vote</span>
          <select className="field-input" aria-label="Which vote" value={current.id} onChange={(e) => setChosen(e.target.value)}>
            {exercises.map((e) => <option key={e.id} value={e.id}>{e.question}</option>)}
          </select>
        </label>
      ) : null}
      <VoteExerciseView workshopId={workshopId} ex={current} onNew={() => setCreating(true)} />
    </div>
  );
}

function VoteSetup({ workshopId, onCreate, onCancel }: { workshopId: string; onCreate: (i: { question: string; sources: VoteSource[]; votesPerPerson: number; topN: number }) => void; onCancel?: () => void }) {
  const catalogue = useVoteCatalogue(workshopId);
  const [question, setQuestion] = useState('Which of these matter most to our customers?');
  const [sources, setSources] = useState<VoteSource[]>([]);
  const [perPerson, setPerPerson] = useState(3);
  const [topN, setTopN] = useState(3);
  const options = catalogue?.options ?? [];
  const count = catalogue ? catalogue.targetsOf(sources).length : 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (count === 0) {
      notify({ kind: 'error', message: 'Pick something with items to vote on.' });
      return;
    }
    onCreate({ question, sources, votesPerPerson: perPerson, topN });
  };
  return (
    <form className="vote-setup card" onSubmit={submit} aria-label="Set up dot voting">
      <h2 className="card-title"><VoteIcon size={18} aria-hidden /> Set up dot voting</h2>
      <div className="field">
        <label className="field-label" htmlFor="vote-question">Question for the room</label>
        <input id="vote-question" className="field-input" value={question} maxLength={votingLimits.question} onChange={(e) => setQuestion(e.target.value)} />
      </div>
      <fieldset className="vote-sources">
        <legend className="field-label">Vote on</legend>
        {options.map((o) => (
          <label key={o.source} className={`vote-source${o.count === 0 ? ' vote-source-empty' : ''}`}>
            <input type="checkbox" checked={sources.includes(o.source)} disabled={o.count === 0} onChange={(e) => setSources((s) => (e.target.checked ? [...s, o.source] : s.filter((x) => x !== o.source)))} />
            {o.label} <span className="muted">({o.count})</span>
          </label>
        ))}
        {options.every((o) => o.count === 0) ? <p className="muted small">Nothing to vote on yet: add journey cards, segment needs or initiatives, or run a silent brainstorm and reveal it.</p> : null}
      </fieldset>
      <div className="form-row vote-numbers">
        <div className="field">
          <label className="field-label" htmlFor="vote-per-person">Dots per person</label>
          <input id="vote-per-person" type="number" className="field-input" min={1} max={votingLimits.votesPerPersonMax} value={perPerson} onChange={(e) => setPerPerson(Number(e.target.value))} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="vote-top-n">Tag the top</label>
          <input id="vote-top-n" type="number" className="field-input" min={1} max={votingLimits.topNMax} value={topN} onChange={(e) => setTopN(Number(e.target.value))} />
        </div>
      </div>
      <div className="vote-setup-actions">
        {onCancel ? <button type="button" className="btn" onClick={onCancel}>Cancel</button> : null}
        <button type="submit" className="btn btn-primary" disabled={count === 0}>
          Start voting on {count} item{count === 1 ? '' : 's'}
        </button>
      </div>
    </form>
  );
}

export function useVoteState(workshopId: string, ex: VoteExercise) {
  const catalogue = useVoteCatalogue(workshopId);
  const votes = useVotes(workshopId, ex.id) ?? [];
  const participants = useParticipants(workshopId) ?? [];
  const targets: VoteTarget[] = catalogue ? catalogue.targetsOf(ex.sources) : [];
  const rows = tally(votes, ex, targets, participants.map((p) => p.id));
  return { votes, participants, targets, rows, loaded: catalogue !== undefined };
}

function VoteExerciseView({ workshopId, ex, onNew }: { workshopId: string; ex: VoteExercise; onNew: () => void }) {
  const { votes, participants, targets, rows } = useVoteState(workshopId, ex);
  const voter = participants.find((p) => p.id === ex.activeParticipantId) ?? null;
  const progress = votingProgress(votes, ex, participants.map((p) => p.id));
  const closed = ex.closedAt !== null;
  const cast = (t: VoteTarget) => {
    const check = canCast(votes, ex, voter?.id ?? null, t.id, targets);
    if (!check.ok) {
      notify({ kind: 'error', message: check.reason }, 3000);
      return;
    }
    void castVote(ex, voter!, t.id, t.text);
  };
  return (
    <div className="vote-view">
      <header className="vote-head">
        <div>
          <p className="eyebrow">Dot voting · {countOf(ex.votesPerPerson, 'dot')} each · {progress.cast} of {progress.possible} cast</p>
          <h2 className="vote-question">{ex.question}</h2>
        </div>
        <div className="vote-head-actions">
          <button type="button" className="btn btn-small" onClick={() => void setFocus(workshopId, { type: 'vote', id: ex.id })}>
            <Monitor size={14} aria-hidden /> Show on projector
          </button>
          {closed ? (
            <button type="button" className="btn btn-small" onClick={() => void editVote(workshopId, ex.id, 'Reopen voting', (e) => ({ ...e, closedAt: null }))}>
              <Unlock size={14} aria-hidden /> Reopen voting
            </button>
          ) : (
            <button type="button" className="btn btn-small btn-primary" onClick={() => void editVote(workshopId, ex.id, 'Close voting', (e) => ({ ...e, closedAt: Date.now(), activeParticipantId: null }))}>
              <Lock size={14} aria-hidden /> Close voting and show results
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={onNew}>
            <Plus size={14} aria-hidden /> New vote
          </button>
          <button type="button" className="icon-button icon-button-danger" aria-label="Delete this vote" onClick={() => void deleteExercise(workshopId, ex.id, 'Delete vote')}>
            <Trash2 size={16} aria-hidden />
          </button>
        </div>
      </header>

      {closed ? (
        <VoteResults rows={rows} ex={ex} participants={participants} onTag={() => {
          const top = topItems(rows, ex.topN);
          void editVote(workshopId, ex.id, `Tag the top ${ex.topN}`, (e) => ({ ...e, tagged: top }));
        }} onUntag={() => void editVote(workshopId, ex.id, 'Remove top tags', (e) => ({ ...e, tagged: [] }))} />
      ) : (
        <>
          {participants.length === 0 ? <p className="callout callout-warning">Add participants first (Participants, Alt+P): each one gets {countOf(ex.votesPerPerson, 'dot')}.</p> : null}
          <div className="voter-picker" role="group" aria-label="Who is voting">
            {participants.map((p) => {
              const left = dotsLeft(votes, ex, p.id);
              const on = p.id === voter?.id;
              return (
                <button key={p.id} type="button" className={`voter${on ? ' voter-on' : ''}${left === 0 ? ' voter-done' : ''}`} aria-pressed={on} onClick={() => void setActiveVoter(workshopId, ex.id, on ? null : p.id)}>
                  <span className="voter-avatar" aria-hidden>{initials(p.name)}</span>
                  <span className="voter-name">{p.name}</span>
                  <span className="voter-left">{left === 0 ? 'done' : `${left} left`}</span>
                </button>
              );
            })}
          </div>
          <p className="vote-status" role="status">
            {voter ? (
              <>
                <strong>{voter.name}</strong> is voting: {dotsLeft(votes, ex, voter.id)} of {countOf(ex.votesPerPerson, 'dot')} left. Click an item to place a dot.
              </>
            ) : participants.length ? 'Pick who is voting, then click items to place their dots.' : ''}
          </p>
          <ul className="vote-items" aria-label="Items to vote on">
            {targets.map((t) => {
              const row = rows.find((r) => r.target.id === t.id);
              const mine = voter ? (row?.byParticipant[voter.id] ?? 0) : 0;
              return (
                <li key={t.id} className={`vote-item${mine ? ' vote-item-mine' : ''}`}>
                  <button type="button" className="vote-item-main" aria-label={`Vote for “${t.text}”`} disabled={!voter || dotsLeft(votes, ex, voter.id) === 0} onClick={() => cast(t)}>
                    <span className="vote-item-text">{t.text}</span>
                    <span className="vote-item-origin">{t.origin}</span>
                    {/* While the vote is open only the person voting sees their own dots: the laptop may be mirrored to the room. */}
                    <MyDots count={mine} />
                  </button>
                  {mine ? (
                    <button type="button" className="vote-item-undo" aria-label={`Take back a dot from “${t.text}”`} title="Take back a dot" onClick={() => voter && void takeBackDot(ex, votes as Vote[], voter, t.id)}>
                      <Minus size={14} aria-hidden />
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}

/** Who has placed all their dots and who has not: what the room may see while the vote is open (never where the dots are). */
export function VoteProgress({ votes, ex, participants }: { votes: readonly Vote[]; ex: VoteExercise; participants: readonly Participant[] }) {
  return (
    <ul className="idea-counts vote-progress" aria-label="Who has voted">
      {participants.map((p) => {
        const left = dotsLeft(votes, ex, p.id);
        return (
          <li key={p.id} className={`idea-count${left === 0 ? ' vote-progress-done' : ''}`}>
            <span className="idea-count-name">{p.name}</span> <span className="idea-count-n">{left === 0 ? 'done' : `${left} left`}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The active voter's own dots on an item (nobody else's: the vote is still open). */
function MyDots({ count }: { count: number }) {
  if (count === 0) return <span className="dots" />;
  return (
    <span className="dots" aria-label={`${count} of your dot${count === 1 ? '' : 's'}`}>
      {Array.from({ length: count }, (_, i) => <span key={i} className="dot dot-mine" />)}
    </span>
  );
}

export function VoteResults({ rows, ex, participants, onTag, onUntag, large = false }: { rows: readonly TallyRow[]; ex: VoteExercise; participants: readonly Participant[]; onTag?: () => void; onUntag?: () => void; large?: boolean }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const tagged = new Set(ex.tagged);
  return (
    <section className={`vote-results${large ? ' vote-results-large' : ''}`} aria-label="Voting results">
      {onTag ? (
        <div className="vote-results-actions">
          <button type="button" className="btn btn-primary btn-small" onClick={onTag} disabled={rows.every((r) => r.count === 0)}>
            <Award size={14} aria-hidden /> Tag the top {ex.topN}
          </button>
          {ex.tagged.length ? <button type="button" className="btn btn-small" onClick={onUntag}>Remove tags</button> : null}
          <span className="muted small">{countOf(participants.length, 'participant')} · {countOf(rows.reduce((n, r) => n + r.count, 0), 'dot')}</span>
        </div>
      ) : null}
      <ol className="result-list">
        {rows.map((r) => (
          <li key={r.target.id} className={`result-row${tagged.has(r.target.id) ? ' result-row-top' : ''}`}>
            <span className="result-rank" aria-label={`Rank ${r.rank}`}>{r.rank}</span>
            <span className="result-text">
              {r.target.text}
              {tagged.has(r.target.id) ? <span className="top-badge">Top {ex.topN}</span> : null}
              {!large ? <span className="result-origin">{r.target.origin}</span> : null}
            </span>
            <span className="result-bar" aria-hidden>
              <span className="result-bar-fill" style={{ width: `${(r.count / max) * 100}%` }} />
            </span>
            <span className="result-count">{r.count} <span className="visually-hidden">dots</span></span>
          </li>
        ))}
      </ol>
    </section>
  );
}
