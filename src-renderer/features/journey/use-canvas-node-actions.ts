// What the canvas's nodes (card editor, stage and lane headers) may ask of it, as one stable
// object for CanvasActionsContext: nodes never re-render because a callback changed. Writes go
// through journey-actions.ts; this hook holds no state of its own.
import { useMemo, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import { createCard, laneDefaultColor } from '../../domain/journey';
import { endOfCell } from '../../domain/journey-layout';
import {
  addCards,
  addLane,
  addStage,
  moveLaneAction,
  moveStageAction,
  renameLaneAction,
  renameStageAction,
  resizeLaneAction,
  resizeStageAction,
  setCardText,
} from './journey-actions';
import type { CanvasActions } from './journey-context';
import type { JourneyNode } from './journey-nodes';
import { useJourneyUi } from './journey-ui';
import type { CanvasFocus } from './use-canvas-focus';
import type { LiveRef } from './use-canvas-nodes';

export function useCanvasNodeActions(
  live: LiveRef,
  focus: Pick<CanvasFocus, 'focusTarget' | 'focusAfterChange' | 'renameNew'>,
  onRequestDelete: (kind: 'stage' | 'lane', id: string) => void,
): CanvasActions {
  const rf = useReactFlow<JourneyNode>();
  const requestDeleteRef = useRef(onRequestDelete);
  requestDeleteRef.current = onRequestDelete;
  const { focusTarget, focusAfterChange, renameNew } = focus;

  return useMemo(
    () => ({
      commitCardText: (card, text) => setCardText(card, text),
      commitDraft: async (stageId, laneId, text) => {
        const { journey: j, cards: cs } = live.current;
        const lane = j.lanes.find((x) => x.id === laneId);
        const card = createCard(j, { stageId, laneId }, { text, order: endOfCell(cs, { stageId, laneId }), color: laneDefaultColor[lane?.kind ?? 'custom'] });
        focusAfterChange(`card:${card.id}`);
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
        focusAfterChange(`stage:${id}`);
        void moveStageAction(live.current.journey, id, to);
      },
      moveLane: (id, to) => {
        focusAfterChange(`lane:${id}`);
        void moveLaneAction(live.current.journey, id, to);
      },
      resizeStage: (id, w) => void resizeStageAction(live.current.journey, id, w),
      resizeLane: (id, h) => void resizeLaneAction(live.current.journey, id, h),
      // A new stage or lane comes into view with its name open for typing.
      insertStage: (index) =>
        void addStage(live.current.journey, index).then((id) => {
          if (id) renameNew(`stage:${id}`);
        }),
      insertLane: (index) =>
        void addLane(live.current.journey, 'custom', index).then((id) => {
          if (id) renameNew(`lane:${id}`);
        }),
      requestDelete: (kind, id) => requestDeleteRef.current(kind, id),
      toFlow: (p) => rf.screenToFlowPosition(p),
    }),
    [live, focusTarget, focusAfterChange, renameNew, rf],
  );
}
