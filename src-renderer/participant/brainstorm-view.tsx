// The phone's silent brainstorm: the round's question and clock, a field for one idea at a time,
// and this phone's own ideas. Ideas go only into the phone's own document (private: the server
// lets no other phone open it); the room sees how many each person wrote, never the text, until
// the facilitator reveals them on the shared screen. Idea text is untrusted: React text only.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { brainstormLimits } from '../domain/run';
import { capText, textLength } from '../domain/text';
import { addIdeaProblem, clockText, colourIndex, deletedIdea, ideaInputProblem, newIdea, roundIdeas, roundLeftMs, viewCaps, writeOwnIdeas, type OwnView, type RoundView } from './participant-model';

const snippet = (text: string) => capText(text.trim().replace(/\s+/g, ' '), 40);

function useClock(active: boolean, now: () => number): number {
  const [t, setT] = useState(now);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setT(now()), 1000);
    return () => clearInterval(timer);
  }, [active, now]);
  return t;
}

export function BrainstormView(props: { round: RoundView; own: OwnView; ownDoc: Y.Doc; me: string; canWrite: boolean; now: () => number; onNotice: (message: string) => void }) {
  const { round, own, me } = props;
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();
  const problemId = useId();
  const countId = useId();
  const t = useClock(round.endsAt !== null, props.now);
  const left = roundLeftMs(round, t);
  const mine = roundIdeas(own, round.id);
  const received = round.counts[me] ?? 0;
  const open = props.canWrite && !round.revealed;
  const length = textLength(text);

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!open) return;
    const found = ideaInputProblem(text) ?? addIdeaProblem(round, own);
    if (found) return setProblem(found);
    writeOwnIdeas(props.ownDoc, [newIdea(round.id, text, props.now())]);
    setText('');
    setProblem(null);
    props.onNotice('Idea sent. Only the facilitator can see it until the reveal.');
  };
  const shown = problem ?? (text.trim() !== '' ? ideaInputProblem(text) : null);

  return (
    <section className="round" aria-labelledby={`${fieldId}-title`}>
      <p className="eyebrow">Silent brainstorm</p>
      <h2 id={`${fieldId}-title`} className="round-prompt">
        {capText(round.prompt, viewCaps.message)}
      </h2>
      {round.revealed ? (
        <p className="round-state revealed" role="status">
          The facilitator has revealed everyone’s ideas on the shared screen. The round is closed.
        </p>
      ) : (
        <p className={`round-state${left <= 0 ? ' over' : ''}`} role="timer" aria-label={left > 0 ? `Time left: ${clockText(left)}` : 'Time is up'}>
          {left > 0 ? `${clockText(left)} left` : 'Time is up'}
          {round.endsAt === null && left > 0 ? ' (paused)' : ''}
        </p>
      )}
      {!round.revealed && (
        <p className="round-privacy">
          Only you and the facilitator see your ideas until they are revealed{round.named ? ', then with your name.' : ', then without your name.'}
        </p>
      )}

      {!round.revealed && (
        <form className="editor" onSubmit={add} aria-label="Write an idea">
          <label htmlFor={fieldId} className="field-label">
            Your idea
          </label>
          <textarea
            id={fieldId}
            value={text}
            rows={3}
            disabled={!open}
            onChange={(e) => {
              setText(e.target.value);
              setProblem(null);
            }}
            aria-invalid={shown ? true : undefined}
            aria-describedby={`${shown ? `${problemId} ` : ''}${countId}`}
          />
          <p id={countId} className={`count${length > brainstormLimits.idea ? ' over' : ''}`}>
            {length} / {brainstormLimits.idea}
          </p>
          {shown && (
            <p id={problemId} className="field-error" role="alert">
              {shown}
            </p>
          )}
          <button type="submit" className="button primary wide" disabled={!open}>
            Send idea
          </button>
        </form>
      )}

      <h3 className="round-mine">
        Your ideas: {mine.length}
        {mine.length > received && !round.revealed ? <span className="card-state">Sending…</span> : null}
      </h3>
      {mine.length === 0 ? (
        <p className="empty">None yet.</p>
      ) : (
        <ul className="cards">
          {mine.map((idea) => (
            <li key={idea.id} className={`card mine author-${colourIndex(me)}`}>
              <p className="card-text">{capText(idea.text, brainstormLimits.idea)}</p>
              {open && (
                <div className="card-actions">
                  <button
                    type="button"
                    className="button small danger"
                    aria-label={`Delete idea: ${snippet(idea.text)}`}
                    onClick={() => {
                      writeOwnIdeas(props.ownDoc, [deletedIdea(idea)]);
                      props.onNotice('Idea deleted.');
                    }}
                  >
                    Delete
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
