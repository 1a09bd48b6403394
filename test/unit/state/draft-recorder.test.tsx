// The typing journal as a field keeps it: every keystroke is in localStorage before the event
// handler returns (so a window closed at once loses nothing: a new window replays it), and the
// entry is gone once the commit is stored (so nothing stale is left to replay).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { freshDb } from '../../helpers/db';
import type { CentricDb } from '../../../src-renderer/db/database';
import { createWorkshop, type Workshop } from '../../../src-renderer/domain/workshop';
import { JOURNAL_PREFIX, readEntries, replayEntries } from '../../../src-renderer/state/draft-journal';
import { execute, useHistory } from '../../../src-renderer/state/history';
import { CommitField } from '../../../src-renderer/ui/commit-field';
import { useDraft } from '../../../src-renderer/ui/use-draft';
import { createCard, createJourney, type JourneyCard } from '../../../src-renderer/domain/journey';
import { setCardText } from '../../../src-renderer/features/journey/journey-actions';

/** A card's text field that hands the journal the card as the screen holds it. */
function CardText({ card }: { card: JourneyCard }) {
  const { draft, onChange } = useDraft<string>({
    stored: card.text,
    check: (value) => ({ value }),
    commit: (text) => setCardText(card, text),
    rows: () => [{ table: 'journeyCards', row: card }],
  });
  return <textarea aria-label="Card text" value={draft} onChange={(e) => onChange(e.target.value)} />;
}

let db: CentricDb;
let w: Workshop;
beforeEach(async () => {
  localStorage.clear();
  useHistory.setState({ stacks: {}, revision: 0 });
  db = freshDb();
  w = createWorkshop({ title: 'Kick-off', client: 'Acme', template: null });
  await db.workshops.put(w);
});
afterEach(() => cleanup());

const setTitle = (title: string) =>
  execute({ label: 'Edit title', scope: w.id, touchWorkshop: w.id, ops: [{ type: 'update', table: 'workshops', key: w.id, update: (r) => ({ ...r, title }) }] });

const journalKeys = () => Object.keys(localStorage).filter((k) => k.startsWith(JOURNAL_PREFIX));

describe('typing journal in a field', () => {
  it('journals each keystroke synchronously; a later window replays it', async () => {
    render(<CommitField label="Title" value={w.title} maxLength={120} onCommit={setTitle} />);
    const box = screen.getByRole('textbox', { name: 'Title' });
    fireEvent.focus(box);
    // Focus starts reading the row; once read, a keystroke is journaled before its handler returns.
    await waitFor(() => {
      fireEvent.change(box, { target: { value: 'Kick' } });
      expect(journalKeys()).toHaveLength(1);
    });
    fireEvent.change(box, { target: { value: 'Kick-off, renamed' } });
    const [entry] = readEntries(localStorage).map((x) => x.entry);
    expect(entry!.rows[0]!.leaves).toEqual([{ path: ['title'], bases: ['"Kick-off"'], value: '"Kick-off, renamed"' }]);

    // The window goes before the debounce: nothing was committed. The next window replays.
    cleanup();
    await replayEntries(db, localStorage, () => true);
    expect((await db.workshops.get(w.id))!.title).toBe('Kick-off, renamed');
    expect(journalKeys()).toEqual([]);
  });

  it('drops the entry once the commit is stored, and journals nothing for invalid text', async () => {
    render(<CommitField label="Title" value={w.title} maxLength={12} requiredMessage="A title, please." onCommit={setTitle} />);
    const box = screen.getByRole('textbox', { name: 'Title' });
    fireEvent.focus(box);
    await waitFor(() => {
      fireEvent.change(box, { target: { value: 'Renamed' } });
      expect(journalKeys()).toHaveLength(1);
    });
    fireEvent.blur(box);
    await waitFor(async () => expect((await db.workshops.get(w.id))!.title).toBe('Renamed'));
    await waitFor(() => expect(journalKeys()).toEqual([]));

    // Text the field refuses is never stored, so it is not journaled either.
    fireEvent.change(box, { target: { value: '' } });
    expect(journalKeys()).toEqual([]);
    fireEvent.change(box, { target: { value: 'Far too long a title' } });
    expect(journalKeys()).toEqual([]);
  });

  it('journals the very first keystroke into a card, before its own read of the row arrives', async () => {
    const journey = createJourney(w.id, { name: 'Renewal', personaId: null, scenario: '' }, 0, 0);
    const card = createCard(journey, { stageId: journey.stages[0]!.id, laneId: journey.lanes[0]!.id }, { text: 'Gets the letter', order: 0 });
    await db.journeys.put(journey);
    await db.journeyCards.put(card);
    render(<CardText card={card} />);
    const box = screen.getByRole('textbox', { name: 'Card text' });
    // No focus, no waiting: the card's text does not change on focus, so nothing is read before
    // the first key. The row the screen holds is enough to journal it synchronously.
    fireEvent.change(box, { target: { value: 'Gets the letter and compares' } });
    expect(journalKeys()).toHaveLength(1);
    cleanup();
    await replayEntries(db, localStorage, () => true);
    expect((await db.journeyCards.get(card.id))!.text).toBe('Gets the letter and compares');
  });
});
