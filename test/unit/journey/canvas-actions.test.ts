// @vitest-environment node
// The journey canvas's action table: which key does what on which element, what is enabled, and
// that no key is bound to two enabled actions at once (the keyboard would then do one at random).
import { describe, expect, it } from 'vitest';
import {
  actionForKey,
  canvasAction,
  canvasActionGroups,
  canvasActions,
  keyMatches,
  pasteCellFor,
  targetOf,
  type CanvasActionState,
  type CanvasOps,
  type CanvasTarget,
  type KeyLike,
} from '../../../src-renderer/features/journey/canvas-actions';

const key = (k: string, mods: Partial<Omit<KeyLike, 'key'>> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

const card: CanvasTarget = { kind: 'card', cardId: 'c1', stageId: 's1', laneId: 'l1' };
const cell: CanvasTarget = { kind: 'cell', stageId: 's1', laneId: 'l1' };
const emotion: CanvasTarget = { kind: 'emotion', stageId: 's1', laneId: 'le' };
const stage: CanvasTarget = { kind: 'stage', id: 's1' };

const state = (target: CanvasTarget | null, more: Partial<CanvasActionState> = {}): CanvasActionState => ({ target, selectedCount: 0, cardCount: 3, clipboardSize: 0, ...more });

/** Ops that record what was asked of them. */
function recorder() {
  const calls: string[] = [];
  const rec =
    (name: string, result?: unknown) =>
    (...args: unknown[]) => {
      calls.push(`${name}(${args.map((a) => (typeof a === 'function' ? 'fn' : JSON.stringify(a))).join(', ')})`);
      return result;
    };
  const ops: CanvasOps = {
    selectAll: rec('selectAll'),
    toggleSelected: rec('toggleSelected'),
    clearSelection: rec('clearSelection'),
    copy: rec('copy', true) as CanvasOps['copy'],
    remove: rec('remove'),
    paste: rec('paste'),
    editCard: rec('editCard'),
    startDraft: rec('startDraft'),
    moveCards: rec('moveCards'),
    focusCell: rec('focusCell'),
    focusNeighbour: rec('focusNeighbour'),
    stepEmotion: rec('stepEmotion'),
    fitAll: rec('fitAll'),
    fitWidth: rec('fitWidth'),
    fitReadable: rec('fitReadable'),
  };
  return { ops, calls };
}

function press(k: KeyLike, s: CanvasActionState): { id: string | null; hint?: string; calls: string[] } {
  const found = actionForKey(k, s);
  const { ops, calls } = recorder();
  if (!found) return { id: null, calls };
  if ('hint' in found) return { id: null, hint: found.hint, calls };
  found.action.perform(s, ops);
  return { id: found.action.id, calls };
}

describe('key matching', () => {
  it('matches letters in either case and honours Ctrl or Cmd', () => {
    const copy = canvasAction('copy').keys[0]!;
    expect(keyMatches(copy, key('c', { ctrlKey: true }))).toBe(true);
    expect(keyMatches(copy, key('C', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(keyMatches(copy, key('c', { metaKey: true }))).toBe(true);
    expect(keyMatches(copy, key('c'))).toBe(false);
    expect(keyMatches(copy, key('v', { ctrlKey: true }))).toBe(false);
  });

  it('moves a card with a bare arrow or Shift+arrow, not with Alt or Ctrl', () => {
    const right = canvasAction('move-card-right').keys[0]!;
    expect(keyMatches(right, key('ArrowRight'))).toBe(true);
    expect(keyMatches(right, key('ArrowRight', { shiftKey: true }))).toBe(true);
    expect(keyMatches(right, key('ArrowRight', { altKey: true }))).toBe(false);
    expect(keyMatches(right, key('ArrowRight', { ctrlKey: true }))).toBe(false);
  });
});

describe('what a key does where', () => {
  it('on a card: Enter and F2 edit, Space toggles selection, arrows move, Escape leaves to the cell', () => {
    expect(press(key('Enter'), state(card))).toMatchObject({ id: 'edit-card', calls: ['editCard("c1")'] });
    expect(press(key('F2'), state(card)).id).toBe('edit-card');
    expect(press(key(' '), state(card))).toMatchObject({ id: 'toggle-select', calls: ['toggleSelected("c1")'] });
    expect(press(key('ArrowDown'), state(card))).toMatchObject({ id: 'move-card-down', calls: ['moveCards("c1", "down")'] });
    expect(press(key('Escape'), state(card)).calls).toEqual(['clearSelection()', 'focusCell({"kind":"card","cardId":"c1","stageId":"s1","laneId":"l1"})']);
    expect(press(key('ArrowDown', { altKey: true }), state(card)).id).toBeNull();
  });

  it('on a cell: Enter and Space add a card, arrows move the focus', () => {
    expect(press(key('Enter'), state(cell)).calls).toEqual(['startDraft({"kind":"cell","stageId":"s1","laneId":"l1"})']);
    expect(press(key(' '), state(cell)).id).toBe('add-card');
    expect(press(key('ArrowUp'), state(cell)).calls).toEqual(['focusNeighbour({"kind":"cell","stageId":"s1","laneId":"l1"}, "up")']);
    expect(press(key('Escape'), state(cell)).id).toBeNull();
  });

  it('in the emotion lane: up and down score, left and right move on, Home/End/Delete set the extremes or clear', () => {
    expect(press(key('ArrowUp'), state(emotion)).id).toBe('emotion-up');
    expect(press(key('ArrowDown'), state(emotion)).id).toBe('emotion-down');
    expect(press(key('ArrowLeft'), state(emotion)).id).toBe('go-left');
    expect(press(key('Home'), state(emotion)).id).toBe('emotion-top');
    expect(press(key('End'), state(emotion)).id).toBe('emotion-bottom');
    expect(press(key('Backspace'), state(emotion)).id).toBe('emotion-clear');
    expect(press(key('Enter'), state(emotion)).id).toBeNull();
  });

  it('passes the next score through', () => {
    const next = (id: string, cur: number | undefined) => {
      let got: number | null | undefined;
      const { ops } = recorder();
      canvasAction(id).perform(state(emotion), { ...ops, stepEmotion: (_s, f) => void (got = f(cur)) });
      return got;
    };
    expect(next('emotion-up', undefined)).toBe(1);
    expect(next('emotion-down', 2)).toBe(1);
    expect(next('emotion-top', -1)).toBe(3);
    expect(next('emotion-bottom', 1)).toBe(-3);
    expect(next('emotion-clear', 1)).toBeNull();
  });

  it('on a stage header only Ctrl+A acts (the header handles its own keys)', () => {
    expect(press(key('a', { ctrlKey: true }), state(stage)).id).toBe('select-all');
    for (const k of ['Enter', 'Delete', 'ArrowLeft', ' ']) expect(press(key(k), state(stage, { selectedCount: 2 })).id).toBeNull();
    expect(press(key('v', { ctrlKey: true }), state(stage)).hint).toBeUndefined();
  });
});

describe('enabled rules', () => {
  it('copy, cut and delete act on the focused card, or on the selection from a cell or the toolbar', () => {
    for (const id of ['copy', 'cut', 'delete']) {
      const a = canvasAction(id);
      expect(a.enabled(state(card)), id).toBe(true);
      expect(a.enabled(state(null)), id).toBe(false);
      expect(a.enabled(state(null, { selectedCount: 2 })), id).toBe(true);
      expect(a.enabled(state(cell)), id).toBe(false);
      expect(a.enabled(state(cell, { selectedCount: 1 })), id).toBe(true);
      // Delete in the emotion lane clears the score; it never reaches selected cards.
      expect(a.enabled(state(emotion, { selectedCount: 1 })), id).toBe(false);
    }
    expect(press(key('Delete'), state(card)).calls).toEqual(['remove("c1")']);
    expect(press(key('Delete'), state(cell, { selectedCount: 2 })).calls).toEqual(['remove()']);
    expect(press(key('x', { ctrlKey: true }), state(card)).calls).toEqual(['copy("c1")', 'remove("c1")']);
  });

  it('paste needs copied cards and a place that takes cards; with none copied the key says why', () => {
    const paste = canvasAction('paste');
    expect(paste.enabled(state(cell))).toBe(false);
    expect(paste.enabled(state(cell, { clipboardSize: 2 }))).toBe(true);
    expect(paste.enabled(state(null, { clipboardSize: 2 }))).toBe(true);
    expect(paste.enabled(state(emotion, { clipboardSize: 2 }))).toBe(false);
    expect(press(key('v', { ctrlKey: true }), state(card, { clipboardSize: 1 })).calls).toEqual(['paste({"stageId":"s1","laneId":"l1"})']);
    expect(press(key('v', { ctrlKey: true }), state(cell))).toMatchObject({ id: null, hint: 'Nothing to paste: copy cards first (Ctrl+C).' });
    expect(press(key('v', { ctrlKey: true }), state(emotion, { clipboardSize: 1 }))).toEqual({ id: null, calls: [] });
  });

  it('select all needs cards; view actions are always there', () => {
    expect(canvasAction('select-all').enabled(state(cell, { cardCount: 0 }))).toBe(false);
    expect(canvasAction('fit-all').enabled(state(null))).toBe(true);
    expect(press(key('a', { metaKey: true }), state(cell)).calls).toEqual(['selectAll()']);
  });
});

describe('the table', () => {
  const targets: (CanvasTarget | null)[] = [null, card, cell, emotion, stage];
  const keys = [...new Set(canvasActions.flatMap((a) => a.keys.flatMap((b) => b.keys)))];
  const modifierSets: Partial<KeyLike>[] = [{}, { shiftKey: true }, { ctrlKey: true }, { altKey: true }, { metaKey: true, shiftKey: true }];

  it('binds no key to two enabled actions on any element', () => {
    for (const t of targets)
      for (const k of keys)
        for (const m of modifierSets) {
          const s = state(t, { selectedCount: 2, clipboardSize: 2 });
          const hits = canvasActions.filter((a) => a.enabled(s) && a.keys.some((b) => keyMatches(b, key(k, m))));
          expect(hits.length, `${k} ${JSON.stringify(m)} on ${t?.kind ?? 'toolbar'}: ${hits.map((a) => a.id).join(', ')}`).toBeLessThanOrEqual(1);
        }
  });

  it('has unique ids and labels, a known group, and shortcut texts for every binding', () => {
    expect(new Set(canvasActions.map((a) => a.id)).size).toBe(canvasActions.length);
    expect(new Set(canvasActions.map((a) => a.label)).size).toBe(canvasActions.length);
    for (const a of canvasActions) {
      expect(Object.keys(canvasActionGroups)).toContain(a.group);
      for (const b of a.keys) {
        expect(b.display, a.id).not.toBe('');
        expect(b.aria, a.id).not.toBe('');
      }
    }
    expect(() => canvasAction('no-such-action')).toThrow();
  });
});

describe('targets from focus keys', () => {
  const where = (id: string) => (id === 'c1' ? { stageId: 's1', laneId: 'l1' } : undefined);
  it('reads cards, cells, emotion cells and headers; a card that is gone is no target', () => {
    expect(targetOf('card:c1', where)).toEqual(card);
    expect(targetOf('card:gone', where)).toBeNull();
    expect(targetOf('cell:s1:l1', where)).toEqual(cell);
    expect(targetOf('emotion:s1:le', where)).toEqual(emotion);
    expect(targetOf('stage:s1', where)).toEqual(stage);
    expect(targetOf('cell:s1', where)).toBeNull();
    expect(targetOf(null, where)).toBeNull();
  });
});

describe('pasteCellFor: where the toolbar\'s Paste lands', () => {
  const journey = {
    stages: [{ id: 's1' }, { id: 's2' }],
    lanes: [
      { id: 'emo', kind: 'emotion' },
      { id: 'l1', kind: 'actions' },
      { id: 'l2', kind: 'thoughts' },
    ],
  };
  const cards = [
    { id: 'a', stageId: 's1', laneId: 'l1' },
    { id: 'b', stageId: 's2', laneId: 'l2' },
  ];
  const none = new Set<string>();

  it('lands in the focused cell, or the focused card\'s cell, before any selection', () => {
    expect(pasteCellFor('cell:s2:l1', journey, cards, new Set(['a']))).toEqual({ stageId: 's2', laneId: 'l1' });
    expect(pasteCellFor('card:b', journey, cards, new Set(['a']))).toEqual({ stageId: 's2', laneId: 'l2' });
  });

  it('from a stage header or the emotion lane, lands in that stage; from a lane header, in the selected card\'s cell, else that lane', () => {
    expect(pasteCellFor('stage:s2', journey, cards, new Set(['a']))).toEqual({ stageId: 's2', laneId: 'l1' });
    expect(pasteCellFor('stage:s2', journey, cards, none)).toEqual({ stageId: 's2', laneId: 'l1' });
    expect(pasteCellFor('lane:l2', journey, cards, new Set(['a']))).toEqual({ stageId: 's1', laneId: 'l1' });
    expect(pasteCellFor('emotion:s2:emo', journey, cards, none)).toEqual({ stageId: 's2', laneId: 'l1' });
    expect(pasteCellFor('lane:l2', journey, cards, none)).toEqual({ stageId: 's1', laneId: 'l2' });
    expect(pasteCellFor(null, journey, cards, new Set(['b']))).toEqual({ stageId: 's2', laneId: 'l2' });
  });

  it('points nowhere from nothing, from a stale key, or into the emotion lane', () => {
    expect(pasteCellFor(null, journey, cards, none)).toBeNull();
    expect(pasteCellFor('cell:gone:l1', journey, cards, none)).toBeNull();
    expect(pasteCellFor('cell:s1:emo', journey, cards, none)).toBeNull();
    expect(pasteCellFor('lane:emo', journey, cards, none)).toBeNull();
    expect(pasteCellFor('card:gone', journey, cards, none)).toBeNull();
  });
});
