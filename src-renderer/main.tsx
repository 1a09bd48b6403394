// Renderer entry: opens the library (refusing a newer one, snapshotting before an upgrade),
// stores typing that closed windows left in the journal, asks for persistent storage in
// browser mode, starts snapshots, and renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/inter';
import './ui/app.css';
import { applyTokens } from './ui/tokens';
import { getHost } from './host/host';
import { openDatabase } from './db/open-database';
import { startSnapshotSchedule } from './db/snapshots';
import { flushPendingEdits, useHistory } from './state/history';
import { notify } from './state/notifications';
import { usePersistenceStore } from './state/persistence';
import { startTypingJournal } from './state/draft-recorder';
import { App } from './features/app/app';
import { installBenchHooks } from './bench/bench-hooks';

async function boot() {
  applyTokens(document.documentElement);
  const root = createRoot(document.getElementById('root')!);
  const host = getHost();
  const opened = await openDatabase(host);
  if (!opened.ok) {
    root.render(
      <main className="fatal" role="alert">
        <h1>Centric cannot open its library</h1>
        <p>{opened.message}</p>
      </main>,
    );
    return;
  }
  installBenchHooks();
  // Before the screens render, so they show the restored typing (and it is older than any new edit).
  await startTypingJournal(opened.db);
  // Commit debounced typing when the window is hidden or closed. A write started in pagehide
  // may not finish before the page is gone; the typing journal covers that.
  window.addEventListener('pagehide', flushPendingEdits);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushPendingEdits();
  });
  host.requestPersistentStorage().then(
    (persisted) => usePersistenceStore.setState({ persisted }),
    () => usePersistenceStore.setState({ persisted: false }),
  );
  startSnapshotSchedule(
    opened.db,
    host,
    () => useHistory.getState().revision,
    (err) => notify({ kind: 'error', message: `An automatic snapshot failed: ${(err as Error).message}` }),
  );
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  if (opened.upgradedFrom !== null) {
    notify({ kind: 'info', message: `Your library was upgraded from storage version ${opened.upgradedFrom}. A snapshot was taken first.` });
  }
}

void boot();
