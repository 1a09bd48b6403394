import { describe, expect, it } from 'vitest';
import { canCast, createVote, createVoteExercise, dotsLeft, lastDot, tally, topItems, votingProgress, type Vote, type VoteTarget } from '../../../src-renderer/domain/voting';

const targets: VoteTarget[] = ['t1', 't2', 't3', 't4'].map((id) => ({ id, text: id.toUpperCase(), origin: 'test' }));
const ex = createVoteExercise('w', null, { votesPerPerson: 3, topN: 2 }, 0);
let clock = 0;
const vote = (p: string, t: string): Vote => createVote(ex, p, t, ++clock);

describe('dot voting', () => {
  it('counts dots left and refuses a dot beyond the limit', () => {
    const votes = [vote('ana', 't1'), vote('ana', 't1'), vote('ana', 't2')];
    expect(dotsLeft(votes, ex, 'ana')).toBe(0);
    expect(dotsLeft(votes, ex, 'ben')).toBe(3);
    expect(canCast(votes, ex, 'ana', 't3', targets)).toEqual({ ok: false, reason: 'No dots left for this person.' });
    expect(canCast(votes, ex, 'ben', 't3', targets).ok).toBe(true);
    expect(canCast(votes, ex, null, 't3', targets).ok).toBe(false);
    expect(canCast(votes, ex, 'ben', 'gone', targets).ok).toBe(false);
    expect(canCast(votes, { ...ex, closedAt: 5 }, 'ben', 't3', targets).ok).toBe(false);
  });

  it('ranks by count with shared ranks and the targets\u2019 order for ties', () => {
    const votes = [vote('ana', 't3'), vote('ben', 't3'), vote('cy', 't2'), vote('cy', 't4'), vote('ana', 't1')];
    const rows = tally(votes, ex, targets);
    expect(rows.map((r) => [r.target.id, r.count, r.rank])).toEqual([
      ['t3', 2, 1], ['t1', 1, 2], ['t2', 1, 2], ['t4', 1, 2],
    ]);
    expect(rows[0]!.byParticipant).toEqual({ ana: 1, ben: 1 });
  });

  it('ignores dots beyond a person\u2019s limit, on removed items and from removed people', () => {
    const votes = [vote('ana', 't1'), vote('ana', 't1'), vote('ana', 't1'), vote('ana', 't2'), vote('gone', 't2'), vote('ben', 'zzz')];
    const rows = tally(votes, ex, targets, ['ana', 'ben']);
    expect(rows.find((r) => r.target.id === 't1')!.count).toBe(3);
    expect(rows.find((r) => r.target.id === 't2')!.count).toBe(0);
  });

  it('tags the top N, keeping ties with the N-th, and never an item without dots', () => {
    const votes = [vote('a', 't1'), vote('a', 't1'), vote('b', 't2'), vote('c', 't3')];
    expect(topItems(tally(votes, ex, targets), 2)).toEqual(['t1', 't2', 't3']);
    expect(topItems(tally([vote('a', 't4')], ex, targets), 3)).toEqual(['t4']);
  });

  it('takes back the most recent dot and reports progress', () => {
    const v1 = vote('a', 't1');
    const v2 = vote('a', 't1');
    expect(lastDot([v1, v2], ex.id, 'a', 't1')).toBe(v2);
    expect(lastDot([v1, v2], ex.id, 'b', 't1')).toBeNull();
    expect(votingProgress([v1, v2, vote('a', 't2'), vote('b', 't1')], ex, ['a', 'b', 'c'])).toEqual({ cast: 4, possible: 9, done: 1 });
  });

  it('clamps the exercise settings', () => {
    const e = createVoteExercise('w', null, { votesPerPerson: 99, topN: 0, question: '  ' });
    expect(e.votesPerPerson).toBe(20);
    expect(e.topN).toBe(1);
    expect(e.question).toBe('Where should we focus?');
  });
});
