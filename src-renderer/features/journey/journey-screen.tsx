// The journey artifact: the workshop's journeys as a list, or one journey's workspace: its name,
// persona and scenario, the toolbar (journey-toolbar.tsx), the canvas and their dialogs.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { ArrowLeft, Pencil, Plus, Route as RouteIcon, Trash2 } from 'lucide-react';
import type { ArtifactEditorProps } from '../shared/artifact-editor-props';
import { artifactInfo } from '../../domain/artifacts';
import { journeyLimits, type Journey, type JourneyCard } from '../../domain/journey';
import type { Workshop } from '../../domain/workshop';
import { lifecycleStageOf } from '../../domain/roadmap';
import { ArtifactIcon } from '../../ui/artifact-icon';
import { CommitField } from '../../ui/commit-field';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { EmptyState } from '../../ui/empty-state';
import { navigate, routeHref } from '../../state/router';
import { notify, useNotifications } from '../../state/notifications';
import {
  addJourney,
  deleteJourney,
  deleteLaneAction,
  deleteStageAction,
  promoteCard,
  renameJourney,
  setJourneyPersona,
  setScenario,
} from './journey-actions';
import { JourneyCanvas, type CanvasHandle } from './journey-canvas';
import { CanvasSide } from './journey-canvas-side';
import { JourneyToolbar } from './journey-toolbar';
import { NewJourneyDialog, PromoteDialog, RenameJourneyDialog } from './journey-dialogs';
import { ImportNotesDialog } from './import-notes-dialog';
import { useCardCounts, useJourney, useJourneyCards, useJourneys, usePersonaOptions } from './journey-queries';
import { useJourneyUi } from './journey-ui';
import { EmotionRoundBar } from '../shared/room-emotions';
import './journey.css';

export function JourneyScreen({ workshop, itemId }: ArtifactEditorProps) {
  return itemId ? <JourneyEditor key={itemId} workshop={workshop} journeyId={itemId} /> : <JourneyList workshop={workshop} />;
}

// --- The list -----------------------------------------------------------------------------

function JourneyList({ workshop: w }: { workshop: Workshop }) {
  const journeys = useJourneys(w.id);
  const counts = useCardCounts(w.id);
  const personas = usePersonaOptions(w.id);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Journey | null>(null);
  const [renaming, setRenaming] = useState<Journey | null>(null);
  const info = artifactInfo.journey;
  if (journeys === undefined) return <main className="page" aria-busy="true" />;
  const personaName = new Map((personas ?? []).map((p) => [p.id, p.name]));

  const create = async (v: { name: string; personaId: string | null; scenario: string }) => {
    const id = await addJourney(w.id, v);
    setCreating(false);
    if (id) navigate({ name: 'artifact', workshopId: w.id, kind: 'journey', itemId: id });
  };
  const newButton = (
    <button type="button" className="btn btn-primary btn-large" onClick={() => setCreating(true)}>
      <Plus size={18} aria-hidden /> New journey
    </button>
  );
  const n = deleting ? (counts?.[deleting.id] ?? 0) : 0;
  return (
    <main className="page page-wide" aria-labelledby="journeys-title">
      <header className="page-header">
        <div>
          <p className="eyebrow">{w.client || w.title}</p>
          <h1 id="journeys-title">Customer journeys</h1>
          <p className="page-subtitle">One persona and scenario per journey, mapped stage by stage.</p>
        </div>
        {journeys.length > 0 ? newButton : null}
      </header>
      {journeys.length === 0 ? (
        <EmptyState
          large
          aria-label="Customer journeys: nothing yet"
          icon={<ArtifactIcon kind="journey" size={32} />}
          title="No journeys yet"
          purpose={info.purpose}
          howToStart={info.howToStart}
        >
          <p className="toolbar toolbar-center">{newButton}</p>
        </EmptyState>
      ) : (
        <ul className="jy-list" aria-label="Journeys">
          {journeys.map((j) => {
            const c = counts?.[j.id] ?? 0;
            return (
              <li key={j.id} className="card jy-list-item">
                <div className="jy-list-main">
                  <h2>
                    <a href={routeHref({ name: 'artifact', workshopId: w.id, kind: 'journey', itemId: j.id })}>{j.name}</a>
                  </h2>
                  <p className="jy-list-meta">
                    <span className="chip">{j.personaId ? (personaName.get(j.personaId) ?? 'Persona removed') : 'No persona'}</span>
                    <span className="badge">
                      {j.stages.length} stages · {c} {c === 1 ? 'card' : 'cards'}
                    </span>
                  </p>
                  {j.scenario ? <p className="muted">{j.scenario}</p> : null}
                </div>
                <div className="row-actions">
                  <a className="btn" href={routeHref({ name: 'artifact', workshopId: w.id, kind: 'journey', itemId: j.id })} aria-label={`Open ${j.name}`}>
                    <RouteIcon size={16} aria-hidden /> Open
                  </a>
                  <button type="button" className="icon-button" aria-label={`Rename ${j.name}`} onClick={() => setRenaming(j)}>
                    <Pencil size={18} aria-hidden />
                  </button>
                  <button type="button" className="icon-button icon-button-danger" aria-label={`Delete ${j.name}`} onClick={() => setDeleting(j)}>
                    <Trash2 size={18} aria-hidden />
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <RenameJourneyDialog
        key={renaming?.id ?? 'none'}
        journey={renaming}
        onClose={() => setRenaming(null)}
        onRename={(name) => {
          if (renaming) void renameJourney(renaming, name);
          setRenaming(null);
        }}
      />
      <NewJourneyDialog open={creating} personas={personas ?? []} onClose={() => setCreating(false)} onCreate={(v) => void create(v)} />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete journey?"
        confirmLabel="Delete journey"
        danger
        focusCancel
        onConfirm={() => {
          if (deleting) void deleteJourney(deleting);
        }}
        onClose={() => setDeleting(null)}
      >
        <p>{deleting ? `“${deleting.name}” and its ${n} ${n === 1 ? 'card' : 'cards'} will be deleted.` : ''}</p>
        <p className="muted small">You can undo this with Ctrl+Z.</p>
      </ConfirmDialog>
    </main>
  );
}

// --- One journey ----------------------------------------------------------------------------

function JourneyEditor({ workshop: w, journeyId }: { workshop: Workshop; journeyId: string }) {
  const journey = useJourney(w.id, journeyId);
  const cards = useJourneyCards(journeyId);
  if (journey === undefined || cards === undefined) return <main className="page" aria-busy="true" />;
  if (journey === null) {
    return (
      <main className="page">
        <EmptyState large headingLevel={1} title="Journey not found">
          <p>It may have been deleted; Ctrl+Z undoes that.</p>
          <a className="btn btn-primary" href={routeHref({ name: 'artifact', workshopId: w.id, kind: 'journey' })}>
            All journeys
          </a>
        </EmptyState>
      </main>
    );
  }
  return (
    <ReactFlowProvider>
      <JourneyWorkspace workshop={w} journey={journey} cards={cards} />
    </ReactFlowProvider>
  );
}

function JourneyWorkspace({ workshop: w, journey: j, cards }: { workshop: Workshop; journey: Journey; cards: readonly JourneyCard[] }) {
  const personas = usePersonaOptions(w.id);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [big, setBig] = useState(false);
  const [focusStageId, setFocusStageId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [promoting, setPromoting] = useState<JourneyCard | null>(null);
  const [pendingDelete, setPendingDelete] = useState<{ kind: 'stage' | 'lane'; id: string; count: number; name: string } | null>(null);
  const [editingTitle, setEditingTitle] = useState(false);
  const handle = useRef<CanvasHandle | null>(null);
  const pageRef = useRef<HTMLElement>(null);

  // Selection follows the stored cards (undo may remove some).
  const selectedCards = cards.filter((c) => selected.has(c.id));
  const onSelectedChange = useCallback((s: ReadonlySet<string>) => setSelected(s), []);

  useEffect(() => () => useJourneyUi.setState({ editing: null, active: null, renaming: null }), []);
  // Toasts keep low and compact here, off the canvas the room is reading.
  useEffect(() => {
    useNotifications.setState({ placement: 'dock' });
    return () => useNotifications.setState({ placement: 'default' });
  }, []);

  const requestDelete = useCallback(
    (kind: 'stage' | 'lane', id: string) => {
      const count = cards.filter((c) => (kind === 'stage' ? c.stageId === id : c.laneId === id)).length;
      const name = (kind === 'stage' ? j.stages.find((s) => s.id === id)?.name : j.lanes.find((l) => l.id === id)?.name) ?? '';
      if ((kind === 'stage' ? j.stages.length : j.lanes.length) <= 1) {
        notify({ kind: 'error', message: `A journey needs at least one ${kind}.` });
        return;
      }
      if (count === 0) void (kind === 'stage' ? deleteStageAction(j, id) : deleteLaneAction(j, id));
      else setPendingDelete({ kind, id, count, name });
    },
    [cards, j],
  );

  // Big screen: full screen where the host allows it, and large type and high contrast anyway.
  const enterBig = async () => {
    setBig(true);
    setFocusStageId(null);
    try {
      if (pageRef.current?.requestFullscreen && !document.fullscreenElement) await pageRef.current.requestFullscreen();
    } catch {
      notify({ kind: 'info', message: 'Full screen is not allowed here; big screen mode fills the window instead. Press F11 for full screen.' }, 5000);
    }
  };
  const leaveBig = useCallback(() => {
    setBig(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);
  useEffect(() => {
    if (!big) return;
    const onFs = () => {
      if (!document.fullscreenElement) setBig(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !useJourneyUi.getState().editing && !(e.target instanceof Element && e.target.closest('dialog, .jy-menu, input, textarea'))) leaveBig();
    };
    document.addEventListener('fullscreenchange', onFs);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('fullscreenchange', onFs);
      window.removeEventListener('keydown', onKey);
    };
  }, [big, leaveBig]);

  return (
    <main ref={pageRef} className={`jy-page${big ? ' jy-page-big' : ''}`} aria-labelledby="journey-title">
      <header className="jy-head">
        <div className="jy-head-title">
          {!big ? (
            <a className="icon-button" href={routeHref({ name: 'artifact', workshopId: w.id, kind: 'journey' })} aria-label="All journeys" title="All journeys">
              <ArrowLeft size={18} aria-hidden />
            </a>
          ) : null}
          <div className="jy-title-block">
            {editingTitle && !big ? (
              <CommitField label="Journey name" hideLabel value={j.name} maxLength={journeyLimits.name} requiredMessage="Give the journey a name." onCommit={(v) => renameJourney(j, v.trim())} autoFocus className="jy-title-field" />
            ) : (
              <h1 id="journey-title">
                {j.name}
                {!big ? (
                  <button type="button" className="icon-button jy-rename" aria-label="Rename journey" onClick={() => setEditingTitle(true)}>
                    <Pencil size={16} aria-hidden />
                  </button>
                ) : null}
              </h1>
            )}
            {editingTitle && !big ? (
              <button type="button" className="btn btn-small" onClick={() => setEditingTitle(false)}>
                Done
              </button>
            ) : null}
            {big ? (
              <p className="jy-big-sub">
                {j.personaId ? `${personas?.find((p) => p.id === j.personaId)?.name ?? ''} · ` : ''}
                {j.scenario}
              </p>
            ) : null}
          </div>
        </div>
        {!big ? (
          <div className="jy-head-fields">
            <div className="field jy-persona-field">
              <label className="field-label" htmlFor="jy-persona">
                Persona
              </label>
              <select id="jy-persona" className="field-input" value={j.personaId ?? ''} onChange={(e) => void setJourneyPersona(j, e.target.value || null)}>
                <option value="">No persona</option>
                {(personas ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
                {j.personaId && personas && !personas.some((p) => p.id === j.personaId) ? <option value={j.personaId}>Removed persona</option> : null}
              </select>
            </div>
            <CommitField label="Scenario" value={j.scenario} maxLength={journeyLimits.scenario} onCommit={(v) => setScenario(j, v)} className="jy-scenario-field" placeholder="What situation is mapped?" />
          </div>
        ) : null}
      </header>

      <JourneyToolbar
        journey={j}
        cards={cards}
        selectedCards={selectedCards}
        big={big}
        focusStageId={focusStageId}
        onFocusStage={setFocusStageId}
        onImport={() => setImporting(true)}
        onPromote={setPromoting}
        onEnterBig={() => void enterBig()}
        onLeaveBig={leaveBig}
        handle={handle}
      />

      <EmotionRoundBar workshopId={j.workshopId} journey={j} />

      <div className="jy-canvas-area">
        <JourneyCanvas
          journey={j}
          cards={cards}
          big={big}
          focusStageId={focusStageId}
          selected={selected}
          onSelectedChange={onSelectedChange}
          onRequestDelete={requestDelete}
          handleRef={handle}
        />
        <CanvasSide big={big} />
      </div>

      {!big ? (
        <p className="jy-help muted small">
          Double-click a cell or press Enter on it to add a card · Enter edits, Ctrl+Enter saves, Esc leaves · arrows move cards · Shift+click or Shift+drag selects · Ctrl+C / Ctrl+V copy and paste
        </p>
      ) : null}

      <ImportNotesDialog key={importing ? 'open' : 'closed'} open={importing} journey={j} cards={cards} onClose={() => setImporting(false)} />
      <PromoteDialog
        key={promoting?.id ?? 'none'}
        card={promoting}
        defaultLane={promoting ? lifecycleStageOf(j.stages.find((x) => x.id === promoting.stageId)?.name ?? '', j.stages.findIndex((x) => x.id === promoting.stageId), j.stages.length) : 'retention'}
        onClose={() => setPromoting(null)}
        onPromote={(lane) => {
          const card = promoting;
          setPromoting(null);
          if (card)
            void promoteCard(j, card, lane).then((id) => {
              // Cards promoted one after another share one toast (with a count) instead of stacking up.
              if (id) notify({ kind: 'success', message: `“${card.text}” is on the roadmap as an idea.`, group: 'promote-to-roadmap' });
            });
        }}
      />
      <ConfirmDialog
        open={pendingDelete !== null}
        title={pendingDelete?.kind === 'lane' ? 'Delete lane?' : 'Delete stage?'}
        confirmLabel={pendingDelete?.kind === 'lane' ? 'Delete lane and cards' : 'Delete stage and cards'}
        danger
        focusCancel
        onConfirm={() => {
          if (pendingDelete) void (pendingDelete.kind === 'stage' ? deleteStageAction(j, pendingDelete.id) : deleteLaneAction(j, pendingDelete.id));
        }}
        onClose={() => setPendingDelete(null)}
      >
        <p>{pendingDelete ? `“${pendingDelete.name}” holds ${pendingDelete.count} ${pendingDelete.count === 1 ? 'card' : 'cards'}; they will be deleted with it.` : ''}</p>
        <p className="muted small">You can undo this with Ctrl+Z.</p>
      </ConfirmDialog>
    </main>
  );
}
