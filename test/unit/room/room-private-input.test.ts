// Private input from the phones, decided before anything is stored: ideas for a silent brainstorm
// round and dots in a dot vote (the mirror's pure decisions), what the room is told about them
// (counts and who is done, never the text or the dots), and what a phone makes of it.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { liveBrainstorm, mirrorDeviceDots, mirrorDeviceIdea, publishBrainstorm, publishVote, withIdeas, type DotsContext, type IdeaContext } from '../../../src-renderer/domain/room-mirror';
import { OWN, SHARED, roomLimits, type DeviceIdea } from '../../../src-renderer/domain/room';
import { brainstormLimits, createBrainstorm, startTimer, type Brainstorm } from '../../../src-renderer/domain/run';
import { createVoteExercise, type Vote, type VoteTarget } from '../../../src-renderer/domain/voting';
import { changedDots, dotsLeftOf, dotsSent, ideaInputProblem, readOwn, readShared, roundLeftMs } from '../../../src-renderer/participant/participant-model';

const T0 = 1_700_000_000_000;
const round: Brainstorm = { ...createBrainstorm('w1', null, 'What gets in the way?', 5, T0), id: 'r1', timer: startTimer({ startedAt: null, pausedAt: null, pausedMs: 0, addedMinutes: 0 }, T0) };
const idea = (over: Partial<DeviceIdea> = {}): DeviceIdea => ({ id: 'i1', brainstormId: 'r1', text: 'Nobody owns the letter', rev: 1, createdAt: T0 + 1, ...over });
const ictx = (over: Partial<IdeaContext> = {}): IdeaContext => ({ participantId: 'p1', round, liveId: 'r1', ownCount: 0, ...over });

describe('ideas from a phone', () => {
  it('a new idea joins the live round with its author and revision; replays skip, newer revisions edit or delete', () => {
    const d = mirrorDeviceIdea(idea({ text: '  Nobody owns the letter ' }), ictx());
    expect(d).toMatchObject({ kind: 'put', created: true, idea: { id: 'i1', text: 'Nobody owns the letter', participantId: 'p1', rev: 1, kept: true } });
    const stored = withIdeas(round, [d as Extract<typeof d, { kind: 'put' }>])!;
    expect(stored.ideas).toHaveLength(1);
    expect(mirrorDeviceIdea(idea(), ictx({ round: stored }))).toEqual({ kind: 'skip' });
    expect(mirrorDeviceIdea(idea({ rev: 2, text: 'Edited' }), ictx({ round: stored }))).toMatchObject({ kind: 'put', created: false, idea: { text: 'Edited', rev: 2 } });
    expect(mirrorDeviceIdea(idea({ rev: 2, deleted: true }), ictx({ round: stored }))).toEqual({ kind: 'delete', id: 'i1' });
    // Someone else's idea (or the facilitator's) with that id is never touched.
    expect(mirrorDeviceIdea(idea({ rev: 5 }), ictx({ round: stored, participantId: 'p2' }))).toMatchObject({ kind: 'refuse' });
  });

  it('refuses after the reveal, outside the live round, empty, too long, markup-shaped objects and over the cap', () => {
    expect(mirrorDeviceIdea(idea(), ictx({ round: { ...round, revealedAt: T0 + 9 } }))).toMatchObject({ kind: 'refuse', message: 'The round has closed: your idea was not added.' });
    expect(mirrorDeviceIdea(idea(), ictx({ liveId: 'other' }))).toMatchObject({ kind: 'refuse' });
    expect(mirrorDeviceIdea(idea(), ictx({ round: undefined }))).toMatchObject({ kind: 'refuse' });
    expect(mirrorDeviceIdea(idea({ text: '   ' }), ictx())).toMatchObject({ kind: 'refuse', message: 'An empty idea was not added.' });
    expect(mirrorDeviceIdea(idea({ text: 'x'.repeat(brainstormLimits.idea + 1) }), ictx())).toMatchObject({ kind: 'refuse' });
    expect(mirrorDeviceIdea({ ...idea(), html: '<img onerror=x>' }, ictx())).toMatchObject({ kind: 'refuse', ideaId: 'i1' });
    expect(mirrorDeviceIdea(idea(), ictx({ ownCount: roomLimits.ideasPerParticipant }))).toMatchObject({ kind: 'refuse' });
  });

  it('the room is told the question, the clock and counts per person, never a text', () => {
    const withTwo = { ...round, ideas: [{ id: 'a', text: 'Secret one', participantId: 'p1', createdAt: T0, kept: true, rev: 1 }, { id: 'b', text: 'Secret two', participantId: 'p1', createdAt: T0, kept: true, rev: 1 }] };
    const pub = publishBrainstorm(withTwo);
    expect(pub).toEqual({ id: 'r1', prompt: 'What gets in the way?', minutes: 5, endsAt: T0 + 5 * 60_000, leftMs: 5 * 60_000, revealed: false, named: false, counts: { p1: 2 } });
    expect(JSON.stringify(pub)).not.toContain('Secret');
    expect(liveBrainstorm([withTwo, { ...round, id: 'r0', createdAt: T0 - 1 }])?.id).toBe('r1');
    // The phone reads it and counts down from the published end.
    const doc = new Y.Doc();
    doc.getMap(SHARED.room).set('brainstorm', pub);
    const seen = readShared(doc).brainstorm!;
    expect(roundLeftMs(seen, T0 + 60_000)).toBe(4 * 60_000);
    expect(ideaInputProblem('  ')).toBe('Write your idea first.');
    expect(ideaInputProblem('x'.repeat(brainstormLimits.idea + 1))).toMatch(/limited/);
  });
});

describe('dots from a phone', () => {
  const ex = { ...createVoteExercise('w1', null, { question: 'Fix first?', sources: ['ideas'], votesPerPerson: 3 }, T0), id: 'v1' };
  const targets: VoteTarget[] = ['t1', 't2', 't3'].map((id) => ({ id, text: id.toUpperCase(), origin: 'Brainstorm' }));
  let n = 0;
  const dctx = (over: Partial<DotsContext> = {}): DotsContext => ({ participantId: 'p1', exercise: ex, liveId: 'v1', targets, stored: [], now: T0, newVoteId: () => `vote${n++}`, ...over });
  const vote = (id: string, targetId: string, createdAt = T0): Vote => ({ id, workshopId: 'w1', exerciseId: 'v1', participantId: 'p1', targetId, createdAt });

  it('stores the difference between the allocation and the stored dots, with the document owner as voter', () => {
    const d = mirrorDeviceDots({ id: 'v1', rev: 1, dots: { t1: 2, t2: 1 } }, dctx());
    expect(d.kind).toBe('apply');
    if (d.kind !== 'apply') return;
    expect(d.puts.map((v) => [v.targetId, v.participantId])).toEqual([['t1', 'p1'], ['t1', 'p1'], ['t2', 'p1']]);
    // Moving a dot: the newest dot on t1 goes, one comes on t3.
    const moved = mirrorDeviceDots({ id: 'v1', rev: 2, dots: { t1: 1, t3: 1, t2: 1 } }, dctx({ stored: [vote('a', 't1', T0), vote('b', 't1', T0 + 1), vote('c', 't2')] }));
    expect(moved).toMatchObject({ kind: 'apply', deletes: ['b'], puts: [{ targetId: 't3' }] });
    // What is stored already (a replay, a second device): nothing to do, even after the vote closed.
    expect(mirrorDeviceDots({ id: 'v1', rev: 9, dots: { t2: 1, t1: 0 } }, dctx({ stored: [vote('c', 't2')], exercise: { ...ex, closedAt: T0 + 5 } }))).toEqual({ kind: 'same' });
  });

  it('refuses over budget, unknown items, a closed or other vote, and bad entries, changing nothing', () => {
    expect(mirrorDeviceDots({ id: 'v1', rev: 1, dots: { t1: 4 } }, dctx())).toEqual({ kind: 'refuse', message: 'You have 3 dots: your dots were not changed.' });
    expect(mirrorDeviceDots({ id: 'v1', rev: 1, dots: { elsewhere: 1 } }, dctx())).toMatchObject({ kind: 'refuse' });
    expect(mirrorDeviceDots({ id: 'v1', rev: 1, dots: { t1: 1 } }, dctx({ exercise: { ...ex, closedAt: T0 } }))).toMatchObject({ kind: 'refuse', message: 'Voting has closed: your dots were not changed.' });
    expect(mirrorDeviceDots({ id: 'v1', rev: 1, dots: { t1: 1 } }, dctx({ liveId: 'v2' }))).toMatchObject({ kind: 'refuse' });
    expect(mirrorDeviceDots({ id: 'v1', rev: 1, dots: { t1: -1 } }, dctx())).toMatchObject({ kind: 'refuse' });
    expect(mirrorDeviceDots({ id: 'v1', rev: 1, dots: { t1: 1 }, participantId: 'p9' }, dctx())).toMatchObject({ kind: 'refuse' });
  });

  it('the room sees the items and who is done; the phone counts its dots and keeps to the budget', () => {
    const pub = publishVote(ex, targets, [vote('a', 't1'), vote('b', 't1'), vote('c', 't2'), { ...vote('d', 't1'), participantId: 'p2' }]);
    expect(pub).toEqual({ id: 'v1', question: 'Fix first?', votesPerPerson: 3, closed: false, items: targets, done: ['p1'] });
    const shared = new Y.Doc();
    shared.getMap(SHARED.room).set('vote', pub);
    const v = readShared(shared).vote!;
    const own = new Y.Doc();
    own.getMap(OWN.dots).set('v1', { id: 'v1', rev: 1, dots: { t1: 2, gone: 5 } });
    own.getMap(OWN.status).set('dots', { id: 'v1', rev: 1 });
    const view = readOwn(own);
    expect(dotsLeftOf(view, v)).toBe(1);
    expect(dotsSent(view, 'v1')).toBe(true);
    expect(changedDots(view, v, 't2', 1)).toEqual({ id: 'v1', rev: 2, dots: { t1: 2, t2: 1 } });
    own.getMap(OWN.dots).set('v1', { id: 'v1', rev: 2, dots: { t1: 3 } });
    expect(changedDots(readOwn(own), v, 't2', 1)).toBeNull();
    expect(dotsSent(readOwn(own), 'v1')).toBe(false);
    expect(changedDots(readOwn(own), v, 't1', -1)).toMatchObject({ dots: { t1: 2 } });
    expect(changedDots(readOwn(own), { ...v, closed: true }, 't1', -1)).toBeNull();
  });
});
