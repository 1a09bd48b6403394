// The presenter window for the projector: large type, high contrast, no controls. It follows
// the facilitator's window live through the stored run session (useLiveQuery): the current
// step with its prompts and timer, or the room-facing view of a vote, a brainstorm or an
// assessment. Never writes anything.
import { countOf } from '../../domain/text';
import { useEffect } from 'react';
import { useWorkshop } from '../../db/queries';
import { describeClock, formatClock, groupedIdeas, isRunning, remainingMs, themeName, timerOf, type Brainstorm, type Idea, type Participant, type RunSession } from '../../domain/run';
import { dotsLeft, type VoteExercise } from '../../domain/voting';
import { answerLabel, answerOptions, judgementCriteria, peopleScores, previousRun, type AssessmentSetDef } from '../../domain/assessment';
import type { Workshop } from '../../domain/workshop';
import { assessmentLibrary, useAssessmentRuns } from '../shared/assessments';
import { ChecklistResults, GapList, hasRadar, ResultsRadar, ScoreBars, SignReachSummary, VerdictPanel } from '../../ui/assessment-results';
import { SpreadView } from '../../ui/assessment-spread';
import { PhoneScoringPanel } from '../shared/phone-scoring-panel';
import { useExercise, useNow, useRunSession } from './run-queries';
import { useVoteState, VoteProgress, VoteResults } from './voting-panel';
import { HiddenIdeas, ideaCounts } from './brainstorm-panel';
import { useParticipants } from '../shared/participants';
import { RoomJoinCorner } from '../shared/room-ui';
import './run.css';

export function PresenterScreen({ workshopId }: { workshopId: string }) {
  const workshop = useWorkshop(workshopId);
  const session = useRunSession(workshopId);
  useEffect(() => {
    document.title = workshop ? `${workshop.title} · Presenter` : 'Presenter';
  }, [workshop]);
  if (workshop === undefined || session === undefined) return <main className="presenter" aria-busy="true" />;
  if (workshop === null) return <main className="presenter"><p className="presenter-wait">This workshop no longer exists.</p></main>;
  if (session === null) {
    return (
      <main className="presenter presenter-welcome">
        <p className="presenter-client">{workshop.client}</p>
        <h1 className="presenter-title">{workshop.title}</h1>
        <p className="presenter-wait">We start shortly.</p>
        <RoomJoinCorner workshopId={workshop.id} />
      </main>
    );
  }
  return <Presenting workshop={workshop} session={session} />;
}

function Presenting({ workshop: w, session: s }: { workshop: Workshop; session: RunSession }) {
  const index = w.agenda.findIndex((st) => st.id === s.currentStepId);
  const step = w.agenda[index];
  const focus = s.focus;
  return (
    <main className="presenter" aria-label="Presenter view">
      <RoomJoinCorner workshopId={w.id} />
      <header className="presenter-top">
        <span className="presenter-step-count">{step ? `Step ${index + 1} of ${w.agenda.length}` : ''}</span>
        <span className="presenter-client-small">{w.client}</span>
        {step ? <PresenterClock session={s} stepId={step.id} minutes={step.minutes} /> : null}
      </header>
      {focus.type === 'vote' ? <PresentVote workshopId={w.id} id={focus.id} /> : null}
      {focus.type === 'brainstorm' ? <PresentBrainstorm workshopId={w.id} id={focus.id} /> : null}
      {focus.type === 'assessment' ? <PresentAssessment workshopId={w.id} id={focus.id} questionId={focus.questionId} /> : null}
      {focus.type === 'step' && step ? (
        <section className="presenter-step">
          <h1 className="presenter-title">{step.title}</h1>
          {step.prompts.length ? (
            <ul className="presenter-prompts">
              {step.prompts.map((p, i) => <li key={i}>{p}</li>)}
            </ul>
          ) : null}
        </section>
      ) : null}
      {s.endedAt ? <p className="presenter-wait">Thank you.</p> : null}
    </main>
  );
}

function PresenterClock({ session: s, stepId, minutes }: { session: RunSession; stepId: string; minutes: number }) {
  const now = useNow(250);
  const t = timerOf(s, stepId);
  const left = remainingMs(minutes, t, now);
  return (
    <span className={`presenter-clock${left < 0 ? ' presenter-clock-over' : ''}${!isRunning(t) ? ' presenter-clock-paused' : ''}`} role="timer" aria-label={describeClock(left)}>
      {left < 0 ? `${formatClock(left)} over` : formatClock(left)}
    </span>
  );
}

function PresentVote({ workshopId, id }: { workshopId: string; id: string }) {
  const ex = useExercise(id);
  if (!ex || ex.kind !== 'vote') return null;
  return <PresentVoteBody workshopId={workshopId} ex={ex} />;
}

function PresentVoteBody({ workshopId, ex }: { workshopId: string; ex: VoteExercise }) {
  const { votes, participants, targets, rows } = useVoteState(workshopId, ex);
  const voter = participants.find((p) => p.id === ex.activeParticipantId);
  return (
    <section className="presenter-exercise">
      <h1 className="presenter-title presenter-title-small">{ex.question}</h1>
      {ex.closedAt !== null ? (
        <VoteResults rows={rows} ex={ex} participants={participants} large />
      ) : (
        <>
          <p className="presenter-voter">
            {voter ? <><strong>{voter.name}</strong> is voting · {dotsLeft(votes, ex, voter.id)} of {countOf(ex.votesPerPerson, 'dot')} left</> : `Each person has ${countOf(ex.votesPerPerson, 'dot')} · the dots stay hidden until voting closes`}
          </p>
          <div className="hidden-ideas-large"><VoteProgress votes={votes} ex={ex} participants={participants} /></div>
          {/* The items without their dots: until voting closes the room sees who is done, not what they chose. */}
          <ul className="presenter-vote-items">
            {targets.map((t) => (
              <li key={t.id} className="presenter-vote-item">
                <span>{t.text}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function PresentBrainstorm({ workshopId, id }: { workshopId: string; id: string }) {
  const ex = useExercise(id);
  const now = useNow(500);
  const participants = useParticipants(workshopId) ?? [];
  if (!ex || ex.kind !== 'brainstorm') return null;
  const b = ex as Brainstorm;
  const left = remainingMs(b.minutes, b.timer, now);
  return (
    <section className="presenter-exercise">
      <p className="presenter-kicker">Silent brainstorm{b.revealedAt === null && b.timer.startedAt !== null ? ` · ${left < 0 ? 'time is up' : `${formatClock(left)} left`}` : ''}</p>
      <h1 className="presenter-title presenter-title-small">{b.prompt}</h1>
      {b.revealedAt === null ? (
        <HiddenIdeas count={b.ideas.length} large perPerson={ideaCounts(b, participants)} />
      ) : (
        <PresentIdeas b={b} participants={participants} />
      )}
    </section>
  );
}

/** Revealed ideas for the room: grouped under their themes once the facilitator has made some. */
function PresentIdeas({ b, participants }: { b: Brainstorm; participants: readonly Participant[] }) {
  const list = (ideas: readonly Idea[]) => (
    <ul className="presenter-ideas">
      {ideas.filter((i) => i.kept).map((i) => (
        <li key={i.id} className="presenter-idea">
          {i.text}
          {b.named && i.participantId ? <span className="presenter-idea-by">{participants.find((p) => p.id === i.participantId)?.name ?? ''}</span> : null}
        </li>
      ))}
    </ul>
  );
  const { themes, ungrouped } = groupedIdeas(b);
  if (themes.length === 0) return list(b.ideas);
  const groups = [...themes.map((g) => ({ key: g.theme.id, name: themeName(b, g.theme), ideas: g.ideas })), { key: '', name: 'Not grouped yet', ideas: ungrouped }];
  return (
    <div className="presenter-themes">
      {groups.filter((g) => g.ideas.some((i) => i.kept)).map((g) => (
        <section key={g.key} className="presenter-theme" aria-label={`Theme: ${g.name}`}>
          <h2>{g.name}</h2>
          {list(g.ideas)}
        </section>
      ))}
    </div>
  );
}

function PresentAssessment({ workshopId, id, questionId }: { workshopId: string; id: string; questionId?: string }) {
  const runs = useAssessmentRuns(workshopId);
  const run = runs?.find((r) => r.id === id);
  const set: AssessmentSetDef | undefined = run ? assessmentLibrary.sets[run.set] : undefined;
  if (!runs || !run || !set) return null;
  const q = questionId ? set.questions.find((x) => x.id === questionId) : undefined;
  if (q) {
    const a = run.answers[q.id];
    const scores = peopleScores(set.answerType, a);
    return (
      <section className="presenter-exercise">
        <p className="presenter-kicker">{set.name} · question {set.questions.indexOf(q) + 1} of {set.questions.length}</p>
        <h1 className="presenter-title presenter-title-small">{q.text}</h1>
        {set.rule ? <p className="presenter-rule">{set.rule}</p> : null}
        <div className="presenter-answers">
          {answerOptions(set.answerType).map((o) => (
            <span key={String(o)} className={`presenter-answer${a?.group === o ? ' presenter-answer-on' : ''}`}>{answerLabel(o)}</span>
          ))}
        </div>
        {set.answerType === 'scale-5' && set.scaleLabels ? <p className="presenter-scale">1 = {set.scaleLabels[0]} · 5 = {set.scaleLabels[1]}</p> : null}
        {scores.length ? <div className="presenter-spread"><SpreadView type={set.answerType} scores={scores} label={q.short} /></div> : null}
      </section>
    );
  }
  const previous = previousRun(runs, run);
  return (
    <section className="presenter-exercise presenter-results">
      <h1 className="presenter-title presenter-title-small">{set.name}: results</h1>
      <PhoneScoringPanel workshopId={workshopId} runId={run.id} set={set} big controls={false} />
      <div className="presenter-results-grid">
        {hasRadar(set) ? <ResultsRadar set={set} run={run} previous={previous} size={760} fontSize={24} /> : <ScoreBars set={set} run={run} previous={previous} />}
        <div>
          <VerdictPanel set={set} run={run} />
          <SignReachSummary set={set} run={run} />
          {set.employeesTest && judgementCriteria.some((c) => run[c.field] !== null) ? (
            <p className="sign-reach">
              Five-employees test: {judgementCriteria.map((c) => `${c.label.toLocaleLowerCase()} ${run[c.field] ?? '–'}/5`).join(' · ')}
            </p>
          ) : null}
          {set.checklist ? <ChecklistResults set={set} run={run} /> : null}
          <h2 className="presenter-subtitle">Largest gaps</h2>
          <GapList set={set} run={run} limit={4} />
          {run.commitments.length ? (
            <>
              <h2 className="presenter-subtitle">We commit to</h2>
              <ul className="presenter-commitments">{run.commitments.map((c) => <li key={c.id}>{c.text}{c.owner ? ` (${c.owner})` : ''}</li>)}</ul>
            </>
          ) : null}
        </div>
      </div>
    </section>
  );
}
