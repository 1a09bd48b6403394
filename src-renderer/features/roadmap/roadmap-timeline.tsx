// The roadmap board: lanes as rows, the horizon (quarters with months, or now / next / later)
// as columns, initiatives as cards laid out by domain/roadmap-layout.ts so none overlap. Cards
// move by drag (snapping to weeks or buckets) or by keyboard (arrows), one command per move.
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Plus } from 'lucide-react';
import {
  bucketOf,
  horizonColumns,
  laneName,
  stagePurposes,
  statusLabels,
  type Initiative,
  type RoadmapSettings,
} from '../../domain/roadmap';
import { addDays, diffDays, formatDay, formatRange, monthShortName, monthStarts } from '../../domain/roadmap-dates';
import { bucketAtX, datesAtX, dayToX, layoutTimeline, shiftDatesByPixels, todayX, type CardBox, type TimelineGeometry } from '../../domain/roadmap-layout';
import { localDateString } from '../../domain/ids';
import { moveInitiative, type Placement } from './roadmap-actions';
import type { PersonaOption } from './roadmap-queries';
import { PersonaStack, StatusPill } from './roadmap-visuals';
import { laneStyle } from '../../ui/lane-style';

const LANE_HEAD_W = 212;
const HEAD_H = 56;
const ROW_H = 86;
const CARD_H = 76;
const LANE_PAD = 12;
const MIN_CARD_W = 176;
const GAP = 8;
const UNSCHEDULED_W = 196;

export interface TimelineProps {
  readonly settings: RoadmapSettings;
  readonly initiatives: readonly Initiative[];
  readonly personas: readonly PersonaOption[];
  readonly onEdit: (id: string) => void;
  readonly onAdd: (laneId: string) => void;
}

function laneHeight(rows: number): number {
  return LANE_PAD * 2 + rows * ROW_H - (ROW_H - CARD_H);
}

export function whenText(i: Initiative, settings: RoadmapSettings): string {
  if (settings.horizon === 'buckets') return horizonColumns(settings)[Math.min(2, bucketOf(i))]!.label;
  return i.start ? formatRange(i.start, i.end ?? i.start) : 'Unscheduled';
}

export function RoadmapTimeline({ settings, initiatives, personas, onEdit, onAdd }: TimelineProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = bodyRef.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const layout = useMemo(
    () => layoutTimeline(initiatives, settings, { width: Math.max(width, 400), minCardWidth: MIN_CARD_W, gap: GAP, unscheduledWidth: UNSCHEDULED_W }),
    [initiatives, settings, width],
  );
  const g = layout.geometry;
  const laneTops = useMemo(() => {
    const tops: Record<string, number> = {};
    let y = 0;
    for (const l of settings.lanes) {
      tops[l.id] = y;
      y += laneHeight(layout.laneRows[l.id] ?? 1);
    }
    return { tops, total: y };
  }, [settings.lanes, layout.laneRows]);
  const byId = useMemo(() => new Map(initiatives.map((i) => [i.id, i])), [initiatives]);
  const personaById = useMemo(() => new Map(personas.map((p) => [p.id, p])), [personas]);

  // --- dragging -------------------------------------------------------------
  const drag = useRef<{ id: string; x: number; y: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);
  const [dragging, setDragging] = useState<{ id: string; dx: number; dy: number } | null>(null);

  const laneAt = (y: number): string => {
    for (const l of settings.lanes) {
      const top = laneTops.tops[l.id]!;
      if (y < top + laneHeight(layout.laneRows[l.id] ?? 1)) return l.id;
    }
    return settings.lanes[settings.lanes.length - 1]!.id;
  };

  const dropPlacement = (card: CardBox, i: Initiative, dx: number, dy: number): Placement => {
    const laneId = laneAt(Math.max(0, laneTops.tops[card.laneId]! + LANE_PAD + card.row * ROW_H + CARD_H / 2 + dy));
    if (g.kind === 'buckets') return { laneId, bucket: bucketAtX(g, card.left + card.width / 2 + dx) };
    const left = card.left + dx - g.unscheduledWidth;
    if (!i.start) {
      if (left + card.width / 2 < 0) return { laneId, start: null, end: null };
      return { laneId, ...datesAtX(g, Math.max(0, left)) };
    }
    if (g.unscheduledWidth > 0 && card.left + dx + Math.min(card.width, 120) / 2 < g.unscheduledWidth) return { laneId, start: null, end: null };
    return { laneId, ...shiftDatesByPixels(g, i.start, i.end ?? i.start, dx) };
  };

  const onPointerDown = (e: PointerEvent<HTMLButtonElement>, id: string) => {
    if (e.button !== 0) return;
    drag.current = { id, x: e.clientX, y: e.clientY, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 5) return;
    d.moved = true;
    setDragging({ id: d.id, dx, dy });
  };
  const onPointerUp = (e: PointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || !d.moved) return;
    suppressClick.current = true;
    setDragging(null);
    const card = layout.cards.find((c) => c.id === d.id);
    const i = byId.get(d.id);
    if (!card || !i) return;
    const to = dropPlacement(card, i, e.clientX - d.x, e.clientY - d.y);
    if (samePlacement(i, to)) return;
    void moveInitiative(i, to);
  };

  // --- keyboard -------------------------------------------------------------
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, i: Initiative, card: CardBox) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const laneIndex = settings.lanes.findIndex((l) => l.id === card.laneId);
    let to: Placement | null = null;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const next = settings.lanes[laneIndex + (e.key === 'ArrowUp' ? -1 : 1)];
      if (next) to = g.kind === 'buckets' ? { laneId: next.id, bucket: bucketOf(i) } : { laneId: next.id, start: i.start, end: i.end };
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const dir = e.key === 'ArrowLeft' ? -1 : 1;
      if (g.kind === 'buckets') {
        const b = bucketOf(i) + dir;
        if (b >= 0 && b < g.bucketCount) to = { laneId: card.laneId, bucket: b };
      } else if (!i.start) {
        if (dir === 1) to = { laneId: card.laneId, ...datesAtX(g, 0) };
      } else {
        const days = (e.shiftKey ? 28 : 7) * dir;
        to = { laneId: card.laneId, start: addDays(i.start, days), end: addDays(i.end ?? i.start, days) };
      }
    } else return;
    e.preventDefault();
    if (to) void moveInitiative(i, to);
  };

  const cols = horizonColumns(settings);
  const today = localDateString();
  const tx = todayX(g, today);
  const colX = (index: number) =>
    g.kind === 'buckets' ? (index * g.width) / g.bucketCount : g.unscheduledWidth + dayToX(g, cols[index]!.start!);
  const colW = (index: number) =>
    g.kind === 'buckets' ? g.width / g.bucketCount : dayToX(g, addDays(cols[index]!.end!, 1)) - dayToX(g, cols[index]!.start!);
  const months = g.kind === 'quarters' ? monthStarts(g.firstDay!, g.lastDay!) : [];

  return (
    <div className="rm-board" role="region" aria-label="Roadmap timeline" style={{ ['--lane-head-w' as string]: `${LANE_HEAD_W}px` }}>
      <p id="rm-card-help" className="visually-hidden">
        Press Enter to edit. Arrow keys move the initiative: left and right in time
        {g.kind === 'quarters' ? ' by a week (with Shift, four weeks)' : ' between now, next and later'}, up and down between lanes.
      </p>
      <div className="rm-heads" aria-hidden>
        <div className="rm-corner" style={{ height: HEAD_H }}>Lifecycle stage</div>
      </div>
      <div className="rm-scale" style={{ height: HEAD_H }} aria-hidden>
        {g.unscheduledWidth > 0 ? (
          <div className="rm-col-head rm-col-unscheduled" style={{ left: 0, width: g.unscheduledWidth }}>
            <span className="rm-col-label">Unscheduled</span>
          </div>
        ) : null}
        {cols.map((c, index) => (
          <div key={c.key} className="rm-col-head" style={{ left: colX(index), width: colW(index) }}>
            <span className="rm-col-label">{c.label}</span>
            {c.start && colW(index) > 230 ? <span className="rm-col-dates">{formatRange(c.start, c.end!)}</span> : null}
          </div>
        ))}
        {months.map((m) => (
          <span key={m} className="rm-month" style={{ left: g.unscheduledWidth + dayToX(g, m) }}>
            {monthShortName(m)}
          </span>
        ))}
      </div>
      <div className="rm-lane-heads">
        {settings.lanes.map((l) => {
          const count = initiatives.filter((i) => layout.cards.find((c) => c.id === i.id)?.laneId === l.id).length;
          return (
            <div key={l.id} className="rm-lane-head" style={{ ...laneStyle(l), height: laneHeight(layout.laneRows[l.id] ?? 1) }}>
              <h2 className="rm-lane-name">{laneName(l)}</h2>
              {l.stage ? <p className="rm-lane-purpose">{l.owner ? <strong className="rm-lane-owner-line" title={`Stage owner: ${l.owner}`}>Owner: {l.owner}</strong> : stagePurposes[l.stage]}</p> : null}
              <div className="rm-lane-foot">
                <span className="rm-lane-count">
                  {count} initiative{count === 1 ? '' : 's'}
                </span>
                <button type="button" className="icon-button rm-lane-add" aria-label={`Add initiative to ${laneName(l)}`} onClick={() => onAdd(l.id)}>
                  <Plus size={16} aria-hidden />
                </button>
              </div>
            </div>
          );
        })}
      </div>
      <div className="rm-body" ref={bodyRef} style={{ height: laneTops.total }}>
        {settings.lanes.map((l, index) => (
          <div
            key={l.id}
            className={`rm-lane-stripe${index % 2 ? ' rm-lane-stripe-alt' : ''}`}
            style={{ ...laneStyle(l), top: laneTops.tops[l.id], height: laneHeight(layout.laneRows[l.id] ?? 1) }}
            aria-hidden
          >
            {(layout.laneRows[l.id] ?? 1) === 1 && !layout.cards.some((c) => c.laneId === l.id) ? (
              <span className="rm-lane-empty">No initiatives yet</span>
            ) : null}
          </div>
        ))}
        {g.unscheduledWidth > 0 ? <div className="rm-unscheduled-bg" style={{ width: g.unscheduledWidth }} aria-hidden /> : null}
        {cols.map((c, index) =>
          index === 0 && g.unscheduledWidth === 0 ? null : <div key={c.key} className="rm-col-line" style={{ left: colX(index) }} aria-hidden />,
        )}
        {months.map((m) =>
          m.endsWith('-01') && cols.some((c) => c.start === m) ? null : (
            <div key={m} className="rm-month-line" style={{ left: g.unscheduledWidth + dayToX(g, m) }} aria-hidden />
          ),
        )}
        {tx !== null ? (
          <div className="rm-today" style={{ left: tx }} aria-hidden>
            <span>Today</span>
          </div>
        ) : null}
        {layout.cards.map((card) => {
          const i = byId.get(card.id)!;
          const lane = settings.lanes.find((l) => l.id === card.laneId);
          const isDragging = dragging?.id === card.id;
          const preview = isDragging ? dropPlacement(card, i, dragging.dx, dragging.dy) : null;
          const served = i.personaIds.map((id) => personaById.get(id)).filter((p): p is PersonaOption => Boolean(p));
          const when = whenText(i, settings);
          return (
            <button
              key={card.id}
              type="button"
              className={`rm-card rm-card-${i.status}${isDragging ? ' rm-card-dragging' : ''}${card.clippedLeft ? ' rm-card-clip-left' : ''}${card.clippedRight ? ' rm-card-clip-right' : ''}`}
              style={{
                ...laneStyle(lane),
                left: card.left,
                top: laneTops.tops[card.laneId]! + LANE_PAD + card.row * ROW_H,
                width: card.width,
                height: CARD_H,
                transform: isDragging ? `translate(${dragging.dx}px, ${dragging.dy}px)` : undefined,
              }}
              aria-label={`${i.title || 'Untitled initiative'}: ${lane ? laneName(lane) : ''}, ${when}, ${statusLabels[i.status]}`}
              aria-describedby="rm-card-help"
              data-initiative-id={i.id}
              onPointerDown={(e) => onPointerDown(e, card.id)}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={() => {
                drag.current = null;
                setDragging(null);
              }}
              onClick={() => {
                if (suppressClick.current) {
                  suppressClick.current = false;
                  return;
                }
                onEdit(i.id);
              }}
              onKeyDown={(e) => onKeyDown(e, i, card)}
            >
              <span className="rm-card-title">{i.title || 'Untitled initiative'}</span>
              <span className="rm-card-meta">
                <span className={i.owner ? 'rm-card-owner' : 'rm-card-owner rm-card-owner-missing'}>{i.owner || 'No owner'}</span>
                <span aria-hidden> · </span>
                <span className="rm-card-when">{when}</span>
              </span>
              <span className="rm-card-foot">
                <StatusPill status={i.status} />
                <span className="rm-card-scores" title={`Impact ${i.impact} of 5, effort ${i.effort} of 5`}>
                  <span aria-hidden>I{i.impact} · E{i.effort}</span>
                </span>
                <PersonaStack personas={served} max={3} size={20} />
              </span>
              {preview ? <span className="rm-drag-preview">{previewText(preview, settings)}</span> : null}
            </button>
          );
        })}
      </div>
    </div>
  );
}

function samePlacement(i: Initiative, to: Placement): boolean {
  if (to.laneId !== i.laneId) return false;
  if ('bucket' in to) return to.bucket === bucketOf(i);
  return to.start === i.start && to.end === i.end;
}

function previewText(p: Placement, settings: RoadmapSettings): string {
  const lane = settings.lanes.find((l) => l.id === p.laneId);
  const name = lane ? laneName(lane) : '';
  if ('bucket' in p) return `${name} · ${horizonColumns(settings)[p.bucket]!.label}`;
  if (!p.start) return `${name} · Unscheduled`;
  return `${name} · ${formatDay(p.start, false)} → ${formatDay(p.end ?? p.start, false)} (${diffDays(p.start, p.end ?? p.start) + 1} days)`;
}

export type { TimelineGeometry };
