// Promote to roadmap starts from the lifecycle stage the card's journey stage serves.
import { describe, expect, it } from 'vitest';
import { lifecycleStageOf } from '../../../src-renderer/domain/roadmap';

describe('the lifecycle stage a journey stage serves', () => {
  it('reads the default stages and common names in four languages', () => {
    const defaults = ['Aware', 'Consider', 'Buy', 'Onboard', 'Use', 'Renew or leave'];
    expect(defaults.map((n, i) => lifecycleStageOf(n, i, defaults.length))).toEqual(['acquisition', 'acquisition', 'acquisition', 'activation', 'retention', 'retention']);
    expect(lifecycleStageOf('Win back', 6, 7)).toBe('reactivation');
    expect(lifecycleStageOf('Kündigung', 5, 6)).toBe('reactivation');
    expect(lifecycleStageOf('Einrichtung', 2, 6)).toBe('activation');
    expect(lifecycleStageOf('Découverte', 0, 6)).toBe('acquisition');
  });

  it('falls back on where the stage sits when its name says nothing', () => {
    expect(lifecycleStageOf('Phase A', 0, 5)).toBe('acquisition');
    expect(lifecycleStageOf('Phase C', 2, 5)).toBe('retention');
    expect(lifecycleStageOf('Phase B', 1, 5)).toBe('acquisition');
    expect(lifecycleStageOf('', 0, 1)).toBe('acquisition');
  });
});
