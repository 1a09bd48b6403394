// A workshop's overview: its details (edited in place, saved as you type) and its agenda at a glance.
import { CalendarDays, Clock, MapPin, Play } from 'lucide-react';
import { agendaMinutes, formatMinutes, limits, type Workshop } from '../../domain/workshop';
import { formatLocalDate } from '../../domain/ids';
import { artifactInfo } from '../../domain/artifacts';
import { CommitField } from '../../ui/commit-field';
import { ArtifactIcon } from '../../ui/artifact-icon';
import { routeHref } from '../../state/router';
import { setWorkshopField } from './workshop-actions';

export function OverviewPage({ workshop: w }: { workshop: Workshop }) {
  // The workshop as this screen holds it: typing is journaled from the first key (use-draft.ts).
  const known = () => [{ table: 'workshops' as const, row: w }];
  const total = agendaMinutes(w.agenda);
  return (
    <main className="page page-narrow" aria-labelledby="overview-title">
      <header className="page-header page-header-stacked">
        <p className="eyebrow">{w.client || 'No client yet'}</p>
        <h1 id="overview-title">{w.title}</h1>
        <p className="meta-line">
          <span>
            <CalendarDays size={16} aria-hidden /> {formatLocalDate(w.date)}
          </span>
          <span>
            <Clock size={16} aria-hidden /> {formatMinutes(total)} · {w.agenda.length} steps
          </span>
          {w.location ? (
            <span>
              <MapPin size={16} aria-hidden /> {w.location}
            </span>
          ) : null}
          <span className="badge">{w.templateName}</span>
        </p>
        {w.agenda.length > 0 ? (
          <a className="btn btn-primary btn-large overview-run" href={routeHref({ name: 'run', workshopId: w.id })}>
            <Play size={18} aria-hidden /> Run workshop
          </a>
        ) : null}
      </header>

      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title" className="card-title">
          Details
        </h2>
        <div className="form-grid">
          <CommitField known={known}
            label="Title"
            value={w.title}
            maxLength={limits.title}
            requiredMessage="A workshop needs a title."
            onCommit={(v) => setWorkshopField(w.id, 'title', v.trim())}
          />
          <CommitField known={known} label="Client" value={w.client} maxLength={limits.client} onCommit={(v) => setWorkshopField(w.id, 'client', v)} />
          <CommitField known={known}
            label="Date"
            type="date"
            value={w.date}
            maxLength={10}
            requiredMessage="Enter the workshop date."
            onCommit={(v) => setWorkshopField(w.id, 'date', v)}
          />
          <CommitField known={known} label="Location" value={w.location} maxLength={limits.location} onCommit={(v) => setWorkshopField(w.id, 'location', v)} />
        </div>
        <CommitField known={known}
          label="Objectives"
          multiline
          rows={4}
          value={w.objectives}
          maxLength={limits.objectives}
          placeholder="What should the client leave the room with?"
          onCommit={(v) => setWorkshopField(w.id, 'objectives', v)}
        />
      </section>

      <section className="card" aria-labelledby="agenda-title">
        <h2 id="agenda-title" className="card-title">
          Agenda <span className="card-title-meta">{formatMinutes(total)}</span>
        </h2>
        {w.agenda.length === 0 ? (
          <p className="muted">This workshop has no agenda. Create one from a template to get timed steps and prompts.</p>
        ) : (
          <ol className="agenda-list">
            {w.agenda.map((s, i) => (
              <li key={s.id} className="agenda-row">
                <span className="step-number" aria-hidden>
                  {i + 1}
                </span>
                <a className="agenda-row-title" href={routeHref({ name: 'step', workshopId: w.id, stepId: s.id })}>
                  {s.title}
                </a>
                <span className="agenda-row-artifacts">
                  {s.artifacts.map((a, j) => (
                    <span key={j} className="chip" title={artifactInfo[a.kind].label}>
                      <ArtifactIcon kind={a.kind} size={14} /> {a.title ?? artifactInfo[a.kind].label}
                    </span>
                  ))}
                </span>
                <span className="agenda-row-time">{formatMinutes(s.minutes)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
