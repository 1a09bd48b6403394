// The journey canvas's layout and React Flow nodes: one grid node and one node per card (plus the
// card being drafted). A card node keeps its identity while nothing it shows changed, so memoised
// nodes skip rendering; this hook never reads the DOM and never writes documents.
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { XYPosition } from '@xyflow/react';
import { createCard, laneDefaultColor, type Journey, type JourneyCard } from '../../domain/journey';
import { bigScreenLayout, endOfCell, layoutJourney, normalLayout, type JourneyLayout, type CardRect, type LayoutOptions } from '../../domain/journey-layout';
import type { CardNode, GridNode, JourneyNode } from './journey-nodes';
import { DRAFT_ID, useJourneyUi } from './journey-ui';

export const GRID_ID = '__grid__';

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
  readonly wrapper: RefObject<HTMLDivElement | null>;
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

export function useCanvasNodes({ journey, cards, big, focusStageId, selected, dragPos, wrapper }: CanvasNodesInput): CanvasNodes {
  const editing = useJourneyUi((s) => s.editing);
  const [bigWidth, setBigWidth] = useState(1920);

  useEffect(() => {
    if (big) setBigWidth(wrapper.current?.clientWidth ?? window.innerWidth);
  }, [big, wrapper]);

  const options: LayoutOptions = useMemo(() => (big ? bigScreenLayout(journey, bigWidth) : normalLayout), [big, bigWidth, journey]);

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
  }, [gridNode, layoutCards, layout, journey.stages, journey.lanes, selected, dragPos]);

  return { options, layout, nodes };
}
