// A workshop with one journey stored straight into the app's database (the stored shape of
// domain/journey.ts), for the canvas's end-to-end tests: six named stages, eight lanes of the
// usual kinds (one emotion lane), and the cards given by stage and lane index.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { putRows } from '../../bench/seed.mjs';

export const seedStageNames = ['Aware', 'Consider', 'Buy', 'Onboard', 'Use', 'Renew or leave'] as const;
export const seedLanes = [
  { name: 'Actions', kind: 'actions', color: 'yellow' },
  { name: 'Touchpoints', kind: 'touchpoints', color: 'blue' },
  { name: 'Thoughts', kind: 'thoughts', color: 'purple' },
  { name: 'Emotion', kind: 'emotion', color: 'yellow' },
  { name: 'Pain points', kind: 'pains', color: 'pink' },
  { name: 'Moments of truth', kind: 'moments', color: 'orange' },
  { name: 'Opportunities', kind: 'opportunities', color: 'green' },
  { name: 'Backstage', kind: 'backstage', color: 'grey' },
] as const;

/** Every (stage, lane) pair that holds cards (not the emotion lane), stage by stage. */
export const seedCells: readonly { readonly stage: number; readonly lane: number }[] = seedStageNames.flatMap((_, stage) =>
  seedLanes.flatMap((l, lane) => (l.kind === 'emotion' ? [] : [{ stage, lane }])),
);

export interface SeedCard {
  readonly text: string;
  readonly stage: number;
  readonly lane: number;
  readonly marks?: readonly string[];
  /** Order in its cell; the card's index in `cards` when absent. */
  readonly order?: number;
}

export async function seedJourney(page: Page, o: { title: string; journey: string; scenario: string; cards: readonly SeedCard[] }): Promise<{ workshopId: string; journeyId: string }> {
  const workshopId = randomUUID();
  const now = Date.now();
  const stages = seedStageNames.map((name) => ({ id: randomUUID(), name, width: 440 }));
  const lanes = seedLanes.map((l) => ({ id: randomUUID(), name: l.name, kind: l.kind, height: l.kind === 'emotion' ? 200 : 140 }));
  const journey = {
    id: randomUUID(), workshopId, name: o.journey, personaId: null, scenario: o.scenario, stages, lanes,
    emotions: Object.fromEntries(stages.map((s, i) => [s.id, [-1, 1, 2, -2, 0, 3][i]])), order: 0, createdAt: now,
  };
  const cards = o.cards.map((c, i) => ({
    id: randomUUID(), workshopId, journeyId: journey.id, stageId: stages[c.stage]!.id, laneId: lanes[c.lane]!.id, order: c.order ?? i,
    text: c.text, color: seedLanes[c.lane]!.color, marks: [...(c.marks ?? [])], emotion: null, initiativeId: null,
  }));
  const workshop = { id: workshopId, title: o.title, client: 'Northwind', date: '2026-11-30', location: '', objectives: '', templateId: null, templateName: '', agenda: [], createdAt: now, updatedAt: now };
  await putRows(page, { workshops: [workshop], journeys: [journey], journeyCards: cards });
  return { workshopId, journeyId: journey.id };
}
