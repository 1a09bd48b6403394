// Seeds journeys straight into the app's IndexedDB (the app must have opened it once), for the
// benchmark and the screenshots. Rows have the exact stored shape of domain/journey.ts.
/* global indexedDB -- putRows runs inside the page */
import { randomUUID } from 'node:crypto';

const laneKinds = ['actions', 'touchpoints', 'thoughts', 'emotion', 'pains', 'moments', 'opportunities', 'owner', 'backstage'];
const laneNames = ['Actions', 'Touchpoints & channels', 'Thoughts & feelings', 'Emotion', 'Pain points', 'Moments of truth', 'Opportunities', 'Owner', 'Backstage'];
const colorOf = { actions: 'yellow', touchpoints: 'blue', thoughts: 'purple', pains: 'pink', moments: 'orange', opportunities: 'green', owner: 'grey', backstage: 'grey' };
const words = 'customer calls again about the claim status and waits for an answer while the app shows nothing new so frustration grows quickly'.split(' ');

export function workshopRow(id, title) {
  const now = Date.now();
  return { id, title, client: 'Northwind Insurance', date: '2026-11-24', location: '', objectives: '', templateId: null, templateName: '', agenda: [], createdAt: now, updatedAt: now };
}

/** A journey with 6 stages and the 9 default lanes, and `n` cards spread over its cells. */
export function syntheticJourney(workshopId, n) {
  const stages = ['Aware', 'Consider', 'Buy', 'Onboard', 'Use', 'Renew or leave'].map((name) => ({ id: randomUUID(), name, width: 440 }));
  const lanes = laneKinds.map((kind, i) => ({ id: randomUUID(), name: laneNames[i], kind, height: kind === 'emotion' ? 200 : 140 }));
  const journey = {
    id: randomUUID(), workshopId, name: `Bench journey (${n} cards)`, personaId: null, scenario: 'Synthetic load', stages, lanes,
    emotions: Object.fromEntries(stages.map((s, i) => [s.id, [-1, 1, 2, -2, 0, 3][i]])), order: 0, createdAt: Date.now(),
  };
  const cardLanes = lanes.filter((l) => l.kind !== 'emotion');
  const cells = stages.flatMap((s) => cardLanes.map((l) => ({ s, l })));
  const cards = [];
  for (let i = 0; i < n; i++) {
    const { s, l } = cells[i % cells.length];
    const len = 4 + ((i * 7) % 14);
    const text = `${i + 1}. ${Array.from({ length: len }, (_, k) => words[(i + k) % words.length]).join(' ')}`;
    cards.push({ id: randomUUID(), workshopId, journeyId: journey.id, stageId: s.id, laneId: l.id, order: Math.floor(i / cells.length), text, color: colorOf[l.kind], marks: i % 17 === 0 ? ['pain'] : [], emotion: null, initiativeId: null });
  }
  return { journey, cards };
}

/** The realistic fixture (test/fixtures/journey/insurance-claim.json) as stored rows. */
export function fixtureJourney(workshopId, fx) {
  const stages = fx.stages.map((name) => ({ id: randomUUID(), name, width: 440 }));
  const lanes = fx.lanes.map((l) => ({ id: randomUUID(), name: l.name, kind: l.kind, height: l.kind === 'emotion' ? 200 : 140 }));
  const journey = {
    id: randomUUID(), workshopId, name: fx.name, personaId: null, scenario: fx.scenario, stages, lanes,
    emotions: Object.fromEntries(stages.map((s, i) => [s.id, fx.emotions[i]])), order: 0, createdAt: Date.now(),
  };
  const cards = fx.cards.map((c) => ({
    id: randomUUID(), workshopId, journeyId: journey.id, stageId: stages[c.stage].id, laneId: lanes[c.lane].id, order: c.order,
    text: c.text, color: c.color, marks: c.marks, emotion: null, initiativeId: null,
  }));
  return { journey, cards };
}

/** Writes rows into the open app's database with the raw IndexedDB API. */
export async function putRows(page, rows) {
  await page.evaluate(async (rows) => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('centric');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    await new Promise((res, rej) => {
      const tx = db.transaction(Object.keys(rows), 'readwrite');
      for (const [store, list] of Object.entries(rows)) for (const row of list) tx.objectStore(store).put(row);
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, rows);
}
