// The canvas's custom React Flow nodes: a card (sticky note) and the grid (stage and lane
// headers, cells, the emotion curve). Both memoised; a node reads only its own props and narrow
// store selectors, never the whole nodes array. `journeyNodeTypes` lives at module level.
import { useRoom } from '../../room/room-store';
import { authorColour } from '../../domain/room';
import { memo, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { ViewportPortal, type Node, type NodeProps, type NodeTypes } from '@xyflow/react';
import { AlertTriangle, GripHorizontal, GripVertical, LogOut, MoreHorizontal, Rocket, Star } from 'lucide-react';
import {
  cardAccessibleName,
  cardColors,
  cardMarkLabels,
  emotionWords,
  isCardColor,
  journeyLimits,
  laneHeight,
  stageWidth,
  type CardMark,
  type Journey,
  type JourneyCard,
} from '../../domain/journey';
import { cellKey, type JourneyLayout } from '../../domain/journey-layout';
import { emotionBand, emotionPoints, scoreToY, smoothPath } from '../../domain/journey-emotion';
import { RoomEmotionBand } from '../shared/room-emotions';
import { textLength } from '../../domain/workshop';
import { CardEditor } from './journey-card-editor';
import { FarNodeMemo, type FarNode } from './far-layer';
import { useCanvasActions } from './journey-context';
import { DRAFT_ID, isEditingCard, useJourneyUi } from './journey-ui';

export const markIcons: Record<CardMark, typeof AlertTriangle> = { pain: AlertTriangle, 'moment-of-truth': Star, 'drop-off': LogOut };

// --- Card -------------------------------------------------------------------------

export interface CardNodeData extends Record<string, unknown> {
  readonly card: JourneyCard;
  readonly stageName: string;
  readonly laneName: string;
  readonly lines: number;
}
export type CardNode = Node<CardNodeData, 'card'>;

function CardNodeView({ id, data, selected }: NodeProps<CardNode>) {
  const { card, stageName, laneName, lines } = data;
  const editing = useJourneyUi(isEditingCard(id));
  const tabbable = useJourneyUi((s) => s.active === `card:${id}`);
  const palette = cardColors[isCardColor(card.color) ? card.color : 'yellow'];
  const authorId = card.author?.participantId;
  const authorName = useRoom((s) => (authorId ? s.names[authorId] ?? s.roster[authorId]?.name : undefined));
  const arrived = useRoom((s) => (authorId ? s.arrivals[id] : undefined));
  const style = { background: palette.fill, color: palette.ink, borderColor: palette.edge, ...(authorId ? { '--author-colour': authorColour(authorId) } : {}) };
  if (editing) {
    return (
      <div className="jy-card jy-card-editing" style={style}>
        <CardEditor card={card} isDraft={id === DRAFT_ID} />
      </div>
    );
  }
  const marks = card.marks;
  const descId = `jy-desc-${id}`;
  // Text cut off at the card's last line shows whole beside it while the card is hovered or
  // focused (CardPeek); its accessible name holds the whole text anyway.
  const peek = (e: { currentTarget: HTMLElement }) => {
    const p = e.currentTarget.querySelector('.jy-card-text');
    if (p && p.scrollHeight > p.clientHeight + 1) useJourneyUi.setState({ peek: id });
  };
  const unpeek = () => {
    if (useJourneyUi.getState().peek === id) useJourneyUi.setState({ peek: null });
  };
  const hasFooter = marks.length > 0 || card.initiativeId !== null;
  return (
    <div
      className={`jy-card${selected ? ' jy-card-selected' : ''}${authorId ? ' jy-card-author' : ''}${arrived ? ' jy-card-arrived' : ''}`}
      style={style}
      role="button"
      aria-roledescription="card"
      aria-label={cardAccessibleName(card.text, stageName, laneName) + (authorName ? `, by ${authorName}` : '')}
      aria-describedby={hasFooter ? descId : undefined}
      aria-pressed={selected}
      tabIndex={tabbable ? 0 : -1}
      data-focus-key={`card:${id}`}
      onPointerEnter={peek}
      onFocus={peek}
      onPointerLeave={unpeek}
      onBlur={unpeek}
      onPointerDown={unpeek}
    >
      <p className="jy-card-text" style={{ WebkitLineClamp: lines }}>
        {card.text}
      </p>
      {authorId ? (
        <span className="jy-card-by" aria-hidden>
          {authorName ?? 'Phone'}
        </span>
      ) : null}
      {hasFooter ? (
        <div className="jy-card-footer" id={descId}>
          {marks.map((m) => {
            const Icon = markIcons[m];
            return (
              <span key={m} className={`jy-mark jy-mark-${m}`} title={cardMarkLabels[m]}>
                <Icon aria-hidden />
                {/* Shown on the big screen only (journey.css): a glyph alone is lost across a room. */}
                <span className="jy-mark-word" aria-hidden>
                  {cardMarkLabels[m]}
                </span>
                <span className="visually-hidden">{cardMarkLabels[m]}.</span>
              </span>
            );
          })}
          {card.initiativeId ? (
            <span className="jy-mark jy-mark-roadmap" title="On the roadmap">
              <Rocket aria-hidden />
              <span className="visually-hidden">On the roadmap.</span>
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export const CardNodeMemo = memo(CardNodeView);

/** The whole text of the card being peeked at, drawn over the canvas from the card's top left, in its colours, growing downwards. */
export function CardPeek({ cards, layout }: { cards: readonly JourneyCard[]; layout: JourneyLayout }) {
  const id = useJourneyUi((s) => (s.editing ? null : s.peek));
  const card = id ? cards.find((c) => c.id === id) : undefined;
  const rect = id ? layout.cards.get(id) : undefined;
  if (!card || !rect) return null;
  const palette = cardColors[isCardColor(card.color) ? card.color : 'yellow'];
  return (
    <ViewportPortal>
      <div
        className="jy-peek"
        data-testid="card-peek"
        style={{ transform: `translate(${rect.x}px, ${rect.y}px)`, width: rect.width, minHeight: rect.height, background: palette.fill, color: palette.ink, borderColor: palette.edge }}
        aria-hidden
      >
        {card.text}
      </div>
    </ViewportPortal>
  );
}

// --- Grid: headers, cells, emotion curve ----------------------------------------------

export interface GridNodeData extends Record<string, unknown> {
  readonly journey: Journey;
  readonly layout: JourneyLayout;
  readonly big: boolean;
  readonly focusStageId: string | null;
}
export type GridNode = Node<GridNodeData, 'grid'>;

function InlineName({ value, label, max, onCommit, onDone }: { value: string; label: string; max: number; onCommit: (v: string) => void; onDone: () => void }) {
  const [draft, setDraft] = useState(value);
  const ref = useRef<HTMLInputElement>(null);
  const finished = useRef(false);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.select();
  }, []);
  const finish = (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const v = draft.trim();
    if (save && v && v !== value && textLength(v) <= max) onCommit(v);
    onDone();
  };
  return (
    <input
      ref={ref}
      className="jy-header-input nodrag nopan"
      aria-label={label}
      value={draft}
      maxLength={max * 2}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        if (e.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}

interface HeaderProps {
  readonly kind: 'stage' | 'lane';
  readonly id: string;
  readonly name: string;
  readonly index: number;
  readonly count: number;
  readonly size: number;
  readonly big: boolean;
  readonly cardCount: number;
}

/** One stage or lane header: rename inline, reorder by keyboard (Alt+arrows) or by dragging the grip, resize, delete. */
function Header({ kind, id, name, index, count, size, big, cardCount }: HeaderProps) {
  const a = useCanvasActions();
  const [renamingHere, setRenaming] = useState(false);
  // Just added from the toolbar or a header menu: the canvas opens the name for typing.
  const renamingAsked = useJourneyUi((s) => s.renaming === `${kind}:${id}`);
  const renaming = renamingHere || renamingAsked;
  const [menu, setMenu] = useState(false);
  const [drag, setDrag] = useState<{ kind: 'move' | 'resize'; start: number; delta: number } | null>(null);
  const isStage = kind === 'stage';
  const noun = isStage ? 'stage' : 'lane';
  const prevWord = isStage ? 'left' : 'up';
  const nextWord = isStage ? 'right' : 'down';
  const move = (to: number) => (isStage ? a.moveStage(id, to) : a.moveLane(id, to));
  const resize = (v: number) => (isStage ? a.resizeStage(id, v) : a.resizeLane(id, v));
  const step = isStage ? stageWidth.step : laneHeight.step;
  const focusSelf = () => a.focusTarget(`${kind}:${id}`);

  const onKeyDown = (e: ReactKeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    const back = isStage ? 'ArrowLeft' : 'ArrowUp';
    const fwd = isStage ? 'ArrowRight' : 'ArrowDown';
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      setRenaming(true);
    } else if (e.altKey && (e.key === back || e.key === fwd)) {
      e.preventDefault();
      e.stopPropagation();
      const d = e.key === back ? -1 : 1;
      if (e.shiftKey) resize(size + d * step);
      else if (index + d >= 0 && index + d < count) move(index + d);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      a.requestDelete(kind, id);
    }
  };

  const pointer = (mode: 'move' | 'resize') => (e: ReactPointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const at = (ev: { clientX: number; clientY: number }) => {
      const p = a.toFlow({ x: ev.clientX, y: ev.clientY });
      return isStage ? p.x : p.y;
    };
    const start = at(e);
    setDrag({ kind: mode, start, delta: 0 });
    const onMove = (ev: PointerEvent) => setDrag({ kind: mode, start, delta: at(ev) - start });
    const onUp = (ev: PointerEvent) => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
      const delta = at(ev) - start;
      setDrag(null);
      if (ev.type === 'pointercancel') return;
      if (mode === 'resize') {
        if (Math.abs(delta) >= 4) resize(size + delta);
      } else {
        // Every slot is about one header wide: estimate the target from how far it travelled.
        const to = Math.max(0, Math.min(count - 1, index + Math.round(delta / size)));
        if (to !== index) move(to);
      }
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
  };

  const shift = drag?.kind === 'move' ? drag.delta : 0;
  const grow = drag?.kind === 'resize' ? drag.delta : 0;
  const GripIcon = isStage ? GripVertical : GripHorizontal;
  return (
    <div
      className={`jy-header jy-header-${kind}${drag ? ' jy-header-dragging' : ''}${menu ? ' jy-header-menu-open' : ''}`}
      style={drag ? { transform: isStage ? `translateX(${shift}px)` : `translateY(${shift}px)` } : undefined}
    >
      {renaming ? (
        <InlineName
          value={name}
          label={`${isStage ? 'Stage' : 'Lane'} name`}
          max={isStage ? journeyLimits.stageName : journeyLimits.laneName}
          onCommit={(v) => (isStage ? a.renameStage(id, v) : a.renameLane(id, v))}
          onDone={() => {
            setRenaming(false);
            if (renamingAsked) useJourneyUi.setState({ renaming: null });
            focusSelf();
          }}
        />
      ) : (
        <div
          className="jy-header-name nodrag nopan"
          role="button"
          aria-roledescription={noun}
          aria-label={`${isStage ? 'Stage' : 'Lane'}: ${name}`}
          aria-description={`${isStage ? 'Stage' : 'Lane'} ${index + 1} of ${count}, ${cardCount} ${cardCount === 1 ? 'card' : 'cards'}. Enter renames; Alt+arrows move; Alt+Shift+arrows resize; Delete removes.`}
          tabIndex={-1}
          data-focus-key={`${kind}:${id}`}
          onKeyDown={onKeyDown}
          onDoubleClick={() => setRenaming(true)}
          title={name}
        >
          <span className="jy-header-text">{name}</span>
        </div>
      )}
      {!big && !renaming ? (
        <div className="jy-header-tools nodrag nopan">
          <span className="jy-grip" title={`Drag to move this ${noun}`} aria-hidden onPointerDown={pointer('move')}>
            <GripIcon size={16} />
          </span>
          <button type="button" className="icon-button jy-header-menu-button" aria-label={`${isStage ? 'Stage' : 'Lane'} options: ${name}`} aria-expanded={menu} onClick={() => setMenu((m) => !m)}>
            <MoreHorizontal size={16} aria-hidden />
          </button>
        </div>
      ) : null}
      {menu ? (
        <div
          className="jy-menu nodrag nopan nowheel"
          role="menu"
          aria-label={`${isStage ? 'Stage' : 'Lane'} options: ${name}`}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') setMenu(false);
          }}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as globalThis.Node | null)) setMenu(false);
          }}
        >
          {[
            { label: 'Rename', run: () => setRenaming(true) },
            { label: `Move ${prevWord}`, run: () => move(index - 1), disabled: index === 0 },
            { label: `Move ${nextWord}`, run: () => move(index + 1), disabled: index === count - 1 },
            { label: isStage ? 'Wider' : 'Taller', run: () => resize(size + step) },
            { label: isStage ? 'Narrower' : 'Shorter', run: () => resize(size - step) },
            { label: isStage ? 'Insert stage after' : 'Insert lane below', run: () => (isStage ? a.insertStage(index + 1) : a.insertLane(index + 1)) },
            { label: `Delete ${noun}`, run: () => a.requestDelete(kind, id), danger: true },
          ].map((item, i) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className={`jy-menu-item${item.danger ? ' jy-menu-item-danger' : ''}`}
              disabled={item.disabled}
              autoFocus={i === 0}
              onClick={() => {
                setMenu(false);
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
      {!big ? (
        <span
          className={`jy-resize jy-resize-${kind} nodrag nopan`}
          style={isStage ? { transform: `translateX(${grow}px)` } : { transform: `translateY(${grow}px)` }}
          title={`Drag to resize this ${noun}`}
          aria-hidden
          onPointerDown={pointer('resize')}
        />
      ) : null}
    </div>
  );
}

function GridNodeView({ data }: NodeProps<GridNode>) {
  const { journey, layout, big, focusStageId } = data;
  const active = useJourneyUi((s) => s.active);
  const o = layout.options;
  const stageById = new Map(journey.stages.map((s) => [s.id, s]));
  const laneById = new Map(journey.lanes.map((l) => [l.id, l]));
  const emotionRows = layout.rows.filter((r) => r.kind === 'emotion');
  const bandPad = Math.max(22, o.fontSize * 1.4);
  const cardsIn = (stageId: string, laneId: string) => layout.cells.get(cellKey(stageId, laneId))?.cardIds.length ?? 0;
  const countStage = (stageId: string) => layout.rows.reduce((n, r) => n + cardsIn(stageId, r.laneId), 0);
  const countLane = (laneId: string) => layout.columns.reduce((n, c) => n + cardsIn(c.stageId, laneId), 0);
  const tab = (key: string) => (active === key ? 0 : -1);

  return (
    <div className="jy-grid" style={{ width: layout.width, height: layout.height }}>
      <svg className="jy-grid-svg" width={layout.width} height={layout.height} aria-hidden>
        {layout.rows.map((r, i) => (
          <rect key={r.laneId} x={0} y={r.y} width={layout.width} height={r.height} className={r.kind === 'emotion' ? 'jy-row-emotion' : i % 2 ? 'jy-row-odd' : 'jy-row-even'} />
        ))}
        {focusStageId
          ? layout.columns
              .filter((c) => c.stageId !== focusStageId)
              .map((c) => <rect key={c.stageId} x={c.x} y={0} width={c.width} height={layout.height} className="jy-col-dim" />)
          : null}
        {layout.columns.map((c) => (
          <line key={c.stageId} x1={c.x} x2={c.x} y1={0} y2={layout.height} className="jy-line" />
        ))}
        <line x1={layout.width} x2={layout.width} y1={0} y2={layout.height} className="jy-line" />
        {layout.rows.map((r) => (
          <line key={r.laneId} x1={0} x2={layout.width} y1={r.y} y2={r.y} className="jy-line" />
        ))}
        <line x1={0} x2={layout.width} y1={layout.height} y2={layout.height} className="jy-line" />
        {emotionRows.map((r) => {
          const band = emotionBand(r, bandPad);
          const pts = emotionPoints(layout.columns, journey.emotions, band);
          const zero = scoreToY(0, band);
          const left = layout.columns[0]?.x ?? o.headerWidth;
          return (
            <g key={r.laneId}>
              <line x1={left} x2={layout.width} y1={zero} y2={zero} className="jy-zero" />
              <text x={left + 8} y={band.top + o.fontSize * 0.35} className="jy-scale" style={{ fontSize: o.fontSize * 0.8 }}>
                +3
              </text>
              <text x={left + 8} y={zero - 6} className="jy-scale" style={{ fontSize: o.fontSize * 0.8 }}>
                0
              </text>
              <text x={left + 8} y={band.bottom + o.fontSize * 0.35} className="jy-scale" style={{ fontSize: o.fontSize * 0.8 }}>
                −3
              </text>
              <RoomEmotionBand workshopId={journey.workshopId} journeyId={journey.id} columns={layout.columns} band={band} fontSize={o.fontSize} />
              <path d={smoothPath(pts)} className="jy-curve" style={{ strokeWidth: Math.max(4, o.fontSize * 0.28) }} />
              {pts.map((p) => (
                <g key={p.stageId}>
                  <circle cx={p.x} cy={p.y} r={Math.max(9, o.fontSize * 0.6)} className={`jy-point ${p.score < 0 ? 'jy-point-neg' : p.score > 0 ? 'jy-point-pos' : 'jy-point-zero'}`} />
                  <text x={p.x} y={p.y - Math.max(9, o.fontSize * 0.6) - 6} textAnchor="middle" className="jy-point-label" style={{ fontSize: o.fontSize * 0.9 }}>
                    {p.score > 0 ? `+${p.score}` : p.score === 0 ? '0' : `−${-p.score}`}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <div className="jy-corner" style={{ width: o.headerWidth, height: o.headerHeight }} />
      {layout.columns.map((c, i) => {
        const s = stageById.get(c.stageId)!;
        return (
          <div key={c.stageId} className="jy-header-slot jy-header-slot-stage" style={{ left: c.x, top: 0, width: c.width, height: o.headerHeight, ['--jy-slot' as string]: `${c.width}px` }}>
            <Header kind="stage" id={s.id} name={s.name} index={i} count={layout.columns.length} size={s.width} big={big} cardCount={countStage(s.id)} />
            {/* Shown only in the far view (journey.css), at screen size above the column. */}
            <span className="jy-far-label" aria-hidden>
              {s.name}
            </span>
          </div>
        );
      })}
      {layout.rows.map((r, i) => {
        const l = laneById.get(r.laneId)!;
        return (
          <div key={r.laneId} className={`jy-header-slot jy-header-slot-lane jy-lane-${l.kind}`} style={{ left: 0, top: r.y, width: o.headerWidth, height: r.height, ['--jy-slot' as string]: `${r.height}px` }}>
            <Header kind="lane" id={l.id} name={l.name} index={i} count={layout.rows.length} size={l.height} big={big} cardCount={countLane(l.id)} />
            <span className="jy-far-label" aria-hidden>
              {l.name}
            </span>
          </div>
        );
      })}
      {layout.rows.flatMap((r) =>
        layout.columns.map((c) => {
          const stage = stageById.get(c.stageId)!;
          const lane = laneById.get(r.laneId)!;
          if (r.kind === 'emotion') {
            const key = `emotion:${c.stageId}:${r.laneId}`;
            const score = journey.emotions[c.stageId];
            return (
              <div
                key={key}
                className="jy-cell jy-cell-emotion"
                style={{ left: c.x, top: r.y, width: c.width, height: r.height }}
                role="slider"
                aria-label={`Emotion at ${stage.name}`}
                aria-valuemin={-3}
                aria-valuemax={3}
                aria-valuenow={score}
                aria-valuetext={emotionWords(score)}
                tabIndex={tab(key)}
                data-focus-key={key}
              />
            );
          }
          const key = `cell:${c.stageId}:${r.laneId}`;
          const n = cardsIn(c.stageId, r.laneId);
          return (
            <div
              key={key}
              className="jy-cell"
              style={{ left: c.x, top: r.y, width: c.width, height: r.height }}
              role="button"
              aria-roledescription="cell"
              aria-label={`Cell: ${stage.name}, ${lane.name}, ${n} ${n === 1 ? 'card' : 'cards'}`}
              tabIndex={tab(key)}
              data-focus-key={key}
            />
          );
        }),
      )}
    </div>
  );
}

export const GridNodeMemo = memo(GridNodeView);

/** Node types at module level, as the xyflow docs advise (a new object per render remounts every node). */
export const journeyNodeTypes: NodeTypes = { card: CardNodeMemo, grid: GridNodeMemo, far: FarNodeMemo };

export type JourneyNode = CardNode | GridNode | FarNode;
