// The portfolio: every segment on one bubble chart (current against potential value, area by
// size) beside a table ranking them by suggested priority.
import { fit, formatValue, priorityLabels, rankSegments, strategyLabels, suggestPriority, type Segment } from '../../domain/segment';
import { PortfolioChart, type PortfolioItem } from '../../ui/charts/portfolio-chart';
import { routeHref } from '../../state/router';

export function PortfolioView({ workshopId, segments, onOpen }: { workshopId: string; segments: readonly Segment[]; onOpen: (id: string) => void }) {
  const items: PortfolioItem[] = segments.map((s) => ({
    id: s.id,
    name: s.name.trim() || 'Untitled segment',
    color: s.color,
    size: s.size,
    current: s.currentValue,
    potential: s.potentialValue,
    priority: s.priority ?? suggestPriority(s, segments).priority,
    agreed: s.priority !== null,
    note: s.needs.length > 0 ? `Fit ${Math.round(fit(s).score * 100)} %` : undefined,
  }));
  const ranked = rankSegments(segments);
  return (
    <div className="portfolio">
      <section className="card portfolio-chart-card" aria-labelledby="portfolio-chart-title">
        <h2 id="portfolio-chart-title" className="card-title">
          Where the value is
        </h2>
        <PortfolioChart items={items} onOpen={onOpen} title="Segment portfolio: current value against potential value" />
        <ul className="portfolio-legend" aria-label="How to read the chart">
          <li>
            <span className="legend-bubble" aria-hidden /> Bubble area: number of customers
          </li>
          <li>
            <span className="legend-ring legend-ring-high" aria-hidden /> High priority
          </li>
          <li>
            <span className="legend-ring legend-ring-medium" aria-hidden /> Medium
          </li>
          <li>
            <span className="legend-ring legend-ring-low" aria-hidden /> Low
          </li>
          <li>
            <span className="legend-ring legend-ring-suggested" aria-hidden /> Dashed: suggested, not agreed
          </li>
        </ul>
      </section>
      <section className="card portfolio-rank" aria-labelledby="portfolio-rank-title">
        <h2 id="portfolio-rank-title" className="card-title">
          Ranked by suggested priority
        </h2>
        <table className="table rank-table" aria-labelledby="portfolio-rank-title">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Segment</th>
              <th scope="col">Suggested</th>
              <th scope="col">Agreed</th>
              <th scope="col">Strategy</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map(({ segment: s, suggestion }, i) => (
              <tr key={s.id}>
                <td className="rank-n">{i + 1}</td>
                <td>
                  <a
                    className="row-title rank-name"
                    href={routeHref({ name: 'artifact', workshopId, kind: 'segment-map', itemId: s.id })}
                    onClick={() => onOpen(s.id)}
                  >
                    <span className="seg-swatch" style={{ background: s.color }} aria-hidden />
                    {s.name.trim() || 'Untitled segment'}
                  </a>
                  <span className="rank-values">
                    {formatValue(s.currentValue)} → {formatValue(s.potentialValue)}
                  </span>
                </td>
                <td>
                  <span className={`prio prio-${suggestion.priority}`}>{priorityLabels[suggestion.priority]}</span>
                  <span className="rank-score" title="Suggestion score, 0–100">
                    {Math.round(suggestion.score * 100)}
                  </span>
                </td>
                <td>
                  {s.priority ? (
                    <span className={`prio prio-${s.priority}`}>{priorityLabels[s.priority]}</span>
                  ) : (
                    <span className="muted small">Not decided</span>
                  )}
                </td>
                <td>{s.strategy ? strategyLabels[s.strategy] : <span className="muted small">Not decided</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small rank-rule">
          The suggestion weighs potential value against the largest segment, room to grow (potential − current), and the
          important needs the offer leaves unanswered.
        </p>
      </section>
    </div>
  );
}
