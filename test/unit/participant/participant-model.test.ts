// The participant page's pure model: reading untrusted room documents, the cells a phone shows,
// the entries it writes (revs), its undo, its stored identity, its status, and the join API client.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { OWN, SHARED, deviceCardSchema, roomLimits, type DeviceCard, type PublishedCard } from '../../../src-renderer/domain/room';
import { journeyLimits } from '../../../src-renderer/domain/journey';
import {
  IDENTITY_KEY_PREFIX,
  UNDO_DEPTH,
  addCardProblem,
  cardInputProblem,
  colourIndex,
  deletedCard,
  editedCard,
  forgetIdentity,
  identityForRoomToken,
  loadIdentity,
  newCard,
  pushUndo,
  randomId,
  readOwn,
  readShared,
  roomStatus,
  roomTokenFromHash,
  saveIdentity,
  stageLanes,
  undoneCard,
  viewCaps,
  writeOwnCards,
  type ConnectionFacts,
  type Identity,
  type StorageLike,
  type UndoStep,
} from '../../../src-renderer/participant/participant-model';
import { joinApi, unreachableMessage } from '../../../src-renderer/participant/join-api';

const journey = {
  id: 'j1',
  name: 'Buying a bike',
  stages: [
    { id: 's1', name: 'Aware' },
    { id: 's2', name: 'Buy' },
  ],
  lanes: [
    { id: 'l1', name: 'Actions' },
    { id: 'l2', name: 'Pains' },
  ],
};
const pub = (id: string, laneId: string, order: number, authorId: string | null, text = id, stageId = 's1'): PublishedCard => ({ id, stageId, laneId, text, order, authorId });
const dev = (id: string, over: Partial<DeviceCard> = {}): DeviceCard => ({ id, journeyId: 'j1', stageId: 's1', laneId: 'l1', text: id, rev: 1, createdAt: 1000, ...over });

function sharedDoc(cards: readonly PublishedCard[], extra?: (doc: Y.Doc) => void): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const room = doc.getMap(SHARED.room);
    room.set('title', 'Bike workshop');
    room.set('journey', journey);
    const roster = doc.getMap(SHARED.roster);
    roster.set('ben', { name: 'Ben', online: 1, removed: false, joinedAt: 1 });
    roster.set('me', { name: 'Ana', online: 1, removed: false, joinedAt: 1 });
    const map = doc.getMap(SHARED.cards);
    for (const c of cards) map.set(c.id, c);
    extra?.(doc);
  });
  return doc;
}
function ownDoc(cards: readonly DeviceCard[]): Y.Doc {
  const doc = new Y.Doc();
  const map = doc.getMap(OWN.cards);
  for (const c of cards) map.set(c.id, c);
  return doc;
}
const lanesOf = (shared: Y.Doc, own: Y.Doc, stage = 's1') => stageLanes(readShared(shared), readOwn(own), 'me', stage);
const summary = (shared: Y.Doc, own: Y.Doc, stage = 's1') =>
  lanesOf(shared, own, stage).map((l) => [l.laneId, l.items.map((i) => `${i.text}:${i.state}:${i.author}${i.editable ? ':E' : ''}`)]);

describe('reading the room documents', () => {
  it('keeps only well-formed entries whose key is their id', () => {
    const doc = sharedDoc([pub('a', 'l1', 1, null)], (d) => {
      const cards = d.getMap(SHARED.cards);
      cards.set('wrongkey', pub('other', 'l1', 2, null));
      cards.set('bad', { id: 'bad', stageId: 's1', laneId: 'l1', text: 42, order: 1, authorId: null });
      cards.set('bad2', '<script>');
      d.getMap(SHARED.roster).set('x y', { name: 'Bad key', online: 0, removed: false, joinedAt: 0 });
      d.getMap(SHARED.roster).set('z', { name: 'No fields' });
    });
    const view = readShared(doc);
    expect(view.cards.map((c) => c.id)).toEqual(['a']);
    expect([...view.roster.keys()].sort()).toEqual(['ben', 'me']);
    expect(view.title).toBe('Bike workshop');
    expect(view.locked).toBe(false);
  });

  it('treats a malformed journey, title or lock as absent', () => {
    const doc = new Y.Doc();
    const room = doc.getMap(SHARED.room);
    room.set('title', { evil: true });
    room.set('journey', { id: 'j1', name: 'x', stages: 'nope', lanes: [] });
    room.set('locked', 'yes');
    const view = readShared(doc);
    expect(view).toMatchObject({ title: '', journey: null, locked: false, closing: false });
  });

  it('reads at most the capped number of shared cards', () => {
    const doc = new Y.Doc();
    const map = doc.getMap(SHARED.cards);
    doc.transact(() => {
      for (let i = 0; i < viewCaps.sharedCards + 50; i++) map.set(`c${i}`, pub(`c${i}`, 'l1', i, null));
    });
    expect(readShared(doc).cards).toHaveLength(viewCaps.sharedCards);
  });

  it('reads own entries and the refusal note, dropping malformed ones', () => {
    const doc = ownDoc([dev('a')]);
    doc.getMap(OWN.cards).set('b', { ...dev('b'), rev: 0 });
    doc.getMap(OWN.cards).set('c', { ...dev('c'), extra: 1 });
    doc.getMap(OWN.status).set('refused', { cardId: 'a', message: 'Too long for the room', at: 5 });
    const view = readOwn(doc);
    expect([...view.cards.keys()]).toEqual(['a']);
    expect(view.refused?.message).toBe('Too long for the room');
    doc.getMap(OWN.status).set('refused', { message: 7 });
    expect(readOwn(doc).refused).toBeNull();
  });
});

describe('the cells of a stage', () => {
  it('shows the room cards of the stage in order, with their authors', () => {
    const shared = sharedDoc([pub('b', 'l1', 2, 'ben'), pub('a', 'l1', 1, null), pub('c', 'l2', 1, 'gone'), pub('x', 'l1', 0, null, 'x', 's2')]);
    expect(summary(shared, ownDoc([]))).toEqual([
      ['l1', ['a:shared:Facilitator', 'b:shared:Ben']],
      ['l2', ['c:shared:A participant']],
    ]);
    expect(summary(shared, ownDoc([]), 's2')).toEqual([['l1', ['x:shared:Facilitator']], ['l2', []]]);
  });

  it('marks own cards, shows unsent ones and newer text as sending, hides own deletions at once', () => {
    const shared = sharedDoc([pub('mine1', 'l1', 1, 'me', 'same'), pub('mine2', 'l1', 2, 'me', 'old text'), pub('mine3', 'l2', 1, 'me', 'gone soon')]);
    const own = ownDoc([
      dev('mine1', { text: 'same' }),
      dev('mine2', { text: 'new text', rev: 2 }),
      dev('mine3', { laneId: 'l2', text: 'gone soon', deleted: true, rev: 2 }),
      dev('later', { text: 'later', createdAt: 3000 }),
      dev('earlier', { text: 'earlier', createdAt: 2000 }),
      dev('otherjourney', { journeyId: 'j0' }),
      dev('deletedunsent', { deleted: true }),
    ]);
    expect(summary(shared, own)).toEqual([
      ['l1', ['same:shared:You:E', 'new text:sending:You:E', 'earlier:sending:You:E', 'later:sending:You:E']],
      ['l2', []],
    ]);
  });

  it('trusts the room’s rev over texts when the room says which rev a card reflects', () => {
    // The facilitator fixed a typo in my card: the room's text is shown, not "Sending…" forever.
    const fixed = sharedDoc([{ ...pub('m', 'l1', 1, 'me', 'Fixed typo'), rev: 2 } as PublishedCard]);
    expect(summary(fixed, ownDoc([dev('m', { text: 'Fxed typo', rev: 2 })]))[0]).toEqual(['l1', ['Fixed typo:shared:You:E']]);
    expect(summary(fixed, ownDoc([dev('m', { text: 'Newer', rev: 3 })]))[0]).toEqual(['l1', ['Newer:sending:You:E']]);
  });

  it('places an own card where the facilitator moved it', () => {
    const shared = sharedDoc([pub('m', 'l2', 1, 'me', 'moved')]);
    expect(summary(shared, ownDoc([dev('m', { text: 'moved', laneId: 'l1' })]))).toEqual([['l1', []], ['l2', ['moved:shared:You:E']]]);
  });

  it('shows cards the facilitator removed, not editable, instead of the room copy', () => {
    const shared = sharedDoc([pub('r', 'l1', 1, 'me', 'rude')]);
    const lanes = lanesOf(shared, ownDoc([dev('r', { text: 'rude', removed: true, rev: 2 })]));
    expect(lanes[0]!.items).toEqual([expect.objectContaining({ cardId: 'r', state: 'removed', editable: false, mine: true })]);
  });

  it('does not offer editing a card of mine the phone has no entry for', () => {
    const lanes = lanesOf(sharedDoc([pub('m', 'l1', 1, 'me')]), ownDoc([]));
    expect(lanes[0]!.items[0]).toMatchObject({ mine: true, author: 'You', editable: false });
  });

  it('caps the cards rendered per cell and counts the rest', () => {
    const cards = Array.from({ length: viewCaps.cardsPerCell + 7 }, (_, i) => pub(`c${i}`, 'l1', i, null));
    const [lane] = lanesOf(sharedDoc(cards), ownDoc([]));
    expect(lane!.items).toHaveLength(viewCaps.cardsPerCell);
    expect(lane!.hidden).toBe(7);
  });

  it('gives each author a colour from the contract list, the same for the same id', () => {
    expect(colourIndex('ben')).toBe(colourIndex('ben'));
    expect(colourIndex('ben')).toBeGreaterThanOrEqual(0);
  });

  it('has no lanes without a published journey', () => {
    const doc = new Y.Doc();
    expect(stageLanes(readShared(doc), readOwn(ownDoc([])), 'me', 's1')).toEqual([]);
  });
});

describe('writing own cards', () => {
  it('refuses empty text and text over the card limit, never shortening it', () => {
    expect(cardInputProblem('')).toMatch(/Write something/);
    expect(cardInputProblem('  \n ')).toMatch(/Write something/);
    expect(cardInputProblem('x'.repeat(journeyLimits.cardText))).toBeNull();
    expect(cardInputProblem('x'.repeat(journeyLimits.cardText + 1))).toMatch(/limited to 500/);
    // An emoji counts as one character, as the facilitator's editor counts it.
    expect(cardInputProblem('😀'.repeat(journeyLimits.cardText))).toBeNull();
  });

  it('stops adding at the per-participant card cap', () => {
    const many = Array.from({ length: roomLimits.cardsPerParticipant }, (_, i) => dev(`c${i}`));
    expect(addCardProblem(readOwn(ownDoc(many.slice(1))))).toBeNull();
    expect(addCardProblem(readOwn(ownDoc(many)))).toMatch(/300 cards/);
  });

  it('makes random base64url ids without randomUUID', () => {
    expect(randomId(16, (a) => a.fill(255))).toBe('_____________________w');
    const a = randomId();
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(randomId()).not.toBe(a);
  });

  it('counts revs up by one per change', () => {
    const card = newCard({ journeyId: 'j1', stageId: 's1', laneId: 'l1' }, 'hi', 5, 'abc');
    expect(card).toEqual({ id: 'abc', journeyId: 'j1', stageId: 's1', laneId: 'l1', text: 'hi', rev: 1, createdAt: 5 });
    const edited = editedCard(card, 'hello');
    expect(edited).toMatchObject({ text: 'hello', rev: 2 });
    expect(deletedCard(edited)).toMatchObject({ text: 'hello', rev: 3, deleted: true });
    expect(deviceCardSchema.safeParse(deletedCard(edited)).success).toBe(true);
  });

  it('writes entries in one transaction and refuses an entry the contract would not accept', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    writeOwnCards(doc, [dev('a'), dev('b')]);
    expect(transactions).toBe(1);
    expect([...readOwn(doc).cards.keys()].sort()).toEqual(['a', 'b']);
    expect(() => writeOwnCards(doc, [dev('c', { text: 'x'.repeat(2001) })])).toThrow();
    expect(readOwn(doc).cards.has('c')).toBe(false);
  });
});

describe('undo on a phone', () => {
  const added = dev('a', { text: 'one', rev: 1 });
  it('undoes an add by deleting, an edit by the previous text, a delete by undeleting: each a new rev', () => {
    expect(undoneCard(added, { cardId: 'a', before: null, label: 'Undo add' })).toEqual({ ...added, deleted: true, rev: 2 });
    const edited = editedCard(added, 'two');
    expect(undoneCard(edited, { cardId: 'a', before: added, label: 'Undo edit' })).toEqual({ ...added, text: 'one', rev: 3 });
    const deleted = deletedCard(edited);
    const undeleted = undoneCard(deleted, { cardId: 'a', before: edited, label: 'Undo delete' })!;
    expect(undeleted).toEqual({ ...edited, rev: 4 });
    expect('deleted' in undeleted).toBe(false);
  });

  it('restores a deleted state when the step before was deleted', () => {
    const deleted = deletedCard(added);
    const revived = editedCard({ ...deleted, deleted: undefined }, 'back');
    expect(undoneCard(revived, { cardId: 'a', before: deleted, label: 'Undo edit' })).toMatchObject({ deleted: true, text: 'one' });
  });

  it('has nothing to undo on a card that is gone or removed by the facilitator', () => {
    const step: UndoStep = { cardId: 'a', before: null, label: 'Undo add' };
    expect(undoneCard(undefined, step)).toBeNull();
    expect(undoneCard({ ...added, removed: true }, step)).toBeNull();
  });

  it('keeps a bounded history', () => {
    let stack: UndoStep[] = [];
    for (let i = 0; i < UNDO_DEPTH + 5; i++) stack = pushUndo(stack, { cardId: `c${i}`, before: null, label: 'Undo add' });
    expect(stack).toHaveLength(UNDO_DEPTH);
    expect(stack.at(-1)!.cardId).toBe(`c${UNDO_DEPTH + 4}`);
  });
});

function memoryStorage(): StorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe('identity on the phone', () => {
  const ana: Identity = { roomId: 'room1', roomToken: 'R'.repeat(22), participantId: 'ana', token: 'T'.repeat(22), name: 'Ana', title: 'Bikes' };
  it('is stored per room and found again from the join link', () => {
    const s = memoryStorage();
    s.setItem('unrelated', 'x');
    saveIdentity(s, ana);
    saveIdentity(s, { ...ana, roomId: 'room2', roomToken: 'Q'.repeat(22), name: 'Ana in another room' });
    expect(loadIdentity(s, 'room1')).toEqual(ana);
    expect(identityForRoomToken(s, 'R'.repeat(22))).toEqual(ana);
    expect(identityForRoomToken(s, 'Z'.repeat(22))).toBeNull();
    forgetIdentity(s, 'room1');
    expect(loadIdentity(s, 'room1')).toBeNull();
    expect(identityForRoomToken(s, 'R'.repeat(22))).toBeNull();
    expect(loadIdentity(s, 'room2')?.name).toBe('Ana in another room');
  });

  it('ignores damaged or mislabelled entries', () => {
    const s = memoryStorage();
    s.setItem(`${IDENTITY_KEY_PREFIX}room1`, '{not json');
    expect(loadIdentity(s, 'room1')).toBeNull();
    s.setItem(`${IDENTITY_KEY_PREFIX}room1`, JSON.stringify({ ...ana, token: 'short' }));
    expect(loadIdentity(s, 'room1')).toBeNull();
    s.setItem(`${IDENTITY_KEY_PREFIX}room9`, JSON.stringify(ana));
    expect(loadIdentity(s, 'room9')).toBeNull();
    expect(identityForRoomToken(s, ana.roomToken)).toBeNull();
  });

  it('reads the room token from the link fragment only when it looks like one', () => {
    const t = 'abcDEF123_-abcDEF123_-';
    expect(roomTokenFromHash(`#t=${t}`)).toBe(t);
    expect(roomTokenFromHash('#t=short')).toBeNull();
    expect(roomTokenFromHash('#x=1')).toBeNull();
    expect(roomTokenFromHash('')).toBeNull();
  });
});

describe('connection status', () => {
  const shared = readShared(sharedDoc([]));
  const facts = (over: Partial<ConnectionFacts> = {}): ConnectionFacts => ({ socket: 'connected', failedOnce: false, denied: null, ...over });
  it('says connected, connecting at first, offline after a drop', () => {
    expect(roomStatus(facts(), shared, 'me')).toBe('connected');
    expect(roomStatus(facts({ socket: 'connecting' }), shared, 'me')).toBe('connecting');
    expect(roomStatus(facts({ socket: 'connecting', failedOnce: true }), shared, 'me')).toBe('offline');
    expect(roomStatus(facts({ socket: 'disconnected', failedOnce: true }), shared, 'me')).toBe('offline');
  });
  it('says closed when the room closes or refuses the token, removed when the roster or the refusal says so', () => {
    expect(roomStatus(facts({ denied: 'permission-denied' }), shared, 'me')).toBe('closed');
    expect(roomStatus(facts(), readShared(sharedDoc([], (d) => d.getMap(SHARED.room).set('closing', true))), 'me')).toBe('closed');
    expect(roomStatus(facts({ denied: 'removed' }), shared, 'me')).toBe('removed');
    const removed = readShared(sharedDoc([], (d) => d.getMap(SHARED.roster).set('me', { name: 'Ana', online: 0, removed: true, joinedAt: 1 })));
    expect(roomStatus(facts(), removed, 'me')).toBe('removed');
  });
});

describe('join API client', () => {
  const answer = (status: number, body: unknown) => async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  it('passes the server’s error message on, capped', async () => {
    expect(await joinApi.code('ABCDEF', answer(400, { error: 'Wrong code' }))).toEqual({ ok: false, message: 'Wrong code' });
    const long = await joinApi.code('ABCDEF', answer(429, { error: 'x'.repeat(5000) }));
    expect(long.ok === false && long.message.length).toBeLessThanOrEqual(301);
    expect(await joinApi.code('ABCDEF', answer(429, 'busy'))).toEqual({ ok: false, message: 'Too many tries. Wait a minute, then try again.' });
  });
  it('refuses an answer of the wrong shape and reports an unreachable room', async () => {
    expect((await joinApi.room('R'.repeat(22), answer(200, { roomId: 'r', title: 'T', people: [{ id: 'bad id', name: 'x' }] }))).ok).toBe(false);
    expect(await joinApi.enter({ roomToken: 'R'.repeat(22), name: 'A' }, async () => Promise.reject(new TypeError('fetch failed')))).toEqual({ ok: false, message: unreachableMessage });
  });
  it('returns a well-formed answer and posts JSON to the contract path', async () => {
    const calls: [string, RequestInit][] = [];
    const res = await joinApi.room('R'.repeat(22), async (url, init) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ roomId: 'room1', title: 'Bikes', people: [{ id: 'ana', name: 'Ana' }] }), { status: 200 });
    });
    expect(res).toEqual({ ok: true, value: { roomId: 'room1', title: 'Bikes', people: [{ id: 'ana', name: 'Ana' }] } });
    expect(calls[0]![0]).toBe('/api/room');
    expect(JSON.parse(String(calls[0]![1].body))).toEqual({ roomToken: 'R'.repeat(22) });
  });
});
