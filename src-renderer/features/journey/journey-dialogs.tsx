// Dialogs of the journey screens: new journey, rename, promote to roadmap, and
// importing sticky notes from CSV (all or nothing, with the failing row named).
import { useId, useMemo, useState } from 'react';
import { FileUp } from 'lucide-react';
import { Dialog } from '../../ui/dialog';
import { DEFAULT_JOURNEY_NAME, journeyLimits, laneKindLabels, type Journey, type JourneyCard } from '../../domain/journey';
import { planImport, parseCsv, readStickyNotes, type PlanResult } from '../../domain/journey-csv';
import { lifecycleStages, type LifecycleStage } from '../../domain/roadmap';
import { textLength } from '../../domain/workshop';
import { getHost } from '../../host/host';
import { notify } from '../../state/notifications';
import { importNotes } from './journey-actions';
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

export function PromoteDialog({ card, onClose, onPromote }: { card: JourneyCard | null; onClose: () => void; onPromote: (lane: LifecycleStage) => void }) {
  const [lane, setLane] = useState<LifecycleStage>('retention');
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

export function ImportNotesDialog({ open, journey, cards, onClose }: { open: boolean; journey: Journey; cards: readonly JourneyCard[]; onClose: () => void }) {
  const id = useId();
  const cardLanes = journey.lanes.filter((l) => l.kind !== 'emotion');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [laneId, setLaneId] = useState(cardLanes[0]?.id ?? '');
  const [stageId, setStageId] = useState(journey.stages[0]?.id ?? '');
  const [unknown, setUnknown] = useState<'fallback' | 'new-stages'>('fallback');
  const [busy, setBusy] = useState(false);

  const result: PlanResult | null = useMemo(() => {
    if (!text.trim()) return null;
    const parsed = parseCsv(text);
    if (!parsed.ok) return parsed;
    const notes = readStickyNotes(parsed.rows);
    if (!notes.ok) return notes;
    return planImport(journey, cards, notes.notes, { laneId, fallbackStageId: stageId, unknownGroups: unknown });
  }, [text, journey, cards, laneId, stageId, unknown]);

  const pick = async () => {
    try {
      const f = await getHost().openFile([{ name: 'CSV', extensions: ['csv', 'txt', 'tsv'] }]);
      if (!f) return;
      setText(f.text);
      setFileName(f.name);
    } catch (err) {
      notify({ kind: 'error', message: `Could not read the file. ${(err as Error).message}` });
    }
  };
  const close = () => {
    setText('');
    setFileName(null);
    onClose();
  };
  const run = async () => {
    if (!result?.ok) return;
    setBusy(true);
    const ok = await importNotes(journey, result.plan);
    setBusy(false);
    if (ok) {
      notify({ kind: 'success', message: `Imported ${result.plan.cards.length} ${result.plan.cards.length === 1 ? 'note' : 'notes'}` });
      close();
    }
  };
  return (
    <Dialog
      title="Import sticky notes"
      open={open}
      onClose={close}
      wide
      description="Paste or pick a CSV exported from a whiteboard tool: a first row naming the columns (Text, and optionally Color and Column or Group), then one row per note. Nothing is imported unless every row is fine."
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!result?.ok || busy} onClick={() => void run()}>
            {result?.ok ? `Import ${result.plan.cards.length} ${result.plan.cards.length === 1 ? 'note' : 'notes'}` : 'Import notes'}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-csv`}>
            CSV text
          </label>
          <textarea
            id={`${id}-csv`}
            className="field-input jy-csv-input"
            rows={8}
            value={text}
            placeholder={'Text,Color,Column\n"Sees an ad for the app",yellow,Aware'}
            onChange={(e) => {
              setText(e.target.value);
              setFileName(null);
            }}
          />
          <p className="toolbar">
            <button type="button" className="btn" onClick={() => void pick()}>
              <FileUp size={16} aria-hidden /> Choose CSV file…
            </button>
            {fileName ? <span className="muted small">{fileName}</span> : null}
          </p>
        </div>
        <div className="form-row">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-lane`}>
              Into lane
            </label>
            <select id={`${id}-lane`} className="field-input" value={laneId} onChange={(e) => setLaneId(e.target.value)}>
              {cardLanes.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name || laneKindLabels[l.kind]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-unknown`}>
              Notes whose column is not a stage
            </label>
            <select id={`${id}-unknown`} className="field-input" value={unknown} onChange={(e) => setUnknown(e.target.value as 'fallback' | 'new-stages')}>
              <option value="fallback">Go to a stage I choose</option>
              <option value="new-stages">Become new stages</option>
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-stage`}>
              Stage for notes without a known column
            </label>
            <select id={`${id}-stage`} className="field-input" value={stageId} onChange={(e) => setStageId(e.target.value)}>
              {journey.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {result && !result.ok ? (
          <div className="import-error" role="alert">
            <strong>Nothing will be imported.</strong> {result.message}
          </div>
        ) : null}
        {result?.ok ? (
          <div className="jy-import-preview" role="status">
            <p>
              <strong>{result.plan.cards.length}</strong> {result.plan.cards.length === 1 ? 'note' : 'notes'} into {journey.lanes.find((l) => l.id === laneId)?.name}:
            </p>
            <ul>
              {result.plan.perStage.map((s) => (
                <li key={s.name}>
                  {s.name}
                  {s.isNew ? ' (new stage)' : ''}: {s.count}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
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
