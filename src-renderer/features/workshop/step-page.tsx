// One agenda step: what to do, what to ask the room, what it works on, and the notes taken.
import { ArrowLeft, ArrowRight, Clock, MessageCircleQuestion } from 'lucide-react';
import { artifactInfo } from '../../domain/artifacts';
import { formatMinutes, limits, type Workshop } from '../../domain/workshop';
import { CommitField } from '../../ui/commit-field';
import { ArtifactIcon } from '../../ui/artifact-icon';
import { routeHref } from '../../state/router';
import { setStepField } from '../shared/agenda-steps';
import { startMinutes, stepTimes } from '../../domain/agenda';
import { formatMinutesOfDay } from '../../domain/clock';
import { useSettings } from '../../db/queries';

export function StepPage({ workshop: w, stepId }: { workshop: Workshop; stepId: string }) {
  const format = useSettings()?.clockFormat ?? '24h';
  const index = w.agenda.findIndex((s) => s.id === stepId);
  const step = w.agenda[index];
  if (!step) {
    return (
      <main className="page page-narrow">
        <p>This step is not in the agenda any more.</p>
      </main>
    );
  }
  const times = stepTimes(w.agenda, startMinutes(w))[index]!;
  const prev = w.agenda[index - 1];
  const next = w.agenda[index + 1];
  return (
    <main className="page page-narrow" aria-labelledby="step-title">
      <header className="page-header page-header-stacked">
        <p className="eyebrow">
          Step {index + 1} of {w.agenda.length}
        </p>
        <h1 id="step-title">{step.title}</h1>
        <p className="meta-line">
          <span>
            <Clock size={16} aria-hidden /> {formatMinutes(step.minutes)} · {formatMinutesOfDay(times.start, format)}–{formatMinutesOfDay(times.end, format)}
          </span>
        </p>
      </header>

      <section className="card" aria-labelledby="instructions-title">
        <h2 id="instructions-title" className="card-title">
          How to run it
        </h2>
        {step.instructions.split(/\n{2,}/).map((para, i) => (
          <p key={i} className="instructions">
            {para}
          </p>
        ))}
      </section>

      {step.prompts.length > 0 ? (
        <section className="card card-prompts" aria-labelledby="prompts-title">
          <h2 id="prompts-title" className="card-title">
            <MessageCircleQuestion size={18} aria-hidden /> Ask the room
          </h2>
          <ul className="prompt-list">
            {step.prompts.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {step.artifacts.length > 0 ? (
        <section className="card" aria-labelledby="works-on-title">
          <h2 id="works-on-title" className="card-title">
            Works on
          </h2>
          <ul className="artifact-links">
            {step.artifacts.map((a, i) => (
              <li key={i}>
                <a className="artifact-link" href={routeHref({ name: 'artifact', workshopId: w.id, kind: a.kind })}>
                  <ArtifactIcon kind={a.kind} size={20} />
                  <span>
                    <span className="artifact-link-title">{a.title ?? artifactInfo[a.kind].label}</span>
                    <span className="artifact-link-meta">
                      {a.action === 'create' ? 'Created in this step' : 'Opened from an earlier step'}
                    </span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="notes-title">
        <h2 id="notes-title" className="card-title">
          Notes from the room
        </h2>
        <CommitField
          known={() => [{ table: 'workshops', row: w }]}
          key={step.id}
          label={`Notes for ${step.title}`}
          hideLabel
          multiline
          rows={8}
          value={step.notes}
          maxLength={limits.notes}
          placeholder="What the room said, decisions, quotes… Saved as you type."
          onCommit={(v) => setStepField(w.id, step.id, { notes: v }, 'Edit step notes')}
        />
      </section>

      <nav className="step-nav" aria-label="Steps">
        {prev ? (
          <a className="btn" href={routeHref({ name: 'step', workshopId: w.id, stepId: prev.id })}>
            <ArrowLeft size={16} aria-hidden /> Previous: {prev.title}
          </a>
        ) : (
          <span />
        )}
        {next ? (
          <a className="btn btn-primary" href={routeHref({ name: 'step', workshopId: w.id, stepId: next.id })}>
            Next: {next.title} <ArrowRight size={16} aria-hidden />
          </a>
        ) : null}
      </nav>
    </main>
  );
}
