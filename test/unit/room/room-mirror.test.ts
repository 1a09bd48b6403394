// What arrives from a participant's device is checked before anything is stored: the mirror's
// decisions for new cards, edits, deletes, replays, other people's cards, and bad input.
import { describe, expect, it } from 'vitest';
import { createCard, createJourney, journeyLimits, type JourneyCard } from '../../../src-renderer/domain/journey';
import { mirrorDeviceCard, type MirrorContext } from '../../../src-renderer/domain/room-mirror';
import { roomLimits, type DeviceCard } from '../../../src-renderer/domain/room';

const journey = createJourney('w1', { name: 'Renewal', personaId: null, scenario: '' }, 0, 0);
const stage = journey.stages[1]!;
const lane = journey.lanes[0]!;
const entry = (over: Partial<DeviceCard> = {}): DeviceCard => ({ id: 'c1', journeyId: journey.id, stageId: stage.id, laneId: lane.id, text: 'Compares quotes', rev: 1, createdAt: 1_700_000_000_000, ...over });
const ctx = (over: Partial<MirrorContext> = {}): MirrorContext => ({ participantId: 'p1', journey, stored: undefined, cards: [], ownCount: 0, ...over });
const storedCard = (over: Partial<JourneyCard> = {}): JourneyCard => ({ ...createCard(journey, { stageId: stage.id, laneId: lane.id }, { text: 'Compares quotes', order: 0 }), id: 'c1', author: { participantId: 'p1', rev: 1 }, ...over });

describe('mirrorDeviceCard', () => {
  it('a new card becomes a row of its journey, with its author, at the end of its cell', () => {
    const other = { ...storedCard({ id: 'c0', order: 5 }), author: undefined };
    const d = mirrorDeviceCard(entry({ text: '  Compares quotes  ' }), ctx({ cards: [other] }));
    expect(d.kind).toBe('put');
    if (d.kind !== 'put') return;
    expect(d.created).toBe(true);
    expect(d.row).toMatchObject({ id: 'c1', workshopId: 'w1', journeyId: journey.id, stageId: stage.id, laneId: lane.id, text: 'Compares quotes', author: { participantId: 'p1', rev: 1 } });
    expect(d.row.order).toBeGreaterThan(5);
  });

  it('a replayed or older revision changes nothing; a newer one edits, a deleted one deletes', () => {
    expect(mirrorDeviceCard(entry({ rev: 1, text: 'old' }), ctx({ stored: storedCard() })).kind).toBe('skip');
    const edit = mirrorDeviceCard(entry({ rev: 2, text: 'Compares three quotes' }), ctx({ stored: storedCard() }));
    expect(edit).toMatchObject({ kind: 'put', created: false, row: { text: 'Compares three quotes', author: { rev: 2 } } });
    expect(mirrorDeviceCard(entry({ rev: 3, deleted: true }), ctx({ stored: storedCard({ author: { participantId: 'p1', rev: 2 } }) }))).toEqual({ kind: 'delete', id: 'c1' });
    // Deleted before it was ever stored: nothing to do.
    expect(mirrorDeviceCard(entry({ deleted: true }), ctx()).kind).toBe('skip');
  });

  it('never touches someone else’s card or the facilitator’s own', () => {
    expect(mirrorDeviceCard(entry({ rev: 9 }), ctx({ stored: storedCard({ author: { participantId: 'p2', rev: 1 } }) })).kind).toBe('refuse');
    expect(mirrorDeviceCard(entry({ rev: 9 }), ctx({ stored: storedCard({ author: undefined }) })).kind).toBe('refuse');
  });

  it('a card the facilitator removed stays removed', () => {
    expect(mirrorDeviceCard(entry({ removed: true }), ctx()).kind).toBe('skip');
  });

  it('refuses bad input with a message and stores nothing: unknown fields, wrong cell, over-long or empty text, over the cap', () => {
    const refused = (e: unknown, c = ctx()) => mirrorDeviceCard(e, c);
    expect(refused({ ...entry(), html: '<b>x</b>' })).toMatchObject({ kind: 'refuse', cardId: 'c1' });
    expect(refused('garbage')).toMatchObject({ kind: 'refuse', cardId: null });
    expect(refused(entry({ stageId: 'nope' }))).toMatchObject({ kind: 'refuse', message: 'That stage or lane is no longer on the journey.' });
    expect(refused(entry({ journeyId: 'other' }))).toMatchObject({ kind: 'refuse' });
    expect(refused(entry({ text: '   ' }))).toMatchObject({ kind: 'refuse', message: 'An empty card was not added.' });
    expect(refused(entry({ text: 'x'.repeat(journeyLimits.cardText + 1) }))).toMatchObject({ kind: 'refuse' });
    expect(refused(entry(), ctx({ ownCount: roomLimits.cardsPerParticipant }))).toMatchObject({ kind: 'refuse' });
    expect(refused(entry(), ctx({ journey: null }))).toMatchObject({ kind: 'refuse' });
  });
});
