// Asks for a workshop's new title.
import { useEffect, useState } from 'react';
import { Dialog } from '../../ui/dialog';

export function RenameDialog(props: {
  open: boolean;
  current: string;
  onClose: () => void;
  onRename: (title: string) => Promise<string | null>;
}) {
  const [title, setTitle] = useState(props.current);
  const [error, setError] = useState<string | null>(null);
  const { open, current } = props;
  useEffect(() => {
    if (open) {
      setTitle(current);
      setError(null);
    }
  }, [open, current]);
  return (
    <Dialog
      title="Rename workshop"
      open={props.open}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" form="rename-form" className="btn btn-primary">
            Rename
          </button>
        </>
      }
    >
      <form
        id="rename-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const problem = await props.onRename(title);
          if (problem) setError(problem);
          else props.onClose();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="rename-title">
            New title
          </label>
          <input
            id="rename-title"
            className="field-input"
            value={title}
            autoFocus
            aria-invalid={error ? true : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}
