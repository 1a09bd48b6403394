// One list of a persona (goals, pains…) as editable rows: one text field per claim with its
// evidence kind and, optionally, where exactly it comes from (its source). Keyboard: Enter adds a claim below, Backspace in an empty claim removes it,
// Alt+ArrowUp/Down moves it, ArrowUp/Down walks between claims. A handle drags rows with the mouse.
// Typing is kept as a draft and stored 300 ms after the last keystroke (as CommitField does).
// Keys typed after Enter, before the new claim's row exists, go into the new claim, not the old.
import { useId, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { GripVertical, Plus, X } from 'lucide-react';
import {
  evidenceLabels,
  evidenceSources,
  listCoverage,
  personaLimits,
  personaListLabels,
  personaListSingular,
  validatePersonaText,
  type Claim,
  type EvidenceSource,
  type Persona,
  type PersonaListField,
} from '../../domain/persona';
import { newId } from '../../domain/ids';
import { useDraft } from '../../ui/use-draft';
import { addClaimAt, moveClaimTo, removeClaimById, setClaimCitation, setClaimSource, setClaimText } from './persona-actions';
import { EvidenceBar } from './persona-visuals';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function claimInput(list: HTMLElement | null, claimId: string): HTMLInputElement | undefined {
  return Array.from(list?.querySelectorAll<HTMLInputElement>('input[data-claim-id]') ?? []).find((i) => i.dataset.claimId === claimId);
}

interface ClaimRowProps {
  readonly claim: Claim;
  readonly index: number;
  readonly singular: string;
  readonly onCommitText: (text: string) => void;
  readonly onCommitCitation: (citation: string) => void;
  readonly onSource: (s: EvidenceSource) => void;
  /** Takes a key typed while a new claim is on its way (true: the key is kept for it). */
  readonly typeAhead: (e: KeyboardEvent<HTMLInputElement>) => boolean;
  /** The keys typed ahead for this claim if it is the new one, once. */
  readonly takeTypedAhead: () => string;
  readonly onEnter: () => void;
  readonly onRemove: (how: 'keyboard' | 'button') => void;
  readonly onMove: (delta: number) => void;
  readonly onFocusSibling: (delta: number) => void;
  readonly dragHandlers: {
    readonly onDragStart: (e: DragEvent<HTMLElement>) => void;
    readonly onDragEnd: () => void;
  };
  readonly dropEdge: 'before' | 'after' | null;
  readonly dragging: boolean;
  readonly onRowDragOver: (e: DragEvent<HTMLLIElement>) => void;
  readonly onRowDrop: (e: DragEvent<HTMLLIElement>) => void;
}

function ClaimRow(props: ClaimRowProps) {
  const { claim, index, singular } = props;
  const n = index + 1;
  const name = `${capital(singular)} ${n}`;
  const errorId = useId();
  const { draft, error, onChange, flush, cancel } = useDraft<string>({
    stored: claim.text,
    check: (v) => {
      const problem = validatePersonaText('claim', v, name);
      return problem ? { error: problem } : { value: v };
    },
    commit: (v) => props.onCommitText(v),
    keepKey: `claim:${claim.id}`,
  });

  // A claim just added by Enter starts with whatever was typed before its row appeared.
  useLayoutEffect(() => {
    const ahead = props.takeTypedAhead();
    if (ahead) onChange(ahead);
    // Once, when the row first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Never act in the middle of an input-method composition (Japanese, Chinese, Korean…).
    if (e.nativeEvent.isComposing) return;
    if (props.typeAhead(e)) {
      e.preventDefault();
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (error) return;
      flush();
      props.onEnter();
    } else if (e.key === 'Backspace' && draft === '' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      cancel();
      props.onRemove('keyboard');
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (!error) flush();
      props.onMove(e.key === 'ArrowUp' ? -1 : 1);
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.altKey && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      props.onFocusSibling(e.key === 'ArrowUp' ? -1 : 1);
    }
  };

  const onHandleKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      flush();
      props.onMove(e.key === 'ArrowUp' ? -1 : 1);
    }
  };

  const cls = ['claim-row', props.dragging ? 'claim-row-dragging' : '', props.dropEdge ? `claim-row-drop-${props.dropEdge}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li className={cls} onDragOver={props.onRowDragOver} onDrop={props.onRowDrop} data-claim-row={claim.id}>
      <button
        type="button"
        className="icon-button claim-handle"
        draggable
        aria-label={`Drag to reorder ${singular} ${n}`}
        title="Drag to reorder (or Alt+↑ / Alt+↓ in the text)"
        onDragStart={props.dragHandlers.onDragStart}
        onDragEnd={props.dragHandlers.onDragEnd}
        onKeyDown={onHandleKey}
      >
        <GripVertical size={16} aria-hidden />
      </button>
      <div className="claim-text">
        <input
          className={`field-input claim-input${error ? ' field-input-invalid' : ''}`}
          data-claim-id={claim.id}
          aria-label={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          aria-keyshortcuts="Enter Backspace Alt+ArrowUp Alt+ArrowDown"
          value={draft}
          placeholder={index === 0 ? `A ${singular}, in the customer’s terms` : undefined}
          onChange={(e) => onChange(e.target.value)}
          onBlur={flush}
          onKeyDown={onKeyDown}
        />
        {error ? (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <CitationField claim={claim} label={`Source of ${singular} ${n}`} onCommit={props.onCommitCitation} />
      </div>
      <select
        className={`evidence-pill evidence-${claim.source}`}
        aria-label={`Evidence for ${singular} ${n}`}
        value={claim.source}
        onChange={(e) => props.onSource(e.target.value as EvidenceSource)}
      >
        {evidenceSources.map((s) => (
          <option key={s} value={s}>
            {evidenceLabels[s]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="icon-button icon-button-danger claim-remove"
        aria-label={`Remove ${singular} ${n}`}
        title="Remove"
        onClick={() => {
          cancel();
          props.onRemove('button');
        }}
      >
        <X size={16} aria-hidden />
      </button>
    </li>
  );
}

/** Where exactly a claim comes from: a small optional field under the claim's text. */
function CitationField({ claim, label, onCommit }: { claim: Claim; label: string; onCommit: (citation: string) => void }) {
  const errorId = useId();
  const { draft, error, onChange, flush } = useDraft<string>({
    stored: claim.citation ?? '',
    check: (v) => {
      const problem = validatePersonaText('citation', v, label);
      return problem ? { error: problem } : { value: v };
    },
    commit: (v) => onCommit(v),
    keepKey: `claim-citation:${claim.id}`,
  });
  return (
    <>
      <input
        className={`field-input claim-citation${error ? ' field-input-invalid' : ''}`}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={draft}
        placeholder="Source, e.g. interview 3, March"
        onChange={(e) => onChange(e.target.value)}
        onBlur={flush}
      />
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

type FocusTarget = { readonly claimId: string } | 'add';

export function ClaimList({ persona, field }: { persona: Persona; field: PersonaListField }) {
  const claims = persona[field];
  const singular = personaListSingular[field];
  const { label, hint } = personaListLabels[field];
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const pendingFocus = useRef<FocusTarget | null>(null);
  // Keys typed after Enter while the new claim is being stored belong to the new claim; another
  // Enter meanwhile starts one more. Each entry waits for its claim's row to appear.
  const typedAhead = useRef<{ claimId: string; index: number; text: string }[]>([]);
  const [drag, setDrag] = useState<{ id: string; insertAt: number | null } | null>(null);
  const [fullMessage, setFullMessage] = useState(false);
  const full = claims.length >= personaLimits.claimsPerList;
  const coverage = listCoverage(claims);

  // Focus follows the claim that was added, moved or is next after a removal, once it is rendered.
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    if (target === 'add') {
      pendingFocus.current = null;
      addRef.current?.focus();
      return;
    }
    const input = claimInput(listRef.current, target.claimId);
    if (input) {
      pendingFocus.current = null;
      if (document.activeElement !== input) input.focus();
      const end = input.value.length;
      input.setSelectionRange(end, end);
    }
  }, [claims]);

  const focusClaim = (claimId: string | undefined) => {
    pendingFocus.current = claimId ? { claimId } : 'add';
    const input = claimId ? claimInput(listRef.current, claimId) : undefined;
    if (input) {
      pendingFocus.current = null;
      input.focus();
    } else if (!claimId) {
      pendingFocus.current = null;
      addRef.current?.focus();
    }
  };

  const add = (index: number, fromKeyboard = false) => {
    if (full) {
      setFullMessage(true);
      return;
    }
    const id = newId();
    pendingFocus.current = { claimId: id };
    if (fromKeyboard) typedAhead.current = [...typedAhead.current, { claimId: id, index, text: '' }];
    void addClaimAt(persona, field, index, id).then((ok) => {
      if (!ok) typedAhead.current = typedAhead.current.filter((t) => t.claimId !== id);
    });
  };

  const typeAhead = (e: KeyboardEvent<HTMLInputElement>): boolean => {
    const last = typedAhead.current.at(-1);
    if (!last || e.ctrlKey || e.metaKey || e.altKey) return false;
    if (e.key.length === 1) last.text += e.key;
    else if (e.key === 'Backspace') last.text = Array.from(last.text).slice(0, -1).join('');
    // Commands apply in order, so the next claim goes right below the one still on its way.
    else if (e.key === 'Enter' && !e.shiftKey) add(last.index + 1, true);
    else return false;
    return true;
  };

  const takeTypedAhead = (claimId: string): string => {
    const t = typedAhead.current.find((x) => x.claimId === claimId);
    if (!t) return '';
    typedAhead.current = typedAhead.current.filter((x) => x !== t);
    return t.text;
  };

  const remove = (i: number, claim: Claim) => {
    const next = claims[i - 1] ?? claims[i + 1];
    pendingFocus.current = next ? { claimId: next.id } : 'add';
    setFullMessage(false);
    void removeClaimById(persona, field, claim.id);
  };

  const move = (i: number, claim: Claim, delta: number) => {
    const to = i + delta;
    if (to < 0 || to >= claims.length) return;
    pendingFocus.current = { claimId: claim.id };
    void moveClaimTo(persona, field, claim.id, to);
  };

  const insertAtFromEvent = (e: DragEvent<HTMLLIElement>, i: number) => {
    const r = e.currentTarget.getBoundingClientRect();
    return e.clientY < r.top + r.height / 2 ? i : i + 1;
  };

  // Where to insert comes from the drop itself: a drop can follow its only dragover before the
  // state that dragover set has been rendered.
  const onDrop = (insertAt: number) => {
    if (!drag) return;
    const from = claims.findIndex((c) => c.id === drag.id);
    if (from !== -1) {
      const to = insertAt > from ? insertAt - 1 : insertAt;
      if (to !== from) void moveClaimTo(persona, field, drag.id, to);
    }
    setDrag(null);
  };

  return (
    <section className="card claim-section" aria-labelledby={headingId}>
      <header className="claim-section-header">
        <div>
          <h2 id={headingId}>{label}</h2>
          <p className="field-hint">{hint}</p>
        </div>
        <div className="claim-section-coverage">
          <EvidenceBar coverage={coverage} className="evidence-bar-small" />
          <span className="claim-section-share">
            {coverage.total === 0 ? 'No evidence yet' : `${coverage.evidenced} of ${coverage.total} evidenced`}
          </span>
        </div>
      </header>
      {claims.length === 0 ? <p className="claim-empty muted">No {label.toLowerCase()} yet.</p> : null}
      <ol ref={listRef} className="claim-list" aria-label={label}>
        {claims.map((c, i) => (
          <ClaimRow
            key={c.id}
            claim={c}
            index={i}
            singular={singular}
            onCommitText={(text) => void setClaimText(persona, field, c.id, text)}
            onCommitCitation={(citation) => void setClaimCitation(persona, field, c.id, citation)}
            typeAhead={typeAhead}
            takeTypedAhead={() => takeTypedAhead(c.id)}
            onSource={(s) => void setClaimSource(persona, field, c.id, s)}
            onEnter={() => add(i + 1, true)}
            onRemove={() => remove(i, c)}
            onMove={(d) => move(i, c, d)}
            onFocusSibling={(d) => {
              const sib = claims[i + d];
              if (sib) focusClaim(sib.id);
              else if (d > 0) focusClaim(undefined);
            }}
            dragging={drag?.id === c.id}
            dropEdge={drag && drag.insertAt === i ? 'before' : drag && drag.insertAt === i + 1 && i === claims.length - 1 ? 'after' : null}
            dragHandlers={{
              onDragStart: (e) => {
                e.dataTransfer.effectAllowed = 'move';
                // A private type: text fields ignore it, so a dropped row never lands as text.
                e.dataTransfer.setData('application/x-centric-claim', c.id);
                const row = e.currentTarget.closest('li');
                if (row) e.dataTransfer.setDragImage(row, 16, row.getBoundingClientRect().height / 2);
                setDrag({ id: c.id, insertAt: null });
              },
              onDragEnd: () => setDrag(null),
            }}
            onRowDragOver={(e) => {
              if (!drag) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              const insertAt = insertAtFromEvent(e, i);
              if (insertAt !== drag.insertAt) setDrag({ ...drag, insertAt });
            }}
            onRowDrop={(e) => {
              if (!drag) return;
              e.preventDefault();
              onDrop(insertAtFromEvent(e, i));
            }}
          />
        ))}
      </ol>
      <div className="claim-section-footer">
        <button ref={addRef} type="button" className="btn btn-small claim-add" onClick={() => add(claims.length)} disabled={full}>
          <Plus size={15} aria-hidden /> Add {singular}
        </button>
        {full || fullMessage ? (
          <span className="field-hint" role="status">
            A list holds at most {personaLimits.claimsPerList} {label.toLowerCase()}.
          </span>
        ) : null}
      </div>
    </section>
  );
}
