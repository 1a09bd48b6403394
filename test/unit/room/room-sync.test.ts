// @vitest-environment node
// The room server's documents: who may open which, lock, revoke, caps and hostile frames, with
// real Hocuspocus providers (as the facilitator's app and the participant page use them) and raw
// WebSocket clients, all on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { participantDocName, sharedDocName, type RosterEntry } from '../../../src-renderer/domain/room';
import { RoomHost } from '../../../src-main/room/room-server';
import { authFrame, closeAll, device, enter, frame, openRoom, post, rawClient } from './room-helpers';

afterEach(closeAll);

const wait = { timeout: 5_000, interval: 20 };

describe('opening and closing', () => {
  it('gives tokens, a code and loopback addresses, and the same room for the same workshop', async () => {
    const { host, info } = await openRoom();
    expect(info.roomToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(info.hostToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(info.hostToken).not.toBe(info.roomToken);
    expect(info.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(info.joinUrls).toEqual([`http://127.0.0.1:${info.port}/#t=${info.roomToken}`]);
    expect(info.hostWsUrl).toBe(`ws://127.0.0.1:${info.port}/ws`);
    expect(host.status()).toEqual(info);
    expect(await host.open({ workshopId: 'w1', title: 'Renamed', people: [] })).toEqual(info);

    const other = await host.open({ workshopId: 'w2', title: 'Other', people: [] });
    expect(other.roomId).not.toBe(info.roomId);
    expect(other.hostToken).not.toBe(info.hostToken);
    if (other.port !== info.port) {
      await expect(fetch(`http://127.0.0.1:${info.port}/`)).rejects.toThrow();
    }
  });

  it('serialises concurrent opens, validates requests and listens only on 0.0.0.0 or 127.0.0.1', async () => {
    const { host, info } = await openRoom();
    const same = { workshopId: 'w1', title: 'Service safari', people: [] };
    const [a, b] = await Promise.all([host.open(same), host.open(same)]);
    expect([a.roomId, b.roomId]).toEqual([info.roomId, info.roomId]);
    await expect(host.open({ workshopId: '../w', title: '', people: [] })).rejects.toThrow();
    expect(host.status()?.roomId).toBe(info.roomId);
    expect(() => new RoomHost({ participantDir: '.', listenHost: '192.168.1.2' as '0.0.0.0' })).toThrow(/0\.0\.0\.0 or 127\.0\.0\.1/);
  });

  it('close: the port refuses connections, status is empty, and the old tokens open nothing', async () => {
    const { host, info } = await openRoom();
    const hostDevice = device(info, info.hostToken);
    const shared = hostDevice.open(sharedDocName(info.roomId));
    await vi.waitFor(() => expect(shared.scope()).toBe('read-write'), wait);
    await host.close();
    expect(host.status()).toBeNull();
    const refused = await fetch(`http://127.0.0.1:${info.port}/`).then(
      () => null,
      (error: Error & { cause?: { code?: string } }) => error.cause?.code,
    );
    expect(refused).toBe('ECONNREFUSED');
    // The same workshop opened again is a new room: the old host token opens nothing in it.
    const again = await host.open({ workshopId: 'w1', title: 'Again', people: [] });
    expect(again.roomId).not.toBe(info.roomId);
    const stale = device(again, info.hostToken).open(sharedDocName(again.roomId));
    await vi.waitFor(() => expect(stale.denied()).toBe('permission-denied'), wait);
    expect(() => host.revoke('ana')).not.toThrow();
    await host.close();
    expect(() => host.setLocked(true)).toThrow('No room is open.');
  });
});

describe('who may open which document', () => {
  it('the host token opens every document read-write; a participant token opens its own read-write and the shared one read-only', async () => {
    const { info, base } = await openRoom();
    const ana = await enter(base, info, { name: 'Ana', participantId: 'ana' });
    const ben = await enter(base, info, { name: 'Ben', participantId: 'ben' });

    const hostDevice = device(info, info.hostToken);
    const hostShared = hostDevice.open(sharedDocName(info.roomId));
    const hostAna = hostDevice.open(participantDocName(info.roomId, ana.participantId));
    await vi.waitFor(() => expect([hostShared.scope(), hostAna.scope()]).toEqual(['read-write', 'read-write']), wait);

    const phone = device(info, ana.token);
    const own = phone.open(participantDocName(info.roomId, ana.participantId));
    const shared = phone.open(sharedDocName(info.roomId));
    await vi.waitFor(() => expect([own.scope(), shared.scope()]).toEqual(['read-write', 'readonly']), wait);

    // The participant's card reaches the host; the host's publication reaches the participant.
    own.doc.getMap('cards').set('c1', { text: 'Long queue' });
    await vi.waitFor(() => expect(hostAna.doc.getMap('cards').get('c1')).toEqual({ text: 'Long queue' }), wait);
    hostShared.doc.getMap('room').set('journey', { id: 'j1' });
    await vi.waitFor(() => expect(shared.doc.getMap('room').get('journey')).toEqual({ id: 'j1' }), wait);

    // A write to the shared document is not applied: the later write to its own document (same
    // socket, handled in order) arrives, the shared one never does.
    shared.doc.getMap('cards').set('forged', { text: 'by Ana' });
    own.doc.getMap('cards').set('c2', { text: 'after' });
    await vi.waitFor(() => expect(hostAna.doc.getMap('cards').get('c2')).toEqual({ text: 'after' }), wait);
    expect(hostShared.doc.getMap('cards').get('forged')).toBeUndefined();

    // The server wrote the room's title and lock state, and the roster with Ana online.
    expect(hostShared.doc.getMap('room').get('title')).toBe('Service safari');
    expect(hostShared.doc.getMap('room').get('locked')).toBe(false);
    const roster = () => hostShared.doc.getMap<RosterEntry>('roster');
    await vi.waitFor(() => expect(roster().get('ana')).toMatchObject({ name: 'Ana', online: 1, removed: false, joinedAt: 1_700_000_000_000 }), wait);
    expect(roster().get('ben')).toMatchObject({ online: 0 });
    phone.destroy();
    await vi.waitFor(() => expect(roster().get('ana')?.online).toBe(0), wait);

    // Ben may not open Ana's document.
    const intruder = device(info, ben.token);
    const stolen = intruder.open(participantDocName(info.roomId, ana.participantId));
    await vi.waitFor(() => expect(stolen.denied()).toBe('permission-denied'), wait);
    expect(stolen.doc.getMap('cards').size).toBe(0);
  });

  it('refuses a forged token and another room’s document', async () => {
    const { info, base } = await openRoom();
    const ana = await enter(base, info, { name: 'Ana', participantId: 'ana' });

    const forged = device(info, randomBytes(16).toString('base64url'));
    const forgedShared = forged.open(sharedDocName(info.roomId));
    await vi.waitFor(() => expect(forgedShared.denied()).toBe('permission-denied'), wait);

    // Another room's document, with a valid host token: the frame names a room this server does not run.
    const raw = await rawClient(info);
    raw.ws.send(authFrame(sharedDocName('otherRoom'), info.hostToken));
    await vi.waitFor(() => expect(raw.closed()).toBe(true), wait);

    // The same token for this room's document works.
    const good = device(info, ana.token);
    const own = good.open(participantDocName(info.roomId, ana.participantId));
    await vi.waitFor(() => expect(own.scope()).toBe('read-write'), wait);
  });
});

describe('lock and revoke', () => {
  it('lock makes participant writes not apply; unlock brings them and later ones in', async () => {
    const { host, info, base } = await openRoom();
    const ana = await enter(base, info, { name: 'Ana', participantId: 'ana' });
    const hostDevice = device(info, info.hostToken);
    const hostShared = hostDevice.open(sharedDocName(info.roomId));
    const hostAna = hostDevice.open(participantDocName(info.roomId, ana.participantId));
    const phone = device(info, ana.token);
    const own = phone.open(participantDocName(info.roomId, ana.participantId));
    await vi.waitFor(() => expect([hostShared.scope(), hostAna.scope(), own.scope()]).toEqual(['read-write', 'read-write', 'read-write']), wait);

    expect(host.setLocked(true).locked).toBe(true);
    await vi.waitFor(() => expect(hostShared.doc.getMap('room').get('locked')).toBe(true), wait);
    own.doc.getMap('cards').set('during', { text: 'typed while locked' });
    // The host's own write still goes through and comes back to the phone: the locked write was handled before it.
    hostAna.doc.getMap('status').set('ping', 1);
    await vi.waitFor(() => expect(own.doc.getMap('status').get('ping')).toBe(1), wait);
    expect(hostAna.doc.getMap('cards').get('during')).toBeUndefined();

    // A connection made while locked is read-only from the start.
    const laptop = device(info, ana.token);
    const second = laptop.open(participantDocName(info.roomId, ana.participantId));
    await vi.waitFor(() => expect(second.scope()).toBe('readonly'), wait);

    expect(host.setLocked(false).locked).toBe(false);
    own.doc.getMap('cards').set('after', { text: 'typed after unlock' });
    await vi.waitFor(() => {
      expect(hostAna.doc.getMap('cards').get('after')).toEqual({ text: 'typed after unlock' });
      expect(hostAna.doc.getMap('cards').get('during')).toEqual({ text: 'typed while locked' });
    }, wait);
    expect(hostShared.doc.getMap('room').get('locked')).toBe(false);
  });

  it('revoke ends access at once and the roster says removed', async () => {
    const { host, info, base } = await openRoom();
    const ana = await enter(base, info, { name: 'Ana', participantId: 'ana' });
    const hostDevice = device(info, info.hostToken);
    const hostShared = hostDevice.open(sharedDocName(info.roomId));
    const hostAna = hostDevice.open(participantDocName(info.roomId, ana.participantId));
    const raw = await rawClient(info);
    raw.ws.send(authFrame(participantDocName(info.roomId, ana.participantId), ana.token));
    await vi.waitFor(() => expect(raw.messages.length).toBeGreaterThan(0), wait);
    await vi.waitFor(() => expect(hostShared.doc.getMap<RosterEntry>('roster').get('ana')?.online).toBe(1), wait);

    host.revoke('ana');
    await vi.waitFor(() => expect(raw.closed()).toBe(true), wait);
    await vi.waitFor(
      () => expect(hostShared.doc.getMap<RosterEntry>('roster').get('ana')).toMatchObject({ removed: true, online: 0 }),
      wait,
    );
    const phone = device(info, ana.token);
    const own = phone.open(participantDocName(info.roomId, ana.participantId));
    // Refused as removed (the phone says so), not as an unknown token.
    await vi.waitFor(() => expect(own.denied()).toBe('removed'), wait);
    expect(hostAna.scope()).toBe('read-write');

    // Ana cannot come back as herself, nor is she offered on the join page.
    const back = await post(base, '/api/enter', { roomToken: info.roomToken, name: 'Ana', participantId: 'ana' });
    expect(back.status).toBe(403);
    const room = await post(base, '/api/room', { roomToken: info.roomToken });
    expect(room.body.people).toEqual([{ id: 'ben', name: 'Ben' }]);
  });
});

describe('caps and hostile clients', () => {
  it('closes a connection that sends an oversized message or floods', async () => {
    const { info, base } = await openRoom({ messageBytes: 4_096, messagesPer10s: 20 });
    const ana = await enter(base, info, { name: 'Ana', participantId: 'ana' });
    const own = participantDocName(info.roomId, ana.participantId);

    const big = await rawClient(info);
    big.ws.send(authFrame(own, ana.token));
    big.ws.send(frame(own, 1, new Uint8Array(8_000)));
    await vi.waitFor(() => expect(big.closed()).toBe(true), wait);

    const flood = await rawClient(info);
    flood.ws.send(authFrame(own, ana.token));
    await vi.waitFor(() => expect(flood.messages.length).toBeGreaterThan(0), wait);
    for (let i = 0; i < 25; i++) flood.ws.send(frame(own, 3)); // query awareness: valid, just too many
    await vi.waitFor(() => expect(flood.closed()).toBe(true), wait);
  });

  it('caps participants per room and connections per participant', async () => {
    const { info, base } = await openRoom({ participants: 2, connectionsPerParticipant: 1 });
    const ana = await enter(base, info, { name: 'Ana', participantId: 'ana' });
    await enter(base, info, { name: 'Carla' });
    const full = await post(base, '/api/enter', { roomToken: info.roomToken, name: 'Dan' });
    expect(full.status).toBe(409);
    expect(full.body.error).toMatch(/full/);
    // Someone already in may come back from another device.
    expect((await enter(base, info, { name: 'Ana', participantId: 'ana' })).token).toBe(ana.token);

    const phone = device(info, ana.token);
    const first = phone.open(participantDocName(info.roomId, 'ana'));
    await vi.waitFor(() => expect(first.scope()).toBe('read-write'), wait);
    const laptop = device(info, ana.token);
    const second = laptop.open(participantDocName(info.roomId, 'ana'));
    await vi.waitFor(() => expect(second.denied()).toBe('too-many-connections'), wait);
  });

  it('cuts off garbage, malformed Yjs and foreign-room frames while a good client keeps syncing', async () => {
    const { info, base } = await openRoom();
    const ana = await enter(base, info, { name: 'Ana', participantId: 'ana' });
    const ben = await enter(base, info, { name: 'Ben', participantId: 'ben' });
    const hostDevice = device(info, info.hostToken);
    const hostAna = hostDevice.open(participantDocName(info.roomId, ana.participantId));
    const phone = device(info, ana.token);
    const own = phone.open(participantDocName(info.roomId, ana.participantId));
    await vi.waitFor(() => expect([hostAna.scope(), own.scope()]).toEqual(['read-write', 'read-write']), wait);
    const benDoc = participantDocName(info.roomId, ben.participantId);
    const authenticated = async () => {
      const raw = await rawClient(info);
      raw.ws.send(authFrame(benDoc, ben.token));
      await vi.waitFor(() => expect(raw.messages.length).toBeGreaterThan(0), wait);
      return raw;
    };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const garbage = await rawClient(info);
    garbage.ws.send(randomBytes(600));
    const malformed = await authenticated();
    malformed.ws.send(frame(benDoc, 0, 2, randomBytes(64))); // a sync update that is not one
    const foreign = await authenticated();
    foreign.ws.send(frame(sharedDocName('someOtherRoom'), 0, 0, new Uint8Array([0])));
    const text = await authenticated();
    text.ws.send('hello');
    const otherPerson = await authenticated();
    otherPerson.ws.send(frame(participantDocName(info.roomId, 'ana'), 0, 0, new Uint8Array([0])));
    const stateless = await authenticated();
    stateless.ws.send(frame(benDoc, 6, 'to everyone'));
    await vi.waitFor(() => {
      expect([garbage, malformed, foreign, text, otherPerson, stateless].map((c) => c.closed())).toEqual([true, true, true, true, true, true]);
    }, wait);

    own.doc.getMap('cards').set('still', { text: 'here' });
    await vi.waitFor(() => expect(hostAna.doc.getMap('cards').get('still')).toEqual({ text: 'here' }), wait);
    expect(Y.encodeStateAsUpdate(hostAna.doc).length).toBeGreaterThan(0);
    errors.mockRestore();
  });

  it('counts what a device queues for a document it closed, and cuts it off past the cap', async () => {
    const { info, base } = await openRoom({ pendingMessages: 5 });
    const ana = await enter(base, info, { name: 'Ana', participantId: 'ana' });
    const own = participantDocName(info.roomId, ana.participantId);
    const raw = await rawClient(info);
    raw.ws.send(authFrame(own, ana.token));
    await vi.waitFor(() => expect(raw.messages.length).toBeGreaterThan(0), wait);
    // Authenticated: more than five frames are fine while the document is open.
    for (let i = 0; i < 8; i++) raw.ws.send(frame(own, 3));
    raw.ws.send(frame(own, 7)); // the device closes the document…
    // The server's close message for it: [name length][name][7 = close]…
    await vi.waitFor(() => expect(raw.messages.some((m) => m[0] === own.length && m[own.length + 1] === 7)).toBe(true), wait);
    expect(raw.closed()).toBe(false);
    // …then sends without a token: Hocuspocus would hold these until one comes.
    for (let i = 0; i < 8; i++) raw.ws.send(frame(own, 3));
    await vi.waitFor(() => expect(raw.closed()).toBe(true), wait);
  });

  it('ends a socket that stops answering pings, and the roster shows the person offline', async () => {
    const { info, base } = await openRoom({ pingMs: 100 });
    const ana = await enter(base, info, { name: 'Ana', participantId: 'ana' });
    const ben = await enter(base, info, { name: 'Ben', participantId: 'ben' });
    const hostShared = device(info, info.hostToken).open(sharedDocName(info.roomId));
    const gone = await rawClient(info, { autoPong: false });
    gone.ws.send(authFrame(participantDocName(info.roomId, ana.participantId), ana.token));
    const here = device(info, ben.token);
    const benDoc = here.open(participantDocName(info.roomId, ben.participantId));
    const roster = () => hostShared.doc.getMap<RosterEntry>('roster');
    await vi.waitFor(() => expect([roster().get('ana')?.online, roster().get('ben')?.online]).toEqual([1, 1]), wait);
    await vi.waitFor(() => expect(gone.closed()).toBe(true), wait);
    await vi.waitFor(() => expect(roster().get('ana')?.online).toBe(0), wait);
    // The one that answers stays, through the same ping rounds.
    expect(roster().get('ben')?.online).toBe(1);
    expect(benDoc.scope()).toBe('read-write');
  });

  it('keeps documents in memory while nobody is connected', async () => {
    const { info, base } = await openRoom();
    const ana = await enter(base, info, { name: 'Ana', participantId: 'ana' });
    const phone = device(info, ana.token);
    const own = phone.open(participantDocName(info.roomId, ana.participantId));
    own.doc.getMap('cards').set('c1', { text: 'written before the facilitator looked' });
    await vi.waitFor(() => expect(own.provider.hasUnsyncedChanges).toBe(false), wait);
    await vi.waitFor(() => expect(own.scope()).toBe('read-write'), wait);
    phone.destroy();
    // The facilitator's page (re)connects later: the card is there.
    const hostAna = device(info, info.hostToken).open(participantDocName(info.roomId, ana.participantId));
    await vi.waitFor(() => expect(hostAna.doc.getMap('cards').get('c1')).toEqual({ text: 'written before the facilitator looked' }), wait);
  });

  it('ends a socket that never presents a token', async () => {
    const { info } = await openRoom({ authMs: 200 });
    const idle = await rawClient(info);
    await vi.waitFor(() => expect(idle.closed()).toBe(true), wait);
  });
});
