// Pick metrics from the library, per lifecycle stage; they are added in one command and stay
// editable afterwards. Metrics already in the plan are marked.
import { useState } from 'react';
import { Dialog } from '../../ui/dialog';
import { kindShort, metricFromLibrary, timingLabels, unitLabels, type Metric } from '../../domain/metric';
import { lifecycleStages, stageLabels, type LifecycleStage } from '../../domain/roadmap';
import { addMetrics, nextMetricOrder } from './measurement-actions';
import { metricLibrary, metricLibraryError } from './metric-library';

export function MetricLibraryDialog({ workshopId, existing, onClose }: { workshopId: string; existing: readonly Metric[]; onClose: () => void }) {
  const [stage, setStage] = useState<LifecycleStage | 'all'>('all');
  const [picked, setPicked] = useState<string[]>([]);
  const inPlan = new Set(existing.map((m) => m.libraryId).filter(Boolean));
  const shown = metricLibrary.filter((e) => stage === 'all' || e.stage === stage);

  const add = async () => {
    const order = await nextMetricOrder(workshopId);
    const now = Date.now();
    const metrics = metricLibrary.filter((e) => picked.includes(e.id)).map((e, k) => metricFromLibrary(e, workshopId, order + k, now));
    if (metrics.length === 0) return;
    if (await addMetrics(workshopId, metrics, metrics.length === 1 ? 'Add metric from library' : `Add ${metrics.length} metrics from library`)) onClose();
  };

  return (
    <Dialog
      open
      wide
      title="Metric library"
      description="Suggested metrics per lifecycle stage. Pick the ones to add; you can edit every field afterwards."
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={picked.length === 0} onClick={() => void add()}>
            {picked.length === 0 ? 'Add metrics' : `Add ${picked.length} metric${picked.length === 1 ? '' : 's'}`}
          </button>
        </>
      }
    >
      {metricLibraryError ? (
        <p className="field-error" role="alert">
          The metric library could not be read: {metricLibraryError}
        </p>
      ) : null}
      <div className="mp-lib-filter" role="group" aria-label="Show stage">
        {(['all', ...lifecycleStages] as const).map((s) => (
          <button key={s} type="button" className={`mp-filter-chip${stage === s ? ' mp-filter-chip-on' : ''}`} aria-pressed={stage === s} onClick={() => setStage(s)}>
            {s === 'all' ? 'All stages' : stageLabels[s]}
          </button>
        ))}
      </div>
      <ul className="mp-lib-list">
        {shown.map((e) => (
          <li key={e.id} className={`mp-lib-item mp-stage-${e.stage}`}>
            <label>
              <input
                type="checkbox"
                checked={picked.includes(e.id)}
                onChange={(ev) => setPicked(ev.target.checked ? [...picked, e.id] : picked.filter((x) => x !== e.id))}
              />
              <span className="mp-lib-text">
                <span className="mp-lib-name">
                  {e.name}
                  {inPlan.has(e.id) ? <span className="chip">In the plan</span> : null}
                </span>
                <span className="mp-lib-def">{e.definition}</span>
                <span className="mp-lib-meta">
                  {stageLabels[e.stage]} · {kindShort[e.kind]} · {timingLabels[e.timing]} · {unitLabels[e.unit]} · {e.direction === 'up' ? 'Higher is better' : 'Lower is better'}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
