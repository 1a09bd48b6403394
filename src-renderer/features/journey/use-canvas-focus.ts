// Focus on the journey canvas: the roving tab stop over headers, cells, emotion cells and cards,
// Tab order, keeping the focused element in view, starting to edit, and focus that must wait for
// a stored change (a new or moved card) to appear. Never writes documents.
import { useCallback, useEffect, useRef, type FocusEvent as ReactFocusEvent, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { cellKey, focusKey, focusOrder, type CellRef, type JourneyLayout, type Rect } from '../../domain/journey-layout';
import { zoomToRead } from './canvas-lod';
import type { JourneyNode } from './journey-nodes';
import { DRAFT_ID, useJourneyUi, type Editing } from './journey-ui';
import type { LiveRef } from './use-canvas-nodes';

export interface CanvasFocus {
  /** Moves the roving tab stop and the focus to this element, scrolling it into view. */
  focusTarget(key: string): void;
  /** Focuses this element once a stored change has laid it out, unless the user has gone elsewhere by then. */
  focusAfterChange(key: string): void;
  /** Once a just-added stage or lane ('stage:id', 'lane:id') is laid out: brings it into view, readable, with its name open for typing. */
  renameNew(key: string): void;
  startDraft(cell: CellRef): void;
  startEdit(cardId: string): void;
  /** Tab and Shift+Tab between canvas elements; true when handled. */
  onTab(e: ReactKeyboardEvent, key: string | null): boolean;
  onFocusCapture(e: ReactFocusEvent): void;
}

export function useCanvasFocus(live: LiveRef, wrapper: RefObject<HTMLDivElement | null>, layout: JourneyLayout): CanvasFocus {
  const rf = useReactFlow<JourneyNode>();
  const pending = useRef<string | null>(null);

  const rectOf = useCallback(
    (key: string): Rect | null => {
      const l = live.current.layout;
      const [kind, a, b] = key.split(':');
      if (kind === 'card') return l.cards.get(a!) ?? null;
      if (kind === 'cell' || kind === 'emotion') return l.cells.get(cellKey(a!, b!)) ?? null;
      if (kind === 'stage') {
        const c = l.columns.find((x) => x.stageId === a);
        return c ? { x: c.x, y: 0, width: c.width, height: l.options.headerHeight } : null;
      }
      if (kind === 'lane') {
        const r = l.rows.find((x) => x.laneId === a);
        return r ? { x: 0, y: r.y, width: l.options.headerWidth, height: Math.min(r.height, 400) } : null;
      }
      return null;
    },
    [live],
  );

  const ensureVisible = useCallback(
    (rect: Rect) => {
      const el = wrapper.current;
      if (!el) return;
      const { x, y, zoom } = rf.getViewport();
      const w = el.clientWidth;
      const h = el.clientHeight;
      const sx = rect.x * zoom + x;
      const sy = rect.y * zoom + y;
      const sw = Math.min(rect.width * zoom, w);
      const sh = Math.min(rect.height * zoom, h);
      if (sx >= 0 && sy >= 0 && sx + sw <= w && sy + sh <= h) return;
      const nx = sx < 0 ? x - sx + 24 : sx + sw > w ? x - (sx + sw - w) - 24 : x;
      const ny = sy < 0 ? y - sy + 24 : sy + sh > h ? y - (sy + sh - h) - 24 : y;
      void rf.setViewport({ x: nx, y: ny, zoom });
    },
    [rf, wrapper],
  );

  // Every request for focus (and every editor opened) gets a number; a request still waiting for
  // its element to render gives up once a newer one exists.
  const request = useRef(0);
  const supersede = () => {
    pending.current = null;
    return ++request.current;
  };
  /** An editor is open, or the focus is in a field outside the canvas: focus asked for earlier must not take it. */
  const userIsElsewhere = useCallback(() => {
    const here = document.activeElement;
    return useJourneyUi.getState().editing !== null || (here !== null && here !== document.body && !wrapper.current?.contains(here));
  }, [wrapper]);

  const focusTarget = useCallback(
    (key: string) => {
      const mine = supersede();
      useJourneyUi.setState({ active: key });
      const r = rectOf(key);
      if (r) ensureVisible(r);
      // A node that was just added renders a frame or two after the layout has it.
      const tryFocus = (attempt: number) => {
        if (mine !== request.current || (attempt > 0 && userIsElsewhere())) return;
        const el = wrapper.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
        if (el) el.focus({ preventScroll: true });
        else if (attempt < 5) requestAnimationFrame(() => tryFocus(attempt + 1));
      };
      tryFocus(0);
    },
    [ensureVisible, rectOf, wrapper, userIsElsewhere],
  );

  const focusAfterChange = useCallback((key: string) => {
    pending.current = key;
  }, []);

  // A stored change arrives some milliseconds after it was asked for, and its element renders a
  // frame or two later still. By then the user may have opened another editor (Ctrl+Enter, then at
  // once a double-click on the next cell) or focused something outside the canvas: the waiting
  // focus is dropped rather than pulled away from there, which would close that editor with only
  // its first letters typed.
  useEffect(() => {
    const key = pending.current;
    if (!key) return;
    if (userIsElsewhere()) pending.current = null;
    else if (rectOf(key)) focusTarget(key);
  }, [layout, focusTarget, rectOf, userIsElsewhere]);

  // A stage or lane added from the toolbar is stored a moment later and may land off screen:
  // once laid out it is brought into view (zoomed in to read from the far view) and its name
  // opens for typing, so the name typed next names it instead of pressing the button again.
  const renamePending = useRef<string | null>(null);
  const revealNew = useCallback(() => {
    const key = renamePending.current;
    const rect = key ? rectOf(key) : null;
    const el = wrapper.current;
    if (!key || !rect || !el) return;
    renamePending.current = null;
    const mine = supersede();
    const v = zoomToRead(rect, { width: el.clientWidth, height: el.clientHeight }, live.current.layout.options.fontSize, rf.getViewport().zoom);
    if (v) void rf.setViewport(v);
    else ensureVisible(rect);
    // As for an editor: a change of the level of detail renders first, then the field opens.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (mine === request.current) useJourneyUi.setState({ renaming: key, active: key });
      }),
    );
  }, [rectOf, wrapper, live, rf, ensureVisible]);
  const renameNew = useCallback(
    (key: string) => {
      renamePending.current = key;
      revealNew();
    },
    [revealNew],
  );
  useEffect(() => revealNew(), [layout, revealNew]);

  /**
   * Opens an editor. From the far view the canvas first zooms in on what is about to be edited,
   * so the editor can be read, and the editor opens once that view has rendered: switching the
   * level of detail remounts and reorders card nodes, which would blur an editor already open.
   */
  const openEditor = useCallback(
    (rect: Rect | null, editing: Editing) => {
      const mine = supersede();
      const el = wrapper.current;
      const v = el && rect ? zoomToRead(rect, { width: el.clientWidth, height: el.clientHeight }, live.current.layout.options.fontSize, rf.getViewport().zoom) : null;
      if (!v) {
        useJourneyUi.setState({ editing });
        return;
      }
      void rf.setViewport(v);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (mine === request.current) useJourneyUi.setState({ editing });
        }),
      );
    },
    [rf, live, wrapper],
  );

  const startDraft = useCallback(
    (cell: CellRef) => {
      const lane = live.current.journey.lanes.find((l) => l.id === cell.laneId);
      if (!lane || lane.kind === 'emotion') return;
      // The draft takes its place at the end of the cell.
      const c = live.current.layout.cells.get(cellKey(cell.stageId, cell.laneId));
      openEditor(c ? { x: c.x, y: Math.max(c.y, c.y + c.height - 160), width: c.width, height: Math.min(c.height, 160) } : null, { kind: 'draft', stageId: cell.stageId, laneId: cell.laneId });
    },
    [live, openEditor],
  );

  const startEdit = useCallback(
    (cardId: string) => {
      if (cardId === DRAFT_ID) return;
      openEditor(live.current.layout.cards.get(cardId) ?? null, { kind: 'card', id: cardId });
    },
    [live, openEditor],
  );

  const onTab = useCallback(
    (e: ReactKeyboardEvent, key: string | null): boolean => {
      if (e.key !== 'Tab' || e.ctrlKey || e.metaKey || e.altKey) return false;
      // React Flow's own panels (zoom controls, minimap toggle) keep the browser's Tab.
      if ((e.target as HTMLElement).closest('.react-flow__panel')) return true;
      const { journey: j, layout: l } = live.current;
      const order: string[] = j.stages.map((s) => `stage:${s.id}`);
      let lane: string | null = null;
      for (const t of focusOrder(j, l)) {
        if (t.kind !== 'card' && t.laneId !== lane) {
          lane = t.laneId;
          order.push(`lane:${lane}`);
        }
        order.push(focusKey(t));
      }
      const i = key ? order.indexOf(key) : -1;
      const next = i === -1 ? (e.shiftKey ? null : order[0]) : order[i + (e.shiftKey ? -1 : 1)];
      if (next) {
        e.preventDefault();
        focusTarget(next);
      }
      return true;
    },
    [live, focusTarget],
  );

  const onFocusCapture = useCallback((e: ReactFocusEvent) => {
    const key = (e.target as HTMLElement).dataset?.focusKey;
    if (key && useJourneyUi.getState().active !== key) useJourneyUi.setState({ active: key });
  }, []);

  return { focusTarget, focusAfterChange, renameNew, startDraft, startEdit, onTab, onFocusCapture };
}
