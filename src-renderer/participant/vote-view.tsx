// The phone's dot vote: the question, the dots left, and every item with this person's dots on it
// (one thumb: + and − buttons of 44 px). Dots go only into the phone's own document; the room
// sees who has placed all their dots, never where, until the facilitator closes the vote. The
// facilitator's app enforces the budget; this screen only keeps an honest phone from asking more.
import { countOf } from '../domain/text';
import type * as Y from 'yjs';
import { capText } from '../domain/text';
import { changedDots, dotsLeftOf, dotsSent, myDots, viewCaps, writeOwnDots, type OwnView, type VoteView } from './participant-model';

export function VotePanel(props: { vote: VoteView; own: OwnView; ownDoc: Y.Doc; canWrite: boolean; onNotice: (message: string) => void }) {
  const { vote, own } = props;
  const dots = myDots(own, vote);
  const left = dotsLeftOf(own, vote);
  const open = props.canWrite && !vote.closed;
  const change = (itemId: string, delta: 1 | -1) => {
    const next = changedDots(own, vote, itemId, delta);
    if (!next) return props.onNotice(delta > 0 ? 'You have no dots left: take one back first.' : 'There is no dot to take back.');
    writeOwnDots(props.ownDoc, next);
  };
  return (
    <section className="round vote" aria-labelledby="vote-question">
      <p className="eyebrow">Dot voting</p>
      <h2 id="vote-question" className="round-prompt">
        {capText(vote.question, viewCaps.message)}
      </h2>
      {vote.closed ? (
        <p className="round-state revealed" role="status">
          Voting is closed. The results are on the shared screen.
        </p>
      ) : (
        <p className="round-state" role="status" aria-live="polite">
          {left === 0 ? 'All your dots are placed' : `${left} of ${countOf(vote.votesPerPerson, 'dot')} left`}
          {dotsSent(own, vote.id) ? null : <span className="card-state">Sending…</span>}
        </p>
      )}
      {!vote.closed && <p className="round-privacy">Nobody sees where you put your dots until the facilitator closes the vote. You can change your mind until then.</p>}
      <ul className="cards">
        {vote.items.map((item) => {
          const n = dots[item.id] ?? 0;
          const text = capText(item.text, viewCaps.message);
          const short = capText(item.text, 40);
          return (
            <li key={item.id} className={`card vote-item${n > 0 ? ' mine' : ''}`}>
              <p className="card-text">{text}</p>
              <p className="card-meta">{capText(item.origin, viewCaps.name)}</p>
              <div className="dot-row">
                <button type="button" className="button small dot-button" disabled={!open || n === 0} aria-label={`Take a dot from: ${short}`} onClick={() => change(item.id, -1)}>
                  −
                </button>
                <span className={`dot-count${n === 0 ? ' none' : ''}`} role="img" aria-label={`Your dots on ${short}: ${n}`}>
                  {n === 0 ? 'No dots' : '●'.repeat(Math.min(n, 20))}
                </span>
                <button type="button" className="button small dot-button" disabled={!open || left === 0} aria-label={`Add a dot to: ${short}`} onClick={() => change(item.id, 1)}>
                  +
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
