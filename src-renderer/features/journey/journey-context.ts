// What canvas nodes may ask of the canvas: stable callbacks (they read the latest journey
// through refs), so nodes never re-render because a callback changed.
import { createContext, useContext } from 'react';
import type { JourneyCard } from '../../domain/journey';

export interface CanvasActions {
  commitCardText(card: JourneyCard, text: string): Promise<boolean>;
  commitDraft(stageId: string, laneId: string, text: string): Promise<boolean>;
  /** Leaves editing and returns focus to the canvas element with this focus key. */
  leaveEditing(focusKey: string | null): void;
  focusTarget(key: string): void;
  renameStage(id: string, name: string): void;
  renameLane(id: string, name: string): void;
  moveStage(id: string, to: number): void;
  moveLane(id: string, to: number): void;
  resizeStage(id: string, width: number): void;
  resizeLane(id: string, height: number): void;
  insertStage(index: number): void;
  insertLane(index: number): void;
  requestDelete(kind: 'stage' | 'lane', id: string): void;
  /** Screen point to canvas point. */
  toFlow(p: { x: number; y: number }): { x: number; y: number };
}

export const CanvasActionsContext = createContext<CanvasActions | null>(null);

export function useCanvasActions(): CanvasActions {
  const a = useContext(CanvasActionsContext);
  if (!a) throw new Error('Journey canvas actions are missing.');
  return a;
}
