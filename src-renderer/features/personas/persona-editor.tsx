// One persona, edited in place: avatar, name, segment, quote, context, then one section per list
// with the evidence behind every claim. Every change is one undoable command.
import { useEffect, useId, useRef, useState } from 'react';
import { ArrowLeft, ImagePlus, Trash2, UserRound } from 'lucide-react';
import {
  avatarColorNames,
  avatarColors,
  defaultAvatarColor,
  evidenceCoverage,
  personaLimits,
  personaListFields,
  type Persona,
} from '../../domain/persona';
import type { Workshop } from '../../domain/workshop';
import { CommitField } from '../../ui/commit-field';
import { EmptyState } from '../../ui/empty-state';
import { navigate, routeHref } from '../../state/router';
import { notify } from '../../state/notifications';
import { pickAvatarImage } from './avatar-image';
import { ClaimList } from './claim-list';
import { dropIfUntouched, setPersonaAvatar, setPersonaName, setPersonaSegment, setPersonaText } from './persona-actions';
import { useDeletePersona } from './persona-dialogs';
import { takeNameFocus } from './persona-focus';
import { usePersona, useSegmentOptions } from './persona-queries';
import { EvidenceBar, EvidenceLegend, PersonaAvatarView } from './persona-visuals';

export function PersonaEditor({ workshop: w, personaId }: { workshop: Workshop; personaId: string }) {
  const persona = usePersona(w.id, personaId);
  const galleryHref = routeHref({ name: 'artifact', workshopId: w.id, kind: 'persona' });
  if (persona === undefined) return <main className="page" aria-busy="true" />;
  if (persona === null) {
    return (
      <main className="page page-narrow">
        <EmptyState large headingLevel={1} title="Persona not found">
          <p>It may have been deleted. Deleting can be undone with Ctrl+Z.</p>
          <a className="btn btn-primary" href={galleryHref}>
            Back to personas
          </a>
        </EmptyState>
      </main>
    );
  }
  return <EditorBody workshop={w} persona={persona} galleryHref={galleryHref} />;
}

function EditorBody({ workshop: w, persona: p, galleryHref }: { workshop: Workshop; persona: Persona; galleryHref: string }) {
  // The persona as this screen holds it: typing is journaled from the first key (use-draft.ts).
  const known = () => [{ table: 'personas' as const, row: p }];
  const segments = useSegmentOptions(w.id);
  const nameWrap = useRef<HTMLDivElement>(null);
  const segmentId = useId();
  const [picking, setPicking] = useState(false);
  const del = useDeletePersona(() => navigate({ name: 'artifact', workshopId: w.id, kind: 'persona' }));
  const coverage = evidenceCoverage(p);

  // A persona just added opens with its placeholder name selected, ready to type over.
  useEffect(() => {
    if (!takeNameFocus(p.id)) return;
    const input = nameWrap.current?.querySelector('input');
    input?.focus();
    input?.select();
  }, [p.id]);

  // Leaving a persona that was just added and never touched removes it again.
  useEffect(() => () => dropIfUntouched(p.id), [p.id]);

  const changePicture = async () => {
    setPicking(true);
    try {
      const dataUrl = await pickAvatarImage();
      if (dataUrl) await setPersonaAvatar(p, { kind: 'image', dataUrl }, 'Change picture');
    } catch (err) {
      notify({ kind: 'error', message: (err as Error).message });
    } finally {
      setPicking(false);
    }
  };

  const knownSegment = p.segmentId === null || (segments ?? []).some((s) => s.id === p.segmentId);
  const color = p.avatar.kind === 'initials' ? p.avatar.color : null;

  return (
    <main className="page page-wide persona-editor" aria-labelledby="persona-title">
      <nav className="persona-editor-nav" aria-label="Persona">
        <a className="back-link" href={galleryHref}>
          <ArrowLeft size={16} aria-hidden /> All personas
        </a>
        <button type="button" className="btn btn-small" onClick={() => void del.request(p)}>
          <Trash2 size={15} aria-hidden /> Delete persona
        </button>
      </nav>

      <section className="card persona-hero" aria-labelledby="persona-title">
        <div className="persona-hero-avatar">
          <PersonaAvatarView persona={p} size={128} />
          <div className="persona-avatar-buttons">
            <button type="button" className="btn btn-small" onClick={() => void changePicture()} disabled={picking}>
              <ImagePlus size={15} aria-hidden /> Change picture
            </button>
            {p.avatar.kind === 'image' ? (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void setPersonaAvatar(p, { kind: 'initials', color: defaultAvatarColor(p.name) }, 'Use initials')}
              >
                <UserRound size={15} aria-hidden /> Use initials
              </button>
            ) : null}
          </div>
          {color ? (
            <fieldset className="swatches">
              <legend className="visually-hidden">Avatar colour</legend>
              {avatarColors.map((c, i) => (
                <label key={c} className="swatch" style={{ background: c }} title={avatarColorNames[i]}>
                  <input
                    type="radio"
                    name={`avatar-color-${p.id}`}
                    className="visually-hidden"
                    aria-label={avatarColorNames[i]}
                    checked={color.toLowerCase() === c}
                    onChange={() => void setPersonaAvatar(p, { kind: 'initials', color: c }, 'Change avatar colour')}
                  />
                </label>
              ))}
            </fieldset>
          ) : null}
        </div>

        <div className="persona-hero-fields">
          <h1 id="persona-title" className="visually-hidden">
            {p.name}
          </h1>
          <div ref={nameWrap}>
            <CommitField known={known}
              label="Name"
              className="persona-name-field"
              value={p.name}
              maxLength={personaLimits.name}
              requiredMessage="A persona needs a name."
              onCommit={(v) => setPersonaName(p, v.trim())}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={segmentId}>
              Segment
            </label>
            <select
              id={segmentId}
              className="field-input persona-segment-select"
              value={p.segmentId ?? ''}
              onChange={(e) => void setPersonaSegment(p, e.target.value || null)}
            >
              <option value="">No segment</option>
              {(segments ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
              {!knownSegment && segments ? <option value={p.segmentId ?? ''}>A deleted segment</option> : null}
            </select>
            {segments && segments.length === 0 ? (
              <p className="field-hint">This workshop has no segments yet; add them in the segment map.</p>
            ) : null}
          </div>
          <CommitField known={known}
            label="Quote"
            className="persona-quote-field"
            multiline
            rows={2}
            value={p.quote}
            maxLength={personaLimits.quote}
            placeholder="Something they would say, in their own words"
            onCommit={(v) => setPersonaText(p, 'quote', v)}
          />
          <CommitField known={known}
            label="Context"
            multiline
            rows={3}
            value={p.context}
            maxLength={personaLimits.context}
            placeholder="Age, household, role, company size, where they live…"
            hint="Demographics or firmographics."
            onCommit={(v) => setPersonaText(p, 'context', v)}
          />
        </div>

        <aside className="persona-hero-evidence" aria-label="Evidence">
          <p className="eyebrow">Evidence</p>
          <p className="persona-evidence-share">{coverage.total === 0 ? '–' : `${Math.round(coverage.share * 100)}%`}</p>
          <p className="persona-evidence-caption">
            {coverage.total === 0 ? 'No claims yet' : `of ${coverage.total} ${coverage.total === 1 ? 'claim' : 'claims'} backed by evidence`}
            {coverage.assumed > 0 ? (
              <>
                <br />
                {coverage.assumed} {coverage.assumed === 1 ? 'assumption' : 'assumptions'} to check
              </>
            ) : null}
          </p>
          <EvidenceBar coverage={coverage} />
          <EvidenceLegend coverage={coverage} />
        </aside>
      </section>

      <div className="claim-sections">
        {personaListFields.map((f) => (
          <ClaimList key={f} persona={p} field={f} />
        ))}
      </div>
      {del.dialog}
    </main>
  );
}
