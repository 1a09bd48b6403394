// Results of one assessment run: score per dimension (with the change since the previous run),
// the radar chart with both runs, and the largest gaps. Pure props in; also shown on the projector.
import { TrendingDown, TrendingUp } from 'lucide-react';
import {
  compareScores, dimensionScores, formatPercent, overallScore, rankGaps, type AssessmentRun, type AssessmentSetDef,
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
