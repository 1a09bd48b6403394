// The phone's private rating of the customer's emotion per journey stage: one stage at a time,
// seven full-width buttons from +3 (delighted) to −3 (very negative); a first rating moves on to
// the next stage, Back / Next go anywhere. The whole
// sheet goes into the phone's own document only; the room sees who has finished, never a rating,
// and after the facilitator closes the round the mean and the spread on the shared screen.
// Stage names come from the network: React text only, never HTML.
import { useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import { StepNav } from './step-nav';
import { emotionWords } from '../domain/journey';
import { capText } from '../domain/text';
import { changedEmotions, myEmotions, sheetSent, viewCaps, writeOwnEmotions, type EmotionsView, type OwnView } from './participant-model';

const SCALE = [3, 2, 1, 0, -1, -2, -3] as const;
const signedText = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0');

export function EmotionView(props: { round: EmotionsView; own: OwnView; ownDoc: Y.Doc; me: string; canWrite: boolean; onNotice: (message: string) => void }) {
  const { round, own } = props;
  const mine = myEmotions(own, round);
  const [index, setIndex] = useState(0);
  const headingId = useId();
  const total = round.stages.length;
  const stage = round.stages[Math.min(index, total - 1)];
  const open = props.canWrite && !round.closed;
  const rated = Object.keys(mine.ratings).length;
  const sent = sheetSent(own.emotions.get(round.id), own.emotionsStored, round.id);
  const finished = round.done.includes(props.me);
  const chosen = stage ? mine.ratings[stage.id] : undefined;

  const write = (change: Parameters<typeof changedEmotions>[2]): boolean => {
    if (!open) return false;
    const next = changedEmotions(own, round, change);
    if (!next) return false;
    writeOwnEmotions(props.ownDoc, next);
    return true;
  };
  /** A first rating of a stage moves on to the next one (one tap per stage); changing a rating stays. */
  const rate = (v: number) => {
    if (!stage) return;
    const first = chosen === undefined;
    if (!write({ stage: stage.id, rating: chosen === v ? null : v })) return;
    if (first && index < total - 1) setIndex(index + 1);
  };
  const finish = () => {
    if (rated < total) {
      props.onNotice('Rate every stage before you finish.');
      const first = round.stages.findIndex((s) => mine.ratings[s.id] === undefined);
      if (first >= 0) setIndex(first);
      return;
    }
    if (write({ done: true })) props.onNotice('Your ratings are sent. Only the facilitator’s app has them until the round closes.');
  };

  // A notice from before the round closed ("Your ratings are sent") no longer holds.
  const { onNotice } = props;
  useEffect(() => {
    if (round.closed) onNotice('');
  }, [round.closed, onNotice]);

  if (round.closed) {
    return (
      <section className="round" aria-labelledby={headingId}>
        <p className="eyebrow">Emotions</p>
        <h2 id={headingId} className="round-prompt">
          {capText(round.journeyName, viewCaps.name)}
        </h2>
        <p className="round-state revealed" role="status">
          The facilitator has closed the round: the room’s curve is on the shared screen.
        </p>
      </section>
    );
  }
  if (!stage) return <p className="waiting">This journey has no stages to rate.</p>;
  const name = capText(stage.name, viewCaps.name);
  return (
    <section className="round score" aria-labelledby={headingId}>
      <p className="eyebrow">How does the customer feel? · {capText(round.journeyName, viewCaps.name)}</p>
      <p className="round-state" role="status" aria-live="polite">
        {finished ? 'Finished. You can change a rating until the round closes.' : `${rated} of ${total} stages rated`}
        {sent ? null : <span className="card-state">Sending…</span>}
      </p>
      <div className="score-item">
        <p className="score-count">
          Stage {index + 1} of {total}
        </p>
        <h2 id={headingId} className="round-prompt">
          {name}
        </h2>
      </div>
      <div className="choices" role="group" aria-label={`How the customer feels at ${capText(stage.name, 60)}`}>
        {SCALE.map((v) => (
          <button key={v} type="button" className={`choice emotion-choice emotion-${v > 0 ? 'pos' : v < 0 ? 'neg' : 'zero'}`} aria-pressed={chosen === v} disabled={!open} onClick={() => rate(v)}>
            <span className="choice-label">{signedText(v)}</span>{' '}
            <span className="choice-meaning">{emotionWords(v).replace(/^[^,]*, /, '')}</span>
          </button>
        ))}
      </div>
      <p className="round-privacy">Only you and the facilitator’s app see your ratings. The room sees the average and the spread, without names, when the round closes.</p>
      <StepNav index={index} count={total} open={open} done={mine.done} go={setIndex} finish={finish} />
    </section>
  );
}
