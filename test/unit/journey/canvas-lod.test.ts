// @vitest-environment node
// The canvas's level of detail: where text stops being drawn, the stepped far-view scale that
// keeps selection and lines a steady width on screen, and when React Flow mounts only visible cards.
import { describe, expect, it } from 'vitest';
import { lodAt, lodKey, parseLodKey, READABLE_PX, visibleOnly } from '../../../src-renderer/features/journey/canvas-lod';
import { normalLayout } from '../../../src-renderer/domain/journey-layout';

describe('lodAt', () => {
  it('draws text while it is at least READABLE_PX tall on screen', () => {
    const f = normalLayout.fontSize;
    expect(lodAt(1, f)).toEqual({ lod: 'near', px: 1 });
    expect(lodAt(READABLE_PX / f, f).lod).toBe('near');
    expect(lodAt(READABLE_PX / f - 0.001, f).lod).toBe('far');
  });

  it('the opening view of a journey (fit to width, about 0.65) shows text; zoom to fit of 2,000 cards (about 0.06) does not', () => {
    expect(lodAt(0.65, normalLayout.fontSize).lod).toBe('near');
    expect(lodAt(0.06, normalLayout.fontSize).lod).toBe('far');
  });

  it('big-screen type (large font) stays readable further out', () => {
    expect(lodAt(0.2, 15).lod).toBe('far');
    expect(lodAt(0.2, 60).lod).toBe('near');
  });

  it('steps the far scale by half octaves, never below the true flow px per screen px', () => {
    for (const zoom of [0.39, 0.3, 0.2, 0.125, 0.1, 0.063, 0.05]) {
      const { px } = lodAt(zoom, normalLayout.fontSize);
      expect(px).toBeGreaterThanOrEqual(1 / zoom - 0.01);
      expect(px).toBeLessThanOrEqual((1 / zoom) * Math.SQRT2 + 0.01);
    }
    expect(lodAt(0.125, 15).px).toBe(8);
    expect(lodAt(0.06, 15).px).toBe(22.63);
  });

  it('keeps one key across a zoom range, so a store selector re-renders only on a step', () => {
    expect(lodKey(0.07, 15)).toBe(lodKey(0.065, 15));
    expect(lodKey(0.9, 15)).toBe(lodKey(0.5, 15));
    expect(lodKey(0.07, 15)).not.toBe(lodKey(0.2, 15));
    expect(parseLodKey(lodKey(0.06, 15))).toEqual(lodAt(0.06, 15));
    expect(parseLodKey(lodKey(1, 15))).toEqual({ lod: 'near', px: 1 });
  });

  it('treats a zoom of zero or NaN (not yet measured) as near', () => {
    expect(lodAt(0, 15).lod).toBe('near');
    expect(lodAt(Number.NaN, 15).lod).toBe('near');
  });
});

describe('visibleOnly', () => {
  it('culls to the screen only in the near view of a large journey', () => {
    expect(visibleOnly('near', 2000, 400)).toBe(true);
    expect(visibleOnly('near', 399, 400)).toBe(false);
    expect(visibleOnly('far', 2000, 400)).toBe(false);
  });
});
