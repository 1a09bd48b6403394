// Inside a workshop: a sidebar with its agenda and artifacts, and the selected page
// (overview, an agenda step, or an artifact).
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { FileOutput } from 'lucide-react';
import { ArrowLeft, Download, LayoutDashboard, MonitorUp, PanelLeftClose, PanelLeftOpen, Play, Save } from 'lucide-react';
import { useArtifactCounts, useWorkshop } from '../../db/queries';
import { agendaArtifactKinds, agendaMinutes, formatMinutes, type Workshop } from '../../domain/workshop';
import { artifactInfo, artifactKinds } from '../../domain/artifacts';
import { ArtifactIcon } from '../../ui/artifact-icon';
import { EmptyState } from '../../ui/empty-state';
import { routeHref, type Route } from '../../state/router';
import { getHost } from '../../host/host';
import { notify } from '../../state/notifications';
import { exportWorkshopBackup } from '../shared/backup';
import { RouteErrorBoundary } from '../shared/route-error-boundary';
import { RoomBar, RoomButton } from '../shared/room-ui';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { OverviewPage } from './overview-page';
import { StepPage } from './step-page';
import { ArtifactPage, artifactCount } from './artifact-page';
import { SaveTemplateDialog } from './save-template-dialog';

type WorkshopRoute = Extract<Route, { workshopId: string }>;

const SIDEBAR_KEY = 'centric.sidebarHidden';

/**
 * Whether the workshop sidebar is folded away, so a canvas or the run screen gets the whole
 * width on a laptop. A preference of this machine, kept across reloads and windows.
 */
function useSidebarHidden(): [boolean, (hidden: boolean) => void] {
  const [hidden, setHidden] = useState(() => {
    try {
      return localStorage.getItem(SIDEBAR_KEY) === '1';
    } catch {
      return false;
    }
  });
  const set = (v: boolean) => {
    setHidden(v);
    try {
      if (v) localStorage.setItem(SIDEBAR_KEY, '1');
      else localStorage.removeItem(SIDEBAR_KEY);
    } catch {
      // Storage refused (private mode, quota): the choice lasts for this page only.
    }
  };
  return [hidden, set];
}

// The export screen (and with it jsPDF, pptxgenjs and the fonts) loads only when opened.
const ExportScreen = lazy(() => import('../export/export-screen').then((m) => ({ default: m.ExportScreen })));

export function WorkshopScreen({ route }: { route: WorkshopRoute }) {
  const workshop = useWorkshop(route.workshopId);
  if (workshop === undefined) return <main className="page" aria-busy="true" />;
  if (workshop === null) {
    return (
      <main className="page">
        <EmptyState large headingLevel={1} title="Workshop not found">
          <p>It may have been deleted. Deleting can be undone from the library (Ctrl+Z).</p>
          <a className="btn btn-primary" href="#/">
            Back to the library
          </a>
        </EmptyState>
      </main>
    );
  }
  return <WorkshopLayout workshop={workshop} route={route} />;
}

function WorkshopLayout({ workshop: w, route }: { workshop: Workshop; route: WorkshopRoute }) {
  const counts = useArtifactCounts(w.id);
  const journeys = useLiveQuery(async () => (await getDb().journeys.where('workshopId').equals(w.id).toArray()).sort((a, b) => a.order - b.order), [w.id]);
  const [saveOpen, setSaveOpen] = useState(false);
  const [sidebarHidden, setSidebarHidden] = useSidebarHidden();
  // Folding or unfolding removes the button pressed: focus goes to its counterpart.
  const hideButton = useRef<HTMLButtonElement>(null);
  const showButton = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  useEffect(() => {
    if (!toggled.current) return;
    toggled.current = false;
    (sidebarHidden ? showButton : hideButton).current?.focus();
  }, [sidebarHidden]);
  const toggleSidebar = (hidden: boolean) => {
    toggled.current = true;
    setSidebarHidden(hidden);
  };
  // The agenda's artifacts first, then any other artifact that has content (e.g. a persona
  // copied in from another workshop), so nothing stored is ever unreachable.
  const inAgenda = agendaArtifactKinds(w.agenda);
  const kinds = [...inAgenda, ...artifactKinds.filter((k) => !inAgenda.includes(k) && counts && artifactCount(k, counts) > 0)];
  // An artifact's item (one persona, one segment) still highlights its artifact in the sidebar.
  const here = routeHref(route.name === 'artifact' ? { ...route, itemId: undefined } : route);
  const current = (r: Route) => (routeHref(r) === here ? 'page' : undefined);

  const openSecondWindow = () =>
    getHost()
      .openWindow(routeHref(route))
      .catch((err: Error) => notify({ kind: 'error', message: err.message }));

  return (
    <div className={`workshop-layout${sidebarHidden ? ' workshop-layout-wide' : ''}`}>
      <nav className="sidebar" id="workshop-sidebar" aria-label="Workshop" hidden={sidebarHidden}>
        <div className="sidebar-top">
          <a className="sidebar-back" href="#/">
            <ArrowLeft size={16} aria-hidden /> All workshops
          </a>
          <button ref={hideButton} type="button" className="sidebar-hide" aria-expanded={true} aria-controls="workshop-sidebar" title="Hide sidebar" onClick={() => toggleSidebar(true)}>
            <PanelLeftClose size={16} aria-hidden />
            <span className="visually-hidden">Hide sidebar</span>
          </button>
        </div>
        <div className="sidebar-heading">
          <p className="sidebar-client">{w.client}</p>
          <p className="sidebar-title">{w.title}</p>
        </div>
        {w.agenda.length > 0 ? (
          <a className="sidebar-run" href={routeHref({ name: 'run', workshopId: w.id })}>
            <Play size={16} aria-hidden /> Run workshop
          </a>
        ) : null}
        <RoomButton workshop={w} />
        <a className="sidebar-link" href={routeHref({ name: 'workshop', workshopId: w.id })} aria-current={current({ name: 'workshop', workshopId: w.id })}>
          <LayoutDashboard size={16} aria-hidden /> Overview
        </a>
        <h2 className="sidebar-section">
          Agenda <span className="sidebar-section-meta">{formatMinutes(agendaMinutes(w.agenda))}</span>
        </h2>
        {w.agenda.length === 0 ? <p className="sidebar-empty">No steps: this workshop was started blank.</p> : null}
        <ol className="sidebar-steps">
          {w.agenda.map((s, i) => {
            const r: Route = { name: 'step', workshopId: w.id, stepId: s.id };
            return (
              <li key={s.id}>
                <a className="sidebar-link sidebar-step" href={routeHref(r)} aria-current={current(r)}>
                  <span className="step-number" aria-hidden>
                    {i + 1}
                  </span>
                  <span className="sidebar-step-title" title={s.title}>{s.title}</span>
                  <span className="sidebar-step-time" aria-hidden>
                    {s.minutes}′
                  </span>
                  <span className="visually-hidden">, {s.minutes} minutes</span>
                </a>
              </li>
            );
          })}
        </ol>
        <h2 className="sidebar-section">Artifacts</h2>
        <ul className="sidebar-artifacts">
          {kinds.map((k) => {
            const r: Route = { name: 'artifact', workshopId: w.id, kind: k };
            const n = counts ? artifactCount(k, counts) : 0;
            return (
              <li key={k}>
                <a className="sidebar-link" href={routeHref(r)} aria-current={current(r)}>
                  <ArtifactIcon kind={k} size={16} /> <span className="sidebar-step-title">{artifactInfo[k].label}</span>
                  <span className="sidebar-count" aria-label={`${n} items`}>
                    {n}
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
        <div className="sidebar-footer">
          <a className="sidebar-button" href={routeHref({ name: 'export', workshopId: w.id })} aria-current={current({ name: 'export', workshopId: w.id })}>
            <FileOutput size={16} aria-hidden /> Export deck
          </a>
          <button type="button" className="sidebar-button" onClick={() => void exportWorkshopBackup(w.id)}>
            <Download size={16} aria-hidden /> Back up workshop
          </button>
          <button type="button" className="sidebar-button" onClick={() => setSaveOpen(true)} disabled={w.agenda.length === 0}>
            <Save size={16} aria-hidden /> Save agenda as template
          </button>
          <button type="button" className="sidebar-button" onClick={() => void openSecondWindow()}>
            <MonitorUp size={16} aria-hidden /> Open in a second window
          </button>
        </div>
      </nav>
      <div className="workshop-content">
        {sidebarHidden ? (
          <button ref={showButton} type="button" className="btn btn-small sidebar-show" aria-expanded={false} aria-controls="workshop-sidebar" onClick={() => toggleSidebar(false)}>
            <PanelLeftOpen size={16} aria-hidden /> Show sidebar
          </button>
        ) : null}
        <RoomBar workshop={w} journeys={journeys ?? []} />
        <RouteErrorBoundary route={route}>
          {route.name === 'workshop' ? <OverviewPage workshop={w} /> : null}
          {route.name === 'step' ? <StepPage workshop={w} stepId={route.stepId} /> : null}
          {route.name === 'artifact' ? <ArtifactPage workshop={w} kind={route.kind} itemId={route.itemId} /> : null}
          {route.name === 'export' ? (
            <Suspense fallback={<main className="page" aria-busy="true" />}>
              <ExportScreen workshop={w} />
            </Suspense>
          ) : null}
        </RouteErrorBoundary>
      </div>
      <SaveTemplateDialog workshop={w} open={saveOpen} onClose={() => setSaveOpen(false)} />
    </div>
  );
}
