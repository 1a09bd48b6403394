// The 'assessment' artifact: runs per question set, and one run opened for scoring. Run mode
// embeds AssessmentPane for the set its step names.
import { ClipboardCheck, Plus } from 'lucide-react';
import { assessmentSets, type AssessmentSet } from '../../domain/artifacts';
import { dimensionScores, formatPercent, overallScore, runsOfSet } from '../../domain/assessment';
import type { PresenterFocus } from '../../domain/run';
import { routeHref } from '../../state/router';
import { EmptyState } from '../../ui/empty-state';
import type { ArtifactEditorProps } from '../shared/artifact-editor-props';
import { useParticipants } from '../shared/participants';
import { assessmentLibrary, useAssessmentRuns } from '../shared/assessments';
import { startAssessmentRun } from './assessment-data';
import { AssessmentRunEditor } from './assessment-run';
import { runDate } from '../../ui/assessment-results';
import './assessments.css';

export function AssessmentsScreen({ workshop: w, itemId }: ArtifactEditorProps) {
  const runs = useAssessmentRuns(w.id);
  const participants = useParticipants(w.id);
  if (runs === undefined || participants === undefined) return <main className="page" aria-busy="true" />;
  const run = itemId ? runs.find((r) => r.id === itemId) : undefined;
  const set = run ? assessmentLibrary.sets[run.set] : undefined;
  if (itemId && run && set) {
    return (
      <main className="page" aria-label={`${set.name} run`}>
        <p className="breadcrumb">
          <a href={routeHref({ name: 'artifact', workshopId: w.id, kind: 'assessment' })}>Assessments</a> / {set.name}
        </p>
        <AssessmentRunEditor workshopId={w.id} set={set} run={run} runs={runs} participants={participants} />
      </main>
    );
  }
  return (
    <main className="page page-narrow" aria-labelledby="assessments-title">
      <header className="page-header page-header-stacked">
        <p className="eyebrow">Artifact</p>
        <h1 id="assessments-title">Assessments</h1>
        <p className="page-subtitle muted">Score the organisation against a question set; run it again later to see what changed.</p>
      </header>
      {itemId ? <p className="callout callout-warning">That assessment run no longer exists. It may have been deleted (Ctrl+Z undoes).</p> : null}
      {assessmentLibrary.errors.length ? (
        <div className="callout callout-warning" role="alert">
          Some question sets could not be loaded:
          <ul>{assessmentLibrary.errors.map((e) => <li key={e}>{e}</li>)}</ul>
        </div>
      ) : null}
      <ul className="set-list">
        {assessmentSets.map((id) => {
          const set = assessmentLibrary.sets[id];
          if (!set) return null;
          const list = runsOfSet(runs, id);
          return (
            <li key={id} className="card set-card">
              <div className="set-card-head">
                <ClipboardCheck size={22} aria-hidden />
                <div>
                  <h2>{set.name}</h2>
                  <p className="muted small">{set.summary}</p>
                </div>
                <button type="button" className="btn" onClick={() => void startAssessmentRun(w.id, id)}>
                  <Plus size={16} aria-hidden /> {list.length ? 'New run' : 'Start'}
                </button>
              </div>
              {list.length ? (
                <ol className="run-links">
                  {list.map((r, i) => (
                    <li key={r.id}>
                      <a href={routeHref({ name: 'artifact', workshopId: w.id, kind: 'assessment', itemId: r.id })}>
                        Run {i + 1} · {runDate(r)}
                      </a>
                      <span className="run-score">{formatPercent(overallScore(dimensionScores(set, r)))}</span>
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          );
        })}
      </ul>
    </main>
  );
}

/** Run mode: the latest run of the step's set, or a button to start one. onPresent comes from run mode, which owns the projector. */
export function AssessmentPane({ workshopId, set: setId, onPresent }: { workshopId: string; set: AssessmentSet; onPresent: (focus: PresenterFocus) => void }) {
  const runs = useAssessmentRuns(workshopId);
  const participants = useParticipants(workshopId);
  const set = assessmentLibrary.sets[setId];
  if (!set) return <p className="callout callout-warning">The “{setId}” question set could not be loaded.</p>;
  if (runs === undefined || participants === undefined) return null;
  const list = runsOfSet(runs, setId);
  const run = list[list.length - 1];
  if (!run) {
    return (
      <EmptyState as="div" title={set.name} purpose={set.summary}>
        <button type="button" className="btn btn-primary btn-large" onClick={() => void startAssessmentRun(workshopId, setId, false)}>
          Start {set.name.toLowerCase()}
        </button>
      </EmptyState>
    );
  }
  return <AssessmentRunEditor workshopId={workshopId} set={set} run={run} runs={runs} participants={participants} onPresent={onPresent} />;
}
