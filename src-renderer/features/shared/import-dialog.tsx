// Shows what a picked backup holds, or why it was refused; asks "replace or keep both"
// when a workshop in it already exists. Nothing is written before the user confirms.
import { AlertTriangle } from 'lucide-react';
import { Dialog } from '../../ui/dialog';
import type { ImportPlan } from './backup';

export function ImportDialog(props: {
  plan: ImportPlan | null;
  onClose: () => void;
  onImport: (mode: 'replace' | 'keep-both') => void;
}) {
  const { plan } = props;
  if (!plan) return null;
  if (!plan.ok) {
    return (
      <Dialog
        title="This file cannot be imported"
        open
        onClose={props.onClose}
        footer={
          <button type="button" className="btn btn-primary" onClick={props.onClose}>
            OK
          </button>
        }
      >
        <div className="import-error" role="alert">
          <AlertTriangle size={22} aria-hidden className="import-error-icon" />
          <div>
            {plan.fileName ? <p className="import-file">{plan.fileName}</p> : null}
            {/* Each problem is one line of the message: a list, so a reader (and a screen reader) sees them apart. */}
            {plan.error.includes('\n') ? (
              <ul className="import-problems" aria-label="Problems found">
                {plan.error.split('\n').map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : (
              <p>{plan.error}</p>
            )}
            <p className="muted">Your library has not been changed.</p>
          </div>
        </div>
      </Dialog>
    );
  }
  const conflict = plan.conflicts.length > 0;
  return (
    <Dialog
      title="Import backup"
      open
      onClose={props.onClose}
      footer={
        conflict ? (
          <>
            <button type="button" className="btn" onClick={props.onClose}>
              Cancel
            </button>
            <button type="button" className="btn" onClick={() => props.onImport('keep-both')}>
              Keep both
            </button>
            <button type="button" className="btn btn-danger" onClick={() => props.onImport('replace')}>
              Replace
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn" onClick={props.onClose}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" onClick={() => props.onImport('keep-both')}>
              Import
            </button>
          </>
        )
      }
    >
      <p className="import-file">{plan.fileName}</p>
      <p>
        This {plan.backup.scope === 'library' ? 'library backup' : 'workshop backup'} holds {plan.summary || 'no data'}.
        {plan.migratedFrom !== null ? ` It was made by an older version of Centric (format ${plan.migratedFrom}) and will be upgraded.` : ''}
      </p>
      {conflict ? (
        <div className="callout callout-warning">
          <p>
            {plan.conflicts.length === 1 ? 'This workshop is' : 'These workshops are'} already in your library:
          </p>
          <ul>
            {plan.conflicts.map((c) => (
              <li key={c.id}>{c.title}</li>
            ))}
          </ul>
          <p>
            <strong>Replace</strong> overwrites them with the file’s version. <strong>Keep both</strong> imports the file as
            separate copies.
          </p>
        </div>
      ) : null}
      <p className="muted">A snapshot of your library is taken before anything is written.</p>
    </Dialog>
  );
}
