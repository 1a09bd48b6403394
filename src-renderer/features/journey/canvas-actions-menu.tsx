// The canvas action menus: "More canvas actions" in the journey toolbar and the canvas's
// right-click menu. Both list every entry of the canvas action table with its shortcut, enabled as
// the shortcut would be on the canvas's active element (the last focused or right-clicked card or
// cell). Keyboard operable; they only list and run actions.
import { useEffect, useId, useRef, useState, type FocusEvent as ReactFocusEvent, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { MoreHorizontal } from 'lucide-react';
import type { JourneyCard } from '../../domain/journey';
import { canvasActionGroups, canvasActions, targetOf, type CanvasAction, type CanvasActionGroup, type CanvasActionState } from './canvas-actions';
import { useJourneyUi } from './journey-ui';

export interface CanvasActionsMenuProps {
  /** Counts the enabled rules look at; the target comes from the canvas's active element. */
  readonly state: Omit<CanvasActionState, 'target'>;
  readonly cards: readonly JourneyCard[];
  /** Runs an action for this state; `activeKey` is the canvas element it is for, if any. */
  readonly onRun: (action: CanvasAction, state: CanvasActionState, activeKey: string | null) => void;
}

const groups = Object.keys(canvasActionGroups) as CanvasActionGroup[];

export function CanvasActionsMenu({ state, cards, onRun }: CanvasActionsMenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onBlur = (e: ReactFocusEvent<HTMLDivElement>) => {
    if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
  };
  return (
    <div className="jy-more" onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-label="More canvas actions"
        title="More canvas actions"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <MoreHorizontal size={18} aria-hidden />
      </button>
      {open ? <ActionsMenuList id={menuId} state={state} cards={cards} onClose={close} onRun={onRun} /> : null}
    </div>
  );
}

/** The right-click menu, at the pointer; the canvas has already made the clicked element active. */
export function CanvasContextMenu({ at, cards, state, onClose, onRun }: CanvasActionsMenuProps & { at: { x: number; y: number }; onClose: (refocus: boolean) => void }) {
  const id = useId();
  // Kept inside the window: the list is at most 640 px (or 70% of the window) tall.
  const height = Math.min(640, window.innerHeight * 0.7);
  const style = { left: Math.min(at.x, window.innerWidth - 320), top: Math.max(8, Math.min(at.y, window.innerHeight - height - 8)) };
  return (
    <div
      className="jy-context-menu"
      style={style}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onClose(false);
      }}
    >
      <ActionsMenuList id={id} state={state} cards={cards} onClose={onClose} onRun={onRun} />
    </div>
  );
}

interface ListProps extends CanvasActionsMenuProps {
  readonly id: string;
  readonly onClose: (refocus: boolean) => void;
}

/** Mounted only while the menu is open, so the toolbar does not follow every focus move on the canvas. */
function ActionsMenuList({ id, state, cards, onClose, onRun }: ListProps) {
  const activeKey = useJourneyUi((s) => s.active);
  const full: CanvasActionState = { ...state, target: targetOf(activeKey, (cardId) => cards.find((c) => c.id === cardId)) };
  // The actions for the element the menu is about come first.
  const kind = full.target?.kind;
  const first: CanvasActionGroup | null = kind === 'card' ? 'cards' : kind === 'cell' ? 'cell' : kind === 'emotion' ? 'emotion' : null;
  const ordered = first ? [first, ...groups.filter((g) => g !== first)] : groups;
  const list = useRef<HTMLDivElement>(null);
  const items = () => [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    const all = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    (all.find((el) => el.getAttribute('aria-disabled') !== 'true') ?? all[0])?.focus();
  }, []);

  const onKeyDown = (e: ReactKeyboardEvent) => {
    // Keys used here must not reach the canvas or the big screen's Escape.
    e.stopPropagation();
    const all = items();
    const i = all.indexOf(document.activeElement as HTMLElement);
    const to = (n: number) => {
      e.preventDefault();
      all[(n + all.length) % all.length]?.focus();
    };
    if (e.key === 'ArrowDown') to(i + 1);
    else if (e.key === 'ArrowUp') to(i - 1);
    else if (e.key === 'Home') to(0);
    else if (e.key === 'End') to(all.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      onClose(true);
    } else if (e.key === 'Tab') onClose(false);
  };

  return (
    <div ref={list} id={id} className="jy-menu jy-actions-menu" role="menu" aria-label="Canvas actions" onKeyDown={onKeyDown}>
      {ordered.map((g) => (
        <div key={g} role="group" aria-label={canvasActionGroups[g]} className="jy-menu-group">
          <p className="jy-menu-heading" aria-hidden>
            {canvasActionGroups[g]}
          </p>
          {canvasActions
            .filter((a) => a.group === g)
            .map((a) => {
              const enabled = a.enabled(full);
              const shortcut = a.keys.map((k) => k.display).join(' / ');
              return (
                <button
                  key={a.id}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="jy-menu-item jy-menu-action"
                  aria-disabled={enabled ? undefined : true}
                  aria-keyshortcuts={a.keys.map((k) => k.aria).join(' ') || undefined}
                  onClick={() => {
                    if (!enabled) return;
                    onClose(true);
                    onRun(a, full, activeKey);
                  }}
                >
                  <span>{a.label}</span>
                  {shortcut ? (
                    <kbd className="jy-menu-key" aria-hidden>
                      {shortcut}
                    </kbd>
                  ) : null}
                </button>
              );
            })}
        </div>
      ))}
    </div>
  );
}
