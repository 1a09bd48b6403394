// The spread of an assessment scored on phones, once revealed: per item how many chose each
// answer, min / median / max, how many did not know, and the evidence people gave (anonymous,
// plain text), the largest disagreement first so the room discusses those before agreeing a
// score. Pure props in; shown in the assessment editor and on the projector.
import { answerLabel, type AssessmentSetDef } from '../domain/assessment';
import { scoringSpread, showScore, type ItemSpread, type ScoringRound } from '../domain/phone-rounds';
import './score-spread.css';

/** Wide enough to discuss: at least two steps apart on a 1–5 scale, or yes and no in one room. */
const wide = (s: ItemSpread) => s.min !== null && s.max !== null && s.max - s.min >= 0.5;

export function ScoreSpreadList({ set, round, big = false, limit }: { set: AssessmentSetDef; round: Pick<ScoringRound, 'sheets'>; big?: boolean; limit?: number }) {
  const items = scoringSpread(set, round).slice(0, limit);
  const type = set.answerType;
  const byId = new Map(set.questions.map((q) => [q.id, q]));
  return (
    <ol className={`score-spread${big ? ' score-spread-big' : ''}`} aria-label="Spread per item, largest disagreement first">
      {items.map((s) => {
        const q = byId.get(s.questionId)!;
        const most = Math.max(1, ...s.counts.map((c) => c.n), s.unknown);
        const figures =
          s.n === 0 ? 'no scores' : `min ${showScore(type, s.min!)} · median ${showScore(type, s.median!)} · max ${showScore(type, s.max!)}`;
        const label = `${q.short}: ${s.n} ${s.n === 1 ? 'score' : 'scores'}, ${figures}${s.unknown ? `, ${s.unknown} don’t know` : ''}${wide(s) ? ', wide spread' : ''}`;
        return (
          <li key={s.questionId} className={`spread-item${wide(s) ? ' spread-item-wide' : ''}`} aria-label={label}>
            <div className="spread-head">
              <span className="spread-name">{q.short}</span>
              {wide(s) ? <span className="spread-tag">Discuss</span> : null}
            </div>
            <div className="spread-body">
              <ol className="dist" aria-hidden>
                {s.counts.map((c) => (
                  <li key={String(c.value)} className="dist-col">
                    <span className="dist-n">{c.n || ''}</span>
                    <span className="dist-track">
                      <span className="dist-bar" style={{ height: `${(c.n / most) * 100}%` }} />
                    </span>
                    <span className="dist-label">{answerLabel(c.value)}</span>
                  </li>
                ))}
                <li className="dist-col dist-unknown">
                  <span className="dist-n">{s.unknown || ''}</span>
                  <span className="dist-track">
                    <span className="dist-bar" style={{ height: `${(s.unknown / most) * 100}%` }} />
                  </span>
                  <span className="dist-label">?</span>
                </li>
              </ol>
              <p className="spread-figures" aria-hidden>
                {figures}
                {s.unknown ? ` · ${s.unknown} don’t know` : ''}
              </p>
            </div>
            {s.notes.length ? (
              <ul className="spread-notes" aria-label={`Evidence for ${q.short}`}>
                {s.notes.slice(0, big ? 4 : 12).map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
