// @vitest-environment node
// The measurement plan as the method lists it: ratings and reviews and campaign performance are
// in the library, and attitudinal metrics are labelled as what customers think and feel, never
// as their motivations (the "why" a persona records).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindLabels, kindShort, metricCsvRows, metricFromLibrary, parseMetricLibrary } from '../../../src-renderer/domain/metric';

const parsed = parseMetricLibrary(JSON.parse(readFileSync(join(__dirname, '../../../templates/library/metric-library.json'), 'utf8')));
if (!parsed.ok) throw new Error(parsed.error);
const lib = parsed.library;

describe('metric library', () => {
  it('offers ratings and reviews (attitudinal) and campaign performance (behavioural)', () => {
    const byId = new Map(lib.metrics.map((m) => [m.id, m]));
    expect(byId.get('ratings-and-reviews')).toMatchObject({ kind: 'attitudinal', stage: 'retention' });
    expect(byId.get('campaign-conversion-rate')).toMatchObject({ kind: 'behavioural', stage: 'acquisition' });
  });
});

describe('metric kinds', () => {
  it('labels attitudinal metrics as thoughts and feelings, not as "why"', () => {
    for (const label of [...Object.values(kindLabels), ...Object.values(kindShort)]) expect(label).not.toMatch(/why/i);
    expect(kindLabels.attitudinal).toBe('Attitudinal (what customers think and feel)');
    expect(kindLabels.behavioural).toBe('Behavioural (what customers do)');
  });

  it('the CSV export uses the same labels', () => {
    const nps = metricFromLibrary(lib.metrics.find((m) => m.id === 'nps')!, 'w', 0, 1);
    expect(metricCsvRows([nps], [])[0]).toContain('Attitudinal (what customers think and feel)');
  });
});
