// Session-only UI state shared across screens (open dialogs). Never holds documents.
import { create } from 'zustand';

interface UiState {
  readonly newWorkshopOpen: boolean;
}

export const useUi = create<UiState>(() => ({ newWorkshopOpen: false }));
