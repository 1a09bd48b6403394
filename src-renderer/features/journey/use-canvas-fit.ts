// The journey canvas's viewport: fit the whole journey, fit its width (the first view, and again
// on entering or leaving big screen), and bring one stage to the middle in focus mode. Moves the
// viewport only on request, never per frame.
import { useCallback, useEffect, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { fitViewport } from './canvas-lod';
import type { JourneyNode } from './journey-nodes';
import type { LiveRef } from './use-canvas-nodes';

export interface CanvasFit {
  fitAll(): void;
  fitWidth(): void;
  fitReadable(): void;
}

/** Card text on screen (px) that a room can read: from a laptop, and on a 1080p big screen. */
export const READABLE_TEXT_PX = { laptop: 12, big: 24 } as const;

/**
 * The zoom of "fit width at readable size": the whole width when its text is readable, else
 * the zoom that makes the text readable (the journey then scrolls), never past 1.5×.
 */
export function readableWidthZoom(screenWidth: number, contentWidth: number, fontSize: number, big: boolean): number {
  const fit = screenWidth / Math.max(1, contentWidth);
  const min = (big ? READABLE_TEXT_PX.big : READABLE_TEXT_PX.laptop) / fontSize;
  return Math.min(1.5, Math.max(fit, min));
}

export function useCanvasFit(live: LiveRef, wrapper: RefObject<HTMLDivElement | null>, big: boolean, focusStageId: string | null): CanvasFit {
  const rf = useReactFlow<JourneyNode>();

  const fitWidth = useCallback(() => {
    const el = wrapper.current;
    const l = live.current.layout;
    if (!el) return;
    const pad = 24;
    const zoom = Math.min(1.5, (el.clientWidth - 2 * pad) / l.width);
    void rf.setViewport({ x: pad, y: pad, zoom });
  }, [rf, live, wrapper]);

  // Readable: the journey's left edge (its lane names) at the left, top at the top; stage and
  // lane names stay pinned while the rest is scrolled to (pinned-headers.tsx).
  const fitReadable = useCallback(() => {
    const el = wrapper.current;
    const l = live.current.layout;
    if (!el) return;
    const pad = 24;
    void rf.setViewport({ x: pad, y: pad, zoom: readableWidthZoom(el.clientWidth - 2 * pad, l.width, l.options.fontSize, big) });
  }, [rf, live, wrapper, big]);

  // Not React Flow's fitView: in the far view the fit keeps room for the stage and lane labels.
  const fitAll = useCallback(() => {
    const el = wrapper.current;
    const l = live.current.layout;
    if (!el) return;
    void rf.setViewport(fitViewport(l, { width: el.clientWidth, height: el.clientHeight }, l.options.fontSize));
  }, [rf, live, wrapper]);

  const focusStage = useCallback(
    (stageId: string) => {
      const el = wrapper.current;
      const l = live.current.layout;
      const col = l.columns.find((c) => c.stageId === stageId);
      if (!el || !col) return;
      // The stage takes about half the width, its neighbours stay in view (dimmed) for
      // context, and type never grows past about 44 px on screen.
      const w = el.clientWidth;
      const zoom = Math.min(2.5, (w * 0.5) / col.width, 44 / l.options.fontSize);
      void rf.setViewport({ x: w / 2 - (col.x + col.width / 2) * zoom, y: 16, zoom }, { duration: 250 });
    },
    [rf, live, wrapper],
  );

  useEffect(() => {
    const t = requestAnimationFrame(() => fitWidth());
    return () => cancelAnimationFrame(t);
  }, [big, fitWidth]);

  useEffect(() => {
    if (focusStageId) focusStage(focusStageId);
  }, [focusStageId, focusStage]);

  return { fitAll, fitWidth, fitReadable };
}
