// The journey card editor on the shared draft hook: an existing card is stored as it is typed; a
// new card only when its editor closes (never by the typing debounce), exactly once, and before
// an undo; over-long text keeps the editor open with its message.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createCard, createJourney, journeyLimits } from '../../../src-renderer/domain/journey';
import { flushPendingEdits, isDryRun } from '../../../src-renderer/state/history';
import { TYPING_DEBOUNCE_MS } from '../../../src-renderer/ui/use-draft';
import { CardEditor } from '../../../src-renderer/features/journey/journey-card-editor';
import { CanvasActionsContext, type CanvasActions } from '../../../src-renderer/features/journey/journey-context';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const journey = createJourney('w1', { name: 'Claims', personaId: null, scenario: '' }, 0, 0);
const stage = journey.stages[0]!;
const lane = journey.lanes[0]!;

function setup(isDraft: boolean, text = '') {
  vi.useFakeTimers();
  const card = { ...createCard(journey, { stageId: stage.id, laneId: lane.id }, { text, order: 0 }), ...(isDraft ? { id: '__draft__' } : {}) };
  const actions = {
    commitCardText: vi.fn(async (_card: unknown, _text: string) => true),
    commitDraft: vi.fn(async () => true),
    leaveEditing: vi.fn(),
  };
  const unused = () => undefined;
  const all: CanvasActions = {
    ...actions,
    // The draft hook also dry-runs the save on focus and keystrokes to journal the typing
    // (nothing is stored then); only real saves count.
    commitCardText: (c, t) => (isDryRun() ? Promise.resolve(true) : actions.commitCardText(c, t)),
    focusTarget: unused,
    renameStage: unused,
    renameLane: unused,
    moveStage: unused,
    moveLane: unused,
    resizeStage: unused,
    resizeLane: unused,
    insertStage: unused,
    insertLane: unused,
    requestDelete: unused,
    toFlow: (p) => p,
  };
  render(
    <CanvasActionsContext.Provider value={all}>
      <CardEditor card={card} isDraft={isDraft} />
    </CanvasActionsContext.Provider>,
  );
  const box = screen.getByRole('textbox', { name: isDraft ? 'New card text' : 'Card text' });
  return { card, actions, box };
}

describe('CardEditor', () => {
  it('a new card is not stored while typing, then once on Ctrl+Enter, trimmed, leaving focus for the stored card', () => {
    const { actions, box } = setup(true);
    fireEvent.change(box, { target: { value: '  Calls the helpline ' } });
    act(() => vi.advanceTimersByTime(TYPING_DEBOUNCE_MS * 5));
    expect(actions.commitDraft).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    fireEvent.blur(box);
    expect(actions.commitDraft).toHaveBeenCalledExactlyOnceWith(stage.id, lane.id, 'Calls the helpline');
    expect(actions.leaveEditing).toHaveBeenCalledExactlyOnceWith(null);
  });

  it('a new card left empty stores nothing and returns to its cell', () => {
    const { actions, box } = setup(true);
    fireEvent.change(box, { target: { value: '   ' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(actions.commitDraft).not.toHaveBeenCalled();
    expect(actions.leaveEditing).toHaveBeenCalledExactlyOnceWith(`cell:${stage.id}:${lane.id}`);
  });

  it('a new card is stored and closed before an undo or another edit', () => {
    const { actions, box } = setup(true);
    fireEvent.change(box, { target: { value: 'Waits on hold' } });
    act(() => flushPendingEdits());
    act(() => flushPendingEdits());
    expect(actions.commitDraft).toHaveBeenCalledExactlyOnceWith(stage.id, lane.id, 'Waits on hold');
    expect(actions.leaveEditing).toHaveBeenCalledExactlyOnceWith(null);
  });

  it('an existing card is stored 300 ms after the last key and stays open; Escape leaves to the card', () => {
    const { card, actions, box } = setup(false, 'Reads the policy');
    fireEvent.change(box, { target: { value: 'Reads the policy twice' } });
    act(() => vi.advanceTimersByTime(TYPING_DEBOUNCE_MS));
    expect(actions.commitCardText).toHaveBeenCalledExactlyOnceWith(card, 'Reads the policy twice');
    expect(actions.leaveEditing).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(actions.commitCardText).toHaveBeenCalledOnce();
    expect(actions.leaveEditing).toHaveBeenCalledExactlyOnceWith(`card:${card.id}`);
  });

  it('over-long text is never stored or cut: the editor stays open with the message', () => {
    const { actions, box } = setup(true);
    const long = 'x'.repeat(journeyLimits.cardText + 1);
    fireEvent.change(box, { target: { value: long } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    act(() => flushPendingEdits());
    expect(actions.commitDraft).not.toHaveBeenCalled();
    expect(actions.leaveEditing).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/Card text is limited/);
    expect((box as HTMLTextAreaElement).value).toBe(long);
  });
});
