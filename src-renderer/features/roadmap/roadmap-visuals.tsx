// Small pictures for the roadmap screen: persona avatars and status pills (lane colours, which
// the measurement plan uses too, are in ui/lane-style.ts).
import type { CSSProperties } from 'react';
import { initialsOf, statusLabels, type InitiativeStatus } from '../../domain/roadmap';
import type { PersonaOption } from './roadmap-queries';

export function StatusPill({ status }: { status: InitiativeStatus }) {
  return (
    <span className={`rm-status rm-status-${status}`}>
      <span className="rm-status-dot" aria-hidden />
      {statusLabels[status]}
    </span>
  );
}

export function PersonaDot({ persona, size = 22 }: { persona: PersonaOption; size?: number }) {
  const style = { width: size, height: size, fontSize: Math.round(size * 0.42) } as CSSProperties;
  if (persona.image) return <img className="rm-avatar" style={style} src={persona.image} alt="" title={persona.name} />;
  return (
    <span className="rm-avatar" style={{ ...style, background: persona.color ?? 'var(--color-ink-subtle)' }} title={persona.name} aria-hidden>
      {initialsOf(persona.name)}
    </span>
  );
}

/** Up to `max` avatars and "+n"; the names are read out once as text. */
export function PersonaStack({ personas, max = 3, size = 22 }: { personas: readonly PersonaOption[]; max?: number; size?: number }) {
  if (personas.length === 0) return null;
  const shown = personas.slice(0, max);
  return (
    <span className="rm-avatars">
      <span className="visually-hidden">Serves {personas.map((p) => p.name).join(', ')}</span>
      {shown.map((p) => (
        <PersonaDot key={p.id} persona={p} size={size} />
      ))}
      {personas.length > max ? (
        <span className="rm-avatar rm-avatar-more" style={{ width: size, height: size }} aria-hidden>
          +{personas.length - max}
        </span>
      ) : null}
    </span>
  );
}
