// A workshop's overview: its details and its agenda, both edited in place and saved as you type.
import { CalendarDays, Clock, MapPin, Play } from 'lucide-react';
import { agendaMinutes, formatMinutes, limits, type Workshop } from '../../domain/workshop';
import { formatLocalDate } from '../../domain/ids';
import { CommitField } from '../../ui/commit-field';
import { routeHref } from '../../state/router';
import { setWorkshopField } from './workshop-actions';
import { AgendaEditor } from './agenda-editor';

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

      <AgendaEditor workshop={w} />
    </main>
  );
}
