// The measurement plan: per lifecycle stage, a table of metrics edited in place (each change
// one command; typing merges), with what is wrong shown under each row; metrics from the
// library or by hand; export as CSV.
import { type KeyboardEvent } from 'react';
import { useState } from 'react';
import { AlertCircle, BookOpen, Download, Plus, Trash2 } from 'lucide-react';
import type { ArtifactEditorProps } from '../shared/artifact-editor-props';
import { CommitField } from '../../ui/commit-field';
import {
  cadenceLabels,
  createMetric,
  formatProgress,
  isCommitted,
  metricProgress,
  metricCadences,
  metricDirections,
  kindLabels,
  metricKinds,
  metricStatuses,
  metricStatusLabels,
  metricTextLabels,
  metricTextMax,
  metricTimings,
  metricUnits,
  sortMetrics,
  timingLabels,
  unitLabels,
  validateMetric,
  type Metric,
  type MetricTextField,
} from '../../domain/metric';
import { lifecycleStages, readRoadmapSettings, laneName, stageLabels, stagePurposes, type Initiative, type LifecycleStage } from '../../domain/roadmap';
import { isoOf } from '../../domain/roadmap-dates';
import { useInitiatives, useMetrics } from '../shared/roadmap-reads';
import { laneStyle } from '../../ui/lane-style';
import { addMetrics, deleteMetric, exportMeasurementCsv, nextMetricOrder, updateMetric } from './measurement-actions';
import { MetricLibraryDialog } from './metric-library-dialog';
import './measurement.css';

export function MeasurementScreen({ workshop }: ArtifactEditorProps) {
  const metrics = useMetrics(workshop.id);
  const initiatives = useInitiatives(workshop.id);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const settings = readRoadmapSettings(workshop);
  if (!metrics || !initiatives) return <main className="page mp-page" aria-busy="true" />;

  const sorted = sortMetrics(metrics);
  const issues = new Map(sorted.map((m) => [m.id, validateMetric(m)]));
  const errorCount = [...issues.values()].reduce((n, list) => n + list.filter((i) => i.severity === 'error').length, 0);
  const committed = sorted.filter(isCommitted).length;

  const addByHand = async (stage: LifecycleStage) => {
    const m = createMetric(workshop.id, stage, await nextMetricOrder(workshop.id), Date.now());
    if (await addMetrics(workshop.id, [m], 'Add metric')) {
      // The live query shows the new row a moment later; focus its name as soon as it is there.
      const focusName = (tries: number) => {
        const input = document.querySelector<HTMLInputElement>(`[data-metric-id="${m.id}"] input`);
        if (input) input.focus();
        else if (tries > 0) setTimeout(() => focusName(tries - 1), 50);
      };
      focusName(40);
    }
  };

  return (
    <main className="page mp-page" aria-labelledby="mp-title">
      <header className="page-header">
        <div>
          <p className="eyebrow">{workshop.client || 'Measurement plan'}</p>
          <h1 id="mp-title">Measurement plan</h1>
          <p className="page-subtitle">
            {sorted.length} metric{sorted.length === 1 ? '' : 's'} · {committed} committed or tracking ·{' '}
            {errorCount === 0 ? 'no problems' : `${errorCount} problem${errorCount === 1 ? '' : 's'} to fix`}
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => setLibraryOpen(true)}>
            <BookOpen size={16} aria-hidden /> Add from library
          </button>
          <button type="button" className="btn btn-primary" disabled={sorted.length === 0} onClick={() => void exportMeasurementCsv(workshop, sorted, initiatives)}>
            <Download size={16} aria-hidden /> Export CSV
          </button>
        </div>
      </header>
      <p className="mp-legend">
        <strong>What</strong> = behavioural (what customers do) · <strong>Why</strong> = attitudinal (why they do it) · <strong>Leading</strong> signals
        move early, <strong>lagging</strong> ones confirm. Committed and tracking metrics need an owner.
      </p>
      {lifecycleStages.map((stage) => {
        const rows = sorted.filter((m) => m.stage === stage);
        const lane = settings.lanes.find((l) => l.stage === stage);
        const stageInitiatives = initiatives.filter((i) => settings.lanes.find((l) => l.id === i.laneId)?.stage === stage);
        return (
          <section key={stage} className="mp-stage" style={laneStyle({ stage })} aria-labelledby={`mp-${stage}`}>
            <header className="mp-stage-head">
              <div>
                <h2 id={`mp-${stage}`}>{lane ? laneName(lane) : stageLabels[stage]}</h2>
                <p className="mp-stage-purpose">
                  {stagePurposes[stage]} · {rows.length} metric{rows.length === 1 ? '' : 's'}
                </p>
              </div>
              <button type="button" className="btn btn-small" onClick={() => void addByHand(stage)} aria-label={`Add metric to ${stageLabels[stage]}`}>
                <Plus size={14} aria-hidden /> Add metric
              </button>
            </header>
            {rows.length === 0 ? (
              <p className="mp-empty">No metrics for this stage yet. Pick one behavioural and one attitudinal metric from the library, or add one by hand.</p>
            ) : (
              <MetricTable rows={rows} issues={issues} initiatives={initiatives} stageInitiatives={stageInitiatives} stage={stage} />
            )}
          </section>
        );
      })}
      {libraryOpen ? <MetricLibraryDialog workshopId={workshop.id} existing={sorted} onClose={() => setLibraryOpen(false)} /> : null}
    </main>
  );
}

const columns = ['Metric', 'Type', 'Unit', 'Baseline', 'Target', 'Now', 'Good when', 'Owner and source', 'Cadence', 'Status', ''] as const;
/** Short option texts for narrow cells (the column header and legend say the rest). */
const kindOptions = kindLabels;
const directionOptions = { up: 'Higher ↑', down: 'Lower ↓' } as const;

/** A current value typed without a date is dated today (the day it was read, unless corrected). */
function withDate(m: Metric, field: MetricTextField, v: string): Partial<Metric> {
  if (field !== 'current' || !v.trim() || m.currentDate) return { [field]: v };
  const d = new Date();
  return { current: v, currentDate: isoOf(d.getFullYear(), d.getMonth() + 1, d.getDate()) };
}

/** How far the metric has come, or that it has no current value yet: never a made-up percentage. */
function ProgressNote({ m }: { m: Metric }) {
  const p = metricProgress(m);
  if (p.kind === 'no-target') return null;
  return (
    <p className={`mp-progress${p.kind === 'measured' ? '' : ' mp-progress-none'}`}>
      {p.kind === 'measured' ? `${formatProgress(p.fraction)} of the way` : 'no current value yet'}
    </p>
  );
}

/** Arrow up/down and Enter move to the same column of the previous/next metric (as in a spreadsheet). */
function onGridKey(e: KeyboardEvent<HTMLTableSectionElement>) {
  const el = e.target as HTMLElement;
  if (!(el instanceof HTMLInputElement) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const dir = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' || e.key === 'Enter' ? 1 : 0;
  if (!dir) return;
  const cell = el.closest('td');
  const row = el.closest('tr');
  if (!cell || !row) return;
  const inCell = Array.from(cell.querySelectorAll('input')).indexOf(el);
  const rows = Array.from(row.parentElement!.querySelectorAll<HTMLTableRowElement>('tr.mp-row'));
  const target = rows[rows.indexOf(row) + dir];
  if (!target) return;
  const targetCell = target.querySelector(`td[data-col="${cell.dataset.col}"]`);
  const input = targetCell?.querySelectorAll('input')[Math.max(0, inCell)];
  if (!input) return;
  e.preventDefault();
  input.focus();
  input.select();
}

function MetricTable({
  rows,
  issues,
  initiatives,
  stageInitiatives,
  stage,
}: {
  rows: readonly Metric[];
  issues: ReadonlyMap<string, ReturnType<typeof validateMetric>>;
  initiatives: readonly Initiative[];
  stageInitiatives: readonly Initiative[];
  stage: LifecycleStage;
}) {
  return (
    <table className="table mp-table" aria-label={`${stageLabels[stage]} metrics`}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={`mp-col-${i}`}>
              {c || <span className="visually-hidden">Actions</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody onKeyDown={onGridKey}>
        {rows.map((m, n) => (
          <MetricRow key={m.id} m={m} n={n + 1} issues={issues.get(m.id) ?? []} initiatives={initiatives} stageInitiatives={stageInitiatives} />
        ))}
      </tbody>
    </table>
  );
}

function MetricRow({
  m,
  n,
  issues,
  initiatives,
  stageInitiatives,
}: {
  m: Metric;
  n: number;
  issues: ReturnType<typeof validateMetric>;
  initiatives: readonly Initiative[];
  stageInitiatives: readonly Initiative[];
}) {
  const who = m.name.trim() || `metric ${n}`;
  const text = (field: MetricTextField, opts: { multiline?: boolean; placeholder?: string; label?: string } = {}) => (
    <CommitField
      label={opts.label ?? `${metricTextLabels[field]} of ${who}`}
      hideLabel
      value={m[field] ?? ''}
      maxLength={metricTextMax(field)}
      multiline={opts.multiline}
      rows={2}
      placeholder={opts.placeholder}
      className={`mp-field mp-field-${field}${issues.some((i) => i.field === field && i.severity === 'error') ? ' mp-field-bad' : ''}`}
      onCommit={(v) => updateMetric(m, withDate(m, field, v), `Edit ${metricTextLabels[field].toLowerCase()}`, `metric:${m.id}:${field}`)}
    />
  );
  const select = <K extends 'kind' | 'timing' | 'unit' | 'direction' | 'cadence' | 'status'>(
    field: K,
    options: readonly Metric[K][],
    labels: Readonly<Record<Metric[K], string>>,
    label: string,
  ) => (
    <select
      className="mp-select"
      aria-label={`${label} of ${who}`}
      value={m[field]}
      onChange={(e) => void updateMetric(m, { [field]: e.target.value } as Partial<Metric>, `Change ${label.toLowerCase()}`)}
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {labels[o]}
        </option>
      ))}
    </select>
  );
  const linked = m.initiativeId ? initiatives.find((i) => i.id === m.initiativeId) : undefined;
  const forOptions = linked && !stageInitiatives.includes(linked) ? [...stageInitiatives, linked] : stageInitiatives;
  const errors = issues.filter((i) => i.severity === 'error');
  return (
    <>
      <tr className={`mp-row${errors.length ? ' mp-row-bad' : ''}`} data-metric-id={m.id}>
        <td data-col="metric" className="mp-cell-metric">
          {text('name', { label: `Name of metric ${n} in ${stageLabels[m.stage]}` })}
          {text('definition', { multiline: true, placeholder: 'Definition or formula' })}
          <label className="mp-for">
            <span>For</span>
            <select
              className="mp-select mp-select-inline"
              aria-label={`Initiative measured by ${who}`}
              value={m.initiativeId ?? ''}
              onChange={(e) => void updateMetric(m, { initiativeId: e.target.value || null }, 'Change initiative')}
            >
              <option value="">The {stageLabels[m.stage].toLowerCase()} stage as a whole</option>
              {forOptions.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title || 'Untitled initiative'}
                </option>
              ))}
            </select>
          </label>
        </td>
        <td data-col="type" className="mp-cell-stack">
          {select('kind', metricKinds, kindOptions, 'Kind')}
          {select('timing', metricTimings, timingLabels, 'Leading or lagging')}
        </td>
        <td data-col="unit">{select('unit', metricUnits, unitLabels, 'Unit')}</td>
        <td data-col="baseline" className="mp-cell-num">
          {text('baseline', { placeholder: '?' })}
        </td>
        <td data-col="target" className="mp-cell-num">
          {text('target', { placeholder: '?' })}
        </td>
        <td data-col="current" className="mp-cell-num mp-cell-current">
          {text('current', { placeholder: '?' })}
          <input
            type="date"
            className="mp-date"
            aria-label={`Date of current value of ${who}`}
            value={m.currentDate ?? ''}
            onChange={(e) => void updateMetric(m, { currentDate: e.target.value }, 'Change date of current value', `metric:${m.id}:currentDate`)}
          />
          <ProgressNote m={m} />
        </td>
        <td data-col="direction">{select('direction', metricDirections, directionOptions, 'Direction')}</td>
        <td data-col="owner" className="mp-cell-stack">
          {text('owner', { placeholder: 'Owner' })}
          {text('source', { placeholder: 'Data source' })}
        </td>
        <td data-col="cadence">{select('cadence', metricCadences, cadenceLabels, 'Cadence')}</td>
        <td data-col="status">
          <span className={`mp-status mp-status-${m.status}`}>{select('status', metricStatuses, metricStatusLabels, 'Status')}</span>
        </td>
        <td className="row-actions">
          <button type="button" className="icon-button icon-button-danger" aria-label={`Delete ${who}`} onClick={() => void deleteMetric(m)}>
            <Trash2 size={16} aria-hidden />
          </button>
        </td>
      </tr>
      {issues.length > 0 ? (
        <tr className="mp-issues-row">
          <td colSpan={columns.length}>
            <ul className="mp-issues" aria-label={`Problems with ${who}`}>
              {issues.map((i, k) => (
                <li key={k} className={`mp-issue mp-issue-${i.severity}`}>
                  <AlertCircle size={14} aria-hidden />
                  <span className="visually-hidden">{i.severity === 'error' ? 'Problem: ' : 'Note: '}</span>
                  {i.message}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ) : null}
    </>
  );
}
