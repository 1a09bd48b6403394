// The spread of individual answers to one assessment question: min, max, standard deviation and
// a dot per participant. Pure props in; shown in the assessment editor and on the projector.
import { spread, type AnswerType } from '../domain/assessment';
import './assessment-results.css';

/** Min, max and standard deviation with a dot per participant on a 0–100 strip. */
export function SpreadView({ type, scores, label }: { type: AnswerType; scores: readonly number[]; label: string }) {
  const sp = spread(scores);
  if (!sp) return null;
  const show = (v: number) => (type === 'scale-5' ? (1 + v * 4).toFixed(v * 4 % 1 === 0 ? 0 : 1) : `${Math.round(v * 100)}%`);
  const sd = type === 'scale-5' ? (sp.stdev * 4).toFixed(1) : `${Math.round(sp.stdev * 100)} pts`;
  const wide = type === 'scale-5' ? sp.stdev * 4 >= 1 : sp.stdev >= 0.3;
  // Stack dots that land on the same value.
  const seen = new Map<number, number>();
  return (
    <div className={`spread${wide ? ' spread-wide' : ''}`} aria-label={`Spread for ${label}: ${sp.n} answers, min ${show(sp.min)}, max ${show(sp.max)}, standard deviation ${sd}`} role="group">
      <svg className="spread-strip" viewBox="0 0 200 28" width="200" height="28" aria-hidden>
        <line x1="8" y1="20" x2="192" y2="20" stroke="var(--color-border-strong)" strokeWidth="2" />
        {scores.map((v, i) => {
          const k = Math.round(v * 100);
          const n = seen.get(k) ?? 0;
          seen.set(k, n + 1);
          return <circle key={i} cx={8 + v * 184} cy={20 - n * 7} r="4" fill={wide ? 'var(--color-warning)' : 'var(--color-primary)'} />;
        })}
      </svg>
      <span className="spread-figures">
        min {show(sp.min)} · max {show(sp.max)} · σ {sd}
        {wide ? <strong className="spread-flag"> Wide spread: discuss</strong> : null}
      </span>
    </div>
  );
}
