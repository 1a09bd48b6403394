// Horizon and lanes: quarters with real dates (start quarter and count) or now / next / later,
// lane names, and added lanes. Saving is one command on the workshop record.
import { useId, useState } from 'react';
import { Plus, Trash2 } from 'lucide-react';
import { Dialog } from '../../ui/dialog';
import {
  addLane,
  defaultBucketNames,
  horizonSummary,
  removeLane,
  renameLane,
  setLaneOwner,
  roadmapLimits,
  stageLabels,
  type RoadmapSettings,
} from '../../domain/roadmap';
import { textLength } from '../../domain/workshop';
import type { Workshop } from '../../domain/workshop';
import { updateRoadmapSettings } from './roadmap-actions';

export function RoadmapSettingsDialog({ workshop, settings, onClose }: { workshop: Workshop; settings: RoadmapSettings; onClose: () => void }) {
  const [s, setS] = useState<RoadmapSettings>(settings);
  const id = useId();
  const yearOk = Number.isInteger(s.startYear) && s.startYear >= roadmapLimits.minYear && s.startYear <= roadmapLimits.maxYear;
  const laneTooLong = s.lanes.find((l) => textLength(l.name) > roadmapLimits.laneName);
  const bucketTooLong = s.bucketNames.find((b) => textLength(b) > roadmapLimits.bucketName);
  const problem = !yearOk
    ? `Year must be between ${roadmapLimits.minYear} and ${roadmapLimits.maxYear}.`
    : laneTooLong
      ? `Lane names are limited to ${roadmapLimits.laneName} characters.`
      : bucketTooLong
        ? `Horizon names are limited to ${roadmapLimits.bucketName} characters.`
        : null;

  const save = async () => {
    if (problem) return;
    if (await updateRoadmapSettings(workshop, 'Change roadmap horizon and lanes', () => s)) onClose();
  };

  return (
    <Dialog
      open
      title="Horizon and lanes"
      description={`Now showing ${horizonSummary(s)}.`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={Boolean(problem)}>
            Apply
          </button>
        </>
      }
    >
      <fieldset className="rm-fieldset">
        <legend className="field-label">Time horizon</legend>
        <label className="rm-radio">
          <input type="radio" name={`${id}-h`} checked={s.horizon === 'quarters'} onChange={() => setS({ ...s, horizon: 'quarters' })} />
          Quarters with dates
        </label>
        <label className="rm-radio">
          <input type="radio" name={`${id}-h`} checked={s.horizon === 'buckets'} onChange={() => setS({ ...s, horizon: 'buckets' })} />
          Now, next, later
        </label>
      </fieldset>
      {s.horizon === 'quarters' ? (
        <div className="form-grid rm-form-grid-3">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-q`}>
              First quarter
            </label>
            <select id={`${id}-q`} className="field-input" value={s.startQuarter} onChange={(e) => setS({ ...s, startQuarter: Number(e.target.value) })}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  Q{q}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-y`}>
              Year
            </label>
            <input
              id={`${id}-y`}
              className="field-input"
              type="number"
              min={roadmapLimits.minYear}
              max={roadmapLimits.maxYear}
              value={Number.isFinite(s.startYear) ? s.startYear : ''}
              aria-invalid={yearOk ? undefined : true}
              onChange={(e) => setS({ ...s, startYear: e.target.value === '' ? Number.NaN : Math.trunc(Number(e.target.value)) })}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-n`}>
              Quarters shown
            </label>
            <select id={`${id}-n`} className="field-input" value={s.quarterCount} onChange={(e) => setS({ ...s, quarterCount: Number(e.target.value) })}>
              {Array.from({ length: roadmapLimits.quarterCount }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : (
        <div className="form-grid rm-form-grid-3">
          {s.bucketNames.map((b, i) => (
            <div className="field" key={i}>
              <label className="field-label" htmlFor={`${id}-b${i}`}>
                Column {i + 1} name
              </label>
              <input
                id={`${id}-b${i}`}
                className="field-input"
                value={b}
                placeholder={defaultBucketNames[i]}
                onChange={(e) => setS({ ...s, bucketNames: s.bucketNames.map((x, j) => (j === i ? e.target.value : x)) })}
              />
            </div>
          ))}
        </div>
      )}
      <fieldset className="rm-fieldset">
        <legend className="field-label">Lanes</legend>
        <ul className="rm-lane-list">
          {s.lanes.map((l) => (
            <li key={l.id}>
              <input
                className="field-input"
                aria-label={`Name of lane ${l.stage ? stageLabels[l.stage] : l.name || 'added lane'}`}
                value={l.name}
                placeholder={l.stage ? stageLabels[l.stage] : 'Lane name'}
                onChange={(e) => setS(renameLane(s, l.id, e.target.value))}
              />
              {l.stage ? (
                <>
                  <span className="chip">{stageLabels[l.stage]} stage</span>
                  <input
                    className="field-input rm-lane-owner"
                    aria-label={`Owner of the ${stageLabels[l.stage].toLocaleLowerCase()} stage`}
                    value={l.owner ?? ''}
                    maxLength={roadmapLimits.laneOwner}
                    placeholder="Stage owner, or a partnership of owners"
                    onChange={(e) => setS(setLaneOwner(s, l.id, e.target.value))}
                  />
                </>
              ) : (
                <button type="button" className="icon-button icon-button-danger" aria-label={`Remove lane ${l.name || 'added lane'}`} onClick={() => setS(removeLane(s, l.id))}>
                  <Trash2 size={16} aria-hidden />
                </button>
              )}
            </li>
          ))}
        </ul>
        <button type="button" className="btn btn-small" disabled={s.lanes.length >= roadmapLimits.lanes} onClick={() => setS(addLane(s, 'Enablers'))}>
          <Plus size={14} aria-hidden /> Add lane
        </button>
        <p className="field-hint">Initiatives in a removed lane move to the first lane.</p>
      </fieldset>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </Dialog>
  );
}
