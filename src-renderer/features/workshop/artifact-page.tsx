// An artifact's page: its editor where one exists (registered in artifact-editors.ts);
// otherwise an empty state that says what the artifact is for, how to start, and which steps use it.
import { artifactInfo, type ArtifactKind } from '../../domain/artifacts';
import type { WorkshopTable } from '../../db/database';
import type { Workshop } from '../../domain/workshop';
import { ArtifactIcon } from '../../ui/artifact-icon';
import { EmptyState } from '../../ui/empty-state';
import { routeHref } from '../../state/router';
import { artifactEditors } from './artifact-editors';

const tablesOfKind: Record<ArtifactKind, readonly WorkshopTable[]> = {
  assessment: ['assessments'],
  persona: ['personas'],
  'segment-map': ['segments'],
  journey: ['journeys'],
  roadmap: ['initiatives'],
  'measurement-plan': ['metrics'],
  actions: ['actions'],
};

export function artifactCount(kind: ArtifactKind, counts: Record<WorkshopTable, number>): number {
  return tablesOfKind[kind].reduce((n, t) => n + counts[t], 0);
}

export function ArtifactPage({ workshop: w, kind, itemId }: { workshop: Workshop; kind: ArtifactKind; itemId?: string }) {
  const Editor = artifactEditors[kind];
  if (Editor) return <Editor workshop={w} itemId={itemId} />;
  const info = artifactInfo[kind];
  const steps = w.agenda.map((s, i) => ({ s, i })).filter(({ s }) => s.artifacts.some((a) => a.kind === kind));
  return (
    <main className="page page-narrow" aria-labelledby="artifact-title">
      <header className="page-header page-header-stacked">
        <p className="eyebrow">Artifact</p>
        <h1 id="artifact-title">{info.label}</h1>
      </header>
      <EmptyState
        aria-label={`${info.label}: nothing yet`}
        icon={<ArtifactIcon kind={kind} size={32} />}
        title="Nothing here yet"
        purpose={info.purpose}
        howToStart={info.howToStart}
      >
        {steps.length > 0 ? (
          <div className="empty-state-steps">
            <h3>Used in these steps</h3>
            <ul>
              {steps.map(({ s, i }) => (
                <li key={s.id}>
                  <a href={routeHref({ name: 'step', workshopId: w.id, stepId: s.id })}>
                    Step {i + 1}: {s.title}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="muted empty-state-note">
          The {info.label.toLowerCase()} editor is not part of this version yet; capture what the room says in each step’s
          notes meanwhile.
        </p>
      </EmptyState>
    </main>
  );
}
