// The two screens before a phone is in the room: typing the join code, and saying who you are.
// Names come from the server: shown as React text only.
import { useId, useState, type FormEvent } from 'react';
import { JOIN_CODE_LENGTH, roomLimits } from '../domain/room';
import { capText } from '../domain/text';
import type { RoomAnswer } from '../domain/room';

export function CodeScreen({ onSubmit, busy, error }: { onSubmit: (typed: string) => void; busy: boolean; error: string | null }) {
  const [code, setCode] = useState('');
  const inputId = useId();
  const errorId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit(code);
  };
  return (
    <main className="screen join">
      <h1>Join the workshop</h1>
      <p className="lead">Type the code shown on the facilitator&rsquo;s screen.</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor={inputId} className="field-label">
          Join code
        </label>
        <input
          id={inputId}
          className="code-input"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          inputMode="text"
          maxLength={20}
          placeholder="e.g. KX4-P7M"
          size={JOIN_CODE_LENGTH + 4}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary wide" disabled={busy}>
          {busy ? 'Joining…' : 'Join'}
        </button>
      </form>
    </main>
  );
}

export interface PickScreenProps {
  readonly room: RoomAnswer;
  readonly busy: boolean;
  readonly error: string | null;
  readonly onPick: (person: { participantId?: string; name: string }) => void;
}

export function PickScreen({ room, busy, error, onPick }: PickScreenProps) {
  const [other, setOther] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const nameId = useId();
  const nameErrorId = useId();
  const submitName = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError('Type your name first.');
    if ([...trimmed].length > roomLimits.name) return setNameError(`A name is limited to ${roomLimits.name} characters.`);
    setNameError(null);
    if (!busy) onPick({ name: trimmed });
  };
  const people = room.people.slice(0, 500);
  const shownError = nameError ?? error;
  return (
    <main className="screen pick">
      <p className="eyebrow">Workshop</p>
      <h1>{capText(room.title || 'Workshop', 120)}</h1>
      <h2 id="who">Who are you?</h2>
      {error && !other && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {people.length > 0 && (
        <ul className="people" aria-labelledby="who">
          {people.map((p) => (
            <li key={p.id}>
              <button type="button" className="button person" disabled={busy} onClick={() => onPick({ participantId: p.id, name: p.name })}>
                {capText(p.name, roomLimits.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!other ? (
        <button type="button" className="button secondary wide" disabled={busy} onClick={() => setOther(true)}>
          Someone else
        </button>
      ) : (
        <form onSubmit={submitName} noValidate className="other">
          <label htmlFor={nameId} className="field-label">
            Your name
          </label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="name"
            autoFocus
            aria-invalid={shownError ? true : undefined}
            aria-describedby={shownError ? nameErrorId : undefined}
          />
          {shownError && (
            <p id={nameErrorId} className="field-error" role="alert">
              {shownError}
            </p>
          )}
          <button type="submit" className="button primary wide" disabled={busy}>
            {busy ? 'Joining…' : 'Join'}
          </button>
        </form>
      )}
    </main>
  );
}

/** A full-screen message: loading, or a problem with a way forward. */
export function MessageScreen({ title, message, action }: { title: string; message?: string; action?: { label: string; run: () => void } }) {
  return (
    <main className="screen message">
      <h1>{title}</h1>
      {message && (
        <p className="lead" role={action ? 'alert' : 'status'}>
          {message}
        </p>
      )}
      {action && (
        <button type="button" className="button primary wide" onClick={action.run}>
          {action.label}
        </button>
      )}
    </main>
  );
}
