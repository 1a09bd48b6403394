// Copy, paste and delete of journey cards: the in-app clipboard (kept for the session in the
// journey UI store, plain text to the system clipboard where allowed) and removal of the focused
// card or the selection. Writes only through journey-actions.ts.
import { useCallback } from 'react';
import type { JourneyCard } from '../../domain/journey';
import { cellKey, pasteCards, readingOrder, toClip, type CellRef } from '../../domain/journey-layout';
import { notify } from '../../state/notifications';
import { pasteCellFor } from './canvas-actions';
import { addCards, deleteCards } from './journey-actions';
import { useJourneyUi } from './journey-ui';
import type { LiveRef } from './use-canvas-nodes';

export interface CanvasClipboard {
  copy(focusedId?: string): boolean;
  paste(cell?: CellRef): void;
  remove(focusedId?: string): void;
}

export function useCanvasClipboard(live: LiveRef, onSelectedChange: (s: ReadonlySet<string>) => void, focusTarget: (key: string) => void): CanvasClipboard {
  /** The focused card alone when it is not selected, else the selection. */
  const targetCards = useCallback(
    (focusedId?: string): JourneyCard[] => {
      const { cards: cs, selected: sel } = live.current;
      const ids = focusedId && !sel.has(focusedId) ? new Set([focusedId]) : sel;
      return cs.filter((c) => ids.has(c.id));
    },
    [live],
  );

  const copy = useCallback(
    (focusedId?: string) => {
      const list = targetCards(focusedId);
      if (list.length === 0) return false;
      const clip = toClip(live.current.journey, list);
      useJourneyUi.setState({ clipboard: clip });
      // Plain text for other apps too, where the browser allows it.
      navigator.clipboard?.writeText(clip.map((c) => c.text).join('\n')).catch(() => undefined);
      notify({ kind: 'info', message: `Copied ${list.length} ${list.length === 1 ? 'card' : 'cards'}` }, 2500);
      return true;
    },
    [live, targetCards],
  );

  const paste = useCallback(
    (cell?: CellRef) => {
      const { clipboard: clip, active } = useJourneyUi.getState();
      const { journey: j, cards: cs } = live.current;
      if (clip.length === 0) {
        notify({ kind: 'info', message: 'Nothing to paste: copy cards first (Ctrl+C).' });
        return;
      }
      // The toolbar's Paste names no cell: it lands where the canvas's focus is (canvas-actions.ts).
      let target = cell ?? pasteCellFor(active, j, cs, live.current.selected);
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
    [live, onSelectedChange],
  );

  const remove = useCallback(
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
    [live, targetCards, onSelectedChange, focusTarget],
  );

  return { copy, paste, remove };
}
