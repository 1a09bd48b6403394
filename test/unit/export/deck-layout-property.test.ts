// @vitest-environment node
// Layouts that never collide, as a property: for generated workshops (titles, names, stages,
// lanes and cards of any length, in Latin, German compounds, Greek, Cyrillic, CJK and emoji),
// on every slide of the deck model every text box lies inside its container, its lines fit it,
// and no two text boxes overprint. Plus the realistic insurer workshop, whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allSections, buildDeck } from '../../../src-renderer/export/deck-build';
import { createTextMeasure, parseFontBook } from '../../../src-renderer/export/text-measure';
import { fontBytesFromDisk, fullWorkshop } from '../../fixtures/export/full-workshop';
import { insurerWorkshop } from '../../fixtures/export/insurer-workshop';
import { deckProblems } from './deck-geometry';

const m = createTextMeasure(parseFontBook(fontBytesFromDisk()));
const base = fullWorkshop({ personas: 2, cardsPerJourney: 14, journeys: 1, initiatives: 5, metrics: 4 });

const words = [
  'claim', 'renewal', 'Committed', 'Rückgewinnung', 'Kundenrückgewinnungsmaßnahmenkatalog', 'Ασφάλιση', 'возобновление', '保険金請求の手続き', '顧客', '🚗', 'a',
  'Donaudampfschifffahrtsgesellschaft', 'first-time', '£96', '+25', 'x'.repeat(60),
];
/** Text of 0–max words drawn from every script the fonts cover, and very long words. */
const text = (max: number) => fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: max }).map((w) => w.join(' '));

const workshopArb = fc.record({
  title: text(24),
  client: text(8),
  persona: text(10),
  quote: text(40),
  segment: text(10),
  journey: text(26),
  scenario: text(30),
  stage: text(8),
  lane: text(8),
  card: text(30),
  initiative: text(12),
  metric: text(10),
  stages: fc.integer({ min: 1, max: 9 }),
});

describe('deck layout property', () => {
  it('keeps every text box inside its container, and apart from every other, for any workshop', () => {
    fc.assert(
      fc.property(workshopArb, (g) => {
        const d = {
          ...base,
          workshop: { ...base.workshop, title: g.title, client: g.client },
          personas: base.personas.map((p, i) => ({ ...p, name: i ? p.name : g.persona, quote: g.quote })),
          segments: base.segments.map((s, i) => ({ ...s, name: i ? s.name : g.segment })),
          journeys: base.journeys.map((j) => ({
            ...j,
            name: g.journey,
            scenario: g.scenario,
            stages: Array.from({ length: g.stages }, (_, i) => ({ id: j.stages[i % j.stages.length]!.id + (i >= j.stages.length ? `-${i}` : ''), name: i % 2 ? g.stage : `Stage ${i + 1}`, width: 440 })),
            lanes: j.lanes.map((l, i) => (i === 1 ? { ...l, name: g.lane } : l)),
          })),
          cards: base.cards.map((c, i) => (i % 3 === 0 ? { ...c, text: g.card } : c)),
          initiatives: base.initiatives.map((x, i) => (i ? x : { ...x, title: g.initiative, description: g.card })),
          metrics: base.metrics.map((x, i) => (i ? x : { ...x, name: g.metric })),
        };
        const deck = buildDeck(d, allSections, m);
        expect(deckProblems(m, deck)).toEqual([]);
      }),
      { numRuns: 20, seed: 7, endOnFailure: true },
    );
  }, 60_000);

  it('lays out the realistic insurer workshop with no collision on any slide', () => {
    const deck = buildDeck(insurerWorkshop(), allSections, m);
    expect(deckProblems(m, deck)).toEqual([]);
  });
});
