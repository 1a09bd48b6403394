// Results of one assessment run: score per dimension (with the change since the previous run),
// the radar chart with both runs, the largest gaps, the readiness verdict, the value-steps
// checklist's scores and the warning signs' reach. Pure props in; also shown on the projector.
import { CheckCircle2, CircleDashed, TrendingDown, TrendingUp, XCircle } from 'lucide-react';
import {
  answerLabel, checklistScores, compareScores, dimensionScores, formatPercent, overallScore, rankGaps, runVerdict, signReach,
  verdictHeadline, type AssessmentRun, type AssessmentSetDef,
} from '../domain/assessment';
import { formatLocalDate, localDateString } from '../domain/ids';
import { RadarChart } from './charts/radar-chart';
import './assessment-results.css';

export function runDate(r: AssessmentRun): string {
  return formatLocalDate(localDateString(new Date(r.createdAt)));
}

export function hasRadar(set: AssessmentSetDef): boolean {
  return set.answerType !== 'checklist' && (set.areas?.length ?? set.questions.length) >= 3;
}

export function ResultsRadar({ set, run, previous, size = 440, fontSize = 13 }: { set: AssessmentSetDef; run: AssessmentRun; previous: AssessmentRun | null; size?: number; fontSize?: number }) {
  const now = dimensionScores(set, run);
  const before = previous ? dimensionScores(set, previous) : null;
  return (
    <RadarChart
      title={`${set.name}: score per dimension`}
      size={size}
      fontSize={fontSize}
      axes={now.map((d) => ({ id: d.id, label: d.label }))}
      series={[
        ...(before ? [{ id: 'before', label: `Earlier run, ${runDate(previous!)}`, values: before.map((d) => d.score), color: 'var(--color-ink-subtle)', dashed: true }] : []),
        { id: 'now', label: previous ? `This run, ${runDate(run)}` : runDate(run), values: now.map((d) => d.score), color: 'var(--color-primary)' },
      ]}
    />
  );
}

export function ScoreBars({ set, run, previous }: { set: AssessmentSetDef; run: AssessmentRun; previous: AssessmentRun | null }) {
  const scores = dimensionScores(set, run);
  const changes = previous ? compareScores(dimensionScores(set, previous), scores) : null;
  return (
    <table className="score-table">
      <caption className="visually-hidden">Score per dimension</caption>
      <thead>
        <tr>
          <th scope="col">{set.areas ? 'Area' : 'Dimension'}</th>
          <th scope="col" className="score-col">Score</th>
          {changes ? <th scope="col" className="score-col">Change</th> : null}
        </tr>
      </thead>
      <tbody>
        {scores.map((d, i) => {
          const delta = changes?.[i]?.delta ?? null;
          return (
            <tr key={d.id}>
              <th scope="row" className="score-label">
                {d.label}
                <span className="score-bar" aria-hidden>
                  {changes?.[i]?.before !== null && changes?.[i]?.before !== undefined ? <span className="score-bar-before" style={{ width: `${changes[i]!.before}%` }} /> : null}
                  <span className={`score-bar-fill${d.score !== null && d.score < 40 ? ' score-bar-low' : ''}`} style={{ width: `${d.score ?? 0}%` }} />
                </span>
              </th>
              <td className="score-col score-value">{formatPercent(d.score)}</td>
              {changes ? (
                <td className={`score-col score-delta${delta === null ? '' : delta > 0 ? ' score-delta-up' : delta < 0 ? ' score-delta-down' : ''}`}>
                  {delta === null ? '–' : (
                    <>
                      {delta > 0 ? <TrendingUp size={14} aria-hidden /> : delta < 0 ? <TrendingDown size={14} aria-hidden /> : null}
                      {delta > 0 ? '+' : ''}{Math.round(delta)} pts
                    </>
                  )}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Overall</th>
          <td className="score-col score-value">{formatPercent(overallScore(scores))}</td>
          {changes && previous ? (
            <td className="score-col score-delta">
              {(() => {
                const a = overallScore(scores);
                const b = overallScore(dimensionScores(set, previous));
                return a === null || b === null ? '–' : `${a - b > 0 ? '+' : ''}${Math.round(a - b)} pts`;
              })()}
            </td>
          ) : null}
        </tr>
      </tfoot>
    </table>
  );
}

export function GapList({ set, run, limit = 5 }: { set: AssessmentSetDef; run: AssessmentRun; limit?: number }) {
  const gaps = rankGaps(dimensionScores(set, run), run.targets, limit);
  if (gaps.length === 0) return <p className="muted">No gaps yet: score the questions (or set targets) to see where the organisation falls short.</p>;
  return (
    <ol className="gap-list">
      {gaps.map((g) => (
        <li key={g.id} className="gap-row">
          <span className="gap-label">{g.label}</span>
          <span className="gap-figures">
            {formatPercent(g.score)} {g.hasTarget ? `of ${formatPercent(g.target)} target` : ''}
          </span>
          <span className="gap-size">−{Math.round(g.gap)} pts</span>
        </li>
      ))}
    </ol>
  );
}

/** The readiness verdict: ready only on five honest yeses, naming the questions in the way. */
export function VerdictPanel({ set, run }: { set: AssessmentSetDef; run: AssessmentRun }) {
  const v = runVerdict(set, run);
  if (!v) return null;
  const Icon = v.status === 'ready' ? CheckCircle2 : v.status === 'not-ready' ? XCircle : CircleDashed;
  return (
    <section className={`verdict verdict-${v.status}`} aria-label="Verdict" role="status">
      <p className="verdict-headline">
        <Icon size={22} aria-hidden /> {verdictHeadline[v.status]}
      </p>
      {v.blocking.length ? (
        <>
          <p className="verdict-lead">Standing in the way (fix these before a roadmap is worth building):</p>
          <ul className="verdict-list">
            {v.blocking.map((q) => (
              <li key={q.id}>
                <strong>{q.short}</strong> <span className="verdict-answer">{answerLabel(q.answer!)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {v.unanswered.length ? (
        <p className="verdict-lead">
          Not answered yet: {v.unanswered.map((q) => q.short).join(', ')}.
        </p>
      ) : null}
    </section>
  );
}

/** The scores of the set's own checklist (the contrasts' value steps), one row per group. */
export function ChecklistResults({ set, run }: { set: AssessmentSetDef; run: AssessmentRun }) {
  if (!set.checklist) return null;
  const scores = checklistScores(set, run);
  return (
    <table className="score-table checklist-results">
      <caption className="results-subtitle checklist-caption">{set.checklist.title}</caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col" className="score-col">Answered</th>
          <th scope="col" className="score-col">Score</th>
        </tr>
      </thead>
      <tbody>
        {scores.map((d) => (
          <tr key={d.id}>
            <th scope="row" className="score-label">
              {d.label}
              <span className="score-bar" aria-hidden>
                <span className={`score-bar-fill${d.score !== null && d.score < 40 ? ' score-bar-low' : ''}`} style={{ width: `${d.score ?? 0}%` }} />
              </span>
            </th>
            <td className="score-col">{d.answered} of {d.total}</td>
            <td className="score-col score-value">{formatPercent(d.score)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How many ticked warning signs hold company-wide and how many locally. */
export function SignReachSummary({ set, run }: { set: AssessmentSetDef; run: AssessmentRun }) {
  if (!set.scopeMarking) return null;
  const r = signReach(set, run);
  if (r.company + r.local + r.unmarked === 0) return null;
  return (
    <p className="sign-reach" role="status">
      Signs seen: <strong>{r.company}</strong> company-wide · <strong>{r.local}</strong> local
      {r.unmarked ? <> · <strong>{r.unmarked}</strong> not marked yet</> : null}
    </p>
  );
}
