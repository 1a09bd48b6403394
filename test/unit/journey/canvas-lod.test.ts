// @vitest-environment node
// The canvas's level of detail: where text stops being drawn, the stepped far-view scale that
// keeps selection and lines a steady width on screen, when React Flow mounts only visible cards,
// Zoom to fit, and zooming in to edit from the far view.
import { describe, expect, it } from 'vitest';
import { EDIT_PX, FAR_LABEL_LEFT, FAR_LABEL_TOP, fitViewport, lodAt, lodKey, MIN_ZOOM, parseLodKey, READABLE_PX, nextCulling, zoomToRead } from '../../../src-renderer/features/journey/canvas-lod';
import { normalLayout } from '../../../src-renderer/domain/journey-layout';

describe('lodAt', () => {
  it('draws text while it is at least READABLE_PX tall on screen', () => {
    const f = normalLayout.fontSize;
    expect(lodAt(1, f)).toEqual({ lod: 'near', band: 'close', px: 1 });
    expect(lodAt(READABLE_PX / f, f).lod).toBe('near');
    expect(lodAt(READABLE_PX / f - 0.001, f).lod).toBe('far');
  });

  it('the opening view of a 6-stage journey (fit to width) shows text from a 1280 px window up; zoom to fit of 2,000 cards (about 0.06) does not', () => {
    const width = normalLayout.headerWidth + 6 * 440;
    for (const window of [1280, 1440, 1920]) expect(lodAt((window - 220 - 48) / width, normalLayout.fontSize).lod).toBe('near');
    expect(lodAt(0.65, normalLayout.fontSize).lod).toBe('near');
    expect(lodAt(0.06, normalLayout.fontSize).lod).toBe('far');
  });

  it('big-screen type (large font) stays readable further out', () => {
    expect(lodAt(0.2, 15).lod).toBe('far');
    expect(lodAt(0.2, 60).lod).toBe('near');
    expect(lodAt(0.3, 15).lod).toBe('far');
  });

  it('steps the far scale by half octaves, never below the true flow px per screen px', () => {
    for (const zoom of [0.33, 0.3, 0.2, 0.125, 0.1, 0.063, 0.05]) {
      const { px } = lodAt(zoom, normalLayout.fontSize);
      expect(px).toBeGreaterThanOrEqual(1 / zoom - 0.01);
      expect(px).toBeLessThanOrEqual((1 / zoom) * Math.SQRT2 + 0.01);
    }
    expect(lodAt(0.125, 15).px).toBe(8);
    expect(lodAt(0.06, 15).px).toBe(22.63);
  });

  it('keeps one key across a zoom range, so a store selector re-renders only on a step', () => {
    expect(lodKey(0.07, 15)).toBe(lodKey(0.065, 15));
    expect(lodKey(0.9, 15)).toBe(lodKey(0.7, 15));
    expect(lodKey(0.6, 15)).toBe(lodKey(0.4, 15));
    expect(lodKey(0.07, 15)).not.toBe(lodKey(0.2, 15));
    expect(parseLodKey(lodKey(0.06, 15))).toEqual(lodAt(0.06, 15));
    expect(parseLodKey(lodKey(1, 15))).toEqual({ lod: 'near', band: 'close', px: 1 });
    expect(parseLodKey(lodKey(0.4, 15))).toEqual({ lod: 'near', band: 'near', px: 1 });
  });

  it('treats a zoom of zero or NaN (not yet measured) as near', () => {
    expect(lodAt(0, 15).lod).toBe('near');
    expect(lodAt(Number.NaN, 15).lod).toBe('near');
  });
});

describe('nextCulling', () => {
  it('mounts every card in the far view, culls close up, and keeps what it did in between', () => {
    expect(nextCulling(true, 'far')).toBe(false);
    expect(nextCulling(false, 'close')).toBe(true);
    expect(nextCulling(true, 'near')).toBe(true);
    expect(nextCulling(false, 'near')).toBe(false);
  });

  it('zooming to and fro around the readable zoom changes it at most once each way', () => {
    const f = normalLayout.fontSize;
    let cull = true;
    let changes = 0;
    for (const zoom of [0.6, 0.4, 0.3, 0.36, 0.3, 0.39, 0.31, 0.5, 0.6, 0.7, 0.65, 0.7]) {
      const next = nextCulling(cull, lodAt(zoom, f).band);
      if (next !== cull) changes++;
      cull = next;
    }
    expect(changes).toBe(2);
    expect(cull).toBe(true);
  });
});

describe('fitViewport', () => {
  const screen = { width: 1700, height: 860 };

  it('fits a small journey like React Flow would, centred, no room kept for far labels', () => {
    const v = fitViewport({ width: 2860, height: 1400 }, screen, 15);
    expect(lodAt(v.zoom, 15).lod).toBe('near');
    expect(v.zoom).toBeCloseTo(Math.min((1700 - 102) / 2860, (860 - 51.6) / 1400), 5);
    expect(v.x).toBeCloseTo((1700 - 2860 * v.zoom) / 2, 5);
  });

  it('fits a tall 2,000-card journey entirely (below the old 0.05 floor), keeping room for the labels', () => {
    const content = { width: 2860, height: 17400 };
    const v = fitViewport(content, screen, 15);
    expect(lodAt(v.zoom, 15).lod).toBe('far');
    expect(v.zoom).toBeGreaterThanOrEqual(MIN_ZOOM);
    expect(v.y).toBeGreaterThanOrEqual(FAR_LABEL_TOP);
    expect(v.y + content.height * v.zoom).toBeLessThanOrEqual(screen.height);
    expect(v.x).toBeGreaterThanOrEqual(FAR_LABEL_LEFT);
    expect(v.x + content.width * v.zoom).toBeLessThanOrEqual(screen.width);
  });
});

describe('zoomToRead', () => {
  const screen = { width: 1600, height: 800 };
  const rect = { x: 1000, y: 5000, width: 196, height: 80 };

  it('leaves a readable view alone', () => {
    expect(zoomToRead(rect, screen, 15, 0.7)).toBeNull();
  });

  it('from the far view, centres the card with its type at EDIT_PX', () => {
    const v = zoomToRead(rect, screen, 15, 0.05)!;
    expect(v.zoom * 15).toBeCloseTo(EDIT_PX, 5);
    expect(v.x + (rect.x + rect.width / 2) * v.zoom).toBeCloseTo(800, 5);
    expect(v.y + (rect.y + rect.height / 2) * v.zoom).toBeCloseTo(400, 5);
  });
});
