// The "New workshop" dialog: pick a template, name the workshop and its client, set the date.
import { useEffect, useState } from 'react';
import { Clock, ListChecks } from 'lucide-react';
import { Dialog } from '../../ui/dialog';
import { useTemplateCatalogue } from '../../state/templates';
import { useSettings } from '../../db/queries';
import { formatMinutes, limits, textLength, tooLongMessage } from '../../domain/workshop';
import { localDateString } from '../../domain/ids';
import { templateTotalMinutes } from '../../domain/template';
import { createWorkshopAndOpen } from './library-actions';

export function NewWorkshopDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { templates } = useTemplateCatalogue();
  const settings = useSettings();
  const [templateId, setTemplateId] = useState<string>('');
  const [title, setTitle] = useState('');
  const [client, setClient] = useState('');
  const [date, setDate] = useState(localDateString());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setTitle('');
    setClient('');
    setDate(localDateString());
    setError(null);
    const preferred = settings?.defaultTemplateId;
    setTemplateId(templates.some((t) => t.template.id === preferred) ? preferred! : (templates[0]?.template.id ?? ''));
    // Only when the dialog opens: later settings changes must not reset what the user picked.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const chosen = templates.find((t) => t.template.id === templateId)?.template ?? null;

  const submit = async () => {
    if (!client.trim()) return setError('Enter the client’s name.');
    if (textLength(title) > limits.title) return setError(tooLongMessage('Title', limits.title));
    if (textLength(client) > limits.client) return setError(tooLongMessage('Client', limits.client));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError('Enter the workshop date.');
    setBusy(true);
    const id = await createWorkshopAndOpen({ title, client, date, template: chosen });
    setBusy(false);
    if (id) onClose();
  };

  return (
    <Dialog
      title="New workshop"
      open={open}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="new-workshop-form" className="btn btn-primary" disabled={busy}>
            Create workshop
          </button>
        </>
      }
    >
      <form
        id="new-workshop-form"
        className="new-workshop"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="template-picker">
          <legend className="field-label">Template</legend>
          <div className="template-grid">
            {templates.map(({ template: t, source }) => (
              <label key={t.id} className={`template-card${t.id === templateId ? ' template-card-selected' : ''}`}>
                <input
                  type="radio"
                  name="template"
                  value={t.id}
                  checked={t.id === templateId}
                  onChange={() => setTemplateId(t.id)}
                  className="visually-hidden"
                  aria-label={t.name}
                  aria-describedby={`tpl-summary-${t.id}`}
                />
                <span className="template-card-name" aria-hidden>
                  {t.name}
                </span>
                <span className="template-card-summary" id={`tpl-summary-${t.id}`}>
                  {t.summary}
                </span>
                <span className="template-card-meta">
                  <span>
                    <Clock size={14} aria-hidden /> {formatMinutes(templateTotalMinutes(t))}
                  </span>
                  <span>
                    <ListChecks size={14} aria-hidden /> {t.steps.length} steps
                  </span>
                  {source === 'mine' ? <span className="badge">My template</span> : null}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-row">
          <div className="field">
            <label className="field-label" htmlFor="nw-client">
              Client
            </label>
            <input
              id="nw-client"
              className="field-input"
              value={client}
              onChange={(e) => setClient(e.target.value)}
              placeholder="e.g. Nordwind Insurance"
              autoFocus
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="nw-title">
              Workshop title
            </label>
            <input
              id="nw-title"
              className="field-input"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder={chosen?.name ?? 'Untitled workshop'}
            />
          </div>
          <div className="field field-narrow">
            <label className="field-label" htmlFor="nw-date">
              Date
            </label>
            <input id="nw-date" className="field-input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
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
