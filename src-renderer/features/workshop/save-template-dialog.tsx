// Saves the open workshop's agenda as a template of the facilitator's own.
import { useEffect, useState } from 'react';
import { Dialog } from '../../ui/dialog';
import type { Workshop } from '../../domain/workshop';
import { saveAgendaAsTemplate } from './workshop-actions';

export function SaveTemplateDialog({ workshop, open, onClose }: { workshop: Workshop; open: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setName(`${workshop.title} agenda`);
      setSummary(`Agenda of “${workshop.title}”${workshop.client ? ` for ${workshop.client}` : ''}.`);
      setError(null);
    }
  }, [open, workshop.title, workshop.client]);
  return (
    <Dialog
      title="Save agenda as template"
      description="The steps, timings, instructions and prompts are saved; notes and client content are not."
      open={open}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="save-template-form" className="btn btn-primary">
            Save template
          </button>
        </>
      }
    >
      <form
        id="save-template-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const problem = await saveAgendaAsTemplate(workshop.id, name.trim(), summary.trim());
          if (problem) setError(problem);
          else onClose();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="tpl-name">
            Template name
          </label>
          <input id="tpl-name" className="field-input" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="tpl-summary">
            Summary
          </label>
          <textarea id="tpl-summary" className="field-input" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
