// The session's participants (name, department, role), managed from run mode; used by voting,
// per-participant scoring and the five-employees test.
import { useRef, useState, type FormEvent } from 'react';
import { Trash2, UserPlus } from 'lucide-react';
import { initials, participantLimits, type Participant } from '../../domain/run';
import { CommitField } from '../../ui/commit-field';
import { addParticipant, editParticipant, removeParticipant } from './run-actions';
import { useParticipants } from '../shared/participants';

export function ParticipantsPanel({ workshopId }: { workshopId: string }) {
  const list = useParticipants(workshopId) ?? [];
  const [name, setName] = useState('');
  const [department, setDepartment] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Enter a name.');
      nameRef.current?.focus();
      return;
    }
    if (list.some((p) => p.name.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase())) {
      setError(`${name.trim()} is already on the list; add a surname or initial to tell them apart.`);
      return;
    }
    setError(null);
    // Clear the form at once, so the next person can be typed while this one is stored; put the
    // values back only if storing fails.
    const entry = { name, department, role };
    setName('');
    setDepartment('');
    setRole('');
    nameRef.current?.focus();
    if (!(await addParticipant(workshopId, entry, list))) {
      setName(entry.name);
      setDepartment(entry.department);
      setRole(entry.role);
    }
  };
  return (
    <div className="participants">
      <form className="participant-form" onSubmit={(e) => void submit(e)} aria-label="Add a participant">
        <div className="field">
          <label className="field-label" htmlFor="participant-name">Name</label>
          <input ref={nameRef} id="participant-name" className="field-input" value={name} maxLength={participantLimits.name} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="participant-department">Department</label>
          <input id="participant-department" className="field-input" value={department} maxLength={participantLimits.department} onChange={(e) => setDepartment(e.target.value)} placeholder="e.g. Service" />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="participant-role">Role</label>
          <input id="participant-role" className="field-input" value={role} maxLength={participantLimits.role} onChange={(e) => setRole(e.target.value)} placeholder="e.g. Head of service" />
        </div>
        <button type="submit" className="btn btn-primary">
          <UserPlus size={16} aria-hidden /> Add participant
        </button>
        {error ? <p className="field-error participant-error" role="alert">{error}</p> : null}
      </form>
      {list.length === 0 ? (
        <p className="muted">No participants yet. Add the people in the room so they can vote and score.</p>
      ) : (
        <ul className="participant-list" aria-label="Participants">
          {list.map((p) => (
            <ParticipantRow key={p.id} workshopId={workshopId} p={p} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ParticipantRow({ workshopId, p }: { workshopId: string; p: Participant }) {
  return (
    <li className="participant-row">
      <span className="participant-avatar" aria-hidden>{initials(p.name)}</span>
      <CommitField label={`Name of ${p.name}`} hideLabel value={p.name} maxLength={participantLimits.name} requiredMessage="A participant needs a name." onCommit={(v) => editParticipant(workshopId, p.id, { name: v.trim() })} />
      <CommitField label={`Department of ${p.name}`} hideLabel value={p.department} placeholder="Department" maxLength={participantLimits.department} onCommit={(v) => editParticipant(workshopId, p.id, { department: v.trim() })} />
      <CommitField label={`Role of ${p.name}`} hideLabel value={p.role} placeholder="Role" maxLength={participantLimits.role} onCommit={(v) => editParticipant(workshopId, p.id, { role: v.trim() })} />
      <button type="button" className="icon-button icon-button-danger" aria-label={`Remove ${p.name}`} onClick={() => void removeParticipant(workshopId, p)}>
        <Trash2 size={16} aria-hidden />
      </button>
    </li>
  );
}
