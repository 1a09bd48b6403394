// Run mode: the facilitator's cockpit for running the agenda. The current step's guidance on
// the left, the artifact or room exercise it works on beside it, the countdown and the running
// total in the run bar, participants and the decisions log in a side drawer (Alt+P, Alt+L).
// Everything is read live from the stored run session, so a reload, another screen or the
// presenter window all show the same step and the same clock.
import { useEffect, useRef, useState } from 'react';
import {
  ArrowLeft, ArrowRight, Bell, BellOff, CheckCircle2, ClipboardList, EyeOff, MessageCircleQuestion, MonitorUp, Pause, Play,
  Plus, RotateCcw, Users, Vote as VoteIcon, X,
} from 'lucide-react';
import { useSettings, useWorkshop } from '../../db/queries';
import {
  addMinutes, completeStep, describeClock, describeSchedule, formatClock, formatTimeOfDay, isRunning, isStepDone, markStepDone, pauseTimer, remainingMs, resetTimer,
  schedule, startTimer, timeOfDayToMs, timerOf, withTimer, type Brainstorm, type RunSession, type StepTimer,
} from '../../domain/run';
import type { VoteExercise } from '../../domain/voting';
import { artifactInfo } from '../../domain/artifacts';
import { limits, type AgendaStep, type Workshop } from '../../domain/workshop';
import { getHost } from '../../host/host';
import { notify } from '../../state/notifications';
import { routeHref } from '../../state/router';
import { ArtifactIcon } from '../../ui/artifact-icon';
import { CommitField } from '../../ui/commit-field';
import { EmptyState } from '../../ui/empty-state';
import { artifactEditors } from '../workshop/artifact-editors';
import { setStepField } from '../shared/agenda-steps';
import { ActionsLog } from '../actions/actions-log';
import { AssessmentPane } from '../assessments/assessments-screen';
import { playChime } from './chime';
import { changeRun, moveToStep, setFocus, startRun } from './run-actions';
import { useExercises, useNow, useRunSession } from './run-queries';
import { ParticipantsPanel } from './participants-panel';
import { VotingPanel } from './voting-panel';
import { BrainstormPanel } from './brainstorm-panel';
import { useRoomResume } from '../shared/room-ui';
import './run.css';

export function RunScreen({ workshopId, stepId }: { workshopId: string; stepId?: string }) {
  const workshop = useWorkshop(workshopId);
  useRoomResume(workshopId);
  const session = useRunSession(workshopId);
  if (workshop === undefined || session === undefined) return <main className="page" aria-busy="true" />;
  if (workshop === null) {
    return (
      <main className="page">
        <p>This workshop no longer exists.</p>
        <a className="btn" href="#/">Back to the library</a>
      </main>
    );
  }
  if (session === null || session.currentStepId === null) return <StartRun workshop={workshop} />;
  return <RunLayout workshop={workshop} session={session} urlStepId={stepId} />;
}

function nextFiveMinutes(now: number): string {
  const d = new Date(now);
  d.setMinutes(Math.ceil(d.getMinutes() / 5) * 5, 0, 0);
  return formatTimeOfDay(d.getTime());
}

function StartRun({ workshop: w }: { workshop: Workshop }) {
  // The agenda's planned start when the facilitator set one, else the next five minutes.
  const [start, setStart] = useState(() => w.startTime ?? nextFiveMinutes(Date.now()));
  const format = useSettings()?.clockFormat ?? '24h';
  const [error, setError] = useState<string | null>(null);
  const total = w.agenda.reduce((n, s) => n + s.minutes, 0);
  const startMs = timeOfDayToMs(start, Date.now());
  return (
    <main className="page page-narrow run-start" aria-labelledby="run-start-title">
      <a className="sidebar-back run-back" href={routeHref({ name: 'workshop', workshopId: w.id })}>
        <ArrowLeft size={16} aria-hidden /> Back to the workshop
      </a>
      <section className="card run-start-card">
        <p className="eyebrow">{w.client || 'Workshop'}</p>
        <h1 id="run-start-title">Run “{w.title}”</h1>
        {w.agenda.length === 0 ? (
          <p className="callout callout-warning">This workshop has no agenda steps to run. Create it from a template to get a timed agenda.</p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (startMs === null) return setError('Enter the planned start as HH:MM, e.g. 09:00.');
              void startRun(w, startMs);
            }}
          >
            <p className="muted">
              {w.agenda.length} steps, {total} minutes. Set when the agenda is planned to start; the run bar then tells you whether you are on track.
            </p>
            <div className="form-row run-start-row">
              <div className="field">
                <label className="field-label" htmlFor="planned-start">Planned start</label>
                <input id="planned-start" type="time" className="field-input" value={start} onChange={(e) => { setStart(e.target.value); setError(null); }} aria-invalid={error ? true : undefined} />
              </div>
              <p className="run-start-end">
                Planned end <strong>{startMs === null ? '–' : formatTimeOfDay(startMs + total * 60_000, format)}</strong>
              </p>
            </div>
            {error ? <p className="field-error" role="alert">{error}</p> : null}
            <button type="submit" className="btn btn-primary btn-large">
              <Play size={18} aria-hidden /> Start the workshop
            </button>
          </form>
        )}
      </section>
    </main>
  );
}

type Drawer = 'participants' | 'log' | null;
type Tab = 'artifact' | 'vote' | 'brainstorm';

function isTyping(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}

function RunLayout({ workshop: w, session: s, urlStepId }: { workshop: Workshop; session: RunSession; urlStepId?: string }) {
  const index = Math.max(0, w.agenda.findIndex((st) => st.id === s.currentStepId));
  const step = w.agenda[index]!;
  const [drawer, setDrawer] = useState<Drawer>(null);
  const [tab, setTab] = useState<Tab>('artifact');
  const exercises = useExercises(w.id) ?? [];

  // A link or reload with a step in the URL moves the run there once; afterwards the URL follows the run.
  const applied = useRef(false);
  useEffect(() => {
    if (!applied.current && urlStepId && urlStepId !== s.currentStepId && w.agenda.some((x) => x.id === urlStepId)) void moveToStep(w.id, urlStepId);
    applied.current = true;
  }, [urlStepId, s.currentStepId, w.id, w.agenda]);
  useEffect(() => {
    const href = routeHref({ name: 'run', workshopId: w.id, stepId: step.id });
    if (applied.current && location.hash !== href) history.replaceState(null, '', href);
  }, [w.id, step.id]);

  const go = (delta: number) => {
    const target = w.agenda[index + delta];
    if (target) {
      setTab('artifact');
      void moveToStep(w.id, target.id);
    }
  };
  const toggleTimer = () =>
    void changeRun(w.id, 'Start or pause the timer', (x, now) => withTimer(x, step.id, (t) => (isRunning(t) ? pauseTimer(t, now) : startTimer(t, now))));

  const keys = useRef({ go, toggleTimer });
  keys.current = { go, toggleTimer };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        const k = e.key.toLowerCase();
        if (k === 'l' || e.code === 'KeyL') { e.preventDefault(); setDrawer((d) => (d === 'log' ? null : 'log')); }
        else if (k === 'p' || e.code === 'KeyP') { e.preventDefault(); setDrawer((d) => (d === 'participants' ? null : 'participants')); }
        else if (k === 't' || e.code === 'KeyT') { e.preventDefault(); keys.current.toggleTimer(); }
        return;
      }
      if (e.ctrlKey || e.metaKey || isTyping(e.target) || (e.target instanceof Element && e.target.closest('dialog'))) return;
      if (e.key === 'PageDown') { e.preventDefault(); keys.current.go(1); }
      else if (e.key === 'PageUp') { e.preventDefault(); keys.current.go(-1); }
      else if (e.key === 'Escape') setDrawer(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const openPresenter = () =>
    getHost().openWindow(routeHref({ name: 'present', workshopId: w.id })).catch((err: Error) => notify({ kind: 'error', message: err.message }));

  const votes = exercises.filter((e): e is VoteExercise => e.kind === 'vote');
  const rounds = exercises.filter((e): e is Brainstorm => e.kind === 'brainstorm');
  const first = step.artifacts[0];

  return (
    <main className="run" aria-labelledby="run-step-title">
      <RunBar workshop={w} session={s} step={step} index={index} onPresenter={() => void openPresenter()} drawer={drawer} setDrawer={setDrawer} />
      <div className="run-body">
        <nav className="run-steps" aria-label="Agenda">
          <ol>
            {w.agenda.map((st, i) => {
              // Done only when marked so: visiting a step, or passing it, marks nothing.
              const done = isStepDone(s, st.id);
              const state = i === index ? 'current' : done ? 'done' : 'todo';
              return (
                <li key={st.id}>
                  <button type="button" className={`run-step run-step-${state}${done ? ' run-step-marked' : ''}`} title={`${st.title} (${st.minutes} min)`} aria-current={i === index ? 'step' : undefined} onClick={() => { setTab('artifact'); void moveToStep(w.id, st.id); }}>
                    <span className="run-step-number" aria-hidden>{done ? <CheckCircle2 size={16} /> : i + 1}</span>
                    <span className="run-step-title">{st.title}</span>
                    <span className="run-step-time">{st.minutes}′</span>
                    {done ? <span className="visually-hidden">, done</span> : null}
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        <section className="run-guide" aria-labelledby="run-step-title">
          <p className="eyebrow">Step {index + 1} of {w.agenda.length}</p>
          <h1 id="run-step-title" className="run-step-heading">{step.title}</h1>
          <div className="run-instructions">
            {step.instructions.split(/\n{2,}/).map((p, i) => <p key={i}>{p}</p>)}
          </div>
          {step.prompts.length ? (
            <div className="run-prompts">
              <h2 className="run-section-title"><MessageCircleQuestion size={18} aria-hidden /> Ask the room</h2>
              <ul className="prompt-list">
                {step.prompts.map((p, i) => <li key={i}>{p}</li>)}
              </ul>
            </div>
          ) : null}
          <div className="run-notes">
            <CommitField label={`Notes for ${step.title}`} multiline rows={5} value={step.notes} maxLength={limits.notes} placeholder="What the room said, quotes, disagreements… Saved as you type." onCommit={(v) => setStepField(w.id, step.id, { notes: v }, 'Edit step notes')} />
          </div>
          <div className="run-guide-nav">
            <button type="button" className="btn" disabled={index === 0} onClick={() => go(-1)} title="Previous step (Page Up)">
              <ArrowLeft size={16} aria-hidden /> Previous step
            </button>
            <label className="run-done-toggle">
              <input type="checkbox" checked={isStepDone(s, step.id)} onChange={(e) => void changeRun(w.id, e.target.checked ? 'Mark step done' : 'Mark step not done', (x) => markStepDone(x, step.id, e.target.checked))} /> Step done
            </label>
            {index < w.agenda.length - 1 ? (
              <>
                <button type="button" className="btn" onClick={() => go(1)} title="Next step without marking this one done (Page Down)">
                  Next step <ArrowRight size={16} aria-hidden />
                </button>
                <button type="button" className="btn btn-primary" onClick={() => { setTab('artifact'); void changeRun(w.id, 'Done, next step', (x, now) => completeStep(x, w.agenda, now)); }} title="Mark this step done and go to the next step not done">
                  <CheckCircle2 size={16} aria-hidden /> Done, next step
                </button>
              </>
            ) : (
              <button type="button" className="btn btn-primary" onClick={() => { void changeRun(w.id, 'End the workshop', (x, now) => ({ ...markStepDone(withTimer(x, step.id, (t) => pauseTimer(t, now)), step.id, true), endedAt: now })); setDrawer('log'); }}>
                <CheckCircle2 size={16} aria-hidden /> End the workshop
              </button>
            )}
          </div>
        </section>
        <section className="run-work" aria-label="Work area">
          <div className="run-tabs" role="tablist" aria-label="Work on">
            <button type="button" role="tab" aria-selected={tab === 'artifact'} className="run-tab" onClick={() => { setTab('artifact'); void setFocus(w.id, { type: 'step' }); }}>
              {first ? <ArtifactIcon kind={first.kind} size={16} /> : <ClipboardList size={16} aria-hidden />} {first ? first.title ?? artifactInfo[first.kind].label : 'Step'}
            </button>
            <button type="button" role="tab" aria-selected={tab === 'vote'} className="run-tab" onClick={() => setTab('vote')}>
              <VoteIcon size={16} aria-hidden /> Dot voting
            </button>
            <button type="button" role="tab" aria-selected={tab === 'brainstorm'} className="run-tab" onClick={() => setTab('brainstorm')}>
              <EyeOff size={16} aria-hidden /> Silent brainstorm
            </button>
          </div>
          <div className="run-work-body" role="tabpanel">
            {tab === 'artifact' ? <StepArtifact workshop={w} step={step} /> : null}
            {tab === 'vote' ? <VotingPanel workshopId={w.id} stepId={step.id} exercises={votes} /> : null}
            {tab === 'brainstorm' ? <BrainstormPanel workshopId={w.id} stepId={step.id} rounds={rounds} defaultPrompt={step.prompts[0] ?? 'What gets in the way for our customers?'} /> : null}
          </div>
        </section>
      </div>
      {drawer ? (
        <aside className="run-drawer" aria-label={drawer === 'log' ? 'Decisions & actions' : 'Participants'}>
          <header className="run-drawer-head">
            <h2>{drawer === 'log' ? 'Decisions, actions & parking lot' : 'Participants'}</h2>
            <button type="button" className="icon-button" aria-label="Close panel" onClick={() => setDrawer(null)}><X size={18} aria-hidden /></button>
          </header>
          <div className="run-drawer-body">
            {drawer === 'log' ? <ActionsLog workshopId={w.id} stepId={step.id} compact autoFocus /> : <ParticipantsPanel workshopId={w.id} />}
          </div>
        </aside>
      ) : null}
    </main>
  );
}

function StepArtifact({ workshop: w, step }: { workshop: Workshop; step: AgendaStep }) {
  const a = step.artifacts[0];
  if (!a) {
    return (
      <EmptyState
        as="div"
        className="run-empty"
        title="No artifact in this step"
        purpose="Use the step’s prompts, capture decisions and actions (Alt+L), or start a dot vote or a silent brainstorm from the tabs above."
      />
    );
  }
  if (a.kind === 'assessment' && a.set) return <AssessmentPane key={a.set} workshopId={w.id} set={a.set} onPresent={(focus) => void setFocus(w.id, focus)} />;
  if (a.kind === 'actions') return <ActionsLog workshopId={w.id} stepId={step.id} />;
  const Editor = artifactEditors[a.kind];
  if (Editor) return <div className="run-embedded"><Editor workshop={w} /></div>;
  return (
    <div className="empty-state run-empty">
      <ArtifactIcon kind={a.kind} size={32} />
      <h2>{a.title ?? artifactInfo[a.kind].label}</h2>
      <p className="empty-state-purpose">{artifactInfo[a.kind].purpose}</p>
      <p>{artifactInfo[a.kind].howToStart}</p>
      <a className="btn" href={routeHref({ name: 'artifact', workshopId: w.id, kind: a.kind })}>Open {artifactInfo[a.kind].label.toLowerCase()}</a>
    </div>
  );
}

function RunBar({ workshop: w, session: s, step, index, onPresenter, drawer, setDrawer }: {
  workshop: Workshop; session: RunSession; step: AgendaStep; index: number; onPresenter: () => void; drawer: Drawer; setDrawer: (d: Drawer) => void;
}) {
  const now = useNow(250);
  const t = timerOf(s, step.id);
  const left = remainingMs(step.minutes, t, now);
  const running = isRunning(t);
  const over = left < 0;
  const sch = schedule(w.agenda, s, now);
  const format = useSettings()?.clockFormat ?? '24h';
  const status = describeSchedule(sch.behindMs);

  // The soft sound plays once when a running countdown reaches zero (in this window only).
  const wasPositive = useRef(left > 0);
  useEffect(() => {
    if (running && wasPositive.current && left <= 0 && !s.muted) playChime();
    wasPositive.current = left > 0;
  }, [left, running, s.muted]);

  const timer = (label: string, change: (tt: StepTimer, now: number) => StepTimer) => void changeRun(w.id, label, (x, n) => withTimer(x, step.id, (tt) => change(tt, n)));

  return (
    <section className="run-bar" aria-label="Run controls">
      <a className="run-exit" href={routeHref({ name: 'workshop', workshopId: w.id })} aria-label="Leave run mode">
        <ArrowLeft size={16} aria-hidden /> <span className="run-exit-text">{w.client || w.title}</span>
      </a>
      <div className="run-clock-group">
        <span className={`run-clock${over ? ' run-clock-over' : ''}${!running && t.startedAt !== null ? ' run-clock-paused' : ''}`} role="timer" aria-label={`Step timer: ${describeClock(left)}${running ? '' : t.startedAt === null ? ', not started' : ', paused'}`}>
          {over ? `${formatClock(left)} over` : formatClock(left)}
        </span>
        <span className="run-clock-meta">
          {t.startedAt === null ? 'Not started' : running ? 'Running' : 'Paused'} · {step.minutes + t.addedMinutes} min{t.addedMinutes ? ` (+${t.addedMinutes})` : ''}
        </span>
      </div>
      <div className="run-timer-buttons">
        {running ? (
          <button type="button" className="btn run-btn" onClick={() => timer('Pause timer', pauseTimer)} title="Pause (Alt+T)">
            <Pause size={18} aria-hidden /> Pause
          </button>
        ) : (
          <button type="button" className="btn btn-primary run-btn" onClick={() => timer('Start timer', startTimer)} title="Start (Alt+T)">
            <Play size={18} aria-hidden /> {t.startedAt === null ? 'Start timer' : 'Resume'}
          </button>
        )}
        <button type="button" className="btn run-btn" onClick={() => timer('Add 5 minutes', (tt) => addMinutes(tt, 5))} aria-label="Add 5 minutes">
          <Plus size={16} aria-hidden /> 5 min
        </button>
        <button type="button" className="icon-button" onClick={() => timer('Reset timer', resetTimer)} aria-label="Reset the step timer" title="Reset the step timer" disabled={t.startedAt === null}>
          <RotateCcw size={18} aria-hidden />
        </button>
        <button type="button" className="icon-button" aria-pressed={s.muted} aria-label={s.muted ? 'Sound off: turn the end-of-step sound on' : 'Sound on: mute the end-of-step sound'} title={s.muted ? 'Sound off' : 'Sound on'} onClick={() => void changeRun(w.id, s.muted ? 'Unmute' : 'Mute', (x) => ({ ...x, muted: !x.muted }))}>
          {s.muted ? <BellOff size={18} aria-hidden /> : <Bell size={18} aria-hidden />}
        </button>
      </div>
      <div className={`run-schedule run-schedule-${status.tone}`} aria-live="polite">
        <span className="run-schedule-status">{s.endedAt ? 'Workshop ended' : status.text}</span>
        <span className="run-schedule-meta">
          Step {index + 1}/{w.agenda.length} · planned end {formatTimeOfDay(sch.plannedEnd, format)} · expected {formatTimeOfDay(sch.projectedEnd, format)}
        </span>
      </div>
      <div className="run-bar-actions">
        <button type="button" className="btn run-btn" aria-pressed={drawer === 'participants'} onClick={() => setDrawer(drawer === 'participants' ? null : 'participants')} title="Participants (Alt+P)">
          <Users size={16} aria-hidden /> Participants
        </button>
        <button type="button" className="btn run-btn" aria-pressed={drawer === 'log'} onClick={() => setDrawer(drawer === 'log' ? null : 'log')} title="Decisions, actions & parking lot (Alt+L)">
          <ClipboardList size={16} aria-hidden /> Actions log
        </button>
        <button type="button" className="btn btn-primary run-btn" onClick={onPresenter}>
          <MonitorUp size={16} aria-hidden /> Open presenter view
        </button>
      </div>
    </section>
  );
}
