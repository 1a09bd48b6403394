// The journey canvas's layout and React Flow nodes: one grid node and one node per card (plus the
// card being drafted). A card node keeps its identity while nothing it shows changed, so memoised
// nodes skip rendering; this hook never reads the DOM and never writes documents.
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { XYPosition } from '@xyflow/react';
import { createCard, laneDefaultColor, type Journey, type JourneyCard } from '../../domain/journey';
import { bigScreenLayout, endOfCell, layoutJourney, normalLayout, type JourneyLayout, type CardRect, type LayoutOptions } from '../../domain/journey-layout';
import type { FarNode } from './far-layer';
import type { CardNode, GridNode, JourneyNode } from './journey-nodes';
import { DRAFT_ID, useJourneyUi } from './journey-ui';

export const GRID_ID = '__grid__';
export const FAR_ID = '__far__';

/** The canvas's latest data, for stable callbacks that must not re-subscribe on every change. */
export interface CanvasLive {
  readonly journey: Journey;
  readonly cards: readonly JourneyCard[];
  readonly layout: JourneyLayout;
  readonly selected: ReadonlySet<string>;
}
/** Where cards being dragged are drawn, by card id; null when nothing is being dragged. */
export type DragPositions = ReadonlyMap<string, XYPosition> | null;

export type LiveRef = { readonly current: CanvasLive };

export interface CanvasNodesInput {
  readonly journey: Journey;
  readonly cards: readonly JourneyCard[];
  readonly big: boolean;
  readonly focusStageId: string | null;
  readonly selected: ReadonlySet<string>;
  readonly dragPos: DragPositions;
  readonly options: LayoutOptions;
  /**
   * The far view (far-layer.tsx): null close up, where every card is a node. Otherwise the zoom
   * step and the cards that stay nodes: `hover` (the card under the pointer, also in the bitmap)
   * and `keep` (selected, focused, edited: drawn only as nodes). Dragged cards are kept too.
   */
  readonly far: { readonly px: number; readonly hover: string | null; readonly keep: readonly string[] } | null;
}

export interface CanvasNodes {
  readonly options: LayoutOptions;
  readonly layout: JourneyLayout;
  readonly nodes: JourneyNode[];
}

function nodeEq(a: CardNode, rect: CardRect, card: JourneyCard, stageName: string, laneName: string, selected: boolean, pos: XYPosition | undefined): boolean {
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
    a.data.lines === rect.lines &&
    (a.selected ?? false) === selected
  );
}

/** The layout's sizes: the normal ones, or on the big screen type sized for the screen's width. */
export function useLayoutOptions(journey: Journey, big: boolean, wrapper: RefObject<HTMLDivElement | null>): LayoutOptions {
  const [bigWidth, setBigWidth] = useState(1920);
  useEffect(() => {
    if (big) setBigWidth(wrapper.current?.clientWidth ?? window.innerWidth);
  }, [big, wrapper]);
  return useMemo(() => (big ? bigScreenLayout(journey, bigWidth) : normalLayout), [big, bigWidth, journey]);
}

export function useCanvasNodes({ journey, cards, big, focusStageId, selected, dragPos, options, far }: CanvasNodesInput): CanvasNodes {
  const editing = useJourneyUi((s) => s.editing);

  // A card being drafted takes its place at the end of its cell so the row makes room for it.
  const layoutCards = useMemo(() => {
    if (editing?.kind !== 'draft') return cards;
    const lane = journey.lanes.find((l) => l.id === editing.laneId);
    const draft = { ...createCard(journey, editing, { order: endOfCell(cards, editing), color: laneDefaultColor[lane?.kind ?? 'custom'] }), id: DRAFT_ID, text: '' };
    return [...cards, draft];
  }, [cards, editing, journey]);

  const layout: JourneyLayout = useMemo(() => layoutJourney(journey, layoutCards, options), [journey, layoutCards, options]);

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

  // Far view: which cards stay nodes, and which of those the bitmap leaves out. As sorted
  // strings, so a new Map of drag positions every frame neither redraws the bitmap nor rebuilds
  // the node list unless the set of cards changed.
  const farPx = far?.px ?? 0;
  const farHover = far?.hover ?? null;
  const dragKey = dragPos ? [...dragPos.keys()].sort().join('\n') : '';
  const hiddenKey = far ? [...new Set([DRAFT_ID, ...far.keep, ...(dragKey ? dragKey.split('\n') : [])])].sort().join('\n') : '';
  const farNode: FarNode | null = useMemo(
    () =>
      farPx > 0
        ? { id: FAR_ID, type: 'far', position: { x: 0, y: 0 }, width: layout.width, height: layout.height, draggable: false, selectable: false, focusable: false, zIndex: -1, data: { layout, cards: layoutCards, hiddenKey, px: farPx } }
        : null,
    [farPx, layout, layoutCards, hiddenKey],
  );

  const nodes: JourneyNode[] = useMemo(() => {
    const stageName = new Map(journey.stages.map((s) => [s.id, s.name]));
    const laneName = new Map(journey.lanes.map((l) => [l.id, l.name]));
    const next = new Map<string, CardNode>();
    const out: JourneyNode[] = farNode ? [gridNode, farNode] : [gridNode];
    const mounted = farNode ? new Set(hiddenKey ? hiddenKey.split('\n') : []) : null;
    if (mounted && farHover) mounted.add(farHover);
    for (const card of layoutCards) {
      if (mounted && card.id !== DRAFT_ID && !mounted.has(card.id)) continue;
      const rect = layout.cards.get(card.id);
      if (!rect) continue;
      const sn = stageName.get(card.stageId) ?? '';
      const ln = laneName.get(card.laneId) ?? '';
      const isSel = selected.has(card.id);
      const pos = dragPos?.get(card.id);
      const old = cache.current.get(card.id);
      const node: CardNode =
        old && nodeEq(old, rect, card, sn, ln, isSel, pos)
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
  }, [gridNode, farNode, hiddenKey, farHover, layoutCards, layout, journey.stages, journey.lanes, selected, dragPos]);

  return { options, layout, nodes };
}
