// Owns the remembered size and position of the main window (a small JSON file in userData).
// Must never place a window off-screen or let a corrupt file stop the app from starting.
import { renameSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Bounds when not maximized, so un-maximizing returns to a sensible size. */
  bounds: Rect;
  isMaximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;

// Changing this shape needs a version bump and a reader for the old one.
const stateFileSchema = z.object({
  version: z.literal(1),
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  isMaximized: z.boolean(),
});

/** Reads the saved state; a missing or corrupt file simply means "no memory". */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = stateFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? { bounds: parsed.data.bounds, isMaximized: parsed.data.isMaximized } : null;
  } catch {
    return null;
  }
}

/**
 * Writes synchronously because it runs while the window closes and the app may be quitting;
 * temp file + rename so a crash mid-write leaves the previous state intact.
 */
export function writeWindowState(file: string, state: WindowState): void {
  const temp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
  const body = JSON.stringify({ version: 1, ...state, bounds: roundRect(state.bounds) });
  try {
    writeFileSync(temp, body, 'utf8');
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // The temp file may never have been created.
    }
    throw error;
  }
}

function roundRect(r: Rect): Rect {
  return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * Fits saved bounds onto the displays that exist now (monitors get unplugged): keeps the
 * window on the display it overlaps most, shrinks it to that work area and pulls it fully
 * inside; if it overlaps none, centres it on the primary display.
 */
export function clampToDisplays(saved: Rect, workAreas: readonly Rect[], primary: Rect): Rect {
  let target: Rect | null = null;
  let best = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(saved, area);
    if (overlap > best) {
      best = overlap;
      target = area;
    }
  }
  const area = target ?? primary;
  const width = Math.min(Math.max(saved.width, Math.min(MIN_SIZE.width, area.width)), area.width);
  const height = Math.min(Math.max(saved.height, Math.min(MIN_SIZE.height, area.height)), area.height);
  if (!target) {
    return {
      x: Math.round(area.x + (area.width - width) / 2),
      y: Math.round(area.y + (area.height - height) / 2),
      width,
      height,
    };
  }
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

/** The bounds to open with: remembered and clamped, or the default size centred on the primary display. */
export function initialBounds(saved: WindowState | null, workAreas: readonly Rect[], primary: Rect): WindowState {
  if (saved) return { bounds: clampToDisplays(saved.bounds, workAreas, primary), isMaximized: saved.isMaximized };
  const width = Math.min(DEFAULT_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_SIZE.height, primary.height);
  return {
    bounds: {
      x: Math.round(primary.x + (primary.width - width) / 2),
      y: Math.round(primary.y + (primary.height - height) / 2),
      width,
      height,
    },
    isMaximized: false,
  };
}
