// Session state of the journey canvas: which card is being edited (or drafted), which canvas
// element holds the roving tab stop, and the in-app clipboard. Never holds documents.
import { create } from 'zustand';
import type { ClipCard } from '../../domain/journey-layout';

export const DRAFT_ID = '__draft__';

export type Editing =
  | { readonly kind: 'card'; readonly id: string }
  /** A new card being typed into a cell; stored only when committed with text. */
  | { readonly kind: 'draft'; readonly stageId: string; readonly laneId: string };

interface JourneyUiState {
  readonly editing: Editing | null;
  /** focusKey of the element that carries tabIndex=0 on the canvas. */
  readonly active: string | null;
  /** Copied cards, kept across journeys (and workshops) for this session. */
  readonly clipboard: readonly ClipCard[];
  /** Whether the canvas shows its minimap (off by default: it costs frame rate while panning). */
  readonly minimap: boolean;
  /** focusKey of a stage or lane header just added, open for renaming ('stage:id' or 'lane:id'). */
  readonly renaming: string | null;
  /** A card whose text is cut off, hovered or focused: its whole text shows over the canvas (CardPeek). */
  readonly peek: string | null;
}

export const useJourneyUi = create<JourneyUiState>(() => ({ editing: null, active: null, clipboard: [], minimap: false, renaming: null, peek: null }));

export const isEditingCard = (id: string) => (s: JourneyUiState) => s.editing !== null && (s.editing.kind === 'card' ? s.editing.id === id : id === DRAFT_ID);
