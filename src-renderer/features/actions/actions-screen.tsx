// The 'actions' artifact: decisions, actions (who, what, by when) and the parking lot.
import type { ArtifactEditorProps } from '../shared/artifact-editor-props';
import { ActionsLog } from './actions-log';

export function ActionsScreen({ workshop: w }: ArtifactEditorProps) {
  return (
    <main className="page page-narrow" aria-labelledby="actions-title">
      <header className="page-header page-header-stacked">
        <p className="eyebrow">Artifact</p>
        <h1 id="actions-title">Decisions & actions</h1>
        <p className="page-subtitle muted">Who does what by when, what the room decided, and what waits in the parking lot. Press Alt+L in run mode to capture from any step.</p>
      </header>
      <section className="card">
        <ActionsLog workshopId={w.id} />
      </section>
    </main>
  );
}
