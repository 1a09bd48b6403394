// Toast messages shown in an aria-live region. Session state only.
import { create } from 'zustand';

export interface Toast {
  readonly id: number;
  readonly kind: 'info' | 'success' | 'error';
  readonly message: string;
  /** Optional action button, e.g. Undo. */
  readonly action?: { readonly label: string; readonly run: () => void };
  /**
   * Toasts of one group replace each other (the latest message shows, with how many came), e.g.
   * one per card promoted in a row: they would otherwise pile up over the screen.
   */
  readonly group?: string;
  /** How many toasts this one stands for (set when they are collapsed). */
  readonly count?: number;
}

/** At most this many toasts show at once; older ones give way. */
export const MAX_TOASTS = 3;

/** Where toasts show: 'dock' keeps them low and to the side, off a canvas (the journey workspace asks for it). */
export type ToastPlacement = 'default' | 'dock';

interface NotificationState {
  readonly toasts: readonly Toast[];
  readonly placement: ToastPlacement;
}

export const useNotifications = create<NotificationState>(() => ({ toasts: [], placement: 'default' }));

/**
 * The toasts after `t` arrives: a toast of the same group, or the same message without an action
 * (its button would act on something else), is replaced by `t` counting both; then only the
 * newest MAX_TOASTS stay. Pure.
 */
export function addToast(list: readonly Toast[], t: Toast, max = MAX_TOASTS): Toast[] {
  const same = (x: Toast) => (t.group !== undefined ? x.group === t.group : !t.action && !x.action && x.group === undefined && x.kind === t.kind && x.message === t.message);
  const earlier = list.find(same);
  const next = earlier ? { ...t, count: (earlier.count ?? 1) + (t.count ?? 1) } : t;
  return [...list.filter((x) => x !== earlier), next].slice(-max);
}

let nextId = 1;

export function notify(t: Omit<Toast, 'id' | 'count'>, timeoutMs = t.kind === 'error' ? 12000 : 6000): number {
  const id = nextId++;
  useNotifications.setState((s) => ({ toasts: addToast(s.toasts, { ...t, id }) }));
  setTimeout(() => dismiss(id), timeoutMs);
  return id;
}

export function dismiss(id: number): void {
  useNotifications.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}
