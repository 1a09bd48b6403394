// Rounds answered privately on phones, against the real room server on 127.0.0.1: an assessment
// scored by each person and the customer's emotion per journey stage. A phone's whole sheet is
// stored once in the round (replacing its earlier one), outside the facilitator's undo; scores
// outside the set's choices, items not in the assessment and input after the reveal are refused
// with a note to the phone and nothing stored; the room is told who has finished, never a score;
// the reveal drops who answered what; a reload of the facilitator's window stores nothing twice.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { freshDb } from '../../helpers/db';
import { RoomHost } from '../../../src-main/room/room-server';
import type { CentricDb } from '../../../src-renderer/db/database';
import { createRun, parseAssessmentSet, type AssessmentRun, type AssessmentSetDef } from '../../../src-renderer/domain/assessment';
import { createJourney, type Journey } from '../../../src-renderer/domain/journey';
import { closeEmotions, createEmotionRound, createScoringRound, revealScoring, scoringSpread, stageEmotions, type EmotionRound, type ScoringRound } from '../../../src-renderer/domain/phone-rounds';
import { OWN, SHARED, participantDocName, sharedDocName, type DeviceEmotions, type DeviceScores, type PublishedBrainstorm, type PublishedEmotions, type PublishedScoring, type PublishedVote } from '../../../src-renderer/domain/room';
import { createBrainstorm, revealIdeas, startTimer, type Brainstorm } from '../../../src-renderer/domain/run';
import { createVoteExercise, type VoteExercise } from '../../../src-renderer/domain/voting';
import { checkRow } from '../../../src-renderer/domain/records';
import { createWorkshop, type Workshop } from '../../../src-renderer/domain/workshop';
import { RoomSync } from '../../../src-renderer/room/room-sync';
import { initialRoomState, useRoom } from '../../../src-renderer/room/room-store';
import { useHistory } from '../../../src-renderer/state/history';
import { closeAll, device, enter, participantFolder, recordingSocket } from './room-helpers';

const T0 = 1_700_000_000_000;
const capabilities = (() => {
  const r = parseAssessmentSet(JSON.parse(readFileSync('templates/assessments/capabilities.json', 'utf8')), 'capabilities.json');
  if (!r.ok) throw new Error(r.error);
  return r.set;
})();

let db: CentricDb;
let w: Workshop;
let j: Journey;
let run: AssessmentRun;
const syncs: RoomSync[] = [];

beforeEach(async () => {
  db = freshDb();
  useRoom.setState(initialRoomState);
  useHistory.setState({ stacks: {}, revision: 0 });
  w = createWorkshop({ title: 'Renewal day', client: 'Northwind', template: null });
  j = createJourney(w.id, { name: 'Renewal', personaId: null, scenario: '' }, 0, 0);
  run = createRun(w.id, 'capabilities', T0);
  await db.workshops.put(w);
  await db.journeys.put(j);
  await db.assessments.put(run);
});

afterEach(async () => {
  for (const s of syncs.splice(0)) s.stop();
  await closeAll();
});

const until = (check: () => unknown | Promise<unknown>) => vi.waitFor(check, { timeout: 8_000, interval: 20 });
const sets: Partial<Record<'capabilities', AssessmentSetDef>> = { capabilities };

async function room() {
  const host = new RoomHost({ participantDir: participantFolder(), listenHost: '127.0.0.1', port: 0 });
  const info = await host.open({ workshopId: w.id, title: w.title, people: [] });
  const startSync = () => {
    const s = new RoomSync({ info, workshopId: w.id, journeyId: j.id, db, WebSocketPolyfill: WebSocket, assessmentSets: sets });
    syncs.push(s);
    return s;
  };
  let sync = startSync();
  const base = `http://127.0.0.1:${info.port}`;
  const ana = await enter(base, info, { name: 'Ana Lima' });
  const anaPhone = device(info, ana.token);
  const anaOwn = anaPhone.open(participantDocName(info.roomId, ana.participantId));
  const anaShared = anaPhone.open(sharedDocName(info.roomId));
  // Ben's phone records every frame it receives: what the network showed him.
  const frames: Buffer[] = [];
  const ben = await enter(base, info, { name: 'Ben Okafor' });
  const benPhone = device(info, ben.token, recordingSocket(frames));
  const benShared = benPhone.open(sharedDocName(info.roomId));
  const benOwn = benPhone.open(participantDocName(info.roomId, ben.participantId));
  return {
    info,
    ana,
    ben,
    anaOwn,
    anaShared,
    benShared,
    benOwn,
    frames,
    sync: () => sync,
    /** The facilitator's window reloads: a new engine on the same room. */
    reload: () => {
      sync.stop();
      sync = startSync();
    },
  };
}

const scores = (doc: Y.Doc, round: string, e: Omit<DeviceScores, 'id'>) => doc.transact(() => doc.getMap<DeviceScores>(OWN.scores).set(round, { id: round, ...e }));
const emotions = (doc: Y.Doc, round: string, e: Omit<DeviceEmotions, 'id'>) => doc.transact(() => doc.getMap<DeviceEmotions>(OWN.emotions).set(round, { id: round, ...e }));
const allItems = (value: number | string) => Object.fromEntries(capabilities.questions.map((q) => [q.id, value]));

describe('an assessment scored on phones', () => {
  it('stores each phone’s whole sheet, tells the room only who finished, keeps it private from other phones, and reveals anonymously', async () => {
    const r = await room();
    const round = createScoringRound(w.id, run.id, T0);
    await db.sessions.put(round);
    const published = () => r.anaShared.doc.getMap(SHARED.room).get('scoring') as PublishedScoring | null | undefined;
    await until(() => expect(published()).toMatchObject({ id: round.id, title: capabilities.name, revealed: false, done: [] }));
    expect(published()!.items).toHaveLength(capabilities.questions.length);
    expect(published()!.choices.map((c) => c.label)).toEqual(['1', '2', '3', '4', '5', 'Don’t know']);
    expect(published()!.choices[0]!.meaning).toBe(capabilities.scaleLabels![0]);

    const q0 = capabilities.questions[0]!.id;
    const q1 = capabilities.questions[1]!.id;
    scores(r.anaOwn.doc, round.id, { rev: 1, answers: { [q0]: 2 }, notes: { [q0]: 'Only the Leeds pilot has it' }, done: false });
    const stored = async () => (await db.sessions.get(round.id)) as ScoringRound;
    await until(async () => expect((await stored()).sheets).toEqual([{ participantId: r.ana.participantId, rev: 1, answers: { [q0]: 2 }, notes: { [q0]: 'Only the Leeds pilot has it' }, done: false }]));
    await until(() => expect(r.anaOwn.doc.getMap(OWN.status).get('scores')).toEqual({ id: round.id, rev: 1 }));
    // Finished: every item answered ("don't know" counts as an answer).
    scores(r.anaOwn.doc, round.id, { rev: 2, answers: { ...allItems(4), [q0]: 2, [q1]: 'unknown' }, notes: { [q0]: 'Only the Leeds pilot has it' }, done: true });
    await until(() => expect(published()?.done).toEqual([r.ana.participantId]));
    scores(r.benOwn.doc, round.id, { rev: 1, answers: { ...allItems(5), [q0]: 5 }, notes: {}, done: true });
    await until(async () => expect((await stored()).sheets).toHaveLength(2));
    await until(() => expect(published()?.done).toEqual([r.ana.participantId, r.ben.participantId].sort()));
    // None of it is in the facilitator's undo history.
    expect(useHistory.getState().stacks[w.id]).toBeUndefined();

    // Privacy before the reveal: Ben's documents and every frame he received hold nothing of Ana's sheet.
    const seen = JSON.stringify([r.benShared.doc.toJSON(), r.benOwn.doc.toJSON()]) + Buffer.concat(r.frames).toString('latin1');
    expect(r.frames.length).toBeGreaterThan(0);
    expect(seen).not.toContain('Leeds pilot');
    expect(seen).not.toContain(`/p/${r.ana.participantId}`);
    expect(JSON.stringify(r.benShared.doc.toJSON())).not.toMatch(/"answers"|"unknown"/);

    // The facilitator's window reloads: everything replays; nothing is stored twice or refused.
    r.reload();
    await until(() => expect(useRoom.getState().connected).toBe(true));
    await r.sync().settled();
    await until(async () => expect((await stored()).sheets).toHaveLength(2));
    expect(useRoom.getState().refused).toBe(0);

    // Revealed: the sheets lose their owners; the spread puts the widest disagreement first.
    const revealed = revealScoring(await stored(), T0 + 60_000);
    await db.sessions.put(revealed);
    await until(() => expect(published()?.revealed).toBe(true));
    expect(revealed.sheets.every((s) => s.participantId === null && s.rev === 0)).toBe(true);
    expect(JSON.stringify(revealed)).not.toContain(r.ana.participantId);
    const spread = scoringSpread(capabilities, revealed);
    expect(spread[0]).toMatchObject({ questionId: q0, n: 2, min: 0.25, max: 1, notes: ['Only the Leeds pilot has it'] });
    expect(spread.find((s) => s.questionId === q1)).toMatchObject({ n: 1, unknown: 1 });
    // A replay after the reveal (another reload) is recognised by the receipt: no refusal.
    r.reload();
    await until(() => expect(useRoom.getState().connected).toBe(true));
    await r.sync().settled();
    expect(useRoom.getState().refused).toBe(0);

    // Input after the reveal is refused with a message on the phone, and nothing is stored.
    scores(r.anaOwn.doc, round.id, { rev: 3, answers: allItems(1), notes: {}, done: true });
    await until(() => expect(r.anaOwn.doc.getMap(OWN.status).get('refused')).toMatchObject({ message: 'Scoring has closed: your scores were not stored.' }));
    expect((await stored()).sheets).toEqual(revealed.sheets);
  });

  it('refuses scores outside 1–5, items not in the assessment and unreadable sheets, storing nothing', async () => {
    const r = await room();
    const round = createScoringRound(w.id, run.id, T0);
    await db.sessions.put(round);
    const q0 = capabilities.questions[0]!.id;
    const refusal = () => (r.anaOwn.doc.getMap(OWN.status).get('refused') as { message: string } | undefined)?.message;
    scores(r.anaOwn.doc, round.id, { rev: 1, answers: { [q0]: 7 }, notes: {}, done: false });
    await until(() => expect(refusal()).toBe('Scores go from 1 to 5: nothing was stored.'));
    scores(r.anaOwn.doc, round.id, { rev: 2, answers: { [q0]: 0 }, notes: {}, done: false });
    await until(() => expect(useRoom.getState().refused).toBe(2));
    scores(r.anaOwn.doc, round.id, { rev: 3, answers: { 'not-an-item': 3 }, notes: {}, done: false });
    await until(() => expect(refusal()).toBe('A score was for an item that is not part of this assessment: nothing was stored.'));
    r.anaOwn.doc.transact(() => r.anaOwn.doc.getMap(OWN.scores).set(round.id, { id: round.id, rev: 4, html: '<img onerror=x>' }));
    await until(() => expect(refusal()).toBe('Your scores could not be read and were not stored.'));
    expect(((await db.sessions.get(round.id)) as ScoringRound).sheets).toEqual([]);
    // An older round (not the live one) takes nothing.
    const newer = createScoringRound(w.id, run.id, T0 + 1);
    await db.sessions.put(newer);
    scores(r.anaOwn.doc, round.id, { rev: 5, answers: { [q0]: 3 }, notes: {}, done: false });
    await until(() => expect(useRoom.getState().refused).toBe(5));
    expect(((await db.sessions.get(round.id)) as ScoringRound).sheets).toEqual([]);
  });
});

describe('emotion per stage rated on phones', () => {
  it('stores each phone’s ratings, publishes only who finished, and gives the mean and the band once closed', async () => {
    const r = await room();
    const round = createEmotionRound(w.id, j.id, T0);
    await db.sessions.put(round);
    const published = () => r.anaShared.doc.getMap(SHARED.room).get('emotions') as PublishedEmotions | null | undefined;
    await until(() => expect(published()).toMatchObject({ id: round.id, journeyName: 'Renewal', closed: false, done: [] }));
    expect(published()!.stages.map((s) => s.id)).toEqual(j.stages.map((s) => s.id));
    const [s0, s1] = j.stages.map((s) => s.id);
    const all = (v: number) => Object.fromEntries(j.stages.map((s) => [s.id, v]));
    emotions(r.anaOwn.doc, round.id, { rev: 1, ratings: { ...all(1), [s0!]: -3 }, done: true });
    emotions(r.benOwn.doc, round.id, { rev: 1, ratings: { [s0!]: 1 }, done: false });
    const stored = async () => (await db.sessions.get(round.id)) as EmotionRound;
    await until(async () => expect((await stored()).sheets).toHaveLength(2));
    await until(() => expect(published()?.done).toEqual([r.ana.participantId]));
    // Refused whole: a rating outside -3..+3, a stage not on the journey.
    emotions(r.benOwn.doc, round.id, { rev: 2, ratings: { [s0!]: 5 }, done: false });
    await until(() => expect(r.benOwn.doc.getMap(OWN.status).get('refused')).toMatchObject({ message: 'Ratings go from −3 to +3: nothing was stored.' }));
    emotions(r.benOwn.doc, round.id, { rev: 3, ratings: { elsewhere: 1 }, done: false });
    await until(() => expect(r.benOwn.doc.getMap(OWN.status).get('refused')).toMatchObject({ message: expect.stringContaining('not on this journey') }));
    expect((await stored()).sheets.find((s) => s.participantId === r.ben.participantId)?.ratings).toEqual({ [s0!]: 1 });
    // Private from Ben until closed.
    expect(Buffer.concat(r.frames).toString('latin1')).not.toContain(`/p/${r.ana.participantId}`);
    expect(JSON.stringify(r.benShared.doc.toJSON())).not.toContain('"ratings"');

    const closed = closeEmotions(await stored(), T0 + 5_000);
    await db.sessions.put(closed);
    await until(() => expect(published()?.closed).toBe(true));
    expect(closed.sheets.every((s) => s.participantId === null)).toBe(true);
    expect(stageEmotions([s0!, s1!], closed)).toEqual([
      { stageId: s0, n: 2, mean: -1, min: -3, max: 1, stdev: 2 },
      { stageId: s1, n: 1, mean: 1, min: 1, max: 1, stdev: 0 },
    ]);
    emotions(r.benOwn.doc, round.id, { rev: 4, ratings: { [s0!]: 2 }, done: false });
    await until(() => expect(r.benOwn.doc.getMap(OWN.status).get('refused')).toMatchObject({ message: 'The emotion round has closed: your ratings were not stored.' }));
    expect((await stored()).sheets).toEqual(closed.sheets);
  });
});

describe('a reload of the facilitator’s window', () => {
  it('a brainstorm revealed and a vote closed after the reload reach the phones (published only once in step with the server)', async () => {
    const r = await room();
    const round: Brainstorm = { ...createBrainstorm(w.id, null, 'What gets in the way?', 5, T0), timer: startTimer(createBrainstorm(w.id, null, '', 1).timer, T0) };
    const vote: VoteExercise = createVoteExercise(w.id, null, { question: 'Fix first?', sources: ['ideas'], votesPerPerson: 2 }, T0);
    await db.sessions.bulkPut([round, vote]);
    const seen = () => r.anaShared.doc.getMap(SHARED.room);
    await until(() => expect([(seen().get('brainstorm') as PublishedBrainstorm | undefined)?.id, (seen().get('vote') as PublishedVote | undefined)?.id]).toEqual([round.id, vote.id]));
    r.reload();
    await until(() => expect(useRoom.getState().connected).toBe(true));
    await db.sessions.bulkPut([revealIdeas(round, T0 + 1_000), { ...vote, closedAt: T0 + 1_000 }]);
    await until(() => expect([(seen().get('brainstorm') as PublishedBrainstorm).revealed, (seen().get('vote') as PublishedVote).closed]).toEqual([true, true]));
  });
});

describe('the stored rounds', () => {
  it('pass the sessions table’s definition; out-of-range values and unknown fields do not', () => {
    const round: ScoringRound = { ...createScoringRound('w1', 'r1', T0), sheets: [{ participantId: null, rev: 0, answers: { 'q-one': 3, 'q-two': 'unknown' }, notes: { 'q-one': 'Seen in Leeds' }, done: true }] };
    expect(checkRow('sessions', round).ok).toBe(true);
    expect(checkRow('sessions', { ...round, sheets: [{ ...round.sheets[0], answers: { 'q-one': 6 } }] }).ok).toBe(false);
    expect(checkRow('sessions', { ...round, extra: 1 }).ok).toBe(false);
    const e: EmotionRound = { ...createEmotionRound('w1', 'j1', T0), sheets: [{ participantId: 'p1', rev: 2, ratings: { s1: -3, s2: 3 }, done: true }] };
    expect(checkRow('sessions', e).ok).toBe(true);
    expect(checkRow('sessions', { ...e, sheets: [{ ...e.sheets[0], ratings: { s1: 4 } }] }).ok).toBe(false);
    expect(checkRow('sessions', { ...e, sheets: [{ ...e.sheets[0], ratings: { s1: 1.5 } }] }).ok).toBe(false);
  });
});
