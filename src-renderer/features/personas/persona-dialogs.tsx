// The persona dialogs: copy to another workshop, and delete when something links to the persona.
// Deleting without links happens at once with an Undo toast.
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Dialog } from '../../ui/dialog';
import { useWorkshops } from '../../db/queries';
import { describePersonaLinks, type Persona } from '../../domain/persona';
import { navigate } from '../../state/router';
import { notify } from '../../state/notifications';
import { deletePersona, duplicateToWorkshop, findPersonaLinks, hasLinks } from './persona-actions';

export function CopyToWorkshopDialog({ persona, onClose }: { persona: Persona | null; onClose: () => void }) {
  const workshops = useWorkshops();
  const others = (workshops ?? []).filter((w) => w.id !== persona?.workshopId);
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = useId();
  const chosen = others.find((w) => w.id === choice) ?? null;

  const close = () => {
    setChoice(null);
    onClose();
  };

  const copy = async () => {
    if (!persona || !chosen) return;
    setBusy(true);
    const id = await duplicateToWorkshop(persona, chosen.id);
    setBusy(false);
    if (!id) return;
    close();
    notify({
      kind: 'success',
      message: `Copied ${persona.name} to ${chosen.title}`,
      action: { label: 'Open', run: () => navigate({ name: 'artifact', workshopId: chosen.id, kind: 'persona', itemId: id }) },
    });
  };

  return (
    <Dialog
      title={persona ? `Copy ${persona.name} to another workshop` : 'Copy to another workshop'}
      open={persona !== null}
      onClose={close}
      description="The copy keeps every claim and its evidence. Segments belong to their workshop, so the copy has none."
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" disabled={!chosen || busy} onClick={() => void copy()}>
            Copy persona
          </button>
        </>
      }
    >
      {workshops === undefined ? null : others.length === 0 ? (
        <p className="muted">There is no other workshop yet. Create one in the library first.</p>
      ) : (
        <fieldset className="workshop-choice">
          <legend className="field-label">Workshop</legend>
          {others.map((w) => (
            <label key={w.id} className={`workshop-choice-option${choice === w.id ? ' workshop-choice-selected' : ''}`}>
              <input type="radio" name={name} value={w.id} checked={choice === w.id} onChange={() => setChoice(w.id)} />
              <span>
                <span className="workshop-choice-client">{w.client || 'No client'}</span>
                {' – '}
                <span className="workshop-choice-title">{w.title}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </Dialog>
  );
}

/** Deleting: at once with Undo when nothing links to the persona, else after a confirm that names the links. */
export function useDeletePersona(onDeleted?: () => void) {
  const [pending, setPending] = useState<{ persona: Persona; message: string } | null>(null);

  const request = async (p: Persona) => {
    const links = await findPersonaLinks(p);
    if (hasLinks(links)) {
      const message = describePersonaLinks(p.name, links.segmentName, links.journeys.map((j) => j.title)) ?? '';
      setPending({ persona: p, message });
    } else if (await deletePersona(p)) onDeleted?.();
  };

  const dialog = (
    <ConfirmDialog
      title={pending ? `Delete ${pending.persona.name}?` : 'Delete persona?'}
      open={pending !== null}
      onClose={() => setPending(null)}
      confirmLabel="Delete persona"
      danger
      onConfirm={async () => {
        if (!pending) return;
        if (await deletePersona(pending.persona)) onDeleted?.();
      }}
    >
      <p>{pending?.message}</p>
      <p className="muted small">You can undo this with Ctrl+Z.</p>
    </ConfirmDialog>
  );
  return { request, dialog };
}
