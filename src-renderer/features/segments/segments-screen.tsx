// The "Segment value & needs maps" artifact: a list of segments with the selected one's map,
// and a portfolio view of all of them. Registered in features/workshop/artifact-editors.ts.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Plus } from 'lucide-react';
import { artifactInfo } from '../../domain/artifacts';
import { effectivePriority, formatValue, priorityLabels, type Segment } from '../../domain/segment';
import type { Persona } from '../../domain/persona';
import { ArtifactIcon } from '../../ui/artifact-icon';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { EmptyState } from '../../ui/empty-state';
import { navigate, routeHref } from '../../state/router';
import type { ArtifactEditorProps } from '../shared/artifact-editor-props';
import { addSegment, deleteSegment, moveSegmentBy } from './segment-actions';
import { usePersonas, useSegments } from './segment-queries';
import { SegmentMap } from './segment-map';
import { PortfolioView } from './portfolio-view';
import './segments.css';

type View = 'maps' | 'portfolio';
const views: { id: View; label: string }[] = [
  { id: 'maps', label: 'Maps' },
  { id: 'portfolio', label: 'Portfolio' },
];

export function SegmentsScreen({ workshop, itemId }: ArtifactEditorProps) {
  const segments = useSegments(workshop.id);
  const personas = usePersonas(workshop.id);
  const [view, setView] = useState<View>('maps');
  const [confirm, setConfirm] = useState<{ segment: Segment; linked: Persona[]; next?: string } | null>(null);
  const info = artifactInfo['segment-map'];

  if (segments === undefined || personas === undefined) return <main className="page" aria-busy="true" />;

  const selected = segments.find((s) => s.id === itemId) ?? segments[0];
  const open = (id: string) => {
    setView('maps');
    navigate({ name: 'artifact', workshopId: workshop.id, kind: 'segment-map', itemId: id });
  };
  const add = () => {
    setView('maps');
    void addSegment(workshop.id, segments);
  };
  const requestDelete = (s: Segment) => {
    const i = segments.findIndex((x) => x.id === s.id);
    const next = (segments[i + 1] ?? segments[i - 1])?.id;
    const linked = personas.filter((p) => p.segmentId === s.id);
    if (linked.length > 0) setConfirm({ segment: s, linked, next });
    else void deleteSegment(workshop.id, s, [], next);
  };

  return (
    <main className="page segments-page" aria-labelledby="segments-title">
      <header className="page-header">
        <div>
          <p className="eyebrow">Artifact</p>
          <h1 id="segments-title">{info.label}</h1>
          <p className="page-subtitle">{info.purpose}</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={add}>
          <Plus size={16} aria-hidden /> Add segment
        </button>
      </header>

      {segments.length === 0 ? (
        <EmptyState
          aria-label={`${info.label}: nothing yet`}
          icon={<ArtifactIcon kind="segment-map" size={32} />}
          title="No segments yet"
          purpose={info.purpose}
          howToStart={info.howToStart}
        >
          <div className="toolbar toolbar-center">
            <button type="button" className="btn btn-primary btn-large" onClick={add}>
              <Plus size={18} aria-hidden /> Add the first segment
            </button>
          </div>
        </EmptyState>
      ) : (
        <>
          <Tabs view={view} onChange={setView} />
          <div
            role="tabpanel"
            id={`segments-panel-${view}`}
            aria-labelledby={`segments-tab-${view}`}
            className="segments-panel"
          >
            {view === 'maps' && selected ? (
              <div className="maps-layout">
                <SegmentList workshopId={workshop.id} segments={segments} selectedId={selected.id} />
                <SegmentMap
                  key={selected.id}
                  workshopId={workshop.id}
                  segment={selected}
                  all={segments}
                  personas={personas}
                  onDelete={() => requestDelete(selected)}
                />
              </div>
            ) : null}
            {view === 'portfolio' ? <PortfolioView workshopId={workshop.id} segments={segments} onOpen={open} /> : null}
          </div>
        </>
      )}

      <ConfirmDialog
        title={confirm ? `Delete “${confirm.segment.name.trim() || 'Untitled segment'}”?` : 'Delete segment'}
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        confirmLabel="Delete segment"
        danger
        onConfirm={() => {
          if (confirm) void deleteSegment(workshop.id, confirm.segment, confirm.linked, confirm.next);
        }}
      >
        {confirm ? (
          <>
            <p>
              {confirm.linked.length === 1 ? 'This persona represents the segment and will lose it:' : 'These personas represent the segment and will lose it:'}
            </p>
            <ul className="seg-confirm-list">
              {confirm.linked.map((p) => (
                <li key={p.id}>{p.name.trim() || 'Untitled persona'}</li>
              ))}
            </ul>
            <p className="muted">The personas themselves stay. Undo (Ctrl+Z) brings the segment and the links back.</p>
          </>
        ) : null}
      </ConfirmDialog>
    </main>
  );
}

function Tabs({ view, onChange }: { view: View; onChange: (v: View) => void }) {
  const refs = useRef<Record<View, HTMLButtonElement | null>>({ maps: null, portfolio: null });
  const onKey = (e: KeyboardEvent) => {
    const i = views.findIndex((v) => v.id === view);
    let j: number | null = null;
    if (e.key === 'ArrowRight') j = (i + 1) % views.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + views.length) % views.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = views.length - 1;
    if (j === null) return;
    e.preventDefault();
    const next = views[j]!.id;
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="seg-tabs" role="tablist" aria-label="View" onKeyDown={onKey}>
      {views.map((v) => (
        <button
          key={v.id}
          ref={(el) => {
            refs.current[v.id] = el;
          }}
          type="button"
          role="tab"
          id={`segments-tab-${v.id}`}
          aria-selected={view === v.id}
          aria-controls={`segments-panel-${v.id}`}
          tabIndex={view === v.id ? 0 : -1}
          className="seg-tab"
          onClick={() => onChange(v.id)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}

function SegmentList({ workshopId, segments, selectedId }: { workshopId: string; segments: readonly Segment[]; selectedId: string }) {
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    refocus.current = null;
    document.querySelector<HTMLElement>(`[data-segment-link="${CSS.escape(id)}"]`)?.focus();
  }, [segments]);

  const onKey = (e: KeyboardEvent, id: string) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    refocus.current = id;
    void moveSegmentBy(workshopId, segments, id, e.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <nav className="seg-list" aria-label="Segments">
      <ol>
        {segments.map((s) => {
          const p = effectivePriority(s, segments);
          return (
            <li key={s.id}>
              <a
                className="seg-list-item"
                data-segment-link={s.id}
                href={routeHref({ name: 'artifact', workshopId, kind: 'segment-map', itemId: s.id })}
                aria-current={s.id === selectedId ? 'page' : undefined}
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                onKeyDown={(e) => onKey(e, s.id)}
              >
                <span className="seg-swatch" style={{ background: s.color }} aria-hidden />
                <span className="seg-list-text">
                  <span className="seg-list-name">{s.name.trim() || 'Untitled segment'}</span>
                  <span className="seg-list-meta">
                    {formatValue(s.currentValue)} → {formatValue(s.potentialValue)} · {s.needs.length} needs
                  </span>
                </span>
                <span className={`prio prio-${p}${s.priority ? '' : ' prio-suggested'}`} title={s.priority ? 'Agreed priority' : 'Suggested priority'}>
                  {priorityLabels[p]}
                  <span className="visually-hidden">{s.priority ? ' priority' : ' priority (suggested)'}</span>
                </span>
              </a>
            </li>
          );
        })}
      </ol>
      <p className="seg-list-hint muted small">Alt+↑ / Alt+↓ moves the focused segment.</p>
    </nav>
  );
}
