// The decisions and actions log with its parking lot: a capture form (what, who, by when) and
// the three lists. Used as the 'actions' artifact screen and in run mode's side drawer.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { CheckCircle2, Gavel, ParkingSquare, Trash2 } from 'lucide-react';
import { getDb } from '../../db/database';
import { isIncompleteAction, isOverdue, logKindLabels, parseLogInput, logKinds, logLimits, readLogEntry, sortLog, type LogEntry, type LogKind } from '../../domain/actions-log';
import { localDateString } from '../../domain/ids';
import { CommitField } from '../../ui/commit-field';
import { addLogEntry, deleteLogEntry, editLogEntry } from './log-commands';
import './actions.css';

export function useLog(workshopId: string): LogEntry[] | undefined {
  return useLiveQuery(async () => sortLog((await getDb().actions.where('workshopId').equals(workshopId).toArray()).map(readLogEntry)), [workshopId]);
}

const sectionTitle: Record<LogKind, string> = { action: 'Actions', decision: 'Decisions', parking: 'Parking lot' };

export function ActionsLog({ workshopId, stepId = null, compact = false, autoFocus = false }: { workshopId: string; stepId?: string | null; compact?: boolean; autoFocus?: boolean }) {
  const entries = useLog(workshopId);
  const [kind, setKind] = useState<LogKind>('action');
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<{ field: string; error: string } | null>(null);
  const textRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const today = localDateString();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const entry = { kind, text, owner: kind === 'action' ? owner : '', due: kind === 'action' ? due : '' };
    // Check first, then clear at once so the next entry can be typed while this one is stored.
    const checked = parseLogInput(entry);
    if (!checked.ok) {
      setError({ field: checked.field, error: checked.error });
      textRef.current?.focus();
      return;
    }
    setError(null);
    setText('');
    setOwner('');
    setDue('');
    textRef.current?.focus();
    const problem = await addLogEntry(workshopId, entry, stepId);
    if (problem) {
      setError(problem);
      setText(entry.text);
      setOwner(entry.owner);
      setDue(entry.due);
    }
  };

  return (
    <div className={`log${compact ? ' log-compact' : ''}`}>
      <form className="log-form" onSubmit={(e) => void submit(e)} aria-label="Capture a decision, action or parked topic">
        <div className="segmented" role="radiogroup" aria-label="Kind">
          {logKinds.map((k) => (
            <label key={k} className={`segmented-option${kind === k ? ' segmented-option-on' : ''}`}>
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} className="visually-hidden" />
              {logKindLabels[k]}
            </label>
          ))}
        </div>
        <div className="log-form-fields">
          <div className="field log-field-what">
            <label htmlFor={`${id}-what`} className="field-label">
              {kind === 'action' ? 'What' : kind === 'decision' ? 'Decision' : 'Topic'}
            </label>
            <input
              ref={textRef}
              id={`${id}-what`}
              className="field-input"
              value={text}
              maxLength={logLimits.text}
              autoFocus={autoFocus}
              aria-invalid={error?.field === 'text' ? true : undefined}
              onChange={(e) => setText(e.target.value)}
              placeholder={kind === 'action' ? 'e.g. Draft the customer promise' : kind === 'decision' ? 'e.g. Retention is our first priority' : 'e.g. Pricing for small businesses'}
            />
          </div>
          {kind === 'action' ? (
            <>
              <div className="field log-field-who">
                <label htmlFor={`${id}-who`} className="field-label">Who</label>
                <input id={`${id}-who`} className="field-input" value={owner} maxLength={logLimits.owner} onChange={(e) => setOwner(e.target.value)} placeholder="Owner" />
              </div>
              <div className="field log-field-when">
                <label htmlFor={`${id}-when`} className="field-label">By when</label>
                <input id={`${id}-when`} type="date" className="field-input" value={due} aria-invalid={error?.field === 'due' ? true : undefined} onChange={(e) => setDue(e.target.value)} />
              </div>
            </>
          ) : null}
          <button type="submit" className="btn btn-primary log-add">
            Add {logKindLabels[kind].toLowerCase()}
          </button>
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error.error}
          </p>
        ) : null}
      </form>

      {entries === undefined ? null : (
        (['decision', 'action', 'parking'] as const).map((k) => {
          const list = entries.filter((e) => e.kind === k);
          return (
            <section key={k} className="log-section" aria-label={sectionTitle[k]}>
              <h2 className="log-section-title">
                {k === 'decision' ? <Gavel size={16} aria-hidden /> : k === 'action' ? <CheckCircle2 size={16} aria-hidden /> : <ParkingSquare size={16} aria-hidden />}
                {sectionTitle[k]} <span className="log-count">{list.length}</span>
              </h2>
              {list.length === 0 ? (
                <p className="muted small">{k === 'action' ? 'No actions yet: every action needs an owner and a date.' : k === 'decision' ? 'No decisions recorded yet.' : 'Nothing parked.'}</p>
              ) : (
                <ul className="log-list">
                  {list.map((e, i) => (
                    <LogRow key={e.id} workshopId={workshopId} entry={e} n={i + 1} today={today} />
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
    </div>
  );
}

function LogRow({ workshopId, entry: e, n, today }: { workshopId: string; entry: LogEntry; n: number; today: string }) {
  const incomplete = isIncompleteAction(e);
  return (
    <li className={`log-row${e.done ? ' log-row-done' : ''}`}>
      {e.kind === 'action' ? (
        <input
          type="checkbox"
          className="log-done"
          checked={e.done}
          aria-label={`Done: ${e.text}`}
          onChange={(ev) => void editLogEntry(workshopId, e.id, { done: ev.target.checked }, ev.target.checked ? 'Mark action done' : 'Reopen action')}
        />
      ) : null}
      <CommitField label={`${logKindLabels[e.kind]} ${n}: text`} hideLabel value={e.text} maxLength={logLimits.text} requiredMessage="Say what it is, or delete it." className="log-row-text" onCommit={(v) => editLogEntry(workshopId, e.id, { text: v.trim() }, 'Edit log entry')} />
      {e.kind === 'action' ? (
        <>
          <CommitField label={`Who owns “${e.text}”`} hideLabel value={e.owner} placeholder="Who?" maxLength={logLimits.owner} className="log-row-owner" onCommit={(v) => editLogEntry(workshopId, e.id, { owner: v.trim() }, 'Edit action owner')} />
          <CommitField label={`By when: ${e.text}`} hideLabel type="date" value={e.due} maxLength={10} className="log-row-due" onCommit={(v) => editLogEntry(workshopId, e.id, { due: v }, 'Edit action date')} />
        </>
      ) : null}
      {incomplete && !e.done ? <span className="badge badge-warning log-flag">Needs {!e.owner.trim() ? (e.due ? 'an owner' : 'owner & date') : 'a date'}</span> : null}
      {isOverdue(e, today) ? <span className="badge badge-danger log-flag">Overdue</span> : null}
      <button type="button" className="icon-button icon-button-danger" aria-label={`Delete “${e.text}”`} onClick={() => void deleteLogEntry(workshopId, e)}>
        <Trash2 size={16} aria-hidden />
      </button>
    </li>
  );
}
