// The personas of a workshop as a gallery of cards, readable on a projector from the back of
// the room: large name, the quote, the top goals and pains, and how much is backed by evidence.
import { useId, useState } from 'react';
import { Copy, FolderInput, Plus, Trash2 } from 'lucide-react';
import { artifactInfo } from '../../domain/artifacts';
import { evidenceCoverage, type Claim, type Persona } from '../../domain/persona';
import type { Workshop } from '../../domain/workshop';
import { ArtifactIcon } from '../../ui/artifact-icon';
import { EmptyState } from '../../ui/empty-state';
import { navigate, routeHref } from '../../state/router';
import { addPersona, duplicateInWorkshop } from './persona-actions';
import { CopyToWorkshopDialog, useDeletePersona } from './persona-dialogs';
import { EvidenceMeter, PersonaAvatarView, SegmentChip } from './persona-visuals';
import { useSegmentOptions, usePersonas, type SegmentOption } from './persona-queries';
import { requestNameFocus } from './persona-focus';

const CARD_ITEMS = 3;

export function PersonaGallery({ workshop: w }: { workshop: Workshop }) {
  const personas = usePersonas(w.id);
  const segments = useSegmentOptions(w.id);
  const [copying, setCopying] = useState<Persona | null>(null);
  const del = useDeletePersona();
  const info = artifactInfo.persona;

  const add = async () => {
    const id = await addPersona(w.id);
    if (!id) return;
    requestNameFocus(id);
    navigate({ name: 'artifact', workshopId: w.id, kind: 'persona', itemId: id });
  };

  if (personas === undefined) return <main className="page" aria-busy="true" />;
  const segmentById = new Map((segments ?? []).map((s) => [s.id, s]));

  return (
    <main className="page page-wide persona-gallery" aria-labelledby="personas-title">
      <header className="page-header">
        <div>
          <p className="eyebrow">{w.client || w.title}</p>
          <h1 id="personas-title">
            Personas{' '}
            <span className="persona-count">
              <span className="visually-hidden">(</span>
              {personas.length}
              <span className="visually-hidden">)</span>
            </span>
          </h1>
          <p className="page-subtitle">Who we design for, and how much of it is backed by evidence.</p>
        </div>
        {personas.length > 0 ? (
          <button type="button" className="btn btn-primary btn-large" onClick={() => void add()}>
            <Plus size={18} aria-hidden /> Add persona
          </button>
        ) : null}
      </header>

      {personas.length === 0 ? (
        <EmptyState
          large
          aria-label="Personas: nothing yet"
          icon={<ArtifactIcon kind="persona" size={32} />}
          title="No personas yet"
          purpose={info.purpose}
          howToStart={info.howToStart}
        >
          <p className="toolbar toolbar-center">
            <button type="button" className="btn btn-primary btn-large" onClick={() => void add()}>
              <Plus size={18} aria-hidden /> Add persona
            </button>
          </p>
        </EmptyState>
      ) : (
        <ul className="persona-grid" aria-label="Personas">
          {personas.map((p) => (
            <li key={p.id}>
              <PersonaCard
                persona={p}
                segment={p.segmentId ? segmentById.get(p.segmentId) : undefined}
                onDuplicate={() => void duplicateInWorkshop(p)}
                onCopy={() => setCopying(p)}
                onDelete={() => void del.request(p)}
              />
            </li>
          ))}
        </ul>
      )}
      <CopyToWorkshopDialog persona={copying} onClose={() => setCopying(null)} />
      {del.dialog}
    </main>
  );
}

interface CardProps {
  readonly persona: Persona;
  readonly segment: SegmentOption | undefined;
  readonly onDuplicate: () => void;
  readonly onCopy: () => void;
  readonly onDelete: () => void;
}

function topClaims(p: Persona, field: 'goals' | 'pains') {
  return p[field].filter((c) => c.text.trim()).slice(0, CARD_ITEMS);
}

/** A claim on the card, with where it comes from when that was written down. */
function ClaimItem({ claim }: { claim: Claim }) {
  return (
    <li>
      {claim.text}
      {claim.citation?.trim() ? <span className="persona-card-citation"> ({claim.citation.trim()})</span> : null}
    </li>
  );
}

function PersonaCard({ persona: p, segment, onDuplicate, onCopy, onDelete }: CardProps) {
  const titleId = useId();
  const goals = topClaims(p, 'goals');
  const pains = topClaims(p, 'pains');
  const coverage = evidenceCoverage(p);
  const href = routeHref({ name: 'artifact', workshopId: p.workshopId, kind: 'persona', itemId: p.id });
  return (
    <article className="persona-card" aria-labelledby={titleId}>
      <header className="persona-card-header">
        <PersonaAvatarView persona={p} size={76} />
        <div className="persona-card-heading">
          <h2 id={titleId} className="persona-card-name">
            <a href={href} className="persona-card-link">
              {p.name}
            </a>
          </h2>
          {segment ? <SegmentChip segment={segment} /> : <span className="persona-card-nosegment">No segment</span>}
        </div>
      </header>
      {p.quote.trim() ? <blockquote className="persona-card-quote">“{p.quote.trim()}”</blockquote> : null}
      {goals.length + pains.length > 0 ? (
        <div className="persona-card-lists">
          {goals.length > 0 ? (
            <section aria-label="Top goals">
              <h3>Goals</h3>
              <ul>
                {goals.map((c) => (
                  <ClaimItem key={c.id} claim={c} />
                ))}
              </ul>
            </section>
          ) : null}
          {pains.length > 0 ? (
            <section aria-label="Top pains">
              <h3>Pains</h3>
              <ul>
                {pains.map((c) => (
                  <ClaimItem key={c.id} claim={c} />
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      ) : (
        <p className="persona-card-blank">No goals or pains yet: open to fill them in.</p>
      )}
      <footer className="persona-card-footer">
        <EvidenceMeter coverage={coverage} />
        <div className="persona-card-actions">
          <button type="button" className="icon-button" aria-label={`Duplicate ${p.name}`} title="Duplicate" onClick={onDuplicate}>
            <Copy size={18} aria-hidden />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Duplicate ${p.name} to another workshop`}
            title="Duplicate to another workshop"
            onClick={onCopy}
          >
            <FolderInput size={18} aria-hidden />
          </button>
          <button type="button" className="icon-button icon-button-danger" aria-label={`Delete ${p.name}`} title="Delete" onClick={onDelete}>
            <Trash2 size={18} aria-hidden />
          </button>
        </div>
      </footer>
    </article>
  );
}
