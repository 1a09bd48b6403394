// A number field for sizes and values: accepts "1,200,000", "2.400.000", "1,5 Mio" or "850k"
// (read in the app's locale, domain/numbers.ts), shows the compact form beside it, refuses what
// is not a storable number with a message, and commits like CommitField (300 ms after typing
// stops, on blur, before undo/redo).
import { useId } from 'react';
import { formatNumber } from '../../domain/numbers';
import { formatValue, parseSegmentNumber } from '../../domain/segment';
import { useDraft } from '../../ui/use-draft';

export interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly onCommit: (value: number) => Promise<boolean> | void;
  /** Shown under the field, e.g. "customers" or "per year". */
  readonly unit: string;
  readonly className?: string;
}

const display = (n: number) => formatNumber(n);

export function NumberField({ label, value, onCommit, unit, className }: NumberFieldProps) {
  const id = useId();
  const { draft, error, onChange, flushAndTidy } = useDraft<number>({
    stored: display(value),
    check: (v) => parseSegmentNumber(v, label),
    commit: (n) => onCommit(n),
  });

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
        onBlur={() => flushAndTidy((text) => display(parseOr(text, value, label)))}
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
