// The facilitator's side of the room against the real room server (127.0.0.1): what a phone
// writes in its own document is stored once, with its author, outside the facilitator's undo;
// replays and older revisions change nothing; bad entries are refused with a note to the phone;
// a card the facilitator deletes is marked removed on the phone (and unmarked by an undo); the
// journey and its cards are published back to the shared document.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { freshDb } from '../../helpers/db';
import { RoomHost } from '../../../src-main/room/room-server';
import { applyCommand, deleteOp, putOp } from '../../../src-renderer/db/commands';
import type { CentricDb } from '../../../src-renderer/db/database';
import { createJourney, type Journey } from '../../../src-renderer/domain/journey';
import { OWN, SHARED, participantDocName, roomLimits, sharedDocName, type DeviceCard, type DeviceDots, type DeviceIdea, type PublishedBrainstorm, type PublishedVote } from '../../../src-renderer/domain/room';
import { createVoteExercise, type VoteExercise } from '../../../src-renderer/domain/voting';
import { createBrainstorm, revealIdeas, startTimer, type Brainstorm } from '../../../src-renderer/domain/run';
import { createWorkshop, type Workshop } from '../../../src-renderer/domain/workshop';
import { RoomSync } from '../../../src-renderer/room/room-sync';
import { initialRoomState, useRoom } from '../../../src-renderer/room/room-store';
import { useHistory } from '../../../src-renderer/state/history';
import { closeAll, device, enter, participantFolder, recordingSocket } from './room-helpers';

let db: CentricDb;
let w: Workshop;
let j: Journey;
let sync: RoomSync | null = null;

beforeEach(async () => {
  db = freshDb();
  useRoom.setState(initialRoomState);
  useHistory.setState({ stacks: {}, revision: 0 });
  w = createWorkshop({ title: 'Renewal day', client: 'Northwind', template: null });
  j = createJourney(w.id, { name: 'Renewal', personaId: null, scenario: '' }, 0, 0);
  await db.workshops.put(w);
  await db.journeys.put(j);
});

afterEach(async () => {
  sync?.stop();
  sync = null;
  await closeAll();
});

const until = (check: () => unknown | Promise<unknown>) => vi.waitFor(check, { timeout: 8_000, interval: 20 });

async function roomWithPhone() {
  const host = new RoomHost({ participantDir: participantFolder(), listenHost: '127.0.0.1', port: 0 });
  const info = await host.open({ workshopId: w.id, title: w.title, people: [] });
  sync = new RoomSync({ info, workshopId: w.id, journeyId: j.id, db, WebSocketPolyfill: WebSocket });
  const base = `http://127.0.0.1:${info.port}`;
  const ana = await enter(base, info, { name: 'Ana Lima' });
  const phone = device(info, ana.token);
  const own = phone.open(participantDocName(info.roomId, ana.participantId));
  const shared = phone.open(sharedDocName(info.roomId));
  const cards = own.doc.getMap<DeviceCard>(OWN.cards);
  const write = (c: Partial<DeviceCard> & { id: string; rev: number }) =>
    own.doc.transact(() => cards.set(c.id, { journeyId: j.id, stageId: j.stages[0]!.id, laneId: j.lanes[0]!.id, text: 'Gets the letter', createdAt: 1_700_000_000_000, ...c }));
  return { host, info, ana, own, shared, cards, write, sharedCards: () => shared.doc.getMap(SHARED.cards) as Y.Map<{ text: string; authorId: string | null; rev?: number }> };
}

describe('the room engine', () => {
  it('stores a phone’s card once with its author, follows newer revisions only, and publishes it back', async () => {
    const r = await roomWithPhone();
    r.write({ id: 'c1', rev: 1, text: 'Gets the renewal letter' });
    await until(async () => expect(await db.journeyCards.get('c1')).toMatchObject({ text: 'Gets the renewal letter', journeyId: j.id, author: { participantId: r.ana.participantId, rev: 1 } }));
    await until(() => expect(r.sharedCards().get('c1')).toMatchObject({ text: 'Gets the renewal letter', authorId: r.ana.participantId, rev: 1 }));
    // The newcomer became a participant of the workshop, under the same id.
    await until(async () => expect(await db.participants.get(r.ana.participantId)).toMatchObject({ name: 'Ana Lima', workshopId: w.id }));

    r.write({ id: 'c1', rev: 2, text: 'Compares three quotes' });
    await until(async () => expect((await db.journeyCards.get('c1'))?.text).toBe('Compares three quotes'));
    // An older revision (a phone replaying what it had) changes nothing.
    r.write({ id: 'c1', rev: 1, text: 'Gets the renewal letter' });
    await until(() => expect(r.sharedCards().get('c1')?.rev).toBe(2));
    await sync!.settled();
    expect((await db.journeyCards.get('c1'))?.text).toBe('Compares three quotes');
    expect(await db.journeyCards.where('journeyId').equals(j.id).count()).toBe(1);

    // Deleted on the phone: gone from the workshop.
    r.write({ id: 'c1', rev: 3, text: 'Compares three quotes', deleted: true });
    await until(async () => expect(await db.journeyCards.get('c1')).toBeUndefined());
    // None of it is in the facilitator's undo history.
    expect(useHistory.getState().stacks[w.id]).toBeUndefined();
  });

  it('refuses what is not a valid card, tells the phone why, and stores nothing', async () => {
    const r = await roomWithPhone();
    r.own.doc.transact(() => r.cards.set('bad', { id: 'bad', html: '<img src=x onerror=alert(1)>' } as unknown as DeviceCard));
    r.write({ id: 'long', rev: 1, text: 'x'.repeat(501) });
    r.write({ id: 'nowhere', rev: 1, stageId: 'no-such-stage' });
    await until(() => expect(useRoom.getState().refused).toBe(3));
    await until(() => expect(r.own.doc.getMap(OWN.status).get('refused')).toMatchObject({ message: expect.any(String) }));
    expect(await db.journeyCards.count()).toBe(0);
  });

  it('a card the facilitator deletes is marked removed on the phone and never comes back; undoing the deletion unmarks it', async () => {
    const r = await roomWithPhone();
    r.write({ id: 'c2', rev: 1, text: 'Calls the helpline' });
    await until(async () => expect(await db.journeyCards.get('c2')).toBeDefined());
    const row = (await db.journeyCards.get('c2'))!;
    await applyCommand(db, { label: 'Delete card', scope: w.id, ops: [deleteOp('journeyCards', 'c2')] });
    await until(() => expect(r.cards.get('c2')?.removed).toBe(true));
    await sync!.settled();
    expect(await db.journeyCards.get('c2')).toBeUndefined();
    // The facilitator's undo puts the row back: the phone may edit it again.
    await applyCommand(db, { label: 'Undo delete card', scope: w.id, ops: [putOp('journeyCards', row)] });
    await until(() => expect(r.cards.get('c2')).toMatchObject({ text: 'Calls the helpline', rev: 1 }));
    await until(() => expect(r.cards.get('c2')?.removed).toBeUndefined());
  });
});

describe('a silent brainstorm round in the room', () => {
  async function roomWithRound() {
    const r = await roomWithPhone();
    const round: Brainstorm = { ...createBrainstorm(w.id, null, 'What gets in the way?', 5, 1_700_000_000_000), timer: startTimer(createBrainstorm(w.id, null, '', 1).timer, 1_700_000_000_000) };
    await db.sessions.put(round);
    // Ben's phone records every frame it receives: what the network showed him.
    const frames: Buffer[] = [];
    const ben = await enter(`http://127.0.0.1:${r.info.port}`, r.info, { name: 'Ben Okafor' });
    const benPhone = device(r.info, ben.token, recordingSocket(frames));
    const benShared = benPhone.open(sharedDocName(r.info.roomId));
    const benOwn = benPhone.open(participantDocName(r.info.roomId, ben.participantId));
    const ideas = r.own.doc.getMap<DeviceIdea>(OWN.ideas);
    const idea = (i: Partial<DeviceIdea> & { id: string; rev: number; text: string }) => r.own.doc.transact(() => ideas.set(i.id, { brainstormId: round.id, createdAt: 1_700_000_000_500, ...i }));
    const published = () => r.shared.doc.getMap(SHARED.room).get('brainstorm') as PublishedBrainstorm | null | undefined;
    const stored = async () => ((await db.sessions.get(round.id)) as Brainstorm).ideas;
    return { ...r, round, ben, benShared, benOwn, frames, ideas, idea, published, stored };
  }

  it('stores a phone’s ideas in the round with their author, outside the undo history, and publishes only counts', async () => {
    const r = await roomWithRound();
    await until(() => expect(r.published()).toMatchObject({ id: r.round.id, prompt: 'What gets in the way?', revealed: false, counts: {}, endsAt: 1_700_000_000_000 + 5 * 60_000 }));
    r.idea({ id: 'i1', rev: 1, text: 'Nobody owns the renewal letter' });
    r.idea({ id: 'i2', rev: 1, text: 'Prices change without notice' });
    await until(async () => expect((await r.stored()).map((i) => i.text).sort()).toEqual(['Nobody owns the renewal letter', 'Prices change without notice']));
    expect((await r.stored())[0]).toMatchObject({ participantId: r.ana.participantId, rev: 1, kept: true });
    await until(() => expect(r.published()?.counts).toEqual({ [r.ana.participantId]: 2 }));
    // Edited, then one deleted on the phone; a replayed older revision changes nothing.
    r.idea({ id: 'i1', rev: 2, text: 'Nobody owns the letter' });
    r.idea({ id: 'i2', rev: 2, text: 'Prices change without notice', deleted: true });
    await until(async () => expect((await r.stored()).map((i) => i.text)).toEqual(['Nobody owns the letter']));
    r.idea({ id: 'i1', rev: 1, text: 'Nobody owns the renewal letter' });
    await until(() => expect(r.published()?.counts).toEqual({ [r.ana.participantId]: 1 }));
    await sync!.settled();
    expect((await r.stored()).map((i) => i.text)).toEqual(['Nobody owns the letter']);
    expect(useHistory.getState().stacks[w.id]).toBeUndefined();

    // Privacy: Ben's documents and every frame his phone received hold counts, never Ana's ideas.
    await until(() => expect((r.benShared.doc.getMap(SHARED.room).get('brainstorm') as PublishedBrainstorm | undefined)?.counts).toEqual({ [r.ana.participantId]: 1 }));
    const seen = JSON.stringify([r.benShared.doc.toJSON(), r.benOwn.doc.toJSON()]) + Buffer.concat(r.frames).toString('latin1');
    expect(r.frames.length).toBeGreaterThan(0);
    for (const text of ['Nobody owns', 'Prices change']) expect(seen).not.toContain(text);
    // Nor does the shared document itself.
    expect(JSON.stringify(r.shared.doc.toJSON())).not.toContain('Nobody owns');
  });

  it('refuses ideas after the reveal, into another round, over the cap or not plain valid text, with a note to the phone', async () => {
    const r = await roomWithRound();
    r.ideas.doc!.transact(() => r.ideas.set('bad', { id: 'bad', html: '<b>x</b>' } as unknown as DeviceIdea));
    r.idea({ id: 'long', rev: 1, text: 'x'.repeat(281) });
    r.idea({ id: 'other', rev: 1, text: 'Into a round that is not live', brainstormId: 'no-such-round' });
    await until(() => expect(useRoom.getState().refused).toBe(3));
    for (let i = 0; i < roomLimits.ideasPerParticipant + 1; i++) r.idea({ id: `n${i}`, rev: 1, text: `Idea ${i}` });
    await until(() => expect(useRoom.getState().refused).toBe(4));
    expect(await r.stored()).toHaveLength(roomLimits.ideasPerParticipant);
    expect(r.own.doc.getMap(OWN.status).get('refused')).toMatchObject({ message: expect.stringContaining(`${roomLimits.ideasPerParticipant} ideas`) });

    // Revealed: the round closes; a new idea is refused and nothing is stored.
    const revealed = revealIdeas((await db.sessions.get(r.round.id)) as Brainstorm, 1_700_000_100_000);
    await db.sessions.put(revealed);
    await until(() => expect(r.published()?.revealed).toBe(true));
    r.idea({ id: 'late', rev: 1, text: 'After the reveal' });
    await until(() => expect(r.own.doc.getMap(OWN.status).get('refused')).toMatchObject({ cardId: 'late', message: 'The round has closed: your idea was not added.' }));
    expect((await r.stored()).some((i) => i.id === 'late')).toBe(false);
  });
});

describe('a dot vote in the room', () => {
  async function roomWithVote() {
    const r = await roomWithPhone();
    for (const [id, text] of [['k1', 'Renewal letter'], ['k2', 'Price jump'], ['k3', 'Broker calls']] as const) {
      await db.journeyCards.put({ id, workshopId: w.id, journeyId: j.id, stageId: j.stages[0]!.id, laneId: j.lanes[0]!.id, order: 0, text, color: 'yellow', marks: [], emotion: null, initiativeId: null });
    }
    const ex: VoteExercise = createVoteExercise(w.id, null, { question: 'What hurts most?', sources: [`journey:${j.id}`], votesPerPerson: 3 }, 1_700_000_000_000);
    await db.sessions.put(ex);
    const frames: Buffer[] = [];
    const ben = await enter(`http://127.0.0.1:${r.info.port}`, r.info, { name: 'Ben Okafor' });
    const benPhone = device(r.info, ben.token, recordingSocket(frames));
    const benShared = benPhone.open(sharedDocName(r.info.roomId));
    benPhone.open(participantDocName(r.info.roomId, ben.participantId));
    const dots = (doc: Y.Doc, d: Record<string, number>, rev: number) => doc.transact(() => doc.getMap<DeviceDots>(OWN.dots).set(ex.id, { id: ex.id, rev, dots: d }));
    const votes = async () => (await db.votes.where('workshopId').equals(w.id).toArray()).filter((v) => v.participantId === r.ana.participantId).map((v) => v.targetId).sort();
    const published = () => r.shared.doc.getMap(SHARED.room).get('vote') as PublishedVote | null | undefined;
    return { ...r, ex, ben, benShared, frames, dots, votes, published };
  }

  it('stores a phone’s dots with the participant as voter, within the budget, and publishes only who is done', async () => {
    const r = await roomWithVote();
    await until(() => expect(r.published()).toMatchObject({ id: r.ex.id, question: 'What hurts most?', votesPerPerson: 3, closed: false, done: [] }));
    expect(r.published()!.items.map((i) => i.text).sort()).toEqual(['Broker calls', 'Price jump', 'Renewal letter']);
    r.dots(r.own.doc, { k1: 2 }, 1);
    await until(async () => expect(await r.votes()).toEqual(['k1', 'k1']));
    await until(() => expect(r.own.doc.getMap(OWN.status).get('dots')).toEqual({ id: r.ex.id, rev: 1 }));
    // A change of mind: one dot moves; then all three placed: done.
    r.dots(r.own.doc, { k1: 1, k2: 2 }, 2);
    await until(async () => expect(await r.votes()).toEqual(['k1', 'k2', 'k2']));
    await until(() => expect(r.published()?.done).toEqual([r.ana.participantId]));
    // The same person on a second device: the same document, never more dots.
    const second = device(r.info, r.ana.token).open(participantDocName(r.info.roomId, r.ana.participantId));
    await until(() => expect(second.doc.getMap<DeviceDots>(OWN.dots).get(r.ex.id)?.rev).toBe(2));
    r.dots(second.doc, { k1: 1, k2: 2 }, 3);
    await until(() => expect(r.own.doc.getMap(OWN.status).get('dots')).toEqual({ id: r.ex.id, rev: 3 }));
    expect(await r.votes()).toEqual(['k1', 'k2', 'k2']);
    expect(useHistory.getState().stacks[w.id]).toBeUndefined();

    // Ben received only the items and who is done: nothing from Ana's document, no allocation.
    await until(() => expect((r.benShared.doc.getMap(SHARED.room).get('vote') as PublishedVote | undefined)?.done).toEqual([r.ana.participantId]));
    const seen = Buffer.concat(r.frames).toString('latin1');
    expect(r.frames.length).toBeGreaterThan(0);
    expect(seen).not.toContain(`/p/${r.ana.participantId}`);
    expect(JSON.stringify(r.benShared.doc.toJSON())).not.toMatch(/"dots"|"k2":2/);
  });

  it('refuses over-budget dots, dots on items outside the vote and dots after it closed, and changes nothing', async () => {
    const r = await roomWithVote();
    r.dots(r.own.doc, { k1: 1 }, 1);
    await until(async () => expect(await r.votes()).toEqual(['k1']));
    r.dots(r.own.doc, { k1: 2, k2: 2 }, 2);
    await until(() => expect(r.own.doc.getMap(OWN.status).get('refused')).toMatchObject({ message: 'You have 3 dots: your dots were not changed.' }));
    r.dots(r.own.doc, { k1: 1, elsewhere: 1 }, 3);
    await until(() => expect(r.own.doc.getMap(OWN.status).get('refused')).toMatchObject({ message: expect.stringContaining('not part of this vote') }));
    expect(await r.votes()).toEqual(['k1']);
    await db.sessions.put({ ...r.ex, closedAt: 1_700_000_100_000 });
    await until(() => expect(r.published()?.closed).toBe(true));
    r.dots(r.own.doc, { k3: 1 }, 4);
    await until(() => expect(r.own.doc.getMap(OWN.status).get('refused')).toMatchObject({ message: 'Voting has closed: your dots were not changed.' }));
    expect(await r.votes()).toEqual(['k1']);
    expect(useRoom.getState().refused).toBe(3);
  });
});
