// Moving journey cards: React Flow's node changes (selection and drag positions), dropping a
// dragged card or selection into a cell, and moving cards one cell by keyboard. Dragged
// positions are kept until the stored move arrives, so a card never flashes back.
import { useCallback, useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { NodeChange, XYPosition } from '@xyflow/react';
import type { JourneyCard } from '../../domain/journey';
import { dropCellAt, dropIndex, moveCardsBy, moveCardsTo, readingOrder, type Direction } from '../../domain/journey-layout';
import { notify } from '../../state/notifications';
import { moveCardsAction } from './journey-actions';
import type { JourneyNode } from './journey-nodes';
import { DRAFT_ID } from './journey-ui';
import type { LiveRef } from './use-canvas-nodes';

/** Should the stored move not change the cards (another window moved them back), settle anyway. */
const SETTLE_FALLBACK_MS = 1500;

/** Card positions while a drag is under way or settling; the canvas holds them, its nodes show them. */
export type { DragPositions } from './use-canvas-nodes';
import type { DragPositions } from './use-canvas-nodes';

export interface CanvasDrag {
  onNodesChange(changes: NodeChange<JourneyNode>[]): void;
  onNodeDragStop(e: unknown, node: JourneyNode, dragged: JourneyNode[]): void;
  moveByKeyboard(focusedId: string, dir: Direction): void;
}

const moveLabel = (n: number) => (n === 1 ? 'Move card' : `Move ${n} cards`);

export function useCanvasDrag(
  live: LiveRef,
  cards: readonly JourneyCard[],
  setDragPos: Dispatch<SetStateAction<DragPositions>>,
  onSelectedChange: (s: ReadonlySet<string>) => void,
  focusAfterChange: (key: string) => void,
): CanvasDrag {
  const settling = useRef(false);

  useEffect(() => {
    if (settling.current) {
      settling.current = false;
      setDragPos(null);
    }
  }, [cards, setDragPos]);

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
    [live, onSelectedChange, setDragPos],
  );

  const onNodeDragStop = useCallback(
    (_e: unknown, node: JourneyNode, dragged: JourneyNode[]) => {
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
      const places = moveCardsTo(cs, ids, cell, dropIndex(l, cell, centre, new Set(ids)));
      if (places.length === 0) {
        setDragPos(null);
        return;
      }
      settling.current = true;
      void moveCardsAction(j.workshopId, places, moveLabel(ids.length)).then((ok) => {
        if (!ok) setDragPos(null);
      });
      setTimeout(() => {
        if (settling.current) {
          settling.current = false;
          setDragPos(null);
        }
      }, SETTLE_FALLBACK_MS);
    },
    [live, setDragPos],
  );

  const moveByKeyboard = useCallback(
    (focusedId: string, dir: Direction) => {
      const { journey: j, cards: cs, selected: sel } = live.current;
      const ids = sel.has(focusedId) ? [...sel] : [focusedId];
      const places = moveCardsBy(j, cs, ids, dir);
      if (!places) {
        notify({ kind: 'info', message: 'That is the edge of the journey.' }, 2500);
        return;
      }
      focusAfterChange(`card:${focusedId}`);
      void moveCardsAction(j.workshopId, places, moveLabel(ids.length));
    },
    [live, focusAfterChange],
  );

  return { onNodesChange, onNodeDragStop, moveByKeyboard };
}
