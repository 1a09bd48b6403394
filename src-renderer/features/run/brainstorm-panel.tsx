// Silent brainstorm, facilitator side: a timed round in which ideas are added (typed by the
// facilitator or by participants at the keyboard) but stay hidden, only counted, until
// "Reveal all" shows them at once. Revealed ideas are grouped into themes (idea-themes.tsx),
// kept (and then voted on) or sent on.
import { useRef, useState, type FormEvent } from 'react';
import { Eye, EyeOff, Monitor, Pause, Play, Plus, Trash2 } from 'lucide-react';
import { brainstormLimits, formatClock, isRunning, pauseTimer, remainingMs, startTimer, type Brainstorm, type Participant } from '../../domain/run';
import { addIdeaTo, deleteExercise, editBrainstorm, revealAll, setFocus, startBrainstorm } from './run-actions';
import { ThemeBoard } from './idea-themes';
import { useNow } from './run-queries';
import { useParticipants } from '../shared/participants';

export function BrainstormPanel({ workshopId, stepId, rounds, defaultPrompt }: { workshopId: string; stepId: string | null; rounds: readonly Brainstorm[]; defaultPrompt: string }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const current = rounds.find((r) => r.id === chosen) ?? rounds[rounds.length - 1];
  if (!current || creating) {
    return (
      <BrainstormSetup
        defaultPrompt={defaultPrompt}
        onCancel={current ? () => setCreating(false) : undefined}
        onCreate={async (prompt, minutes, named) => {
          const id = await startBrainstorm(workshopId, stepId, prompt, minutes, named);
          if (id) {
            setChosen(id);
            setCreating(false);
            void setFocus(workshopId, { type: 'brainstorm', id });
          }
        }}
      />
    );
  }
  return (
    <div className="brainstorm">
      {rounds.length > 1 ? (
        <select className="field-input vote-switch" aria-label="Which round" value={current.id} onChange={(e) => setChosen(e.target.value)}>
          {rounds.map((r) => <option key={r.id} value={r.id}>{r.prompt}</option>)}
        </select>
      ) : null}
      <Round workshopId={workshopId} b={current} stepId={stepId} onNew={() => setCreating(true)} />
    </div>
  );
}

function BrainstormSetup({ defaultPrompt, onCreate, onCancel }: { defaultPrompt: string; onCreate: (prompt: string, minutes: number, named: boolean) => void; onCancel?: () => void }) {
  const [prompt, setPrompt] = useState(defaultPrompt);
  const [minutes, setMinutes] = useState(5);
  const [named, setNamed] = useState(false);
  return (
    <form className="card brainstorm-setup" aria-label="Set up a silent brainstorm" onSubmit={(e) => { e.preventDefault(); if (prompt.trim()) onCreate(prompt, Math.max(1, Math.min(60, minutes)), named); }}>
      <h2 className="card-title"><EyeOff size={18} aria-hidden /> Silent brainstorm</h2>
      <p className="muted">Everyone writes on their own first; nobody sees the ideas until you reveal them all at once, so the loudest voice does not set the direction.</p>
      <div className="field">
        <label className="field-label" htmlFor="bs-prompt">Question</label>
        <input id="bs-prompt" className="field-input" value={prompt} maxLength={brainstormLimits.prompt} onChange={(e) => setPrompt(e.target.value)} />
      </div>
      <div className="field brainstorm-minutes">
        <label className="field-label" htmlFor="bs-minutes">Minutes</label>
        <input id="bs-minutes" type="number" min={1} max={60} className="field-input" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} />
      </div>
      <label className="idea-keep">
        <input type="checkbox" checked={named} onChange={(e) => setNamed(e.target.checked)} /> Show who wrote each idea on the shared screen
      </label>
      <div className="vote-setup-actions">
        {onCancel ? <button type="button" className="btn" onClick={onCancel}>Cancel</button> : null}
        <button type="submit" className="btn btn-primary" disabled={!prompt.trim()}>Start silent round</button>
      </div>
    </form>
  );
}

function Round({ workshopId, b, stepId, onNew }: { workshopId: string; b: Brainstorm; stepId: string | null; onNew: () => void }) {
  const participants = useParticipants(workshopId) ?? [];
  const now = useNow(500);
  const [text, setText] = useState('');
  const [who, setWho] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const left = remainingMs(b.minutes, b.timer, now);
  const hidden = b.revealedAt === null;
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    if (b.ideas.length >= brainstormLimits.ideas) return;
    // Clear at once so the next idea can be typed while this one is stored; restore on failure.
    const idea = text;
    setText('');
    input.current?.focus();
    if (!(await addIdeaTo(workshopId, b.id, idea.slice(0, brainstormLimits.idea), who || null))) setText(idea);
  };
  return (
    <div className="round">
      <header className="vote-head">
        <div>
          <p className="eyebrow">Silent brainstorm · {b.minutes} min</p>
          <h2 className="vote-question">{b.prompt}</h2>
        </div>
        <div className="vote-head-actions">
          {hidden ? (
            <span className={`round-clock${left < 0 ? ' round-clock-over' : ''}`} role="timer" aria-label={`Round time ${left < 0 ? 'over' : 'left'}: ${formatClock(left)}`}>
              {left < 0 ? `${formatClock(left)} over` : formatClock(left)}
            </span>
          ) : null}
          {hidden ? (
            isRunning(b.timer) ? (
              <button type="button" className="btn btn-small" onClick={() => void editBrainstorm(workshopId, b.id, 'Pause round', (x, t) => ({ ...x, timer: pauseTimer(x.timer, t) }), 'run')}>
                <Pause size={14} aria-hidden /> Pause round
              </button>
            ) : (
              <button type="button" className="btn btn-small" onClick={() => void editBrainstorm(workshopId, b.id, 'Start round', (x, t) => ({ ...x, timer: startTimer(x.timer, t) }), 'run')}>
                <Play size={14} aria-hidden /> Start round
              </button>
            )
          ) : null}
          <button type="button" className="btn btn-small" onClick={() => void setFocus(workshopId, { type: 'brainstorm', id: b.id })}>
            <Monitor size={14} aria-hidden /> Show on projector
          </button>
          <button type="button" className="btn btn-small" onClick={onNew}><Plus size={14} aria-hidden /> New round</button>
          <button type="button" className="icon-button icon-button-danger" aria-label="Delete this round" onClick={() => void deleteExercise(workshopId, b.id, 'Delete brainstorm round')}>
            <Trash2 size={16} aria-hidden />
          </button>
        </div>
      </header>

      {hidden ? (
        <>
          <form className="idea-form" onSubmit={(e) => void add(e)} aria-label="Add an idea">
            <div className="field idea-text">
              <label className="field-label" htmlFor="idea-text">Idea (stays hidden until revealed)</label>
              <input ref={input} id="idea-text" className="field-input" autoComplete="off" value={text} maxLength={brainstormLimits.idea} onChange={(e) => setText(e.target.value)} placeholder="Type what was said, then Enter" />
            </div>
            {participants.length ? (
              <div className="field">
                <label className="field-label" htmlFor="idea-who">From</label>
                <select id="idea-who" className="field-input" value={who} onChange={(e) => setWho(e.target.value)}>
                  <option value="">Anonymous</option>
                  {participants.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                </select>
              </div>
            ) : null}
            <button type="submit" className="btn" disabled={!text.trim()}>Add idea</button>
          </form>
          <HiddenIdeas count={b.ideas.length} perPerson={ideaCounts(b, participants)} />
          <button type="button" className="btn btn-primary btn-large reveal-button" disabled={b.ideas.length === 0} onClick={() => void revealAll(workshopId, b.id)}>
            <Eye size={18} aria-hidden /> Reveal all {b.ideas.length} ideas
          </button>
        </>
      ) : (
        <ThemeBoard workshopId={workshopId} b={b} participants={participants} stepId={stepId} />
      )}
    </div>
  );
}

/** How many ideas each person has written (people from the room and those typed in with a name), most first; the rest as "Anonymous". */
export function ideaCounts(b: Brainstorm, participants: readonly Participant[]): { key: string; name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const i of b.ideas) counts.set(i.participantId ?? '', (counts.get(i.participantId ?? '') ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count, name: key === '' ? 'Anonymous' : (participants.find((p) => p.id === key)?.name ?? 'A participant') }))
    .sort((a, z) => z.count - a.count || a.name.localeCompare(z.name));
}

/** Blurred placeholders: the ideas' text is not in the page at all until revealed. Only counts, per person when known. */
export function HiddenIdeas({ count, large = false, perPerson = [] }: { count: number; large?: boolean; perPerson?: readonly { key: string; name: string; count: number }[] }) {
  return (
    <div className={`hidden-ideas${large ? ' hidden-ideas-large' : ''}`}>
      <p className="hidden-count" role="status" aria-live="polite">
        <EyeOff size={large ? 40 : 18} aria-hidden /> {count} idea{count === 1 ? '' : 's'} in, hidden until revealed
      </p>
      {perPerson.length ? (
        <ul className="idea-counts" aria-label="Ideas per person">
          {perPerson.map((p) => (
            <li key={p.key} className="idea-count">
              <span className="idea-count-name">{p.name}</span> <span className="idea-count-n">{p.count}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="idea-grid" aria-hidden>
        {Array.from({ length: Math.min(count, large ? 24 : 40) }, (_, i) => (
          <li key={i} className="idea-card idea-card-hidden">
            <span className="blur-line" style={{ width: `${60 + ((i * 37) % 35)}%` }} />
            <span className="blur-line" style={{ width: `${35 + ((i * 53) % 40)}%` }} />
          </li>
        ))}
      </ul>
    </div>
  );
}
