// Toast messages shown in an aria-live region. Session state only.
import { create } from 'zustand';

export interface Toast {
  readonly id: number;
  readonly kind: 'info' | 'success' | 'error';
  readonly message: string;
  /** Optional action button, e.g. Undo. */
  readonly action?: { readonly label: string; readonly run: () => void };
}

interface NotificationState {
  readonly toasts: readonly Toast[];
}

export const useNotifications = create<NotificationState>(() => ({ toasts: [] }));

let nextId = 1;

export function notify(t: Omit<Toast, 'id'>, timeoutMs = t.kind === 'error' ? 12000 : 6000): number {
  const id = nextId++;
  useNotifications.setState((s) => ({ toasts: [...s.toasts, { ...t, id }].slice(-4) }));
  setTimeout(() => dismiss(id), timeoutMs);
  return id;
}

export function dismiss(id: number): void {
  useNotifications.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}
