// The form that edits every field of an initiative (or adds one): text, lane, dates or bucket,
// status, effort and impact, the personas and journey opportunities it serves, resources.
// Saving is one command; over-long text and impossible dates are refused with a message.
import { useId, useMemo, useState } from 'react';
import { Trash2 } from 'lucide-react';
import { Dialog } from '../../ui/dialog';
import {
  dateProblem,
  effortLabels,
  horizonColumns,
  impactLabels,
  initiativeStatuses,
  initiativeTextProblem,
  laneName,
  statusLabels,
  type Initiative,
  type RoadmapSettings,
} from '../../domain/roadmap';
import { textLength } from '../../domain/workshop';
import { addInitiative, deleteInitiative, saveInitiative, type InitiativeDraft } from './roadmap-actions';
import type { OpportunityOption, PersonaOption } from './roadmap-queries';
import { PersonaDot } from './roadmap-visuals';

export type InitiativeDialogTarget = { mode: 'edit'; initiative: Initiative } | { mode: 'new'; laneId: string };

interface Props {
  readonly workshopId: string;
  readonly target: InitiativeDialogTarget;
  readonly settings: RoadmapSettings;
  readonly personas: readonly PersonaOption[];
  readonly opportunities: readonly OpportunityOption[];
  readonly initiatives: readonly Initiative[];
  readonly onClose: () => void;
}

function draftOf(target: InitiativeDialogTarget): InitiativeDraft {
  if (target.mode === 'edit') {
    const { id: _i, workshopId: _w, order: _o, createdAt: _c, ...rest } = target.initiative;
    return rest;
  }
  return {
    title: '',
    description: '',
    owner: '',
    laneId: target.laneId,
    start: null,
    end: null,
    bucket: 0,
    status: 'idea',
    effort: 3,
    impact: 3,
    personaIds: [],
    cardIds: [],
    resources: '',
  };
}

export function InitiativeDialog({ workshopId, target, settings, personas, opportunities, initiatives, onClose }: Props) {
  const [draft, setDraft] = useState<InitiativeDraft>(() => draftOf(target));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const set = <K extends keyof InitiativeDraft>(k: K, v: InitiativeDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const titleOf = useMemo(() => new Map(initiatives.map((i) => [i.id, i.title])), [initiatives]);
  const selfId = target.mode === 'edit' ? target.initiative.id : null;

  const problems = {
    title: initiativeTextProblem('title', draft.title) ?? (draft.title.trim() ? null : 'Give the initiative a title.'),
    description: initiativeTextProblem('description', draft.description),
    owner: initiativeTextProblem('owner', draft.owner),
    resources: initiativeTextProblem('resources', draft.resources),
    dates: dateProblem(draft.start, draft.end),
  };
  // Length problems show at once (text is refused as it is typed); a missing title once Save was tried.
  const shown = (k: keyof typeof problems) => (k === 'title' && !tried && !draft.title.trim() ? null : problems[k]);
  const invalid = Object.values(problems).some(Boolean);

  const save = async () => {
    setTried(true);
    if (invalid || busy) return;
    setBusy(true);
    const clean: InitiativeDraft = { ...draft, title: draft.title.trim(), end: draft.start ? (draft.end ?? draft.start) : null };
    const ok = target.mode === 'edit' ? await saveInitiative(target.initiative, clean) : (await addInitiative(workshopId, clean)) !== null;
    setBusy(false);
    if (ok) onClose();
  };

  const textField = (k: 'title' | 'owner' | 'resources', label: string, hint?: string) => {
    const problem = shown(k);
    return (
      <div className="field">
        <label className="field-label" htmlFor={`${id}-${k}`}>
          {label}
        </label>
        <input
          id={`${id}-${k}`}
          className="field-input"
          value={draft[k]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-${k}-error` : hint ? `${id}-${k}-hint` : undefined}
          onChange={(e) => set(k, e.target.value)}
          autoFocus={k === 'title'}
        />
        {problem ? (
          <p id={`${id}-${k}-error`} className="field-error" role="alert">
            {problem}
          </p>
        ) : hint ? (
          <p id={`${id}-${k}-hint`} className="field-hint">
            {hint}
          </p>
        ) : null}
      </div>
    );
  };

  const toggle = (k: 'personaIds' | 'cardIds', value: string, on: boolean) =>
    set(k, on ? [...draft[k], value] : draft[k].filter((x) => x !== value));

  return (
    <Dialog
      open
      wide
      title={target.mode === 'edit' ? 'Edit initiative' : 'Add initiative'}
      onClose={onClose}
      footer={
        <>
          {target.mode === 'edit' ? (
            <button
              type="button"
              className="btn rm-dialog-delete"
              onClick={() => {
                onClose();
                void deleteInitiative(target.initiative);
              }}
            >
              <Trash2 size={16} aria-hidden /> Delete
            </button>
          ) : null}
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={busy}>
            {target.mode === 'edit' ? 'Save initiative' : 'Add initiative'}
          </button>
        </>
      }
    >
      <form
        className="rm-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="rm-form-main">
          {textField('title', 'Title')}
          <div className="field">
            <label className="field-label" htmlFor={`${id}-description`}>
              Description
            </label>
            <textarea
              id={`${id}-description`}
              className="field-input"
              rows={3}
              value={draft.description}
              aria-invalid={problems.description ? true : undefined}
              aria-describedby={problems.description ? `${id}-description-error` : undefined}
              onChange={(e) => set('description', e.target.value)}
            />
            {problems.description ? (
              <p id={`${id}-description-error`} className="field-error" role="alert">
                {problems.description}
              </p>
            ) : (
              <p className="field-hint">
                {textLength(draft.description)} / 2,000 characters
              </p>
            )}
          </div>
          <div className="form-grid">
            {textField('owner', 'Owner')}
            <div className="field">
              <label className="field-label" htmlFor={`${id}-lane`}>
                Lane
              </label>
              <select id={`${id}-lane`} className="field-input" value={draft.laneId} onChange={(e) => set('laneId', e.target.value)}>
                {settings.lanes.map((l) => (
                  <option key={l.id} value={l.id}>
                    {laneName(l)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-start`}>
                Start
              </label>
              <input
                id={`${id}-start`}
                type="date"
                className="field-input"
                value={draft.start ?? ''}
                aria-invalid={problems.dates ? true : undefined}
                aria-describedby={problems.dates ? `${id}-dates-error` : undefined}
                onChange={(e) => set('start', e.target.value || null)}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-end`}>
                End
              </label>
              <input
                id={`${id}-end`}
                type="date"
                className="field-input"
                value={draft.end ?? ''}
                min={draft.start ?? undefined}
                aria-invalid={problems.dates ? true : undefined}
                aria-describedby={problems.dates ? `${id}-dates-error` : undefined}
                onChange={(e) => set('end', e.target.value || null)}
              />
            </div>
          </div>
          {problems.dates ? (
            <p id={`${id}-dates-error`} className="field-error rm-form-error" role="alert">
              {problems.dates}
            </p>
          ) : null}
          <div className="form-grid rm-form-grid-3">
            {settings.horizon === 'buckets' ? (
              <div className="field">
                <label className="field-label" htmlFor={`${id}-bucket`}>
                  Horizon
                </label>
                <select id={`${id}-bucket`} className="field-input" value={draft.bucket ?? 0} onChange={(e) => set('bucket', Number(e.target.value))}>
                  {horizonColumns(settings).map((c, i) => (
                    <option key={c.key} value={i}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className="field">
              <label className="field-label" htmlFor={`${id}-status`}>
                Status
              </label>
              <select id={`${id}-status`} className="field-input" value={draft.status} onChange={(e) => set('status', e.target.value as InitiativeDraft['status'])}>
                {initiativeStatuses.map((s) => (
                  <option key={s} value={s}>
                    {statusLabels[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-impact`}>
                Impact
              </label>
              <select id={`${id}-impact`} className="field-input" value={draft.impact} onChange={(e) => set('impact', Number(e.target.value))}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n} · {impactLabels[n]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-effort`}>
                Effort
              </label>
              <select id={`${id}-effort`} className="field-input" value={draft.effort} onChange={(e) => set('effort', Number(e.target.value))}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n} · {effortLabels[n]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {textField('resources', 'Resources moved to it', 'Budget or people, e.g. “2 FTE from paid search, €80k”.')}
        </div>
        <div className="rm-form-side">
          <fieldset className="rm-checklist">
            <legend className="field-label">Personas served</legend>
            {personas.length === 0 ? <p className="muted small">No personas in this workshop yet.</p> : null}
            {personas.map((p) => (
              <label key={p.id} className="rm-check">
                <input type="checkbox" checked={draft.personaIds.includes(p.id)} onChange={(e) => toggle('personaIds', p.id, e.target.checked)} />
                <PersonaDot persona={p} size={22} />
                <span>{p.name}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="rm-checklist">
            <legend className="field-label">Journey opportunities served</legend>
            {opportunities.length === 0 ? <p className="muted small">No opportunity cards on the journeys yet.</p> : null}
            {opportunities.map((o) => {
              const elsewhere = o.initiativeId && o.initiativeId !== selfId ? titleOf.get(o.initiativeId) : undefined;
              return (
                <label key={o.id} className="rm-check rm-check-card">
                  <input type="checkbox" checked={draft.cardIds.includes(o.id)} onChange={(e) => toggle('cardIds', o.id, e.target.checked)} />
                  <span>
                    {o.text}
                    <span className="rm-check-meta">
                      {o.journeyName}
                      {elsewhere !== undefined ? ` · now served by “${elsewhere || 'Untitled initiative'}”` : ''}
                    </span>
                  </span>
                </label>
              );
            })}
          </fieldset>
        </div>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </form>
    </Dialog>
  );
}
