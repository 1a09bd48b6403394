// Dialogs of the journey screens: new journey, rename, promote to roadmap (importing notes
// lives in import-notes-dialog.tsx).
import { useId, useState } from 'react';
import { Dialog } from '../../ui/dialog';
import { DEFAULT_JOURNEY_NAME, journeyLimits, type Journey, type JourneyCard } from '../../domain/journey';
import { lifecycleStages, type LifecycleStage } from '../../domain/roadmap';
import { textLength } from '../../domain/workshop';
import type { PersonaOption } from './journey-queries';

export function NewJourneyDialog({ open, personas, onClose, onCreate }: { open: boolean; personas: readonly PersonaOption[]; onClose: () => void; onCreate: (v: { name: string; personaId: string | null; scenario: string }) => void }) {
  const [name, setName] = useState(DEFAULT_JOURNEY_NAME);
  const [personaId, setPersonaId] = useState('');
  const [scenario, setScenario] = useState('');
  const id = useId();
  const nameProblem = !name.trim() ? 'Give the journey a name.' : textLength(name) > journeyLimits.name ? `A name holds at most ${journeyLimits.name} characters.` : null;
  const scenarioProblem = textLength(scenario) > journeyLimits.scenario ? `A scenario holds at most ${journeyLimits.scenario} characters.` : null;
  const submit = () => {
    if (nameProblem || scenarioProblem) return;
    onCreate({ name: name.trim(), personaId: personaId || null, scenario: scenario.trim() });
  };
  return (
    <Dialog
      title="New journey"
      open={open}
      onClose={onClose}
      description="Stages start as Aware, Consider, Buy, Onboard, Use and Renew or leave, with the nine standard lanes; change them on the canvas."
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="btn btn-primary" disabled={Boolean(nameProblem || scenarioProblem)}>
            Create journey
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            Journey name
          </label>
          <input id={`${id}-name`} className="field-input" value={name} autoFocus onChange={(e) => setName(e.target.value)} aria-invalid={nameProblem ? true : undefined} />
          {nameProblem ? <p className="field-error" role="alert">{nameProblem}</p> : null}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-persona`}>
            Persona
          </label>
          <select id={`${id}-persona`} className="field-input" value={personaId} onChange={(e) => setPersonaId(e.target.value)}>
            <option value="">No persona yet</option>
            {personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {personas.length === 0 ? <p className="field-hint">This workshop has no personas yet; you can link one later.</p> : null}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-scenario`}>
            Scenario
          </label>
          <textarea id={`${id}-scenario`} className="field-input" rows={3} value={scenario} placeholder="e.g. Reports a burst pipe and claims on home insurance" onChange={(e) => setScenario(e.target.value)} />
          {scenarioProblem ? <p className="field-error" role="alert">{scenarioProblem}</p> : null}
        </div>
      </form>
    </Dialog>
  );
}

const lifecycleLabels: Record<LifecycleStage, string> = { acquisition: 'Acquisition', activation: 'Activation', retention: 'Retention', reactivation: 'Re-activation' };

/** Opened with `key` per card, so `defaultLane` (the lifecycle stage the card's stage serves) is where it starts. */
export function PromoteDialog({ card, defaultLane, onClose, onPromote }: { card: JourneyCard | null; defaultLane: LifecycleStage; onClose: () => void; onPromote: (lane: LifecycleStage) => void }) {
  const [lane, setLane] = useState<LifecycleStage>(defaultLane);
  const id = useId();
  return (
    <Dialog
      title="Promote to roadmap"
      open={card !== null}
      onClose={onClose}
      description={card ? `“${card.text}” becomes an initiative (status: idea) on the lifecycle roadmap, linked to this card.` : undefined}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={() => onPromote(lane)}>
            Promote
          </button>
        </>
      }
    >
      <fieldset className="jy-radio-group">
        <legend className="field-label">Lifecycle stage</legend>
        {lifecycleStages.map((s) => (
          <label key={s} className="jy-radio">
            <input type="radio" name={`${id}-lane`} value={s} checked={lane === s} onChange={() => setLane(s)} /> {lifecycleLabels[s]}
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}

export function RenameJourneyDialog({ journey, onClose, onRename }: { journey: Journey | null; onClose: () => void; onRename: (name: string) => void }) {
  const [name, setName] = useState(journey?.name ?? '');
  const id = useId();
  const problem = !name.trim() ? 'Give the journey a name.' : textLength(name) > journeyLimits.name ? `A name holds at most ${journeyLimits.name} characters.` : null;
  return (
    <Dialog
      title="Rename journey"
      open={journey !== null}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="btn btn-primary" disabled={problem !== null}>
            Rename
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem) onRename(name.trim());
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            Journey name
          </label>
          <input id={`${id}-name`} className="field-input" value={name} autoFocus onChange={(e) => setName(e.target.value)} aria-invalid={problem ? true : undefined} />
          {problem ? <p className="field-error" role="alert">{problem}</p> : null}
        </div>
      </form>
    </Dialog>
  );
}
