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

  return { fitAll, fitWidth };
}
