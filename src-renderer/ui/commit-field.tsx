// A text field that stores what is typed without a save button: it commits 300 ms after the
// last keystroke, on blur, before undo/redo and when the page is hidden. Over-long text is
// refused with a message, never silently cut.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { registerFlusher } from '../state/history';
import { textLength, tooLongMessage } from '../domain/workshop';

export const TYPING_DEBOUNCE_MS = 300;

export interface CommitFieldProps {
  readonly label: string;
  readonly value: string;
  readonly maxLength: number;
  /** Stores the new value; returns false if it could not be stored. */
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
}

export function CommitField(props: CommitFieldProps) {
  const { value, maxLength, onCommit, label, requiredMessage } = props;
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const dirty = useRef(false);
  const draftRef = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  // Follow the stored value (undo, another window) unless the user is mid-edit.
  useEffect(() => {
    if (!dirty.current) {
      setDraft(value);
      draftRef.current = value;
    }
  }, [value]);

  const validate = useCallback(
    (v: string): string | null => {
      if (textLength(v) > maxLength) return tooLongMessage(label, maxLength);
      if (requiredMessage && !v.trim()) return requiredMessage;
      return null;
    },
    [label, maxLength, requiredMessage],
  );

  const flush = useCallback(() => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (!dirty.current) return;
    const v = draftRef.current;
    if (validate(v)) return;
    dirty.current = false;
    void commitRef.current(v);
  }, [validate]);

  useEffect(() => registerFlusher(flush), [flush]);
  useEffect(() => () => flush(), [flush]);

  const onChange = (v: string) => {
    setDraft(v);
    draftRef.current = v;
    dirty.current = true;
    const problem = validate(v);
    setError(problem);
    if (timer.current) clearTimeout(timer.current);
    timer.current = problem ? null : setTimeout(flush, TYPING_DEBOUNCE_MS);
  };

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
