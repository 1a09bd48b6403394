// Small pictures of a persona: its avatar (picture or initials on a colour), its segment chip,
// and the evidence meter (a bar split by source, with "62% evidenced · 5 assumptions").
import type { CSSProperties } from 'react';
import {
  coverageSummary,
  evidenceLabels,
  evidenceSources,
  personaInitials,
  type Coverage,
  type Persona,
} from '../../domain/persona';
import type { SegmentOption } from './persona-queries';

export function PersonaAvatarView({ persona, size }: { persona: Pick<Persona, 'name' | 'avatar'>; size: number }) {
  const style = { '--avatar-size': `${size}px` } as CSSProperties;
  if (persona.avatar.kind === 'image') {
    return <img className="persona-avatar" style={style} src={persona.avatar.dataUrl} alt="" width={size} height={size} />;
  }
  const initials = personaInitials(persona.name);
  return (
    <span
      className="persona-avatar persona-avatar-initials"
      style={{ ...style, background: persona.avatar.color, fontSize: Math.round(size * (initials.length > 1 ? 0.36 : 0.44)) }}
      aria-hidden
    >
      {initials}
    </span>
  );
}

export function SegmentChip({ segment }: { segment: SegmentOption }) {
  return (
    <span className="segment-chip" style={segment.color ? ({ '--segment-color': segment.color } as CSSProperties) : undefined}>
      <span className="segment-chip-dot" aria-hidden />
      <span className="visually-hidden">Segment: </span>
      {segment.name}
    </span>
  );
}

function barLabel(c: Coverage): string {
  if (c.total === 0) return 'Evidence: no claims yet';
  return `Evidence: ${evidenceSources.map((s) => `${c.bySource[s]} ${evidenceLabels[s].toLowerCase()}`).join(', ')}`;
}

export function EvidenceBar({ coverage, className }: { coverage: Coverage; className?: string }) {
  return (
    <div className={`evidence-bar ${className ?? ''}`} role="img" aria-label={barLabel(coverage)}>
      {coverage.total === 0 ? null : evidenceSources.map((s) =>
        coverage.bySource[s] > 0 ? (
          <span key={s} className={`evidence-bar-part evidence-${s}`} style={{ flexGrow: coverage.bySource[s] }} />
        ) : null,
      )}
    </div>
  );
}

export function EvidenceMeter({ coverage }: { coverage: Coverage }) {
  return (
    <div className="evidence-meter">
      <EvidenceBar coverage={coverage} />
      <p className="evidence-summary">{coverageSummary(coverage)}</p>
    </div>
  );
}

export function EvidenceLegend({ coverage }: { coverage: Coverage }) {
  return (
    <ul className="evidence-legend" aria-label="Claims by source">
      {evidenceSources.map((s) => (
        <li key={s}>
          <span className={`evidence-swatch evidence-${s}`} aria-hidden />
          {evidenceLabels[s]} <strong>{coverage.bySource[s]}</strong>
        </li>
      ))}
    </ul>
  );
}
