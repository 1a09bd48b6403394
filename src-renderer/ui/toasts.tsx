// Renders toast messages in a polite live region (errors are assertive).
import { X } from 'lucide-react';
import { dismiss, useNotifications } from '../state/notifications';

export function Toasts() {
  const toasts = useNotifications((s) => s.toasts);
  const placement = useNotifications((s) => s.placement);
  return (
    <div className={`toasts toasts-${placement}`} aria-live="polite" role="status">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : undefined}>
          <span className="toast-message">{t.message}</span>
          {t.count && t.count > 1 ? (
            <span className="toast-count">
              <span aria-hidden>×{t.count}</span>
              <span className="visually-hidden">({t.count} in a row)</span>
            </span>
          ) : null}
          {t.action ? (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                t.action?.run();
                dismiss(t.id);
              }}
            >
              {t.action.label}
            </button>
          ) : null}
          <button type="button" className="icon-button toast-close" aria-label="Dismiss message" onClick={() => dismiss(t.id)}>
            <X size={16} aria-hidden />
          </button>
        </div>
      ))}
    </div>
  );
}
