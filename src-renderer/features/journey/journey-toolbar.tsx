// The journey toolbar: stages and lanes, the selected cards (colour, marks, copy, paste, delete,
// promote), the view (focus on a stage, zoom to fit, big screen) and the canvas actions menu.
// Copy, paste, delete and zoom to fit are entries of canvas-actions.ts, run through the canvas's
// handle; the toolbar holds no document state.
import { ClipboardPaste, Copy, Expand, FileUp, Maximize2, Minimize2, Plus, Rocket, Trash2, type LucideIcon } from 'lucide-react';
import { cardColorIds, cardColors, cardMarkLabels, cardMarks, type Journey, type JourneyCard } from '../../domain/journey';
import { canvasAction, type CanvasAction, type CanvasActionState } from './canvas-actions';
import { CanvasActionsMenu } from './canvas-actions-menu';
import { setCardsColor, setCardsMark } from './journey-actions';
import type { CanvasHandle } from './journey-canvas';
import { markIcons } from './journey-nodes';
import { useJourneyUi } from './journey-ui';

export interface JourneyToolbarProps {
  readonly journey: Journey;
  readonly cards: readonly JourneyCard[];
  readonly selectedCards: readonly JourneyCard[];
  readonly big: boolean;
  readonly focusStageId: string | null;
  readonly onFocusStage: (stageId: string | null) => void;
  readonly onImport: () => void;
  readonly onPromote: (card: JourneyCard) => void;
  readonly onEnterBig: () => void;
  readonly onLeaveBig: () => void;
  readonly handle: { readonly current: CanvasHandle | null };
}

function ActionButton({ action, state, run, icon: Icon, withText, className }: { action: CanvasAction; state: CanvasActionState; run: (a: CanvasAction) => void; icon: LucideIcon; withText?: boolean; className: string }) {
  const key = action.keys[0];
  return (
    <button
      type="button"
      className={className}
      aria-label={withText ? undefined : action.label}
      title={key ? `${action.label} (${key.display})` : action.label}
      disabled={!action.enabled(state)}
      onClick={() => run(action)}
    >
      <Icon size={withText ? 16 : 18} aria-hidden />
      {withText ? ` ${action.label}` : null}
    </button>
  );
}

export function JourneyToolbar(props: JourneyToolbarProps) {
  const { journey: j, cards, selectedCards, big, focusStageId, onFocusStage, handle } = props;
  const clipboardSize = useJourneyUi((s) => s.clipboard.length);
  const selIds = selectedCards.map((c) => c.id);
  const state: CanvasActionState = { target: null, selectedCount: selIds.length, cardCount: cards.length, clipboardSize };

  const run = (a: CanvasAction, s: CanvasActionState = state) => {
    const h = handle.current;
    if (!h) return;
    // Zooming to fit shows every stage, so it leaves focus on one stage.
    a.perform(s, {
      ...h,
      fitAll: () => {
        onFocusStage(null);
        h.fitAll();
      },
    });
  };
  const runFromMenu = (a: CanvasAction, s: CanvasActionState, activeKey: string | null) => {
    // An action for a card or cell happens where its shortcut would: focus goes back there first.
    if (s.target && activeKey && a.group !== 'view') handle.current?.focusTarget(activeKey);
    run(a, s);
  };

  const stageIndex = focusStageId ? j.stages.findIndex((s) => s.id === focusStageId) : -1;
  const stepFocus = (d: number) => {
    const next = j.stages[Math.max(0, Math.min(j.stages.length - 1, stageIndex + d))];
    if (next) onFocusStage(next.id);
  };
  const single = selectedCards.length === 1 ? selectedCards[0]! : null;
  const singleLane = single ? j.lanes.find((l) => l.id === single.laneId) : undefined;
  const canPromote = single !== null && singleLane?.kind === 'opportunities' && single.initiativeId === null;
  const allMarked = (m: (typeof cardMarks)[number]) => selectedCards.length > 0 && selectedCards.every((c) => c.marks.includes(m));

  return (
    <div className="jy-toolbar" role="toolbar" aria-label="Journey tools">
      {!big ? (
        <div className="jy-tool-group">
          <button type="button" className="btn" onClick={() => handle.current?.addStage()}>
            <Plus size={16} aria-hidden /> Stage
          </button>
          <button type="button" className="btn" onClick={() => handle.current?.addLane()}>
            <Plus size={16} aria-hidden /> Lane
          </button>
          <button type="button" className="btn" onClick={props.onImport}>
            <FileUp size={16} aria-hidden /> Import notes
          </button>
        </div>
      ) : null}
      <div className="jy-tool-group" aria-label="Selected cards" role="group">
        <span className="jy-sel-count" aria-live="polite">
          {selectedCards.length === 0 ? 'No cards selected' : `${selectedCards.length} selected`}
        </span>
        <div className="jy-swatches" role="group" aria-label="Colour">
          {cardColorIds.map((c) => (
            <button
              key={c}
              type="button"
              className="jy-swatch"
              style={{ background: cardColors[c].fill, borderColor: cardColors[c].edge }}
              aria-label={`Colour ${cardColors[c].label}`}
              title={cardColors[c].label}
              disabled={selIds.length === 0}
              onClick={() => void setCardsColor(j.workshopId, selIds, c)}
            />
          ))}
        </div>
        {cardMarks.map((m) => {
          const Icon = markIcons[m];
          const on = allMarked(m);
          const word = cardMarkLabels[m].toLowerCase();
          return (
            <button
              key={m}
              type="button"
              className={`icon-button jy-mark-toggle${on ? ' jy-mark-toggle-on' : ''}`}
              aria-pressed={on}
              aria-label={`Mark as ${word}`}
              title={cardMarkLabels[m]}
              disabled={selIds.length === 0}
              onClick={() => void setCardsMark(j.workshopId, selIds, m, !on, on ? `Unmark ${word}` : `Mark ${word}`)}
            >
              <Icon size={18} aria-hidden />
            </button>
          );
        })}
        <ActionButton action={canvasAction('copy')} state={state} run={run} icon={Copy} className="icon-button" />
        <ActionButton action={canvasAction('paste')} state={state} run={run} icon={ClipboardPaste} className="icon-button" />
        <ActionButton action={canvasAction('delete')} state={state} run={run} icon={Trash2} className="icon-button icon-button-danger" />
        <button
          type="button"
          className="btn"
          disabled={!canPromote}
          title={single?.initiativeId ? 'Already on the roadmap' : 'Select one card in the opportunities lane'}
          onClick={() => single && props.onPromote(single)}
        >
          <Rocket size={16} aria-hidden /> Promote to roadmap
        </button>
      </div>
      <div className="jy-tool-group jy-tool-view">
        <label className="visually-hidden" htmlFor="jy-focus">
          Focus on stage
        </label>
        <select id="jy-focus" className="field-input jy-focus-select" value={focusStageId ?? ''} onChange={(e) => onFocusStage(e.target.value || null)}>
          <option value="">All stages</option>
          {j.stages.map((s) => (
            <option key={s.id} value={s.id}>
              Focus: {s.name}
            </option>
          ))}
        </select>
        {focusStageId ? (
          <>
            <button type="button" className="btn btn-small" onClick={() => stepFocus(-1)} disabled={stageIndex <= 0}>
              Previous stage
            </button>
            <button type="button" className="btn btn-small" onClick={() => stepFocus(1)} disabled={stageIndex >= j.stages.length - 1}>
              Next stage
            </button>
          </>
        ) : null}
        <ActionButton action={canvasAction('fit-all')} state={state} run={run} icon={Expand} withText className="btn" />
        {big ? (
          <button type="button" className="btn btn-primary" onClick={props.onLeaveBig}>
            <Minimize2 size={16} aria-hidden /> Leave big screen
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={props.onEnterBig}>
            <Maximize2 size={16} aria-hidden /> Big screen
          </button>
        )}
        <CanvasActionsMenu state={{ selectedCount: selIds.length, cardCount: cards.length, clipboardSize }} cards={cards} onRun={runFromMenu} />
      </div>
    </div>
  );
}
