// Whether browser storage is persistent (asked once at start-up), for the settings screen.
import { create } from 'zustand';

export const usePersistenceStore = create<{ persisted: boolean | null }>(() => ({ persisted: null }));
export const usePersistence = () => usePersistenceStore((s) => s.persisted);
