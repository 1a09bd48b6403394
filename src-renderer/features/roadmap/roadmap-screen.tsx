// The lifecycle roadmap artifact: the timeline board, the impact/effort matrix and stage health,
// as three views of one set of initiatives (the route's item names the view, so a reload stays put).
import { useMemo, useState } from 'react';
import { Plus, SlidersHorizontal } from 'lucide-react';
import type { ArtifactEditorProps } from '../shared/artifact-editor-props';
import { horizonSummary, readRoadmapSettings } from '../../domain/roadmap';
import { navigate } from '../../state/router';
import { InitiativeDialog, type InitiativeDialogTarget } from './initiative-dialog';
import { RoadmapSettingsDialog } from './roadmap-settings-dialog';
import { RoadmapTimeline } from './roadmap-timeline';
import { ImpactEffortView } from './impact-effort';
import { StageHealthView } from './stage-health';
import { useOpportunityCards, usePersonaOptions } from './roadmap-queries';
import { useInitiatives, useMetrics } from '../shared/roadmap-reads';
import './roadmap.css';

const views = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'impact-effort', label: 'Impact & effort' },
  { id: 'stage-health', label: 'Stage health' },
] as const;
type View = (typeof views)[number]['id'];

export function RoadmapScreen({ workshop, itemId }: ArtifactEditorProps) {
  const view: View = views.some((v) => v.id === itemId) ? (itemId as View) : 'timeline';
  const initiatives = useInitiatives(workshop.id);
  const metrics = useMetrics(workshop.id);
  const personas = usePersonaOptions(workshop.id);
  const opportunities = useOpportunityCards(workshop.id);
  const settings = useMemo(() => readRoadmapSettings(workshop), [workshop]);
  const [dialog, setDialog] = useState<{ mode: 'edit'; id: string } | { mode: 'new'; laneId: string } | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);

  const loading = !initiatives || !metrics || !personas || !opportunities;
  const target: InitiativeDialogTarget | null = useMemo(() => {
    if (!dialog || !initiatives) return null;
    if (dialog.mode === 'new') return dialog;
    const initiative = initiatives.find((i) => i.id === dialog.id);
    return initiative ? { mode: 'edit', initiative } : null;
  }, [dialog, initiatives]);

  const active = initiatives?.filter((i) => i.status !== 'dropped').length ?? 0;
  return (
    <main className="page rm-page" aria-labelledby="rm-title" aria-busy={loading || undefined}>
      <header className="page-header rm-header">
        <div>
          <p className="eyebrow">{workshop.client || 'Lifecycle roadmap'}</p>
          <h1 id="rm-title">Lifecycle roadmap</h1>
          <p className="page-subtitle">
            {horizonSummary(settings)} · {active} initiative{active === 1 ? '' : 's'} across {settings.lanes.length} lanes
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => setSettingsOpen(true)}>
            <SlidersHorizontal size={16} aria-hidden /> Horizon and lanes
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setDialog({ mode: 'new', laneId: settings.lanes[0]!.id })}>
            <Plus size={16} aria-hidden /> Add initiative
          </button>
        </div>
      </header>
      <div className="rm-tabs" role="tablist" aria-label="Roadmap views">
        {views.map((v) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            id={`rm-tab-${v.id}`}
            aria-selected={view === v.id}
            aria-controls="rm-panel"
            tabIndex={view === v.id ? 0 : -1}
            className="rm-tab"
            onClick={() => navigate({ name: 'artifact', workshopId: workshop.id, kind: 'roadmap', itemId: v.id === 'timeline' ? undefined : v.id })}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const k = views.findIndex((x) => x.id === v.id) + (e.key === 'ArrowRight' ? 1 : -1);
              const next = views[(k + views.length) % views.length]!;
              navigate({ name: 'artifact', workshopId: workshop.id, kind: 'roadmap', itemId: next.id === 'timeline' ? undefined : next.id });
              requestAnimationFrame(() => document.getElementById(`rm-tab-${next.id}`)?.focus());
            }}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div id="rm-panel" role="tabpanel" aria-labelledby={`rm-tab-${view}`} className="rm-panel">
        {loading ? null : view === 'timeline' ? (
          <RoadmapTimeline
            settings={settings}
            initiatives={initiatives}
            personas={personas}
            onEdit={(id) => setDialog({ mode: 'edit', id })}
            onAdd={(laneId) => setDialog({ mode: 'new', laneId })}
          />
        ) : view === 'impact-effort' ? (
          <ImpactEffortView initiatives={initiatives} settings={settings} onEdit={(id) => setDialog({ mode: 'edit', id })} />
        ) : (
          <StageHealthView workshopId={workshop.id} initiatives={initiatives} metrics={metrics} settings={settings} />
        )}
      </div>
      {target && personas && opportunities && initiatives ? (
        <InitiativeDialog
          key={target.mode === 'edit' ? target.initiative.id : `new-${target.laneId}`}
          workshopId={workshop.id}
          target={target}
          settings={settings}
          personas={personas}
          opportunities={opportunities}
          initiatives={initiatives}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {settingsOpen ? <RoadmapSettingsDialog workshop={workshop} settings={settings} onClose={() => setSettingsOpen(false)} /> : null}
    </main>
  );
}
