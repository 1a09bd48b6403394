// The items of a value map: a need (text, importance 1–5, remove) and an offer (text, the needs
// it answers, remove). Enter in an item's text adds the next item below it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ChevronDown, Link2, Trash2 } from 'lucide-react';
import {
  importanceLabels,
  needKindLabels,
  segmentLimits,
  type Need,
  type NeedKind,
  type Offer,
} from '../../domain/segment';
import { CommitField } from '../../ui/commit-field';

/** Enter (without Shift, outside an IME composition) in the item's text box; Shift+Enter keeps a line break. */
export function onEnterAddNext(add: () => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    if (!(e.target instanceof HTMLTextAreaElement) || !e.target.closest('.vm-text')) return;
    e.preventDefault();
    add();
  };
}

export interface NeedItemProps {
  readonly need: Need;
  /** "Pain 2": the item's accessible name. */
  readonly name: string;
  readonly onText: (text: string) => Promise<boolean>;
  readonly onImportance: (importance: number) => void;
  readonly onRemove: () => void;
  readonly onAddNext: () => void;
  readonly answered: boolean;
}

export function NeedItem({ need, name, onText, onImportance, onRemove, onAddNext, answered }: NeedItemProps) {
  return (
    <li className={`vm-item vm-need vm-kind-${need.kind}`} data-item-id={need.id} onKeyDown={onEnterAddNext(onAddNext)}>
      <span className={`vm-status ${answered ? 'vm-status-answered' : 'vm-status-open'}`} title={answered ? 'Answered by our offer' : 'Not answered yet'}>
        <span className="visually-hidden">{answered ? 'Answered' : 'Not answered'}</span>
      </span>
      <CommitField
        label={name}
        hideLabel
        multiline
        rows={1}
        className="vm-text"
        value={need.text}
        maxLength={segmentLimits.needText}
        placeholder={`Describe this ${need.kind}…`}
        onCommit={onText}
      />
      <Importance value={need.importance} name={`Importance of ${name.toLowerCase()}`} onChange={onImportance} />
      <button type="button" className="icon-button icon-button-danger vm-remove" aria-label={`Remove ${name.toLowerCase()}`} title="Remove" onClick={onRemove}>
        <Trash2 size={16} aria-hidden />
      </button>
    </li>
  );
}

/** Importance 1–5 as a radio group of pips: arrows change it, Home/End jump to the ends. */
export function Importance({ value, name, onChange }: { value: number; name: string; onChange: (v: number) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const set = (v: number) => {
    const next = Math.min(5, Math.max(1, v));
    if (next !== value) onChange(next);
    refs.current[next - 1]?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const map: Record<string, number> = { ArrowRight: value + 1, ArrowUp: value + 1, ArrowLeft: value - 1, ArrowDown: value - 1, Home: 1, End: 5 };
    const to = map[e.key];
    if (to === undefined) {
      if (/^[1-5]$/.test(e.key)) {
        e.preventDefault();
        set(Number(e.key));
      }
      return;
    }
    e.preventDefault();
    set(to);
  };
  return (
    <div className="importance" role="radiogroup" aria-label={name} onKeyDown={onKey} title={`Importance: ${importanceLabels[value]}`}>
      {[1, 2, 3, 4, 5].map((v) => (
        <button
          key={v}
          ref={(el) => {
            refs.current[v - 1] = el;
          }}
          type="button"
          role="radio"
          aria-checked={v === value}
          aria-label={`${v} – ${importanceLabels[v]}`}
          tabIndex={v === value ? 0 : -1}
          className={`importance-pip${v <= value ? ' importance-pip-on' : ''}`}
          onClick={() => set(v)}
        />
      ))}
    </div>
  );
}

export interface OfferItemProps {
  readonly offer: Offer;
  readonly name: string;
  readonly needs: readonly Need[];
  /** Accessible name of a need, e.g. "Pain 2". */
  readonly needName: (n: Need) => string;
  readonly onText: (text: string) => Promise<boolean>;
  readonly onLink: (needId: string, on: boolean) => void;
  readonly onRemove: () => void;
  readonly onAddNext: () => void;
}

export function OfferItem({ offer, name, needs, needName, onText, onLink, onRemove, onAddNext }: OfferItemProps) {
  const linked = needs.filter((n) => offer.needIds.includes(n.id));
  const title = offer.text.trim() || name.toLowerCase();
  return (
    <li className={`vm-item vm-offer vm-kind-${offer.kind}`} data-item-id={offer.id} onKeyDown={onEnterAddNext(onAddNext)}>
      <div className="vm-offer-main">
        <CommitField
          label={name}
          hideLabel
          multiline
          rows={1}
          className="vm-text"
          value={offer.text}
          maxLength={segmentLimits.offerText}
          placeholder="Describe what we offer…"
          onCommit={onText}
        />
        <AnswersPicker title={title} needs={needs} needName={needName} selected={offer.needIds} onLink={onLink} />
        <button type="button" className="icon-button icon-button-danger vm-remove" aria-label={`Remove ${name.toLowerCase()}`} title="Remove" onClick={onRemove}>
          <Trash2 size={16} aria-hidden />
        </button>
      </div>
      {linked.length > 0 ? (
        <ul className="vm-links" aria-label={`Needs answered by ${title}`}>
          {linked.map((n) => (
            <li key={n.id} className={`vm-link vm-kind-${n.kind}`}>
              <Link2 size={12} aria-hidden /> {n.text.trim() || needName(n)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="vm-nolink">No need linked yet</p>
      )}
    </li>
  );
}

/** "Answers…": a popover checklist of the segment's needs. */
function AnswersPicker({
  title,
  needs,
  needName,
  selected,
  onLink,
}: {
  title: string;
  needs: readonly Need[];
  needName: (n: Need) => string;
  selected: readonly string[];
  onLink: (needId: string, on: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const popId = useId();
  // Ticks show at once; the stored links catch up a moment later and then win again.
  const [pending, setPending] = useState<Readonly<Record<string, boolean>>>({});
  useEffect(() => setPending({}), [selected]);
  const isOn = (id: string) => pending[id] ?? selected.includes(id);
  const count = needs.filter((n) => selected.includes(n.id)).length;

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLInputElement>('input')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const kinds: NeedKind[] = ['job', 'pain', 'gain'];
  return (
    <div className="answers">
      <button
        ref={button}
        type="button"
        className={`btn btn-small answers-button${count > 0 ? ' answers-button-linked' : ''}`}
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? popId : undefined}
        aria-label={`Answers… ${count} ${count === 1 ? 'need' : 'needs'} linked to ${title}`}
        onClick={() => setOpen((o) => !o)}
      >
        Answers{count > 0 ? ` ${count}` : '…'} <ChevronDown size={14} aria-hidden />
      </button>
      {open ? (
        <div
          ref={panel}
          id={popId}
          className="answers-popover"
          role="group"
          aria-label={`Needs answered by ${title}`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              close();
            }
            // Enter toggles like Space instead of adding an item.
            if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
              e.preventDefault();
              e.stopPropagation();
              e.target.click();
            }
          }}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node) && e.relatedTarget !== button.current) setOpen(false);
          }}
        >
          <p className="answers-title">Which needs does it answer?</p>
          {needs.length === 0 ? <p className="muted small">Add the segment’s needs first.</p> : null}
          {kinds.map((k) => {
            const list = needs.filter((n) => n.kind === k);
            if (list.length === 0) return null;
            return (
              <div key={k} className="answers-group">
                <p className="answers-kind">{needKindLabels[k]}</p>
                {list.map((n) => (
                  <label key={n.id} className="answers-option">
                    <input
                      type="checkbox"
                      checked={isOn(n.id)}
                      onChange={(e) => {
                        const on = e.target.checked;
                        setPending((p) => ({ ...p, [n.id]: on }));
                        onLink(n.id, on);
                      }}
                    />
                    <span>{n.text.trim() || <em className="muted">{needName(n)} (no text yet)</em>}</span>
                  </label>
                ))}
              </div>
            );
          })}
          <div className="answers-footer">
            <button type="button" className="btn btn-small" onClick={close}>
              Done
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
