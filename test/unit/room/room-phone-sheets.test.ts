// The pure side of rounds answered on phones: what a phone writes (whole sheets, a new revision
// per change, "finished" only when every item is answered), what it reads from the room (checked,
// unknown extras dropped), the mirror's decisions, and the arithmetic of the spread and the band.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AssessmentSetDef } from '../../../src-renderer/domain/assessment';
import { answerChoices, createEmotionRound, createScoringRound, revealScoring, scoringSpread, showScore, signed, withEmployeeAnswers, type ScoringRound } from '../../../src-renderer/domain/phone-rounds';
import { mirrorDeviceEmotions, mirrorDeviceScores, publishScoring } from '../../../src-renderer/domain/room-rounds';
import { OWN, SHARED } from '../../../src-renderer/domain/room';
import { checkRow } from '../../../src-renderer/domain/records';
import { createJourney } from '../../../src-renderer/domain/journey';
import { answeredCount, changedEmotions, changedScores, myScores, readOwn, readShared, sheetSent } from '../../../src-renderer/participant/participant-model';

const T0 = 1_700_000_000_000;
const set: AssessmentSetDef = {
  formatVersion: 1,
  id: 'readiness',
  name: 'Readiness check',
  summary: 'Five questions.',
  answerType: 'yes-partly-no',
  questions: [
    { id: 'one', short: 'One truth', text: 'Is there one customer truth?' },
    { id: 'two', short: 'Insight', text: 'Does insight drive decisions?' },
    { id: 'three', short: 'Mandate', text: 'Is measurement a mandate?' },
  ],
};

describe('a phone’s score sheet', () => {
  it('reads the published round, writes whole sheets with a new revision, and is finished only when every item is answered', () => {
    const round = createScoringRound('w1', 'run1', T0);
    const shared = new Y.Doc();
    shared.getMap(SHARED.room).set('scoring', { ...publishScoring(round, set), extra: 'ignored' });
    const scoring = readShared(shared).scoring!;
    expect(scoring.choices.map((c) => c.label)).toEqual(['Yes', 'Partly', 'No', 'Don’t know']);
    const own = new Y.Doc();
    const write = (e: ReturnType<typeof changedScores>) => own.getMap(OWN.scores).set(round.id, e);
    write(changedScores(readOwn(own), scoring, { item: 'one', answer: 'yes', note: '  Seen in claims ' }));
    expect(myScores(readOwn(own), scoring)).toEqual({ answers: { one: 'yes' }, notes: { one: 'Seen in claims' }, done: false });
    // Finishing early does not count: items are missing.
    const early = changedScores(readOwn(own), scoring, { done: true })!;
    expect(early).toMatchObject({ rev: 2, done: false });
    write(early);
    write(changedScores(readOwn(own), scoring, { item: 'two', answer: 'unknown' }));
    write(changedScores(readOwn(own), scoring, { item: 'three', answer: 'no' }));
    const done = changedScores(readOwn(own), scoring, { done: true })!;
    expect(done).toMatchObject({ rev: 5, done: true });
    write(done);
    expect(answeredCount(readOwn(own), scoring)).toBe(3);
    // Taking an answer back un-finishes the sheet; an item not in the round is no change at all.
    expect(changedScores(readOwn(own), scoring, { item: 'two', answer: null })).toMatchObject({ done: false });
    expect(changedScores(readOwn(own), scoring, { item: 'elsewhere', answer: 'yes' })).toBeNull();
    expect(changedScores(readOwn(own), { ...scoring, revealed: true }, { item: 'one', answer: 'no' })).toBeNull();
    expect(sheetSent(readOwn(own).scores.get(round.id), null, round.id)).toBe(false);
    own.getMap(OWN.status).set('scores', { id: round.id, rev: 5 });
    expect(sheetSent(readOwn(own).scores.get(round.id), readOwn(own).scoresStored, round.id)).toBe(true);
  });

  it('the mirror stores a valid sheet and refuses answers that are not the set’s choices', () => {
    const round = createScoringRound('w1', 'run1', T0);
    const ctx = { participantId: 'p1', round, liveId: round.id, receipt: null, set };
    expect(mirrorDeviceScores({ id: round.id, rev: 1, answers: { one: 'partly', two: 'unknown' }, notes: { one: ' Two files ' }, done: true }, ctx)).toEqual({
      kind: 'put',
      sheet: { participantId: 'p1', rev: 1, answers: { one: 'partly', two: 'unknown' }, notes: { one: 'Two files' }, done: false },
    });
    expect(mirrorDeviceScores({ id: round.id, rev: 1, answers: { one: 3 }, notes: {}, done: false }, ctx)).toEqual({ kind: 'refuse', message: 'An answer was not one of the choices: nothing was stored.' });
    expect(mirrorDeviceScores({ id: round.id, rev: 1, answers: {}, notes: { one: 'x'.repeat(601) }, done: false }, ctx)).toMatchObject({ kind: 'refuse' });
    expect(mirrorDeviceScores({ id: round.id, rev: 1, answers: {}, notes: {}, done: false }, { ...ctx, set: undefined })).toMatchObject({ kind: 'refuse' });
    // A replay of what the receipt says is stored changes nothing, even after the reveal.
    expect(mirrorDeviceScores({ id: round.id, rev: 2, answers: {}, notes: {}, done: false }, { ...ctx, round: revealScoring(round, T0), receipt: { id: round.id, rev: 2 } })).toEqual({ kind: 'same' });
  });
});

describe('the five-employees test on phones', () => {
  const audit: AssessmentSetDef = { ...set, id: 'audit', employeesTest: true };
  it('takes one employee’s department and words with the sheet only for a set with the test, checked and trimmed, without a name', () => {
    const round = createScoringRound('w1', 'run1', T0);
    const ctx = { participantId: 'p1', round, liveId: round.id, receipt: null, set: audit };
    const entry = { id: round.id, rev: 1, answers: { one: 'yes' }, notes: {}, done: false, employee: { department: ' Finance ', answer: ' We answer the phone fast ' } };
    expect(mirrorDeviceScores(entry, ctx)).toMatchObject({ kind: 'put', sheet: { employee: { department: 'Finance', answer: 'We answer the phone fast' } } });
    expect(publishScoring(round, audit).employees).toBe(true);
    expect(publishScoring(round, set).employees).toBeUndefined();
    expect(mirrorDeviceScores(entry, { ...ctx, set })).toEqual({ kind: 'refuse', message: 'This assessment has no five-employees test: nothing was stored.' });
    expect(mirrorDeviceScores({ ...entry, employee: { department: 'HR', answer: 'x'.repeat(2001) } }, ctx)).toMatchObject({ kind: 'refuse' });
    expect(mirrorDeviceScores({ ...entry, employee: { department: 'HR', answer: '  ' } }, ctx)).toMatchObject({ kind: 'put', sheet: { answers: { one: 'yes' } } });
    expect(mirrorDeviceScores({ ...entry, employee: { department: 'HR', answer: 'ok', name: 'Eve' } }, ctx)).toMatchObject({ kind: 'refuse' });
    // Kept through the reveal (the employee's words, nobody's identity) and valid as a stored row.
    const put = mirrorDeviceScores(entry, ctx) as { sheet: ScoringRound['sheets'][number] };
    const revealed = revealScoring({ ...round, sheets: [put.sheet] }, T0 + 1);
    expect(revealed.sheets[0]).toMatchObject({ participantId: null, employee: { department: 'Finance' } });
    expect(checkRow('sessions', revealed).ok).toBe(true);
  });

  it('adds the answers to the run’s test without names, never the same words twice, up to what the test holds', () => {
    const sheet = (answer: string) => ({ participantId: null, rev: 0, answers: {}, notes: {}, done: true, employee: { department: 'HR', answer } });
    let n = 0;
    const run = { employees: [{ id: 'e0', name: 'Eve', department: 'Sales', answer: 'Fast answers' }] };
    const next = withEmployeeAnswers(run, { sheets: [sheet('Fast answers'), sheet('Fair prices'), sheet('Fair prices'), { ...sheet('x'), employee: undefined }] }, () => `n${n++}`);
    expect(next.employees).toEqual([...run.employees, { id: 'n0', name: '', department: 'HR', answer: 'Fair prices' }]);
    const many = withEmployeeAnswers({ employees: [] }, { sheets: Array.from({ length: 12 }, (_, i) => sheet(`A${i}`)) });
    expect(many.employees).toHaveLength(8);
  });
});

describe('the spread and the band', () => {
  it('ranks items by disagreement, shows scores in the set’s terms and keeps evidence without names', () => {
    const round: ScoringRound = {
      ...createScoringRound('w1', 'run1', T0),
      sheets: [
        { participantId: 'a', rev: 1, answers: { one: 'yes', two: 'yes', three: 'no' }, notes: { three: 'No budget' }, done: true },
        { participantId: 'b', rev: 1, answers: { one: 'yes', two: 'partly', three: 'yes' }, notes: {}, done: true },
        { participantId: 'c', rev: 1, answers: { one: 'unknown', two: 'yes' }, notes: {}, done: false },
      ],
    };
    const shuffled = revealScoring(round, T0 + 1, () => 0.5);
    expect(shuffled.sheets.map((s) => s.participantId)).toEqual([null, null, null]);
    const s = scoringSpread(set, shuffled);
    expect(s.map((x) => x.questionId)).toEqual(['three', 'two', 'one']);
    expect(s[0]).toMatchObject({ n: 2, min: 0, max: 1, median: 0.5, notes: ['No budget'] });
    expect(s[2]).toMatchObject({ n: 2, unknown: 1, counts: [{ value: 'yes', n: 2 }, { value: 'partly', n: 0 }, { value: 'no', n: 0 }] });
    expect(showScore('yes-partly-no', 0.5)).toBe('Partly');
    expect(showScore('scale-5', 0.625)).toBe('3.5');
    expect(answerChoices({ answerType: 'scale-5', scaleLabels: ['Inward', 'Customer'] }).map((c) => c.meaning)).toEqual(['Inward', 'Mostly inward', 'Halfway between', 'Mostly customer', 'Customer', 'I cannot judge this one']);
    expect([signed(-1.333), signed(2), signed(0), signed(0.04)]).toEqual(['−1.3', '+2', '0', '0']);
  });

  it('a phone’s emotion sheet is finished only when every stage is rated; the mirror keeps ratings to -3..+3 whole numbers', () => {
    const j = createJourney('w1', { name: 'Renewal', personaId: null, scenario: '' }, 0, 0);
    const round = createEmotionRound('w1', j.id, T0);
    const view = { id: round.id, journeyName: 'Renewal', stages: j.stages.map((s) => ({ id: s.id, name: s.name })), closed: false, done: [] };
    const own = new Y.Doc();
    let entry = changedEmotions(readOwn(own), view, { stage: j.stages[0]!.id, rating: -3, done: true })!;
    expect(entry).toMatchObject({ rev: 1, done: false });
    for (const s of j.stages) {
      own.getMap(OWN.emotions).set(round.id, entry);
      entry = changedEmotions(readOwn(own), view, { stage: s.id, rating: 1 })!;
    }
    // The last stage is not stored yet: not finished.
    expect(changedEmotions(readOwn(own), view, { done: true })).toMatchObject({ done: false });
    own.getMap(OWN.emotions).set(round.id, entry);
    expect(changedEmotions(readOwn(own), view, { done: true })).toMatchObject({ done: true });
    const ctx = { participantId: 'p1', round, liveId: round.id, receipt: null, journey: j };
    expect(mirrorDeviceEmotions({ id: round.id, rev: 1, ratings: { [j.stages[0]!.id]: 1.5 }, done: false }, ctx)).toEqual({ kind: 'refuse', message: 'Ratings go from −3 to +3: nothing was stored.' });
    expect(mirrorDeviceEmotions({ id: round.id, rev: 1, ratings: { [j.stages[0]!.id]: -4 }, done: false }, ctx)).toMatchObject({ kind: 'refuse' });
    expect(mirrorDeviceEmotions({ id: round.id, rev: 1, ratings: { [j.stages[0]!.id]: 2 }, done: false }, { ...ctx, liveId: 'newer' })).toMatchObject({ kind: 'refuse' });
  });
});
