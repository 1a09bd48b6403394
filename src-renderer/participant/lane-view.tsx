// One lane of the current stage on a phone: its cards (the room's and this phone's own), and the
// card editor for adding or editing. Card text is untrusted: React text only, never markup.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { journeyLimits } from '../domain/journey';
import { textLength } from '../domain/text';
import { cardInputProblem, type CellItem, type LaneView } from './participant-model';

export interface LaneActions {
  /** Saves a new card; returns a problem to show next to the field, or null when saved. */
  add(laneId: string, text: string): string | null;
  edit(cardId: string, text: string): string | null;
  remove(cardId: string): void;
}

type Editing = { readonly mode: 'add' } | { readonly mode: 'edit'; readonly cardId: string; readonly text: string } | null;

const snippet = (text: string) => {
  const t = text.trim().replace(/\s+/g, ' ');
  return [...t].length > 40 ? `${[...t].slice(0, 40).join('')}…` : t;
};

export function LaneSection({ lane, canWrite, actions }: { lane: LaneView; canWrite: boolean; actions: LaneActions }) {
  const [editing, setEditing] = useState<Editing>(null);
  const headingId = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (editing === null && returnFocus.current) {
      returnFocus.current = false;
      addRef.current?.focus();
    }
  }, [editing]);
  const close = () => {
    returnFocus.current = true;
    setEditing(null);
  };

  return (
    <section className="lane" aria-labelledby={headingId}>
      <h2 id={headingId} className="lane-name">
        {lane.name}
      </h2>
      {lane.items.length === 0 && editing?.mode !== 'add' && <p className="empty">No cards yet.</p>}
      {lane.items.length > 0 && (
        <ul className="cards" aria-labelledby={headingId}>
          {lane.items.map((item) =>
            editing?.mode === 'edit' && editing.cardId === item.cardId ? (
              <li key={item.cardId} className="card editing">
                <CardEditor
                  label="Edit your card"
                  initial={editing.text}
                  canWrite={canWrite}
                  onSave={(text) => {
                    const problem = actions.edit(item.cardId, text);
                    if (!problem) close();
                    return problem;
                  }}
                  onCancel={close}
                />
              </li>
            ) : (
              <CardItem
                key={item.cardId}
                item={item}
                canWrite={canWrite}
                onEdit={() => setEditing({ mode: 'edit', cardId: item.cardId, text: item.text })}
                onDelete={() => actions.remove(item.cardId)}
              />
            ),
          )}
        </ul>
      )}
      {lane.hidden > 0 && <p className="more">{lane.hidden === 1 ? '1 more card is' : `${lane.hidden} more cards are`} not shown on a phone.</p>}
      {editing?.mode === 'add' ? (
        <CardEditor
          label={`New card in ${lane.name}`}
          initial=""
          canWrite={canWrite}
          onSave={(text) => {
            const problem = actions.add(lane.laneId, text);
            if (!problem) close();
            return problem;
          }}
          onCancel={close}
        />
      ) : (
        <button ref={addRef} type="button" className="button secondary add" disabled={!canWrite} onClick={() => setEditing({ mode: 'add' })} aria-label={`Add card to ${lane.name}`}>
          + Add card
        </button>
      )}
    </section>
  );
}

function CardItem({ item, canWrite, onEdit, onDelete }: { item: CellItem; canWrite: boolean; onEdit: () => void; onDelete: () => void }) {
  const colourClass = item.colour === null ? 'by-facilitator' : `author-${item.colour}`;
  return (
    <li className={`card ${colourClass}${item.mine ? ' mine' : ''}${item.state === 'removed' ? ' removed' : ''}`}>
      <p className="card-text">{item.text}</p>
      <p className="card-meta">
        <span className="author">
          <span className="dot" aria-hidden="true" />
          {item.author}
        </span>
        {item.state === 'sending' && <span className="card-state">Sending…</span>}
        {item.state === 'removed' && <span className="card-state">Removed by the facilitator</span>}
      </p>
      {item.editable && (
        <div className="card-actions">
          <button type="button" className="button small" disabled={!canWrite} onClick={onEdit} aria-label={`Edit card: ${snippet(item.text)}`}>
            Edit
          </button>
          <button type="button" className="button small danger" disabled={!canWrite} onClick={onDelete} aria-label={`Delete card: ${snippet(item.text)}`}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

function CardEditor(props: { label: string; initial: string; canWrite: boolean; onSave: (text: string) => string | null; onCancel: () => void }) {
  const [text, setText] = useState(props.initial);
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();
  const problemId = useId();
  const countId = useId();
  const length = textLength(text);
  const save = () => setProblem(props.onSave(text));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    }
  };
  // The length problem shows while typing; the empty-card one only once Save was pressed.
  const live = cardInputProblem(text);
  const shown = problem ?? (live && text.trim() !== '' ? live : null);
  return (
    <div className="editor" onKeyDown={onKeyDown}>
      <label htmlFor={fieldId} className="field-label">
        {props.label}
      </label>
      <textarea
        id={fieldId}
        value={text}
        rows={4}
        autoFocus
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${shown ? `${problemId} ` : ''}${countId}`}
      />
      <p id={countId} className={`count${length > journeyLimits.cardText ? ' over' : ''}`}>
        {length} / {journeyLimits.cardText}
      </p>
      {shown && (
        <p id={problemId} className="field-error" role="alert">
          {shown}
        </p>
      )}
      <div className="editor-actions">
        <button type="button" className="button primary" disabled={!props.canWrite} onClick={save}>
          Save
        </button>
        <button type="button" className="button secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
