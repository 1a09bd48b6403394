// @vitest-environment node
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clampToDisplays,
  initialBounds,
  readWindowState,
  writeWindowState,
} from '../../../src-main/window-state';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'centric-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const external = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('window state file', () => {
  it('round-trips through write and read, leaving no temp file behind', () => {
    const file = join(dir, 'window-state.json');
    writeWindowState(file, { bounds: { x: 10.4, y: 20, width: 900, height: 600 }, isMaximized: false });
    expect(readWindowState(file)).toEqual({ bounds: { x: 10, y: 20, width: 900, height: 600 }, isMaximized: false });
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('treats a missing, corrupt or wrongly shaped file as no memory', () => {
    const file = join(dir, 'window-state.json');
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, '{not json');
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ version: 1, bounds: { x: 0, y: 0, width: -5, height: 10 }, isMaximized: false }));
    expect(readWindowState(file)).toBeNull();
  });

  it('throws when the folder does not exist, so the caller can log it', () => {
    expect(() =>
      writeWindowState(join(dir, 'missing', 'state.json'), { bounds: laptop, isMaximized: false }),
    ).toThrow();
  });
});

describe('clampToDisplays', () => {
  it('keeps bounds that are fully visible', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800 };
    expect(clampToDisplays(saved, [laptop, external], laptop)).toEqual(saved);
  });

  it('pulls a half off-screen window fully inside the display it overlaps most', () => {
    expect(clampToDisplays({ x: 1000, y: -50, width: 800, height: 600 }, [laptop], laptop)).toEqual({
      x: 640,
      y: 0,
      width: 800,
      height: 600,
    });
  });

  it('shrinks a window larger than its display', () => {
    expect(clampToDisplays({ x: 0, y: 0, width: 3000, height: 2000 }, [laptop], laptop)).toEqual(laptop);
  });

  it('centres on the primary display when the saved monitor is gone', () => {
    expect(clampToDisplays({ x: 5000, y: 5000, width: 1000, height: 700 }, [laptop], laptop)).toEqual({
      x: 220,
      y: 100,
      width: 1000,
      height: 700,
    });
  });

  it('opens at the default size on first run', () => {
    expect(initialBounds(null, [laptop], laptop)).toEqual({
      bounds: { x: 80, y: 50, width: 1280, height: 800 },
      isMaximized: false,
    });
  });
});
