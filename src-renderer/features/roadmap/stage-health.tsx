// Stage health: per lifecycle stage, how far its metrics have come from baseline to target (by
// their current values in the measurement plan) and its initiatives by status, with the weakest
// stage called out as a warning and the reason, so the room sees where resources should shift.
// A metric without a current value says so instead of showing a percentage.
import { AlertTriangle, Target } from 'lucide-react';
import { formatProgress, formatValue, healthSignal, stageHealth, type Metric, type MetricProgress, type StageHealth } from '../../domain/metric';
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
      <section className={`sh-signal${signal.weakest ? ' sh-signal-warning' : ' sh-signal-empty'}`} aria-labelledby="sh-signal-title">
        <div className="sh-signal-icon" aria-hidden>
          {signal.weakest ? <AlertTriangle size={22} /> : <Target size={22} />}
        </div>
        <div>
          <h2 id="sh-signal-title">{signal.weakest ? `Shift resources to ${stageLabels[signal.weakest]}` : 'Where should resources go?'}</h2>
          <p>{signal.message}</p>
          {signal.unmeasured.length && signal.weakest ? (
            <p className="sh-signal-note">
              No baseline and target yet: {signal.unmeasured.map((s) => stageLabels[s]).join(', ')}. <a href={planHref}>Add them in the measurement plan</a>.
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
              <StageProgress h={h} />
              <h4 className="sh-sub">Key metrics</h4>
              {h.metrics.length === 0 ? (
                <p className="muted small">
                  None yet. <a href={planHref}>Add one</a>.
                </p>
              ) : (
                <ul className="sh-metrics">
                  {h.metrics.slice(0, 4).map(({ metric: m, progress }) => (
                    <li key={m.id}>
                      <div className="sh-metric-line">
                        <span className="sh-metric-name">{m.name}</span>
                        <span className="sh-metric-values">
                          {formatValue(m.baseline, m.unit)} <span aria-hidden>→</span>
                          <span className="visually-hidden"> to target </span> {formatValue(m.target, m.unit)}
                        </span>
                      </div>
                      <div className="sh-bar" role="img" aria-label={`${m.name}: ${progressWords(m, progress)}`}>
                        <span style={{ width: `${progress.kind === 'measured' ? Math.round(Math.min(1, Math.max(0, progress.fraction)) * 100) : 0}%` }} />
                      </div>
                      <p className={`sh-metric-now${progress.kind === 'measured' ? '' : ' sh-metric-now-none'}`} aria-hidden>
                        {progressWords(m, progress)}
                      </p>
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

/** The stage's average progress, or why there is none: never a percentage made from baseline and target alone. */
function StageProgress({ h }: { h: StageHealth }) {
  if (h.progress !== null) {
    return (
      <div className="sh-gap">
        <span className="sh-gap-value">{formatProgress(h.progress)}</span>
        <span className="sh-gap-label">of the way from baseline to target (average)</span>
      </div>
    );
  }
  return (
    <div className="sh-gap">
      <span className="sh-gap-value sh-gap-none">—</span>
      <span className="sh-gap-label">{h.gap === null ? 'no baseline and target yet' : 'no current value yet'}</span>
    </div>
  );
}

function progressWords(m: Metric, p: MetricProgress): string {
  if (p.kind === 'no-target') return 'no baseline and target yet';
  if (p.kind === 'no-current') return 'no current value yet';
  const at = `now ${formatValue(m.current ?? '', m.unit)}${m.currentDate ? ` (${m.currentDate})` : ''}`;
  return `${at}, ${formatProgress(p.fraction)} of the way to target`;
}
