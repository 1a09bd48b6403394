// Stage health: per lifecycle stage, its metrics' baseline against target (from the measurement
// plan) and its initiatives by status, with the weakest stage called out and the reason, so the
// room sees where resources should shift.
import { AlertTriangle, Target } from 'lucide-react';
import { formatValue, healthSignal, stageHealth, type Metric } from '../../domain/metric';
import { initiativeStatuses, laneName, stageLabels, statusLabels, type Initiative, type RoadmapSettings } from '../../domain/roadmap';
import { routeHref } from '../../state/router';
import { laneStyle } from '../../ui/lane-style';

export function StageHealthView({
  workshopId,
  initiatives,
  metrics,
  settings,
}: {
  workshopId: string;
  initiatives: readonly Initiative[];
  metrics: readonly Metric[];
  settings: RoadmapSettings;
}) {
  const stageOfLane = (laneId: string) => settings.lanes.find((l) => l.id === laneId)?.stage ?? null;
  const health = stageHealth(metrics, initiatives, stageOfLane);
  const signal = healthSignal(health);
  const maxActive = Math.max(1, ...health.map((h) => h.active));
  const planHref = routeHref({ name: 'artifact', workshopId, kind: 'measurement-plan' });
  return (
    <div className="sh">
      <section className={`sh-signal${signal.weakest ? '' : ' sh-signal-empty'}`} aria-labelledby="sh-signal-title" style={laneStyle({ stage: signal.weakest })}>
        <div className="sh-signal-icon" aria-hidden>
          {signal.weakest ? <AlertTriangle size={22} /> : <Target size={22} />}
        </div>
        <div>
          <h2 id="sh-signal-title">{signal.weakest ? `Shift resources to ${stageLabels[signal.weakest]}` : 'Where should resources go?'}</h2>
          <p>{signal.message}</p>
          {signal.unmeasured.length && signal.weakest ? (
            <p className="sh-signal-note">
              Not measured yet: {signal.unmeasured.map((s) => stageLabels[s]).join(', ')}. <a href={planHref}>Add baselines in the measurement plan</a>.
            </p>
          ) : null}
        </div>
      </section>
      <div className="sh-grid">
        {health.map((h) => {
          const lane = settings.lanes.find((l) => l.stage === h.stage);
          const weakest = signal.weakest === h.stage;
          return (
            <section
              key={h.stage}
              className={`sh-stage${weakest ? ' sh-stage-weakest' : ''}`}
              style={laneStyle({ stage: h.stage })}
              aria-labelledby={`sh-${h.stage}`}
            >
              <header className="sh-stage-head">
                <h3 id={`sh-${h.stage}`}>{lane ? laneName(lane) : stageLabels[h.stage]}</h3>
                {weakest ? <span className="sh-flag">Weakest stage</span> : null}
              </header>
              <div className="sh-gap">
                <span className="sh-gap-value">{h.gap === null ? '—' : `${Math.round((1 - h.gap) * 100)}%`}</span>
                <span className="sh-gap-label">{h.gap === null ? 'no baseline and target yet' : 'of the way to target (average)'}</span>
              </div>
              <h4 className="sh-sub">Key metrics</h4>
              {h.metrics.length === 0 ? (
                <p className="muted small">
                  None yet. <a href={planHref}>Add one</a>.
                </p>
              ) : (
                <ul className="sh-metrics">
                  {h.metrics.slice(0, 4).map(({ metric: m, gap }) => (
                    <li key={m.id}>
                      <div className="sh-metric-line">
                        <span className="sh-metric-name">{m.name}</span>
                        <span className="sh-metric-values">
                          {formatValue(m.baseline, m.unit)} <span aria-hidden>→</span>
                          <span className="visually-hidden"> to target </span> {formatValue(m.target, m.unit)}
                        </span>
                      </div>
                      <div
                        className="sh-bar"
                        role="img"
                        aria-label={gap === null ? `${m.name}: not measured yet` : `${m.name}: ${Math.round((1 - gap) * 100)}% of the way to target`}
                      >
                        <span style={{ width: `${gap === null ? 0 : Math.round((1 - gap) * 100)}%` }} />
                      </div>
                    </li>
                  ))}
                  {h.metrics.length > 4 ? <li className="muted small">and {h.metrics.length - 4} more</li> : null}
                </ul>
              )}
              <h4 className="sh-sub">Initiatives</h4>
              <dl className="sh-status">
                {initiativeStatuses.map((s) => (
                  <div key={s} className={`sh-status-item rm-status-${s}`}>
                    <dt>{statusLabels[s]}</dt>
                    <dd>{h.byStatus[s]}</dd>
                  </div>
                ))}
              </dl>
              <div className="sh-active">
                <div className="sh-active-bar" aria-hidden>
                  <span style={{ width: `${(h.active / maxActive) * 100}%` }} />
                </div>
                <p>
                  <strong>{h.active}</strong> active ({Math.round(h.share * 100)}% of all active work)
                </p>
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}
