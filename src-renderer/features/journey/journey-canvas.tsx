// The journey canvas (React Flow): the grid of stages and lanes with its cards, keyboard
// navigation (Tab between cells and cards, arrows move, Enter edits), drag and drop between
// cells, multi-select, copy/paste, the emotion lane, minimap, zoom to fit, big screen and
// focus modes. Reads live through hooks; every change goes through journey-actions.ts.
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent as ReactFocusEvent, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import {
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type NodeChange,
  type XYPosition,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import {
  cardColors,
  createCard,
  isCardColor,
  laneDefaultColor,
  type Journey,
  type JourneyCard,
} from '../../domain/journey';
import {
  bigScreenLayout,
  cellAt,
  cellKey,
  dropCellAt,
  dropIndex,
  endOfCell,
  focusKey,
  focusOrder,
  layoutJourney,
  moveCardsBy,
  moveCardsTo,
  neighbourCell,
  normalLayout,
  pasteCards,
  readingOrder,
  toClip,
  type Direction,
  type JourneyLayout,
  type LayoutOptions,
  type Rect,
} from '../../domain/journey-layout';
import { emotionBand, yToScore } from '../../domain/journey-emotion';
import { notify } from '../../state/notifications';
import {
  addCards,
  addLane,
  addStage,
  deleteCards,
  moveCardsAction,
  moveLaneAction,
  moveStageAction,
  renameLaneAction,
  renameStageAction,
  resizeLaneAction,
  resizeStageAction,
  setCardText,
  setEmotionAction,
  stepEmotionAction,
} from './journey-actions';
import { CanvasActionsContext, type CanvasActions } from './journey-context';
import { journeyNodeTypes, type CardNode, type GridNode, type JourneyNode } from './journey-nodes';
import { DRAFT_ID, useJourneyUi } from './journey-ui';

/** Above this many cards only what is on screen is rendered. */
const VISIBLE_ONLY_FROM = 400;
const GRID_ID = '__grid__';
// Props React Flow compares by identity: module constants, so a re-render never re-subscribes.
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

export interface CanvasHandle {
  fitAll(): void;
  fitWidth(): void;
  focusStage(stageId: string): void;
  copy(): void;
  paste(): void;
  deleteSelected(): void;
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

function nodeEq(a: CardNode, rect: Rect, card: JourneyCard, stageName: string, laneName: string, lines: number, selected: boolean, pos: XYPosition | undefined): boolean {
  const x = pos?.x ?? rect.x;
  const y = pos?.y ?? rect.y;
  return (
    a.position.x === x &&
    a.position.y === y &&
    a.width === rect.width &&
    a.height === rect.height &&
    a.data.card === card &&
    a.data.stageName === stageName &&
    a.data.laneName === laneName &&
    a.data.lines === lines &&
    (a.selected ?? false) === selected
  );
}

export function JourneyCanvas(props: JourneyCanvasProps) {
  const { journey, cards, big, focusStageId, selected, onSelectedChange, handleRef } = props;
  const rf = useReactFlow<JourneyNode>();
  const wrapper = useRef<HTMLDivElement>(null);
  const editing = useJourneyUi((s) => s.editing);
  const [dragPos, setDragPos] = useState<ReadonlyMap<string, XYPosition> | null>(null);
  const [bigWidth, setBigWidth] = useState(1920);
  // The minimap redraws on every pan and zoom frame and halves the frame rate of a small journey
  // on a laptop without a GPU, so it is shown on request (remembered for the session).
  const showMinimap = useJourneyUi((s) => s.minimap);

  useEffect(() => {
    if (big) setBigWidth(wrapper.current?.clientWidth ?? window.innerWidth);
  }, [big]);

  const options: LayoutOptions = useMemo(() => (big ? bigScreenLayout(journey, bigWidth) : normalLayout), [big, bigWidth, journey]);

  // A card being drafted takes its place at the end of its cell so the row makes room for it.
  const layoutCards = useMemo(() => {
    if (editing?.kind !== 'draft') return cards;
    const draft = { ...createCard(journey, editing, { order: endOfCell(cards, editing), color: laneDefaultColor[journey.lanes.find((l) => l.id === editing.laneId)?.kind ?? 'custom'] }), id: DRAFT_ID, text: '' };
    return [...cards, draft];
  }, [cards, editing, journey]);

  const layout: JourneyLayout = useMemo(() => layoutJourney(journey, layoutCards, options), [journey, layoutCards, options]);

  // Latest values for stable callbacks.
  const live = useRef({ journey, cards, layout, selected });
  live.current = { journey, cards, layout, selected };

  // --- Nodes: one grid node, one node per card; unchanged nodes keep their identity. -------
  const cache = useRef(new Map<string, CardNode>());
  const gridNode: GridNode = useMemo(
    () => ({
      id: GRID_ID,
      type: 'grid',
      position: { x: 0, y: 0 },
      width: layout.width,
      height: layout.height,
      draggable: false,
      selectable: false,
      focusable: false,
      zIndex: -1,
      data: { journey, layout, big, focusStageId },
    }),
    [journey, layout, big, focusStageId],
  );
  const nodes: JourneyNode[] = useMemo(() => {
    const stageName = new Map(journey.stages.map((s) => [s.id, s.name]));
    const laneName = new Map(journey.lanes.map((l) => [l.id, l.name]));
    const next = new Map<string, CardNode>();
    const out: JourneyNode[] = [gridNode];
    for (const card of layoutCards) {
      const rect = layout.cards.get(card.id);
      if (!rect) continue;
      const sn = stageName.get(card.stageId) ?? '';
      const ln = laneName.get(card.laneId) ?? '';
      const isSel = selected.has(card.id);
      const pos = dragPos?.get(card.id);
      const old = cache.current.get(card.id);
      const node: CardNode =
        old && nodeEq(old, rect, card, sn, ln, rect.lines, isSel, pos)
          ? old
          : {
              id: card.id,
              type: 'card',
              position: pos ?? { x: rect.x, y: rect.y },
              width: rect.width,
              height: rect.height,
              selected: isSel,
              draggable: card.id !== DRAFT_ID,
              selectable: card.id !== DRAFT_ID,
              focusable: false,
              data: { card, stageName: sn, laneName: ln, lines: rect.lines },
            };
      next.set(card.id, node);
      out.push(node);
    }
    cache.current = next;
    return out;
  }, [gridNode, layoutCards, layout, journey.stages, journey.lanes, selected, dragPos]);

  // After a drop, keep the dragged positions until the stored move arrives (no flash back).
  const settling = useRef(false);
  useEffect(() => {
    if (settling.current) {
      settling.current = false;
      setDragPos(null);
    }
  }, [layout]);

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyNode>[]) => {
      let sel: Set<string> | null = null;
      let pos: Map<string, XYPosition> | null = null;
      for (const c of changes) {
        if (c.type === 'select') {
          sel ??= new Set(live.current.selected);
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        } else if (c.type === 'position' && c.position && c.dragging) {
          pos ??= new Map();
          pos.set(c.id, c.position);
        }
      }
      if (sel) onSelectedChange(sel);
      if (pos) {
        const p = pos;
        setDragPos((prev) => {
          const m = new Map(prev ?? []);
          for (const [k, v] of p) m.set(k, v);
          return m;
        });
      }
    },
    [onSelectedChange],
  );

  // --- Focus: a roving tab stop over headers, cells, emotion cells and cards. ---------------
  const pendingFocus = useRef<string | null>(null);

  const rectOf = useCallback((key: string): Rect | null => {
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
  }, []);

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
    [rf],
  );

  const focusTarget = useCallback(
    (key: string) => {
      useJourneyUi.setState({ active: key });
      const r = rectOf(key);
      if (r) ensureVisible(r);
      const tryFocus = (attempt: number) => {
        const el = wrapper.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
        if (el) el.focus({ preventScroll: true });
        else if (attempt < 5) requestAnimationFrame(() => tryFocus(attempt + 1));
      };
      tryFocus(0);
    },
    [ensureVisible, rectOf],
  );

  useEffect(() => {
    const key = pendingFocus.current;
    if (!key) return;
    if (rectOf(key)) {
      pendingFocus.current = null;
      focusTarget(key);
    }
  }, [layout, focusTarget, rectOf]);

  const tabOrder = useCallback((): string[] => {
    const { journey: j, layout: l } = live.current;
    const out: string[] = j.stages.map((s) => `stage:${s.id}`);
    let lane: string | null = null;
    for (const t of focusOrder(j, l)) {
      if (t.kind !== 'card' && t.laneId !== lane) {
        lane = t.laneId;
        out.push(`lane:${lane}`);
      }
      out.push(focusKey(t));
    }
    return out;
  }, []);

  // --- Editing and creating ----------------------------------------------------------
  const startDraft = useCallback((stageId: string, laneId: string) => {
    const lane = live.current.journey.lanes.find((l) => l.id === laneId);
    if (!lane || lane.kind === 'emotion') return;
    useJourneyUi.setState({ editing: { kind: 'draft', stageId, laneId } });
  }, []);

  const startEdit = useCallback((id: string) => {
    if (id === DRAFT_ID) return;
    useJourneyUi.setState({ editing: { kind: 'card', id } });
  }, []);

  // --- Clipboard ------------------------------------------------------------------------
  const targetCards = useCallback((focusedId?: string): JourneyCard[] => {
    const { cards: cs, selected: sel } = live.current;
    const ids = focusedId && !sel.has(focusedId) ? new Set([focusedId]) : sel;
    return cs.filter((c) => ids.has(c.id));
  }, []);

  const copy = useCallback((focusedId?: string) => {
    const list = targetCards(focusedId);
    if (list.length === 0) return false;
    const clip = toClip(live.current.journey, list);
    useJourneyUi.setState({ clipboard: clip });
    // Plain text for other apps too, where the browser allows it.
    navigator.clipboard?.writeText(clip.map((c) => c.text).join('\n')).catch(() => undefined);
    notify({ kind: 'info', message: `Copied ${list.length} ${list.length === 1 ? 'card' : 'cards'}` }, 2500);
    return true;
  }, [targetCards]);

  const paste = useCallback(
    (cell?: { stageId: string; laneId: string }) => {
      const clip = useJourneyUi.getState().clipboard;
      const { journey: j, cards: cs } = live.current;
      if (clip.length === 0) {
        notify({ kind: 'info', message: 'Nothing to paste: copy cards first (Ctrl+C).' });
        return;
      }
      const active = useJourneyUi.getState().active;
      let target = cell;
      if (!target && active) {
        const [kind, a, b] = active.split(':');
        if (kind === 'cell') target = { stageId: a!, laneId: b! };
        if (kind === 'card') {
          const c = cs.find((x) => x.id === a);
          if (c) target = c;
        }
      }
      if (!target) {
        const lane = j.lanes.find((l) => l.kind !== 'emotion');
        if (!lane || !j.stages[0]) return;
        target = { stageId: j.stages[Math.min(clip[0]!.stageIndex, j.stages.length - 1)]!.id, laneId: lane.id };
      }
      const created = pasteCards(j, cs, clip, target);
      if (created.length === 0) return;
      void addCards(j, created, created.length === 1 ? 'Paste card' : `Paste ${created.length} cards`).then((ok) => {
        if (ok) onSelectedChange(new Set(created.map((c) => c.id)));
      });
    },
    [onSelectedChange],
  );

  const removeSelected = useCallback(
    (focusedId?: string) => {
      const list = targetCards(focusedId);
      if (list.length === 0) return;
      const { journey: j, layout: l } = live.current;
      // Focus the cell of the first removed card afterwards.
      const first = readingOrder(j, list)[0]!;
      void deleteCards(j.workshopId, list).then((ok) => {
        if (!ok) return;
        onSelectedChange(new Set());
        if (l.cells.has(cellKey(first.stageId, first.laneId))) focusTarget(`cell:${first.stageId}:${first.laneId}`);
      });
    },
    [targetCards, onSelectedChange, focusTarget],
  );

  // --- Moving ----------------------------------------------------------------------------
  const moveByKeyboard = useCallback(
    (focusedId: string, dir: Direction) => {
      const { journey: j, cards: cs, selected: sel } = live.current;
      const ids = sel.has(focusedId) ? [...sel] : [focusedId];
      const places = moveCardsBy(j, cs, ids, dir);
      if (!places) {
        notify({ kind: 'info', message: 'That is the edge of the journey.' }, 2500);
        return;
      }
      pendingFocus.current = `card:${focusedId}`;
      void moveCardsAction(j.workshopId, places, ids.length === 1 ? 'Move card' : `Move ${ids.length} cards`);
    },
    [],
  );

  const onNodeDragStop = useCallback((_e: unknown, node: JourneyNode, dragged: JourneyNode[]) => {
    const { journey: j, cards: cs, layout: l } = live.current;
    const movers = dragged.filter((n) => n.type === 'card' && n.id !== DRAFT_ID);
    const rect = l.cards.get(node.id);
    const w = node.width ?? rect?.width ?? 0;
    const h = node.height ?? rect?.height ?? 0;
    const centre = { x: node.position.x + w / 2, y: node.position.y + h / 2 };
    const cell = dropCellAt(l, centre);
    if (!cell || movers.length === 0) {
      setDragPos(null);
      return;
    }
    const ids = readingOrder(j, cs.filter((c) => movers.some((m) => m.id === c.id))).map((c) => c.id);
    const index = dropIndex(l, cell, centre, new Set(ids));
    const places = moveCardsTo(cs, ids, cell, index);
    if (places.length === 0) {
      setDragPos(null);
      return;
    }
    settling.current = true;
    void moveCardsAction(j.workshopId, places, ids.length === 1 ? 'Move card' : `Move ${ids.length} cards`).then((ok) => {
      if (!ok) setDragPos(null);
    });
    // Should the stored move not change the layout (another window moved it back), still settle.
    setTimeout(() => {
      if (settling.current) {
        settling.current = false;
        setDragPos(null);
      }
    }, 1500);
  }, []);

  // --- Emotions ----------------------------------------------------------------------------
  const emotionAt = useCallback((p: XYPosition) => {
    const l = live.current.layout;
    const cell = cellAt(l, p);
    if (!cell) return null;
    const row = l.rows.find((r) => r.laneId === cell.laneId);
    if (!row || row.kind !== 'emotion') return null;
    const band = emotionBand(row, Math.max(22, l.options.fontSize * 1.4));
    return { stageId: cell.stageId, score: yToScore(p.y, band) };
  }, []);

  const onPaneClick = useCallback(
    (e: ReactMouseEvent) => {
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const hit = emotionAt(p);
      const { journey: j } = live.current;
      if (hit) {
        void setEmotionAction(j, hit.stageId, hit.score);
        useJourneyUi.setState({ active: `emotion:${hit.stageId}:${cellAt(live.current.layout, p)!.laneId}` });
        return;
      }
      const cell = cellAt(live.current.layout, p);
      if (cell) focusTarget(`cell:${cell.stageId}:${cell.laneId}`);
    },
    [rf, emotionAt, focusTarget],
  );

  const onDoubleClick = useCallback(
    (e: ReactMouseEvent) => {
      const t = e.target as HTMLElement;
      if (!t.closest('.react-flow__pane')) return;
      const cell = cellAt(live.current.layout, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      if (cell) startDraft(cell.stageId, cell.laneId);
    },
    [rf, startDraft],
  );

  // --- Keyboard --------------------------------------------------------------------------
  const onKeyDown = useCallback(
    (e: ReactKeyboardEvent) => {
      if (useJourneyUi.getState().editing) return;
      const el = (e.target as HTMLElement).closest<HTMLElement>('[data-focus-key]');
      const key = el?.dataset.focusKey ?? null;
      const { journey: j, cards: cs } = live.current;
      const mod = e.ctrlKey || e.metaKey;
      if (e.key === 'Tab' && !mod && !e.altKey) {
        if ((e.target as HTMLElement).closest('.react-flow__panel')) return;
        const order = tabOrder();
        const i = key ? order.indexOf(key) : -1;
        const next = i === -1 ? (e.shiftKey ? null : order[0]) : order[i + (e.shiftKey ? -1 : 1)];
        if (next) {
          e.preventDefault();
          focusTarget(next);
        }
        return;
      }
      if (!key) return;
      const [kind, a, b] = key.split(':') as [string, string, string | undefined];
      const arrows: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
      const dir = arrows[e.key];

      if (mod && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        onSelectedChange(new Set(cs.map((c) => c.id)));
        return;
      }
      if (mod && e.key.toLowerCase() === 'v') {
        e.preventDefault();
        if (kind === 'cell') paste({ stageId: a, laneId: b! });
        else if (kind === 'card') {
          const c = cs.find((x) => x.id === a);
          paste(c ? { stageId: c.stageId, laneId: c.laneId } : undefined);
        }
        return;
      }

      if (kind === 'card') {
        const card = cs.find((c) => c.id === a);
        if (!card) return;
        if (dir && !e.altKey && !mod) {
          e.preventDefault();
          moveByKeyboard(a, dir);
        } else if (e.key === 'Enter' || e.key === 'F2') {
          e.preventDefault();
          startEdit(a);
        } else if (e.key === ' ') {
          e.preventDefault();
          const s = new Set(live.current.selected);
          if (s.has(a)) s.delete(a);
          else s.add(a);
          onSelectedChange(s);
        } else if (e.key === 'Delete' || e.key === 'Backspace') {
          e.preventDefault();
          removeSelected(a);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onSelectedChange(new Set());
          focusTarget(`cell:${card.stageId}:${card.laneId}`);
        } else if (mod && (e.key.toLowerCase() === 'c' || e.key.toLowerCase() === 'x')) {
          e.preventDefault();
          if (copy(a) && e.key.toLowerCase() === 'x') removeSelected(a);
        }
        return;
      }
      if (kind === 'cell' || kind === 'emotion') {
        const cell = { stageId: a, laneId: b! };
        if (kind === 'emotion' && (e.key === 'ArrowUp' || e.key === 'ArrowDown' || e.key === 'Home' || e.key === 'End' || e.key === 'Delete' || e.key === 'Backspace')) {
          e.preventDefault();
          const k = e.key;
          void stepEmotionAction(j, a, (cur) => (k === 'Home' ? -3 : k === 'End' ? 3 : k === 'Delete' || k === 'Backspace' ? null : (cur ?? 0) + (k === 'ArrowUp' ? 1 : -1)));
          return;
        }
        if (dir) {
          e.preventDefault();
          const n = neighbourCell(j, cell, dir);
          if (n) {
            const lane = j.lanes.find((x) => x.id === n.laneId);
            focusTarget(`${lane?.kind === 'emotion' ? 'emotion' : 'cell'}:${n.stageId}:${n.laneId}`);
          }
          return;
        }
        if (kind === 'cell' && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          startDraft(a, b!);
        }
      }
    },
    [tabOrder, focusTarget, onSelectedChange, paste, moveByKeyboard, startEdit, removeSelected, copy, startDraft],
  );

  const onNodeDoubleClick = useCallback((_e: unknown, n: JourneyNode) => {
    if (n.type === 'card') startEdit(n.id);
  }, [startEdit]);

  const onFocusCapture = useCallback((e: ReactFocusEvent) => {
    const key = (e.target as HTMLElement).dataset?.focusKey;
    if (key && useJourneyUi.getState().active !== key) useJourneyUi.setState({ active: key });
  }, []);

  // --- Viewport helpers ---------------------------------------------------------------------
  const fitWidth = useCallback(() => {
    const el = wrapper.current;
    const l = live.current.layout;
    if (!el) return;
    const pad = 24;
    const zoom = Math.min(1.5, (el.clientWidth - 2 * pad) / l.width);
    void rf.setViewport({ x: pad, y: pad, zoom });
  }, [rf]);

  const fitAll = useCallback(() => void rf.fitView({ padding: 0.03, maxZoom: 1.5 }), [rf]);

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
    [rf],
  );

  useEffect(() => {
    handleRef.current = {
      fitAll,
      fitWidth,
      focusStage,
      copy: () => void copy(),
      paste: () => paste(),
      deleteSelected: () => removeSelected(),
    };
  }, [handleRef, fitAll, fitWidth, focusStage, copy, paste, removeSelected]);

  // First view, and a fresh fit when entering or leaving big screen.
  useEffect(() => {
    const t = requestAnimationFrame(() => fitWidth());
    return () => cancelAnimationFrame(t);
  }, [big, fitWidth]);

  useEffect(() => {
    if (focusStageId) focusStage(focusStageId);
  }, [focusStageId, focusStage]);

  // --- Actions for nodes (stable) ---------------------------------------------------------------
  const requestDeleteRef = useRef(props.onRequestDelete);
  requestDeleteRef.current = props.onRequestDelete;
  const actions: CanvasActions = useMemo(
    () => ({
      commitCardText: (card, text) => setCardText(card, text),
      commitDraft: async (stageId, laneId, text) => {
        const { journey: j, cards: cs } = live.current;
        const lane = j.lanes.find((x) => x.id === laneId);
        const card = createCard(j, { stageId, laneId }, { text, order: endOfCell(cs, { stageId, laneId }), color: laneDefaultColor[lane?.kind ?? 'custom'] });
        pendingFocus.current = `card:${card.id}`;
        return addCards(j, [card]);
      },
      leaveEditing: (key) => {
        useJourneyUi.setState({ editing: null });
        if (key) focusTarget(key);
      },
      focusTarget,
      renameStage: (id, name) => void renameStageAction(live.current.journey, id, name),
      renameLane: (id, name) => void renameLaneAction(live.current.journey, id, name),
      moveStage: (id, to) => {
        pendingFocus.current = `stage:${id}`;
        void moveStageAction(live.current.journey, id, to);
      },
      moveLane: (id, to) => {
        pendingFocus.current = `lane:${id}`;
        void moveLaneAction(live.current.journey, id, to);
      },
      resizeStage: (id, w) => void resizeStageAction(live.current.journey, id, w),
      resizeLane: (id, h) => void resizeLaneAction(live.current.journey, id, h),
      insertStage: (index) => void addStage(live.current.journey, index),
      insertLane: (index) => void addLane(live.current.journey, 'custom', index),
      requestDelete: (kind, id) => requestDeleteRef.current(kind, id),
      toFlow: (p) => rf.screenToFlowPosition(p),
    }),
    [focusTarget, rf],
  );

  // Leave editing when the journey changes under us (e.g. undo removed the card).
  useEffect(() => {
    if (editing?.kind === 'card' && !cards.some((c) => c.id === editing.id)) useJourneyUi.setState({ editing: null });
  }, [cards, editing]);

  const minimapColor = useCallback((n: JourneyNode) => {
    if (n.type !== 'card') return 'transparent';
    const c = (n as CardNode).data.card.color;
    return isCardColor(c) ? cardColors[c].edge : cardColors.yellow.edge;
  }, []);

  return (
    <CanvasActionsContext.Provider value={actions}>
      <div
        ref={wrapper}
        className="jy-canvas"
        style={{ ['--jy-font' as string]: `${options.fontSize}px`, ['--jy-line' as string]: String(options.lineHeight), ['--jy-pad-x' as string]: `${options.cardPadX}px`, ['--jy-pad-y' as string]: `${options.cardPadY}px` }}
        onKeyDown={onKeyDown}
        onFocusCapture={onFocusCapture}
        onDoubleClick={onDoubleClick}
      >
        <ReactFlow<JourneyNode>
          nodes={nodes}
          nodeTypes={journeyNodeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onNodeDoubleClick={onNodeDoubleClick}
          onPaneClick={onPaneClick}
          minZoom={0.05}
          maxZoom={3}
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
          onlyRenderVisibleElements={cards.length >= VISIBLE_ONLY_FROM}
          attributionPosition="top-right"
          aria-label={`Journey canvas: ${journey.name}. Tab moves between cells and cards; Enter adds or edits a card; arrows move cards.`}
        >
          {!big && showMinimap ? <MiniMap<JourneyNode> pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel="Minimap of the journey" /> : null}
          {!big ? (
            <Panel position="bottom-right" className="jy-minimap-toggle" style={showMinimap ? { marginBottom: 170 } : undefined}>
              <button
                type="button"
                className="btn btn-small"
                aria-pressed={showMinimap}
                onClick={() => useJourneyUi.setState((s) => ({ minimap: !s.minimap }))}
              >
                {showMinimap ? 'Hide minimap' : 'Show minimap'}
              </button>
            </Panel>
          ) : null}
          <Controls showInteractive={false} aria-label="Zoom controls" />
        </ReactFlow>
      </div>
    </CanvasActionsContext.Provider>
  );
}
