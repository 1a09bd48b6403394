// The agenda, editable in place: the planned start, and per step its clock times, title and
// minutes (saved as you type), the artifacts it works on (any kind can be added), and Move up /
// Move down / Remove buttons; steps can also be dragged by their handle. Every change is one
// undoable command (agenda-actions.ts).
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { ArrowDown, ArrowUp, ExternalLink, GripVertical, Plus, Trash2, X } from 'lucide-react';
import {
  artifactChoices, choiceFromKey, choiceKey, parseStartTime, parseStepMinutes, startMinutes, stepMinutesMessage, stepTimes, type ArtifactChoice,
} from '../../domain/agenda';
import { artifactInfo } from '../../domain/artifacts';
import type { ClockFormat } from '../../domain/clock';
import { formatMinutesOfDay } from '../../domain/clock';
import { agendaMinutes, formatMinutes, limits, type AgendaStep, type StepArtifact, type Workshop } from '../../domain/workshop';
import { useSettings } from '../../db/queries';
import { routeHref } from '../../state/router';
import { ArtifactIcon } from '../../ui/artifact-icon';
import { CommitField } from '../../ui/commit-field';
import { useDraft } from '../../ui/use-draft';
import { assessmentLibrary } from '../shared/assessments';
import {
  addAgendaStep, addArtifactToStep, moveAgendaStep, removeAgendaStep, removeArtifactFromStep, renameAgendaStep, retimeAgendaStep, setAgendaStart,
} from './agenda-actions';
import './agenda.css';

function choiceLabel(c: ArtifactChoice): string {
  if (!c.set) return artifactInfo[c.kind].label;
  const name = assessmentLibrary.sets[c.set]?.name ?? c.set;
  return `Assessment: ${name}`;
}

function artifactLabel(a: StepArtifact): string {
  return a.title ?? choiceLabel({ kind: a.kind, set: a.set });
}

export function AgendaEditor({ workshop: w }: { workshop: Workshop }) {
  const format: ClockFormat = useSettings()?.clockFormat ?? '24h';
  const start = startMinutes(w);
  const times = stepTimes(w.agenda, start);
  const total = agendaMinutes(w.agenda);
  const known = () => [{ table: 'workshops' as const, row: w }];
  // Where focus goes after a change that re-renders the list (a new step's title, a moved step's button).
  const [focusWanted, setFocusWanted] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!focusWanted) return;
    const [stepId, target] = focusWanted.split(' ') as [string, string];
    const row = listRef.current?.querySelector(`[data-step-id="${CSS.escape(stepId)}"]`);
    const el = row?.querySelector<HTMLElement>(target === 'title' ? '.agenda-edit-title input' : `[data-focus="${target}"]`);
    if (el) {
      el.focus();
      if (el instanceof HTMLInputElement) el.select();
      setFocusWanted(null);
    }
  }, [focusWanted, w.agenda]);

  const [dragging, setDragging] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const onDrop = (e: DragEvent, index: number) => {
    e.preventDefault();
    const id = dragging ?? e.dataTransfer.getData('text/plain');
    setDragging(null);
    setDropAt(null);
    const from = w.agenda.findIndex((s) => s.id === id);
    if (from === -1) return;
    // Dropped on a row below: it takes that row's place (the rows between move up one).
    void moveAgendaStep(w.id, id, index);
  };

  const move = async (step: AgendaStep, from: number, by: -1 | 1) => {
    const to = from + by;
    if (to < 0 || to >= w.agenda.length) return;
    await moveAgendaStep(w.id, step.id, to);
    // Focus stays on the moved step's button; at either end, on the one that still moves it.
    const atEnd = by === -1 ? to === 0 : to === w.agenda.length - 1;
    setFocusWanted(`${step.id} ${atEnd ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}`);
  };

  const add = async () => {
    const id = await addAgendaStep(w.id);
    if (id) setFocusWanted(`${id} title`);
  };

  return (
    <section className="card" aria-labelledby="agenda-title">
      <h2 id="agenda-title" className="card-title">
        Agenda <span className="card-title-meta">{formatMinutes(total)}</span>
      </h2>
      <div className="agenda-start">
        <StartTimeField workshop={w} />
        {w.agenda.length > 0 ? (
          <p className="agenda-start-end">
            Ends <strong>{formatMinutesOfDay(start + total, format)}</strong>
          </p>
        ) : null}
      </div>
      {w.agenda.length === 0 ? <p className="muted">No steps yet. Add the first one below.</p> : null}
      <ol className={`agenda-editor agenda-editor-${format}`} ref={listRef} aria-label="Agenda steps">
        {w.agenda.map((s, i) => {
          const n = i + 1;
          const t = times[i]!;
          return (
            <li
              key={s.id}
              data-step-id={s.id}
              className={`agenda-edit-row${dragging === s.id ? ' agenda-edit-row-dragging' : ''}${dropAt === i && dragging !== s.id ? ' agenda-edit-row-drop' : ''}`}
              onDragOver={(e) => {
                if (!dragging) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setDropAt(i);
              }}
              onDrop={(e) => onDrop(e, i)}
            >
              <span
                className="agenda-grip"
                draggable
                title="Drag to reorder (or use Move up / Move down)"
                aria-hidden
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/plain', s.id);
                  e.dataTransfer.effectAllowed = 'move';
                  const row = e.currentTarget.closest('li');
                  if (row) e.dataTransfer.setDragImage(row, 16, 16);
                  setDragging(s.id);
                }}
                onDragEnd={() => {
                  setDragging(null);
                  setDropAt(null);
                }}
              >
                <GripVertical size={16} />
              </span>
              <span className="step-number" aria-hidden>
                {n}
              </span>
              <span className="agenda-edit-time">
                <time>{formatMinutesOfDay(t.start, format)}</time>–<time>{formatMinutesOfDay(t.end, format)}</time>
                <span className="visually-hidden">, step {n}</span>
              </span>
              <CommitField
                key={`title-${s.id}`}
                className="agenda-edit-title"
                known={known}
                label={`Step ${n} title`}
                hideLabel
                value={s.title}
                maxLength={limits.stepTitle}
                requiredMessage="A step needs a title."
                onCommit={(v) => renameAgendaStep(w.id, s.id, v)}
              />
              <MinutesField key={`min-${s.id}`} workshop={w} step={s} label={`Step ${n} minutes`} />
              <div className="agenda-edit-actions">
                <a className="icon-button" href={routeHref({ name: 'step', workshopId: w.id, stepId: s.id })} aria-label={`Open step ${n}`} title="Open the step">
                  <ExternalLink size={16} aria-hidden />
                </a>
                <button type="button" className="icon-button" aria-label={`Move step ${n} up`} title="Move up" disabled={i === 0} data-focus="up" onClick={() => void move(s, i, -1)}>
                  <ArrowUp size={16} aria-hidden />
                </button>
                <button type="button" className="icon-button" aria-label={`Move step ${n} down`} title="Move down" disabled={i === w.agenda.length - 1} data-focus="down" onClick={() => void move(s, i, 1)}>
                  <ArrowDown size={16} aria-hidden />
                </button>
                <button type="button" className="icon-button agenda-remove" aria-label={`Remove step ${n}`} title="Remove the step" onClick={() => void removeAgendaStep(w.id, s.id, s.title)}>
                  <Trash2 size={16} aria-hidden />
                </button>
              </div>
              <StepArtifacts workshopId={w.id} step={s} n={n} />
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn agenda-add" onClick={() => void add()}>
        <Plus size={16} aria-hidden /> Add step
      </button>
    </section>
  );
}

function StartTimeField({ workshop: w }: { workshop: Workshop }) {
  const stored = w.startTime ?? '09:00';
  const { draft, error, onChange, flush, prepare } = useDraft<string>({
    stored,
    check: (v) => (parseStartTime(v) === null ? { error: 'Enter the start time, e.g. 09:00.' } : { value: v }),
    commit: (v) => setAgendaStart(w.id, v),
    rows: () => [{ table: 'workshops', row: w }],
  });
  return (
    <div className="field agenda-start-field">
      <label className="field-label" htmlFor="agenda-start">
        Start time
      </label>
      <input
        id="agenda-start"
        type="time"
        className={`field-input${error ? ' field-input-invalid' : ''}`}
        value={draft}
        onChange={(e) => onChange(e.target.value)}
        onBlur={flush}
        onFocus={prepare}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'agenda-start-error' : undefined}
      />
      {error ? (
        <p id="agenda-start-error" className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function MinutesField({ workshop: w, step, label }: { workshop: Workshop; step: AgendaStep; label: string }) {
  const { draft, error, onChange, flush, prepare } = useDraft<number>({
    stored: String(step.minutes),
    check: (v) => {
      const n = parseStepMinutes(v);
      return n === null ? { error: stepMinutesMessage } : { value: n };
    },
    commit: (n) => retimeAgendaStep(w.id, step.id, n),
    rows: () => [{ table: 'workshops', row: w }],
  });
  const errorId = `min-error-${step.id}`;
  return (
    <div className="agenda-edit-minutes">
      <input
        className={`field-input${error ? ' field-input-invalid' : ''}`}
        inputMode="numeric"
        aria-label={label}
        value={draft}
        onChange={(e) => onChange(e.target.value)}
        onBlur={flush}
        onFocus={prepare}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <span aria-hidden>min</span>
      {error ? (
        <p id={errorId} className="field-error agenda-edit-minutes-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function StepArtifacts({ workshopId, step, n }: { workshopId: string; step: AgendaStep; n: number }) {
  const [choice, setChoice] = useState('');
  const available = artifactChoices.filter((c) => !step.artifacts.some((a) => a.kind === c.kind && a.set === c.set));
  const selectId = `add-artifact-${step.id}`;
  return (
    <div className="agenda-edit-artifacts">
      {step.artifacts.length > 0 ? (
        <ul className="agenda-edit-chips" aria-label={`Artifacts of step ${n}`}>
          {step.artifacts.map((a, j) => (
            <li key={`${a.kind}:${a.set ?? ''}:${j}`} className="chip agenda-chip">
              <ArtifactIcon kind={a.kind} size={14} /> {artifactLabel(a)}
              <button
                type="button"
                className="agenda-chip-remove"
                aria-label={`Take ${artifactLabel(a)} off step ${n}`}
                title="Take off this step (what was made stays)"
                onClick={() => void removeArtifactFromStep(workshopId, step.id, j)}
              >
                <X size={12} aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {available.length > 0 ? (
        <div className="agenda-add-artifact">
          <label className="visually-hidden" htmlFor={selectId}>
            Artifact for step {n}
          </label>
          <select id={selectId} className="field-input agenda-artifact-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Works on…</option>
            {available.map((c) => (
              <option key={choiceKey(c)} value={choiceKey(c)}>
                {choiceLabel(c)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-small"
            disabled={!choice}
            aria-label={`Add the artifact to step ${n}`}
            onClick={() => {
              const c = choiceFromKey(choice);
              if (c) void addArtifactToStep(workshopId, step.id, c);
              setChoice('');
            }}
          >
            Add
          </button>
        </div>
      ) : null}
    </div>
  );
}
