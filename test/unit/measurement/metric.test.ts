// @vitest-environment node
// Measurement-plan rules: numbers as people type them, what is wrong with a row, the shipped
// metric library, stage health and the CSV rows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createMetric,
  healthSignal,
  metricCsvHeader,
  metricCsvRows,
  metricFromLibrary,
  metricGap,
  metricProgress,
  formatProgress,
  normalizeMetric,
  metricRowSchema,
  parseMetricLibrary,
  parseMetricNumber,
  stageHealth,
  validateMetric,
  type Metric,
} from '../../../src-renderer/domain/metric';
import { lifecycleStages, type LifecycleStage } from '../../../src-renderer/domain/roadmap';

const m = (patch: Partial<Metric> = {}, stage: LifecycleStage = 'retention'): Metric => ({ ...createMetric('w', stage, 0, 0), ...patch });
const messages = (x: Metric) => validateMetric(x).map((i) => `${i.severity}:${i.field}:${i.message}`);

describe('parseMetricNumber', () => {
  it.each([
    ['12.5', 12.5],
    ['12,5', 12.5],
    ['1,200', 1200],
    ['1 200', 1200],
    ['−3', -3],
    ['-3', -3],
    ['45%', 45],
    ['€80', 80],
    ['3.2k', 3200],
    ['  7 ', 7],
  ])('reads %s', (text, n) => expect(parseMetricNumber(text)).toBe(n));
  it.each(['', 'n/a', 'about 5', '12..5', '=1+1'])('refuses %s', (text) => expect(parseMetricNumber(text)).toBeNull());
});

describe('validateMetric', () => {
  it('accepts a complete, consistent metric', () => {
    expect(validateMetric(m({ name: 'Churn', unit: 'percent', direction: 'down', baseline: '4.1', target: '2.5', owner: 'Ana', status: 'committed' }))).toEqual([]);
  });

  it('flags a target on the wrong side of the baseline, for either direction', () => {
    expect(messages(m({ direction: 'up', baseline: '40', target: '30' }))).toContain('error:target:Target 30 is below the baseline 40, but higher is better.');
    expect(messages(m({ direction: 'down', baseline: '4', target: '6' }))).toContain('error:target:Target 6 is above the baseline 4, but lower is better.');
    expect(messages(m({ direction: 'up', baseline: '40', target: '40' }))[0]).toMatch(/^warning:target:/);
  });

  it('flags a percentage over 100 or below 0, but not a score like NPS below 0', () => {
    expect(messages(m({ unit: 'percent', baseline: '120' }))).toContain('error:baseline:Baseline 120% is outside 0–100%.');
    expect(messages(m({ unit: 'percent', target: '-5' }))).toContain('error:target:Target −5% is outside 0–100%.');
    expect(validateMetric(m({ unit: 'score', baseline: '-12', target: '10' }))).toEqual([]);
  });

  it('flags a missing owner only for committed or tracking metrics', () => {
    expect(messages(m({ status: 'proposed', owner: '' }))).toEqual([]);
    expect(messages(m({ status: 'committed', owner: ' ', baseline: '1', target: '2' }))).toEqual(['error:owner:A committed metric needs an owner.']);
    expect(messages(m({ status: 'tracking', owner: '', baseline: '1', target: '2' }))).toEqual(['error:owner:A tracking metric needs an owner.']);
  });

  it('flags non-numeric baselines and targets, and over-long text', () => {
    expect(messages(m({ baseline: 'unknown' }))).toContain('error:baseline:Baseline “unknown” is not a number.');
    expect(messages(m({ owner: 'x'.repeat(81) }))).toContain('error:owner:Owner is limited to 80 characters.');
    expect(messages(m({ name: '' }))).toContain('error:name:Give the metric a name.');
  });
});

describe('metric library', () => {
  const raw = JSON.parse(readFileSync(new URL('../../../templates/library/metric-library.json', import.meta.url), 'utf8')) as unknown;

  it('ships 20–30 valid metrics covering every stage, with unique ids', () => {
    const r = parseMetricLibrary(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.library.metrics.length).toBeGreaterThanOrEqual(20);
    expect(r.library.metrics.length).toBeLessThanOrEqual(30);
    for (const s of lifecycleStages) expect(r.library.metrics.filter((e) => e.stage === s).length).toBeGreaterThanOrEqual(4);
    const names = r.library.metrics.map((e) => e.name.toLowerCase()).join('|');
    for (const must of ['cost per acquisition', 'conversion rate', 'time to first value', 'churn', 'retention rate', 'net promoter', 'lifetime value', 'win-back rate']) {
      expect(names).toContain(must);
    }
  });

  it('refuses a broken library and names the field', () => {
    const lib = raw as { metrics: Record<string, unknown>[] };
    const bad = { ...lib, metrics: [{ ...lib.metrics[0], unit: 'furlongs' }] };
    const r = parseMetricLibrary(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^metric-library\.json: metrics\.0\.unit: /);
    const dup = parseMetricLibrary({ ...lib, metrics: [lib.metrics[0], lib.metrics[0]] });
    expect(dup.ok).toBe(false);
    expect(parseMetricLibrary({ ...lib, extra: 1 }).ok).toBe(false);
  });

  it('makes an editable metric from an entry', () => {
    const r = parseMetricLibrary(raw);
    if (!r.ok) throw new Error(r.error);
    const e = r.library.metrics.find((x) => x.id === 'churn-rate')!;
    const metric = metricFromLibrary(e, 'w1', 3, 99);
    expect(metric).toMatchObject({ workshopId: 'w1', name: 'Churn rate', stage: 'retention', direction: 'down', libraryId: 'churn-rate', order: 3, status: 'proposed' });
  });
});

describe('stage health', () => {
  it('measures the gap to target, 0 when met', () => {
    expect(metricGap({ baseline: '50', target: '100', direction: 'up' })).toBe(0.5);
    expect(metricGap({ baseline: '4', target: '2', direction: 'down' })).toBe(0.5);
    expect(metricGap({ baseline: '120', target: '100', direction: 'up' })).toBe(0);
    expect(metricGap({ baseline: '', target: '100', direction: 'up' })).toBeNull();
  });

  it('names the weakest stage, why, and where initiatives sit', () => {
    const metrics = [
      m({ name: 'Conversion rate', unit: 'percent', baseline: '9', target: '10' }, 'acquisition'),
      m({ name: 'Churn rate', unit: 'percent', direction: 'down', baseline: '6', target: '3' }, 'retention'),
    ];
    const initiatives = [
      { laneId: 'acquisition', status: 'planned' as const },
      { laneId: 'acquisition', status: 'in-progress' as const },
      { laneId: 'acquisition', status: 'planned' as const },
      { laneId: 'retention', status: 'planned' as const },
      { laneId: 'retention', status: 'dropped' as const },
    ];
    const health = stageHealth(metrics, initiatives, (l) => (lifecycleStages as readonly string[]).includes(l) ? (l as LifecycleStage) : null);
    const retention = health.find((h) => h.stage === 'retention')!;
    expect(retention.byStatus).toMatchObject({ planned: 1, dropped: 1 });
    expect(retention.active).toBe(1);
    expect(retention.share).toBe(0.25);
    const signal = healthSignal(health);
    expect(signal.weakest).toBe('retention');
    expect(signal.message).toContain('Churn rate is 6% against a target of 3%');
    expect(signal.message).toContain('shift resources towards Retention');
    expect(signal.unmeasured).toEqual(['activation', 'reactivation']);
    expect(healthSignal(stageHealth([], [], () => null)).weakest).toBeNull();
  });

  it('measures progress as (current − baseline) ÷ (target − baseline), lower-is-better too', () => {
    // Revenue retention 96 → 103 used to show 93% (baseline ÷ target) with nothing measured.
    expect(metricProgress({ baseline: '96', target: '103', current: '' })).toEqual({ kind: 'no-current' });
    expect(metricProgress({ baseline: '96', target: '103', current: '99.5' })).toEqual({ kind: 'measured', fraction: 0.5 });
    expect(metricProgress({ baseline: '96', target: '103', current: '96' })).toEqual({ kind: 'measured', fraction: 0 });
    // Churn 6% → 3%, now 5%: a third of the way down.
    const churn = metricProgress({ baseline: '6', target: '3', current: '5' });
    expect(churn.kind === 'measured' && churn.fraction).toBeCloseTo(1 / 3, 6);
    // Moving the wrong way is negative; beyond target is above 100%.
    expect(metricProgress({ baseline: '6', target: '3', current: '7.5' })).toEqual({ kind: 'measured', fraction: -0.5 });
    expect(metricProgress({ baseline: '10', target: '20', current: '25' })).toEqual({ kind: 'measured', fraction: 1.5 });
    expect(metricProgress({ baseline: '', target: '20', current: '25' })).toEqual({ kind: 'no-target' });
    expect(metricProgress({ baseline: '20', target: '20', current: '25' })).toEqual({ kind: 'no-target' });
    expect(metricProgress({ baseline: '2.400.000', target: '3.000.000', current: '2.700.000' }, 'de-DE')).toEqual({ kind: 'measured', fraction: 0.5 });
    expect(formatProgress(1 / 3, 'en-US')).toBe('33%');
    expect(formatProgress(-0.5, 'en-US')).toBe('−50%');
  });

  it('averages progress per stage, says when there is no current value, and picks the weakest by it', () => {
    const metrics = [
      m({ name: 'Revenue retention', unit: 'percent', baseline: '96', target: '103', current: '' }, 'retention'),
      m({ name: 'Conversion rate', unit: 'percent', baseline: '9', target: '10', current: '' }, 'acquisition'),
    ];
    let health = stageHealth(metrics, [], () => null);
    const retention = () => health.find((h) => h.stage === 'retention')!;
    expect(retention().progress).toBeNull();
    expect(retention().metrics[0]!.progress).toEqual({ kind: 'no-current' });
    // Without current values the signal falls back to how far targets are from baselines, and says so.
    expect(healthSignal(health).message).toContain('(no current values yet)');

    const measured = [
      m({ name: 'Revenue retention', unit: 'percent', baseline: '96', target: '100', current: '99', currentDate: '2026-11-01' }, 'retention'),
      m({ name: 'Churn rate', unit: 'percent', direction: 'down', baseline: '6', target: '3', current: '5', currentDate: '2026-11-01' }, 'retention'),
      m({ name: 'Conversion rate', unit: 'percent', baseline: '9', target: '10', current: '9.8' }, 'acquisition'),
    ];
    health = stageHealth(measured, [], () => null);
    expect(retention().progress).toBeCloseTo((0.75 + 1 / 3) / 2, 6);
    expect(health.find((h) => h.stage === 'acquisition')!.progress).toBeCloseTo(0.8, 6);
    const signal = healthSignal(health);
    expect(signal.weakest).toBe('retention');
    expect(signal.message).toContain('Churn rate is at 5%, 33% of the way from 6% to 3%');
  });
});

describe('current value', () => {
  it('is optional in stored rows, normalised to empty, validated like the baseline, and wants a date', () => {
    const stored = { id: 'm1', workshopId: 'w', name: 'NPS', baseline: '10', target: '30' };
    expect(normalizeMetric(stored)).toMatchObject({ current: '', currentDate: '' });
    expect(metricRowSchema.safeParse({ ...stored, current: '22', currentDate: '2026-11-30' }).success).toBe(true);
    expect(metricRowSchema.safeParse({ ...stored, currentDate: '2026-02-30' }).success).toBe(false);
    expect(messages(m({ name: 'NPS', unit: 'percent', current: '120', currentDate: '2026-11-30' }))).toContain('error:current:Current value 120% is outside 0–100%.');
    expect(messages(m({ name: 'NPS', current: 'lots' }))).toContain('error:current:Current value “lots” is not a number.');
    expect(messages(m({ name: 'NPS', current: '12' }))).toContain('warning:currentDate:Say when the current value was measured.');
  });
});

describe('CSV rows', () => {
  it('has one row per metric, in stage order, with the initiative title and errors', () => {
    const rows = metricCsvRows(
      [m({ name: 'NPS', unit: 'score', initiativeId: 'i1', baseline: '10', target: '5' }, 'retention'), m({ name: 'CPA', unit: 'currency' }, 'acquisition')],
      [{ id: 'i1', title: 'Loyalty club' }],
    );
    expect(rows.map((r) => r[2])).toEqual(['CPA', 'NPS']);
    expect(rows[1]![1]).toBe('Loyalty club');
    expect(rows[1]![16]).toContain('Target 5 is below the baseline 10');
    expect(rows[0]!.length).toBe(metricCsvHeader.length);
  });
});
