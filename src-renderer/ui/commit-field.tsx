// A text field that stores what is typed without a save button: it commits 300 ms after the
// last keystroke, on blur, before undo/redo and when the page is hidden, and journals typing
// until then (see use-draft.ts). Over-long text is refused with a message, never silently cut.
import { useId } from 'react';
import { textLength, tooLongMessage } from '../domain/workshop';
import { useDraft } from './use-draft';
import type { KnownRow } from '../state/draft-recorder';

export { TYPING_DEBOUNCE_MS } from './use-draft';

export interface CommitFieldProps {
  readonly label: string;
  readonly value: string;
  readonly maxLength: number;
  /** Stores the new value (by submitting commands: it is also dry-run, see use-draft.ts); returns false if it could not be stored. */
  readonly onCommit: (value: string) => Promise<boolean> | void;
  readonly multiline?: boolean;
  readonly rows?: number;
  readonly placeholder?: string;
  /** Visually hide the label (it is still the accessible name). */
  readonly hideLabel?: boolean;
  /** Refuse an empty value with this message. */
  readonly requiredMessage?: string;
  readonly type?: 'text' | 'date';
  readonly className?: string;
  readonly hint?: string;
  readonly autoFocus?: boolean;
  /**
   * The rows onCommit writes, as the screen holds them: typing is then journaled from the first
   * keystroke, even before the journal's own read of the rows arrives (see use-draft.ts).
   */
  readonly known?: () => readonly KnownRow[];
}

export function CommitField(props: CommitFieldProps) {
  const { value, maxLength, onCommit, label, requiredMessage } = props;
  const id = useId();
  const { draft, error, onChange, flush, prepare } = useDraft<string>({
    stored: value,
    check: (v) => {
      if (textLength(v) > maxLength) return { error: tooLongMessage(label, maxLength) };
      if (requiredMessage && !v.trim()) return { error: requiredMessage };
      return { value: v };
    },
    commit: (v) => onCommit(v),
    rows: props.known,
    // The field is known by where it is and its label: text that cannot be stored comes back there.
    keepKey: `${window.location.hash}\u0000${label}`,
  });

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: draft,
    placeholder: props.placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    autoFocus: props.autoFocus,
    onBlur: flush,
    onFocus: prepare,
    className: `field-input${error ? ' field-input-invalid' : ''}`,
  } as const;
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={props.type ?? 'text'} onChange={(e) => onChange(e.target.value)} />
      )}
      {props.hint && !error ? (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
