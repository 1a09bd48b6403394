// A number field for sizes and values: accepts "1,200,000", "1.2 M" or "850k", shows the compact
// form beside it, refuses what is not a storable number with a message, and commits like
// CommitField (300 ms after typing stops, on blur, before undo/redo).
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { registerFlusher } from '../../state/history';
import { formatValue, parseSegmentNumber } from '../../domain/segment';
import { TYPING_DEBOUNCE_MS } from '../../ui/commit-field';

export interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly onCommit: (value: number) => Promise<boolean> | void;
  /** Shown under the field, e.g. "customers" or "per year". */
  readonly unit: string;
  readonly className?: string;
}

const display = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

export function NumberField({ label, value, onCommit, unit, className }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(display(value));
  const [error, setError] = useState<string | null>(null);
  const dirty = useRef(false);
  const draftRef = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  useEffect(() => {
    if (!dirty.current) {
      setDraft(display(value));
      draftRef.current = display(value);
    }
  }, [value]);

  const flush = useCallback(() => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (!dirty.current) return;
    const parsed = parseSegmentNumber(draftRef.current, label);
    if ('error' in parsed) return;
    dirty.current = false;
    void commitRef.current(parsed.value);
  }, [label]);

  useEffect(() => registerFlusher(flush), [flush]);
  useEffect(() => () => flush(), [flush]);

  const onChange = (v: string) => {
    setDraft(v);
    draftRef.current = v;
    dirty.current = true;
    const parsed = parseSegmentNumber(v, label);
    setError('error' in parsed ? parsed.error : null);
    if (timer.current) clearTimeout(timer.current);
    timer.current = 'error' in parsed ? null : setTimeout(flush, TYPING_DEBOUNCE_MS);
  };

  const parsed = parseSegmentNumber(draft, label);
  const preview = 'value' in parsed ? parsed.value : value;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className={`field seg-number ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className={`field-input seg-number-input${error ? ' field-input-invalid' : ''}`}
        inputMode="decimal"
        autoComplete="off"
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : hintId}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          flush();
          if (!dirty.current) setDraft(display(parseOr(draftRef.current, value, label)));
        }}
      />
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : (
        <p id={hintId} className="field-hint">
          {unit === 'customers' ? `${formatValue(preview)} customers` : `${formatValue(preview)} ${unit}`}
        </p>
      )}
    </div>
  );
}

function parseOr(text: string, fallback: number, label: string): number {
  const p = parseSegmentNumber(text, label);
  return 'value' in p ? p.value : fallback;
}
