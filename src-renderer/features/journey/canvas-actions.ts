// The journey canvas's actions as data: each entry has an accessible name, its key bindings,
// when it is enabled and what it does. The canvas's keyboard handler, the journey toolbar and the
// "More canvas actions" menu all read this one table. Pure: no React, no DOM, no storage; what
// an action does goes through the CanvasOps the canvas provides.
import type { CellRef, Direction } from '../../domain/journey-layout';

/** The canvas element an action is for: the focused one (keyboard), the active one (menu), or none (toolbar). */
export type CanvasTarget =
  | { readonly kind: 'card'; readonly cardId: string; readonly stageId: string; readonly laneId: string }
  | { readonly kind: 'cell' | 'emotion'; readonly stageId: string; readonly laneId: string }
  | { readonly kind: 'stage' | 'lane'; readonly id: string };

/** What actions may ask of the canvas. */
export interface CanvasOps {
  selectAll(): void;
  toggleSelected(cardId: string): void;
  clearSelection(): void;
  /** Copies the focused card, or the selection when it holds the focused card (or nothing is focused). */
  copy(focusedCardId?: string): boolean;
  /** Deletes like copy chooses. */
  remove(focusedCardId?: string): void;
  /** Pastes into the cell, or where the canvas's active element is. */
  paste(cell?: CellRef): void;
  editCard(cardId: string): void;
  startDraft(cell: CellRef): void;
  moveCards(focusedCardId: string, dir: Direction): void;
  focusCell(cell: CellRef): void;
  focusNeighbour(cell: CellRef, dir: Direction): void;
  stepEmotion(stageId: string, next: (current: number | undefined) => number | null): void;
  fitAll(): void;
  fitWidth(): void;
  /** Fit the width, but never with card text under a readable size: the rest is a scroll away (use-canvas-fit.ts). */
  fitReadable(): void;
}

/** What decides whether an action is enabled: plain data, so the rules are testable anywhere. */
export interface CanvasActionState {
  readonly target: CanvasTarget | null;
  readonly selectedCount: number;
  readonly cardCount: number;
  readonly clipboardSize: number;
}

/** One key binding. A modifier left undefined is not looked at; `mod` is Ctrl, or Cmd on a Mac. */
export interface KeyBinding {
  /** KeyboardEvent.key values; single letters match either case. */
  readonly keys: readonly string[];
  readonly mod?: boolean;
  readonly alt?: boolean;
  /** How the shortcut is written in menus and titles, e.g. "Ctrl+C". */
  readonly display: string;
  /** The same for aria-keyshortcuts, e.g. "Control+C". */
  readonly aria: string;
}

export type CanvasActionGroup = 'cards' | 'cell' | 'emotion' | 'view';

/** Group names, in the order menus list them. */
export const canvasActionGroups: Readonly<Record<CanvasActionGroup, string>> = { cards: 'Cards', cell: 'Cells', emotion: 'Emotion lane', view: 'View' };

export interface CanvasAction {
  readonly id: string;
  /** Accessible name, as buttons and menu items show it. */
  readonly label: string;
  readonly group: CanvasActionGroup;
  readonly keys: readonly KeyBinding[];
  readonly enabled: (s: CanvasActionState) => boolean;
  readonly perform: (s: CanvasActionState, ops: CanvasOps) => void;
  /** What to say when its key is pressed while it is disabled, where silence would puzzle. */
  readonly disabledHint?: (s: CanvasActionState) => string | null;
}

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

export function keyMatches(b: KeyBinding, e: KeyLike): boolean {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (!b.keys.includes(key)) return false;
  if (b.mod !== undefined && b.mod !== (e.ctrlKey || e.metaKey)) return false;
  if (b.alt !== undefined && b.alt !== e.altKey) return false;
  return true;
}

const ctrl = (letter: string): KeyBinding => ({ keys: [letter], mod: true, display: `Ctrl+${letter.toUpperCase()}`, aria: `Control+${letter.toUpperCase()}` });
const plain = (display: string, keys: readonly string[], aria = keys.join(' ')): KeyBinding => ({ keys, display, aria });
const arrowWords: Record<Direction, string> = { left: 'Left', right: 'Right', up: 'Up', down: 'Down' };
const arrowGlyph: Record<Direction, string> = { left: '←', right: '→', up: '↑', down: '↓' };
const directions: readonly Direction[] = ['left', 'right', 'up', 'down'];

const focusedCard = (c: CanvasActionState) => (c.target?.kind === 'card' ? c.target : null);
const focusedCell = (c: CanvasActionState): CellRef | null => (c.target?.kind === 'cell' ? c.target : null);
const focusedEmotion = (c: CanvasActionState) => (c.target?.kind === 'emotion' ? c.target : null);
/** Acts on the focused card, or else (from a cell, or from the toolbar) on the selected cards. */
const cardsInReach = (c: CanvasActionState) => focusedCard(c) !== null || ((c.target === null || c.target.kind === 'cell') && c.selectedCount > 0);

function moveCardAction(dir: Direction): CanvasAction {
  return {
    id: `move-card-${dir}`,
    label: `Move card ${dir}`,
    group: 'cards',
    // Shift is left free: moving a selection with Shift held moves it too.
    keys: [{ keys: [`Arrow${arrowWords[dir]}`], mod: false, alt: false, display: arrowGlyph[dir], aria: `Arrow${arrowWords[dir]}` }],
    enabled: (c) => focusedCard(c) !== null,
    perform: (c, ops) => {
      const t = focusedCard(c);
      if (t) ops.moveCards(t.cardId, dir);
    },
  };
}

function goAction(dir: Direction): CanvasAction {
  // Up and down in the emotion lane change the score, so there only left and right move on.
  const fromEmotion = dir === 'left' || dir === 'right';
  return {
    id: `go-${dir}`,
    label: `Go to the cell ${dir === 'left' || dir === 'right' ? `on the ${dir}` : dir === 'up' ? 'above' : 'below'}`,
    group: 'cell',
    keys: [{ keys: [`Arrow${arrowWords[dir]}`], display: arrowGlyph[dir], aria: `Arrow${arrowWords[dir]}` }],
    enabled: (c) => focusedCell(c) !== null || (fromEmotion && focusedEmotion(c) !== null),
    perform: (c, ops) => {
      const t = focusedCell(c) ?? focusedEmotion(c);
      if (t) ops.focusNeighbour(t, dir);
    },
  };
}

function emotionAction(id: string, label: string, key: KeyBinding, next: (current: number | undefined) => number | null): CanvasAction {
  return {
    id,
    label,
    group: 'emotion',
    keys: [key],
    enabled: (c) => focusedEmotion(c) !== null,
    perform: (c, ops) => {
      const t = focusedEmotion(c);
      if (t) ops.stepEmotion(t.stageId, next);
    },
  };
}

export const canvasActions: readonly CanvasAction[] = [
  {
    id: 'add-card',
    label: 'Add a card here',
    group: 'cell',
    keys: [plain('Enter', ['Enter']), plain('Space', [' '], 'Space')],
    enabled: (c) => focusedCell(c) !== null,
    perform: (c, ops) => {
      const t = focusedCell(c);
      if (t) ops.startDraft(t);
    },
  },
  {
    id: 'edit-card',
    label: 'Edit card',
    group: 'cards',
    keys: [plain('Enter', ['Enter']), plain('F2', ['F2'])],
    enabled: (c) => focusedCard(c) !== null,
    perform: (c, ops) => {
      const t = focusedCard(c);
      if (t) ops.editCard(t.cardId);
    },
  },
  {
    id: 'toggle-select',
    label: 'Select or unselect card',
    group: 'cards',
    keys: [plain('Space', [' '], 'Space')],
    enabled: (c) => focusedCard(c) !== null,
    perform: (c, ops) => {
      const t = focusedCard(c);
      if (t) ops.toggleSelected(t.cardId);
    },
  },
  {
    id: 'select-all',
    label: 'Select all cards',
    group: 'cards',
    keys: [ctrl('a')],
    enabled: (c) => c.cardCount > 0,
    perform: (_c, ops) => ops.selectAll(),
  },
  {
    id: 'leave-card',
    label: 'Unselect and go to the cell',
    group: 'cards',
    keys: [plain('Esc', ['Escape'], 'Escape')],
    enabled: (c) => focusedCard(c) !== null,
    perform: (c, ops) => {
      const t = focusedCard(c);
      if (!t) return;
      ops.clearSelection();
      ops.focusCell(t);
    },
  },
  {
    id: 'copy',
    label: 'Copy cards',
    group: 'cards',
    keys: [ctrl('c')],
    enabled: cardsInReach,
    perform: (c, ops) => void ops.copy(focusedCard(c)?.cardId),
  },
  {
    id: 'cut',
    label: 'Cut cards',
    group: 'cards',
    keys: [ctrl('x')],
    enabled: cardsInReach,
    perform: (c, ops) => {
      const id = focusedCard(c)?.cardId;
      if (ops.copy(id)) ops.remove(id);
    },
  },
  {
    id: 'paste',
    label: 'Paste cards',
    group: 'cards',
    keys: [ctrl('v')],
    // Headers and the emotion lane take no cards.
    enabled: (c) => c.clipboardSize > 0 && (c.target === null || c.target.kind === 'card' || c.target.kind === 'cell'),
    perform: (c, ops) => {
      const t = c.target;
      ops.paste(t && (t.kind === 'card' || t.kind === 'cell') ? { stageId: t.stageId, laneId: t.laneId } : undefined);
    },
    disabledHint: (c) => (c.clipboardSize === 0 && (c.target === null || c.target.kind === 'card' || c.target.kind === 'cell') ? 'Nothing to paste: copy cards first (Ctrl+C).' : null),
  },
  {
    id: 'delete',
    label: 'Delete cards',
    group: 'cards',
    keys: [plain('Delete', ['Delete', 'Backspace'], 'Delete Backspace')],
    enabled: cardsInReach,
    perform: (c, ops) => ops.remove(focusedCard(c)?.cardId),
  },
  ...directions.map(moveCardAction),
  ...directions.map(goAction),
  emotionAction('emotion-up', 'Raise emotion', plain('↑', ['ArrowUp'], 'ArrowUp'), (cur) => (cur ?? 0) + 1),
  emotionAction('emotion-down', 'Lower emotion', plain('↓', ['ArrowDown'], 'ArrowDown'), (cur) => (cur ?? 0) - 1),
  emotionAction('emotion-top', 'Emotion +3', plain('Home', ['Home']), () => 3),
  emotionAction('emotion-bottom', 'Emotion −3', plain('End', ['End']), () => -3),
  emotionAction('emotion-clear', 'Clear emotion', plain('Delete', ['Delete', 'Backspace'], 'Delete Backspace'), () => null),
  {
    id: 'fit-all',
    label: 'Zoom to fit',
    group: 'view',
    keys: [],
    enabled: () => true,
    perform: (_c, ops) => ops.fitAll(),
  },
  {
    id: 'fit-width',
    label: 'Fit to width',
    group: 'view',
    keys: [],
    enabled: () => true,
    perform: (_c, ops) => ops.fitWidth(),
  },
  {
    id: 'fit-readable',
    label: 'Fit width at readable size',
    group: 'view',
    keys: [],
    enabled: () => true,
    perform: (_c, ops) => ops.fitReadable(),
  },
];

const byId = new Map(canvasActions.map((a) => [a.id, a]));

export function canvasAction(id: string): CanvasAction {
  const a = byId.get(id);
  if (!a) throw new Error(`No canvas action "${id}".`);
  return a;
}

/**
 * What a key press does: the enabled action bound to it, or a disabled one that has something to
 * say about why (its hint), or nothing (the key is left to the browser).
 */
export function actionForKey(e: KeyLike, ctx: CanvasActionState): { readonly action: CanvasAction } | { readonly hint: string } | null {
  let hint: string | null = null;
  for (const a of canvasActions) {
    if (!a.keys.some((k) => keyMatches(k, e))) continue;
    if (a.enabled(ctx)) return { action: a };
    hint ??= a.disabledHint?.(ctx) ?? null;
  }
  return hint ? { hint } : null;
}

/** The focus key of a canvas element ("card:<id>", "cell:<stage>:<lane>", ...) as a target; null when the card is gone. */
export function targetOf(key: string | null, cardCell: (cardId: string) => CellRef | undefined): CanvasTarget | null {
  if (!key) return null;
  const [kind, a, b] = key.split(':');
  if (!a) return null;
  if (kind === 'card') {
    const cell = cardCell(a);
    return cell ? { kind: 'card', cardId: a, stageId: cell.stageId, laneId: cell.laneId } : null;
  }
  if ((kind === 'cell' || kind === 'emotion') && b) return { kind, stageId: a, laneId: b };
  if (kind === 'stage' || kind === 'lane') return { kind, id: a };
  return null;
}

/**
 * The cell a paste lands in when none is named (the toolbar's Paste): the cell the canvas's
 * active element is or holds, or the focused stage's (emotion cell's) first card lane; else the
 * cell of the first selected card; else the focused lane's first stage. Null when nothing
 * points anywhere. `active` is a focus key ('cell:s:l',
 * 'card:id', 'stage:s', 'lane:l', 'emotion:s:l'); stale keys (a deleted stage) point nowhere.
 */
export function pasteCellFor(
  active: string | null,
  journey: { readonly stages: readonly { readonly id: string }[]; readonly lanes: readonly { readonly id: string; readonly kind: string }[] },
  cards: readonly { readonly id: string; readonly stageId: string; readonly laneId: string }[],
  selected: ReadonlySet<string>,
): CellRef | null {
  const stageOk = (id: string | undefined) => id !== undefined && journey.stages.some((s) => s.id === id);
  const cardLane = (id: string | undefined) => id !== undefined && journey.lanes.some((l) => l.id === id && l.kind !== 'emotion');
  const cellOf = (stageId: string | undefined, laneId: string | undefined): CellRef | null =>
    stageOk(stageId) && cardLane(laneId) ? { stageId: stageId!, laneId: laneId! } : null;
  const [kind, a, b] = (active ?? '').split(':');
  const firstLane = journey.lanes.find((l) => l.kind !== 'emotion')?.id;
  if (kind === 'cell') return cellOf(a, b);
  if (kind === 'card') {
    const c = cards.find((x) => x.id === a);
    if (c) return cellOf(c.stageId, c.laneId);
  }
  if (kind === 'stage' || kind === 'emotion') return cellOf(a, firstLane);
  const sel = cards.find((c) => selected.has(c.id));
  if (sel) return cellOf(sel.stageId, sel.laneId);
  if (kind === 'lane') return cellOf(journey.stages[0]?.id, a);
  return null;
}
