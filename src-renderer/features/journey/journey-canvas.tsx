// The journey canvas (React Flow): the grid of stages and lanes with its cards. This component
// wires the pieces together: the layout and node cache, focus and tab order, clipboard, drag and
// fit live in use-canvas-*.ts, and every key press is looked up in canvas-actions.ts, the table
// the toolbar and the canvas actions menu read too. Every change goes through journey-actions.ts.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { ReactFlow, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Journey, JourneyCard } from '../../domain/journey';
import { cardAt, cellAt, neighbourCell } from '../../domain/journey-layout';
import { emotionBand, yToScore } from '../../domain/journey-emotion';
import { notify } from '../../state/notifications';
import { actionForKey, targetOf, type CanvasActionState, type CanvasOps } from './canvas-actions';
import { CanvasContextMenu } from './canvas-actions-menu';
import { lodKey, MAX_ZOOM, MIN_ZOOM, nextCulling, parseLodKey } from './canvas-lod';
import { setEmotionAction, stepEmotionAction } from './journey-actions';
import { CanvasActionsContext } from './journey-context';
import { CardPeek, journeyNodeTypes, type JourneyNode } from './journey-nodes';
import { useJourneyUi } from './journey-ui';
import { useCanvasClipboard } from './use-canvas-clipboard';
import { useCanvasDrag, type DragPositions } from './use-canvas-drag';
import { useCanvasFit } from './use-canvas-fit';
import { useCanvasFocus } from './use-canvas-focus';
import { useCanvasNodeActions } from './use-canvas-node-actions';
import { useCanvasNodes, useLayoutOptions, type CanvasLive } from './use-canvas-nodes';
import { PinnedHeaders } from './pinned-headers';

/** From this many cards only what is on screen is rendered (close up: canvas-lod.ts, nextCulling). */
const VISIBLE_ONLY_FROM = 400;
// Props React Flow compares by identity: module constants, so a re-render never re-subscribes.
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

/** What the journey screen (toolbar, menu) may ask of the canvas: what canvas actions perform, and focus. */
export interface CanvasHandle extends CanvasOps {
  focusTarget(key: string): void;
  /** Adds a stage (a lane) at the end, brings it into view and opens its name for typing. */
  addStage(): void;
  addLane(): void;
}

export interface JourneyCanvasProps {
  readonly journey: Journey;
  readonly cards: readonly JourneyCard[];
  readonly big: boolean;
  readonly focusStageId: string | null;
  readonly selected: ReadonlySet<string>;
  readonly onSelectedChange: (s: ReadonlySet<string>) => void;
  readonly onRequestDelete: (kind: 'stage' | 'lane', id: string) => void;
  readonly handleRef: { current: CanvasHandle | null };
}

export function JourneyCanvas(props: JourneyCanvasProps) {
  const { journey, cards, big, focusStageId, selected, onSelectedChange, handleRef } = props;
  const rf = useReactFlow<JourneyNode>();
  const wrapper = useRef<HTMLDivElement>(null);
  const editing = useJourneyUi((s) => s.editing);
  const [dragPos, setDragPos] = useState<DragPositions>(null);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const clipboardSize = useJourneyUi((s) => s.clipboard.length);

  // The level of detail follows the zoom through a selector returning a string: the canvas
  // re-renders when the level changes, never per pan or zoom frame, and cards restyle by CSS.
  // The font size is the layout's (big screen sets larger type), known before the layout is.
  const layoutOptions = useLayoutOptions(journey, big, wrapper);
  const fontSize = layoutOptions.fontSize;
  const lodSelector = useCallback((s: ReactFlowState) => lodKey(s.transform[2], fontSize), [fontSize]);
  const lod = parseLodKey(useStore(lodSelector));
  // In the far view the cards are one bitmap (far-layer.tsx); these stay nodes.
  const [hover, setHover] = useState<string | null>(null);
  const active = useJourneyUi((s) => s.active);
  const activeCard = active?.startsWith('card:') ? active.slice(5) : null;
  const editingCard = editing?.kind === 'card' ? editing.id : null;
  const keep = useMemo(() => [...selected, ...(activeCard ? [activeCard] : []), ...(editingCard ? [editingCard] : [])], [selected, activeCard, editingCard]);
  const far = useMemo(() => (lod.lod === 'far' ? { px: lod.px, hover, keep } : null), [lod.lod, lod.px, hover, keep]);
  const { options, layout, nodes } = useCanvasNodes({ journey, cards, big, focusStageId, selected, dragPos, options: layoutOptions, far });
  // The journey opens culled (only cards on screen mounted); see nextCulling for when that changes.
  const [culling, setCulling] = useState(lod.lod === 'near');
  const wantCulling = nextCulling(culling, lod.band);
  if (wantCulling !== culling) setCulling(wantCulling);
  const live = useRef<CanvasLive>({ journey, cards, layout, selected });
  live.current = { journey, cards, layout, selected };

  // Every callback these hooks return is stable (they read `live`), so nothing below re-renders a node.
  const focus = useCanvasFocus(live, wrapper, layout);
  const { focusTarget, startDraft, startEdit, onTab } = focus;
  const drag = useCanvasDrag(live, cards, setDragPos, onSelectedChange, focus.focusAfterChange);
  const { moveByKeyboard } = drag;
  const { copy, paste, remove } = useCanvasClipboard(live, onSelectedChange, focusTarget);
  const { fitAll, fitWidth, fitReadable } = useCanvasFit(live, wrapper, big, focusStageId);
  const nodeActions = useCanvasNodeActions(live, focus, props.onRequestDelete);

  const ops: CanvasOps = useMemo(
    () => ({
      selectAll: () => onSelectedChange(new Set(live.current.cards.map((c) => c.id))),
      toggleSelected: (id) => {
        const s = new Set(live.current.selected);
        if (s.has(id)) s.delete(id);
        else s.add(id);
        onSelectedChange(s);
      },
      clearSelection: () => onSelectedChange(new Set()),
      copy,
      remove,
      paste,
      editCard: startEdit,
      startDraft,
      moveCards: moveByKeyboard,
      focusCell: (c) => focusTarget(`cell:${c.stageId}:${c.laneId}`),
      focusNeighbour: (cell, dir) => {
        const j = live.current.journey;
        const n = neighbourCell(j, cell, dir);
        const lane = n && j.lanes.find((x) => x.id === n.laneId);
        if (n) focusTarget(`${lane?.kind === 'emotion' ? 'emotion' : 'cell'}:${n.stageId}:${n.laneId}`);
      },
      stepEmotion: (stageId, next) => void stepEmotionAction(live.current.journey, stageId, next),
      fitAll,
      fitWidth,
      fitReadable,
    }),
    [onSelectedChange, copy, remove, paste, startEdit, startDraft, moveByKeyboard, focusTarget, fitAll, fitWidth, fitReadable],
  );

  useEffect(() => {
    handleRef.current = {
      ...ops,
      focusTarget,
      addStage: () => nodeActions.insertStage(live.current.journey.stages.length),
      addLane: () => nodeActions.insertLane(live.current.journey.lanes.length),
    };
  }, [handleRef, ops, focusTarget, nodeActions]);

  const onKeyDown = useCallback(
    (e: ReactKeyboardEvent) => {
      if (useJourneyUi.getState().editing) return;
      const key = (e.target as HTMLElement).closest<HTMLElement>('[data-focus-key]')?.dataset.focusKey ?? null;
      if (onTab(e, key) || !key) return;
      const { cards: cs, selected: sel } = live.current;
      const state: CanvasActionState = {
        target: targetOf(key, (id) => cs.find((c) => c.id === id)),
        selectedCount: sel.size,
        cardCount: cs.length,
        clipboardSize: useJourneyUi.getState().clipboard.length,
      };
      const found = actionForKey(e, state);
      if (!found) return;
      e.preventDefault();
      if ('hint' in found) notify({ kind: 'info', message: found.hint });
      else found.action.perform(state, ops);
    },
    [onTab, ops],
  );

  // --- Pointer: in the far view the card under a resting pointer becomes a node, so a press,
  // click, double-click or drag lands on a real card. Never while a button is held (a pan or a
  // drag): that would rebuild the node list on every frame.
  const hoverFrame = useRef(0);
  const farNow = lod.lod === 'far';
  const onMouseMove = useCallback(
    (e: ReactMouseEvent) => {
      if (!farNow || e.buttons !== 0 || hoverFrame.current) return;
      const at = { x: e.clientX, y: e.clientY };
      hoverFrame.current = requestAnimationFrame(() => {
        hoverFrame.current = 0;
        setHover(cardAt(live.current.layout, rf.screenToFlowPosition(at)));
      });
    },
    [farNow, rf],
  );
  useEffect(() => () => cancelAnimationFrame(hoverFrame.current), []);
  if (!farNow && hover !== null) setHover(null);

  // --- Pointer: a click in the emotion lane scores it, a double-click on a cell adds a card. ----
  const onPaneClick = useCallback(
    (e: ReactMouseEvent) => {
      const l = live.current.layout;
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const cell = cellAt(l, p);
      if (!cell) return;
      const row = l.rows.find((r) => r.laneId === cell.laneId);
      if (row?.kind === 'emotion') {
        const band = emotionBand(row, Math.max(22, l.options.fontSize * 1.4));
        void setEmotionAction(live.current.journey, cell.stageId, yToScore(p.y, band));
        useJourneyUi.setState({ active: `emotion:${cell.stageId}:${cell.laneId}` });
        return;
      }
      focusTarget(`cell:${cell.stageId}:${cell.laneId}`);
    },
    [rf, focusTarget],
  );

  const onDoubleClick = useCallback(
    (e: ReactMouseEvent) => {
      // Cards sit inside React Flow's pane too: a double-click on one edits it (onNodeDoubleClick).
      const t = e.target as HTMLElement;
      if (!t.closest('.react-flow__pane') || t.closest('.react-flow__node-card')) return;
      const cell = cellAt(live.current.layout, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      if (cell) startDraft(cell);
    },
    [rf, startDraft],
  );

  // Right-click on a card or cell: it becomes the active element and the action menu opens there.
  const onContextMenu = useCallback(
    (e: ReactMouseEvent) => {
      if (useJourneyUi.getState().editing) return;
      const l = live.current.layout;
      let key = (e.target as HTMLElement).closest<HTMLElement>('[data-focus-key]')?.dataset.focusKey ?? null;
      if (!key && (e.target as HTMLElement).closest('.react-flow__pane')) {
        const cell = cellAt(l, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
        const row = cell && l.rows.find((r) => r.laneId === cell.laneId);
        if (cell) key = `${row?.kind === 'emotion' ? 'emotion' : 'cell'}:${cell.stageId}:${cell.laneId}`;
      }
      // Headers keep their own options menu.
      if (!key || key.startsWith('stage:') || key.startsWith('lane:')) return;
      e.preventDefault();
      focusTarget(key);
      setMenuAt({ x: e.clientX, y: e.clientY });
    },
    [rf, focusTarget],
  );
  const closeMenu = useCallback(
    (refocus: boolean) => {
      setMenuAt(null);
      const key = useJourneyUi.getState().active;
      if (refocus && key) focusTarget(key);
    },
    [focusTarget],
  );

  const onNodeDoubleClick = useCallback(
    (_e: unknown, n: JourneyNode) => {
      if (n.type === 'card') startEdit(n.id);
    },
    [startEdit],
  );

  // Leave editing when the journey changes under us (e.g. undo removed the card).
  useEffect(() => {
    if (editing?.kind === 'card' && !cards.some((c) => c.id === editing.id)) useJourneyUi.setState({ editing: null });
  }, [cards, editing]);

  return (
    <CanvasActionsContext.Provider value={nodeActions}>
      <div
        ref={wrapper}
        className="jy-canvas"
        data-lod={lod.lod}
        style={{ ['--jy-px' as string]: String(lod.px), ['--jy-font' as string]: `${options.fontSize}px`, ['--jy-line' as string]: String(options.lineHeight), ['--jy-pad-x' as string]: `${options.cardPadX}px`, ['--jy-pad-y' as string]: `${options.cardPadY}px` }}
        onKeyDown={onKeyDown}
        onFocusCapture={focus.onFocusCapture}
        onDoubleClick={onDoubleClick}
        onContextMenu={onContextMenu}
        onMouseMove={onMouseMove}
        onMouseLeave={() => setHover(null)}
      >
        <ReactFlow<JourneyNode>
          nodes={nodes}
          nodeTypes={journeyNodeTypes}
          onNodesChange={drag.onNodesChange}
          onNodeDragStop={drag.onNodeDragStop}
          onNodeDoubleClick={onNodeDoubleClick}
          onPaneClick={onPaneClick}
          minZoom={MIN_ZOOM}
          maxZoom={MAX_ZOOM}
          zoomOnDoubleClick={false}
          panOnScroll
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          disableKeyboardA11y
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elevateNodesOnSelect={false}
          onlyRenderVisibleElements={wantCulling && cards.length >= VISIBLE_ONLY_FROM}
          attributionPosition="top-right"
          aria-label={`Journey canvas: ${journey.name}. Tab moves between cells and cards; Enter adds or edits a card; arrows move cards.`}
        >
          <CardPeek cards={cards} layout={layout} />
          <PinnedHeaders journey={journey} layout={layout} big={big} />
          {/* Zoom controls and the minimap stand beside the canvas, never over it: journey-canvas-side.tsx. */}
        </ReactFlow>
        {menuAt ? (
          <CanvasContextMenu
            at={menuAt}
            cards={cards}
            state={{ selectedCount: selected.size, cardCount: cards.length, clipboardSize }}
            onClose={closeMenu}
            onRun={(a, s) => a.perform(s, ops)}
          />
        ) : null}
      </div>
    </CanvasActionsContext.Provider>
  );
}
