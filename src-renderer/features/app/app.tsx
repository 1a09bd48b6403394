// The app shell: top bar, the screen for the current route, global undo/redo keys and
// menu commands, and toasts.
import { lazy, Suspense, useEffect } from 'react';
import { Redo2, Settings as SettingsIcon, Undo2 } from 'lucide-react';
import { useRoute, navigate, routeHref, type Route } from '../../state/router';
import { redo, undo, useUndoRedoLabels } from '../../state/history';
import { LIBRARY_SCOPE } from '../../db/commands';
import { notify } from '../../state/notifications';
import { useUi } from '../../state/ui';
import { getHost } from '../../host/host';
import { Toasts } from '../../ui/toasts';
import { ScreenErrorBoundary } from '../../ui/screen-error-boundary';
import { exportLibraryBackup } from '../shared/backup';
import { RouteErrorBoundary } from '../shared/route-error-boundary';
import { LibraryScreen } from '../library/library-screen';
import { SETTINGS_SCOPE } from '../settings/settings-actions';

// Screens load when first visited, so the library (where the app opens) paints without the
// code of the canvases, the deck, run mode and the room.
const WorkshopScreen = lazy(() => import('../workshop/workshop-screen').then((m) => ({ default: m.WorkshopScreen })));
const SettingsScreen = lazy(() => import('../settings/settings-screen').then((m) => ({ default: m.SettingsScreen })));
const RunScreen = lazy(() => import('../run/run-screen').then((m) => ({ default: m.RunScreen })));
const PresenterScreen = lazy(() => import('../run/presenter-screen').then((m) => ({ default: m.PresenterScreen })));

/** What shows for the moment a screen's code is loading (from disk: a few milliseconds). */
function Loading() {
  return <main className="page" aria-busy="true" />;
}

export function scopeOf(route: Route): string {
  if (route.name === 'settings') return SETTINGS_SCOPE;
  if (route.name === 'library') return LIBRARY_SCOPE;
  return route.workshopId;
}

// When the renderer handles Ctrl+Z itself, Electron's menu accelerator does not fire; this
// guard still drops a menu command that arrives right after a handled key, so undo never runs twice.
let lastKeyUndoAt = 0;

function inDialog(): boolean {
  return document.activeElement instanceof Element && document.activeElement.closest('dialog') !== null;
}

async function runUndo(scope: string, direction: 'undo' | 'redo') {
  const cmd = await (direction === 'undo' ? undo(scope) : redo(scope));
  if (cmd) notify({ kind: 'info', message: `${direction === 'undo' ? 'Undone' : 'Redone'}: ${cmd.label}` }, 3000);
}

/** The screen the shell's error boundary holds: the whole workshop around a workshop page, else the route's screen. */
function shellHolds(route: Route): Route {
  return route.name === 'step' || route.name === 'artifact' || route.name === 'export' ? { name: 'workshop', workshopId: route.workshopId } : route;
}

/** The app, guarded as a whole too: should the shell itself throw, the window still explains and offers a way back. */
export function App() {
  const route = useRoute();
  return (
    <ScreenErrorBoundary screen="Centric" resetKey={routeHref(route)} backHref={routeHref({ name: 'library' })} onBackUp={exportLibraryBackup}>
      <Shell route={route} />
    </ScreenErrorBoundary>
  );
}

function Shell({ route }: { route: Route }) {
  const scope = scopeOf(route);
  const labels = useUndoRedoLabels(scope);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const isUndo = key === 'z' && !e.shiftKey;
      const isRedo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey);
      if (!isUndo && !isRedo) return;
      // Inside a dialog's plain form, keep the browser's own text undo.
      if (e.target instanceof Element && e.target.closest('dialog')) return;
      e.preventDefault();
      lastKeyUndoAt = Date.now();
      void runUndo(scope, isUndo ? 'undo' : 'redo');
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [scope]);

  useEffect(
    () =>
      getHost().onMenuCommand((c) => {
        if (c === 'undo' || c === 'redo') {
          if (Date.now() - lastKeyUndoAt < 100) return;
          // In a dialog's plain form the menu means the text field's own undo.
          if (inDialog()) document.execCommand(c);
          else void runUndo(scope, c);
        }
        else if (c === 'open-settings') navigate({ name: 'settings' });
        else if (c === 'new-workshop') {
          navigate({ name: 'library' });
          useUi.setState({ newWorkshopOpen: true });
        }
      }),
    [scope],
  );

  // The projector window: full screen, large type, no top bar.
  if (route.name === 'present') {
    return (
      <RouteErrorBoundary route={route}>
        <Suspense fallback={<Loading />}>
          <PresenterScreen key={route.workshopId} workshopId={route.workshopId} />
        </Suspense>
      </RouteErrorBoundary>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href="#/" aria-label="Centric: all workshops">
          <span className="brand-mark" aria-hidden>
            C
          </span>
          <span className="brand-name">Centric</span>
        </a>
        <nav className="topbar-nav" aria-label="Main">
          <a href="#/" className="topbar-link" aria-current={route.name === 'library' ? 'page' : undefined}>
            Workshops
          </a>
          <a href="#/settings" className="topbar-link" aria-current={route.name === 'settings' ? 'page' : undefined}>
            <SettingsIcon size={16} aria-hidden /> Settings
          </a>
        </nav>
        <div className="topbar-actions">
          <button
            type="button"
            className="icon-button topbar-icon"
            aria-label={labels.undo ? `Undo ${labels.undo}` : 'Undo'}
            title={labels.undo ? `Undo ${labels.undo} (Ctrl+Z)` : 'Nothing to undo'}
            disabled={!labels.undo}
            onClick={() => void runUndo(scope, 'undo')}
          >
            <Undo2 size={18} aria-hidden />
          </button>
          <button
            type="button"
            className="icon-button topbar-icon"
            aria-label={labels.redo ? `Redo ${labels.redo}` : 'Redo'}
            title={labels.redo ? `Redo ${labels.redo} (Ctrl+Shift+Z)` : 'Nothing to redo'}
            disabled={!labels.redo}
            onClick={() => void runUndo(scope, 'redo')}
          >
            <Redo2 size={18} aria-hidden />
          </button>
        </div>
      </header>
      <div id="content" className="app-content">
        {/* A screen that throws while rendering shows its error here; the top bar stays. The
            workshop wraps its own page again, so there the sidebar stays too. */}
        <RouteErrorBoundary route={route} holds={shellHolds(route)}>
          <Suspense fallback={<Loading />}>
          {route.name === 'library' ? <LibraryScreen /> : null}
          {route.name === 'settings' ? <SettingsScreen /> : null}
          {route.name === 'workshop' || route.name === 'step' || route.name === 'artifact' || route.name === 'export' ? (
            <WorkshopScreen key={route.workshopId} route={route} />
          ) : null}
          {route.name === 'run' ? <RunScreen key={route.workshopId} workshopId={route.workshopId} stepId={route.stepId} /> : null}
          </Suspense>
        </RouteErrorBoundary>
      </div>
      <Toasts />
    </div>
  );
}
