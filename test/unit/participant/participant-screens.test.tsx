// The participant page's screens in jsdom, with Y.Docs built in the test and a fake join API (no
// network): joining by code, picking a person, the room screen's cards, writing only to the own
// document, validation, undo, the facilitator's pause, refusals, and untrusted text shown as text.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import * as Y from 'yjs';
import { OWN, SHARED, type DeviceCard, type PublishedCard } from '../../../src-renderer/domain/room';
import { ParticipantApp } from '../../../src-renderer/participant/participant-app';
import { RoomScreen } from '../../../src-renderer/participant/room-screen';
import { identityForRoomToken, saveIdentity, type ConnectionFacts, type Identity, type StorageLike } from '../../../src-renderer/participant/participant-model';
import type { ApiResult, JoinApi } from '../../../src-renderer/participant/join-api';
import type { RoomConnection } from '../../../src-renderer/participant/room-connection';

afterEach(cleanup);

const ROOM_TOKEN = 'R'.repeat(22);
const identity: Identity = { roomId: 'room1', roomToken: ROOM_TOKEN, participantId: 'me', token: 'T'.repeat(22), name: 'Ana Lima', title: 'Bike workshop' };
const connected: ConnectionFacts = { socket: 'connected', failedOnce: false, denied: null };

function sharedDoc(cards: PublishedCard[] = []): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap(SHARED.room).set('title', 'Bike workshop');
    doc.getMap(SHARED.room).set('journey', {
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
    });
    doc.getMap(SHARED.roster).set('ben', { name: 'Ben Okafor', online: 1, removed: false, joinedAt: 1 });
    for (const c of cards) doc.getMap(SHARED.cards).set(c.id, c);
  });
  return doc;
}
const ownEntries = (own: Y.Doc) => [...own.getMap<DeviceCard>(OWN.cards).values()];

function renderRoom(shared: Y.Doc, own: Y.Doc, facts: ConnectionFacts = connected) {
  const calls = { notYou: 0 };
  const view = render(<RoomScreen identity={identity} shared={shared} own={own} facts={facts} onNotYou={() => calls.notYou++} onRejoin={() => {}} now={() => 1234} />);
  return { calls, view };
}
const lane = (name: string) => screen.getByRole('region', { name });

describe('room screen', () => {
  it('shows the title, who you are, the status, the stage tabs and the cards of the first stage', () => {
    renderRoom(sharedDoc([{ id: 'b1', stageId: 's1', laneId: 'l1', text: 'Reads reviews', order: 1, authorId: 'ben' }]), new Y.Doc());
    expect(screen.getByRole('heading', { level: 1, name: 'Bike workshop' })).toBeTruthy();
    expect(screen.getByText('Ana Lima')).toBeTruthy();
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Connected')).toBe(true);
    expect(screen.getByRole('tab', { name: 'Aware' }).getAttribute('aria-selected')).toBe('true');
    const actions = within(lane('Actions'));
    expect(actions.getByText('Reads reviews')).toBeTruthy();
    expect(actions.getByText('Ben Okafor')).toBeTruthy();
    expect(within(lane('Pains')).getByText('No cards yet.')).toBeTruthy();
  });

  it('moves between stages with the arrow keys', () => {
    renderRoom(sharedDoc([{ id: 'x', stageId: 's2', laneId: 'l2', text: 'Pays online', order: 1, authorId: null }]), new Y.Doc());
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Aware' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Buy' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Buy' }));
    expect(within(lane('Pains')).getByText('Pays online')).toBeTruthy();
    expect(within(lane('Pains')).getByText('Facilitator')).toBeTruthy();
  });

  it('adds a card to the own document only, shows it as sending, and validates the text first', () => {
    const shared = sharedDoc();
    const own = new Y.Doc();
    const before = Y.encodeStateAsUpdate(shared);
    renderRoom(shared, own);
    fireEvent.click(screen.getByRole('button', { name: 'Add card to Pains' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert').textContent).toBe('Write something on the card first.');
    const box = screen.getByRole('textbox', { name: 'New card in Pains' });
    fireEvent.change(box, { target: { value: 'x'.repeat(501) } });
    expect(screen.getByRole('alert').textContent).toMatch(/limited to 500/);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(ownEntries(own)).toEqual([]);
    expect((box as HTMLTextAreaElement).value).toHaveLength(501);
    fireEvent.change(box, { target: { value: 'No test rides' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(ownEntries(own)).toEqual([expect.objectContaining({ journeyId: 'j1', stageId: 's1', laneId: 'l2', text: 'No test rides', rev: 1, createdAt: 1234 })]);
    expect(ownEntries(own)[0]!.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(within(lane('Pains')).getByText('Sending…')).toBeTruthy();
    expect(within(lane('Pains')).getByText('You')).toBeTruthy();
    // Nothing was written to the shared document.
    expect(Y.encodeStateAsUpdate(shared)).toEqual(before);
  });

  it('edits and deletes own cards as new revs, and undoes each step', () => {
    const card: DeviceCard = { id: 'mine', journeyId: 'j1', stageId: 's1', laneId: 'l1', text: 'First', rev: 1, createdAt: 1 };
    const shared = sharedDoc([{ id: 'mine', stageId: 's1', laneId: 'l1', text: 'First', order: 1, authorId: 'me' }]);
    const own = new Y.Doc();
    own.getMap(OWN.cards).set('mine', card);
    renderRoom(shared, own);
    expect(within(lane('Actions')).queryByText('Sending…')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Edit card: First' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Edit your card' }), { target: { value: 'Second' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(ownEntries(own)).toEqual([{ ...card, text: 'Second', rev: 2 }]);
    expect(within(lane('Actions')).getByText('Sending…')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete card: Second' }));
    expect(ownEntries(own)).toEqual([{ ...card, text: 'Second', rev: 3, deleted: true }]);
    expect(within(lane('Actions')).queryByText('Second')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Undo delete' }));
    expect(ownEntries(own)).toEqual([{ ...card, text: 'Second', rev: 4 }]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo edit' }));
    expect(ownEntries(own)).toEqual([{ ...card, text: 'First', rev: 5 }]);
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  });

  it('pauses input when the room is locked, and shows refusals and removed cards', () => {
    const shared = sharedDoc();
    const own = new Y.Doc();
    own.getMap(OWN.cards).set('gone', { id: 'gone', journeyId: 'j1', stageId: 's1', laneId: 'l1', text: 'Off topic', rev: 2, createdAt: 1, removed: true });
    own.getMap(OWN.status).set('refused', { cardId: 'x', message: 'A card was too long for the room.', at: 1 });
    renderRoom(shared, own);
    expect(within(lane('Actions')).getByText('Removed by the facilitator')).toBeTruthy();
    expect(within(lane('Actions')).queryByRole('button', { name: /Edit card/ })).toBeNull();
    expect(screen.getByText('A card was too long for the room.')).toBeTruthy();
    act(() => shared.getMap(SHARED.room).set('locked', true));
    expect(screen.getByText('The facilitator has paused input')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Add card to Actions' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says offline and keeps cards addable; says removed and stops input', () => {
    const shared = sharedDoc();
    const { view } = renderRoom(shared, new Y.Doc(), { socket: 'connecting', failedOnce: true, denied: null });
    expect(screen.getByText('Offline — your cards are kept and sent when you are back')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Add card to Actions' }) as HTMLButtonElement).disabled).toBe(false);
    act(() => shared.getMap(SHARED.roster).set('me', { name: 'Ana Lima', online: 0, removed: true, joinedAt: 1 }));
    view.rerender(<RoomScreen identity={identity} shared={shared} own={new Y.Doc()} facts={connected} onNotYou={() => {}} onRejoin={() => {}} />);
    expect(screen.getByText('You were removed from the room')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Add card to Actions' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('renders hostile text as text', () => {
    const evil = '<img src=x onerror="alert(1)"><b>bold</b>';
    const shared = sharedDoc([{ id: 'e', stageId: 's1', laneId: 'l1', text: evil, order: 1, authorId: 'ben' }]);
    shared.getMap(SHARED.room).set('title', '<script>alert(1)</script>');
    const { view } = renderRoom(shared, new Y.Doc());
    expect(screen.getByText(evil)).toBeTruthy();
    expect(view.container.querySelector('img, b, script')).toBeNull();
  });

  it('waits for the journey', () => {
    const shared = new Y.Doc();
    renderRoom(shared, new Y.Doc());
    expect(screen.getByText('Waiting for the facilitator to share the journey.')).toBeTruthy();
  });
});

// --- The whole flow -------------------------------------------------------------------------

function memoryStorage(): StorageLike {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

function fakeConnect(shared: Y.Doc) {
  const opened: Identity[] = [];
  const connect = (id: Identity): RoomConnection => {
    opened.push(id);
    return { shared, own: new Y.Doc(), loaded: Promise.resolve(), facts: () => connected, subscribe: () => () => {}, retry: () => {}, destroy: () => {} };
  };
  return { connect, opened };
}

const ok = <T,>(value: T): Promise<ApiResult<T>> => Promise.resolve({ ok: true, value });
const fail = (message: string): Promise<ApiResult<never>> => Promise.resolve({ ok: false, message });

function fakeApi(): JoinApi & { entered: unknown[] } {
  const entered: unknown[] = [];
  return {
    entered,
    code: (code: string) => (code === 'KX4P7M' ? ok({ roomToken: ROOM_TOKEN }) : fail('That code is not right.')),
    room: () => ok({ roomId: 'room1', title: 'Bike workshop', people: [{ id: 'ana', name: 'Ana Lima' }, { id: 'ben', name: 'Ben Okafor' }] }),
    enter: (req: { roomToken: string; name: string; participantId?: string }) => {
      entered.push(req);
      return ok({ roomId: 'room1', participantId: req.participantId ?? 'new1', token: 'T'.repeat(22) });
    },
  };
}

describe('joining', () => {
  it('goes from a join code to the name picker to the room, remembering who this phone is', async () => {
    const storage = memoryStorage();
    const api = fakeApi();
    const { connect, opened } = fakeConnect(sharedDoc());
    const remembered: string[] = [];
    render(<ParticipantApp api={api} storage={storage} connect={connect} initialHash="" rememberToken={(t) => remembered.push(t)} />);

    fireEvent.change(screen.getByRole('textbox', { name: 'Join code' }), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/6 letters and digits/);
    fireEvent.change(screen.getByRole('textbox', { name: 'Join code' }), { target: { value: 'kx4-p7n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect((await screen.findByText('That code is not right.')).getAttribute('role')).toBe('alert');
    fireEvent.change(screen.getByRole('textbox', { name: 'Join code' }), { target: { value: 'kx4-p7m' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));

    await screen.findByRole('heading', { name: 'Who are you?' });
    expect(remembered).toEqual([ROOM_TOKEN]);
    fireEvent.click(screen.getByRole('button', { name: 'Someone else' }));
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.getByRole('alert').textContent).toBe('Type your name first.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Your name' }), { target: { value: '  Dana  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));

    await screen.findByText('Dana');
    expect(api.entered).toEqual([{ roomToken: ROOM_TOKEN, name: 'Dana' }]);
    expect(opened.map((i) => i.participantId)).toEqual(['new1']);
    expect(identityForRoomToken(storage, ROOM_TOKEN)).toMatchObject({ participantId: 'new1', name: 'Dana', roomId: 'room1' });
  });

  it('goes straight back into the room with a stored identity, and "Not you?" asks again', async () => {
    const storage = memoryStorage();
    saveIdentity(storage, identity);
    const api = fakeApi();
    const { connect, opened } = fakeConnect(sharedDoc());
    render(<ParticipantApp api={api} storage={storage} connect={connect} initialHash={`#t=${ROOM_TOKEN}`} rememberToken={() => {}} />);
    await screen.findByText('Ana Lima');
    expect(opened).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Not you?' }));
    await screen.findByRole('heading', { name: 'Who are you?' });
    expect(identityForRoomToken(storage, ROOM_TOKEN)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ben Okafor' }));
    await screen.findByText('Ben Okafor');
    expect(api.entered).toEqual([{ roomToken: ROOM_TOKEN, name: 'Ben Okafor', participantId: 'ben' }]);
  });

  it('shows why a join link failed, with a way to try again', async () => {
    const api = { ...fakeApi(), room: () => fail('This join link is not valid any more.') };
    render(<ParticipantApp api={api} storage={memoryStorage()} connect={fakeConnect(new Y.Doc()).connect} initialHash={`#t=${ROOM_TOKEN}`} rememberToken={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toBe('This join link is not valid any more.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
