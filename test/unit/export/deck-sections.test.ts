// @vitest-environment node
// The facilitator's deck plan: stored as one line of settings text, read back whole whatever was
// stored, and followed by the deck builder (order, sections left out, dividers).
import { describe, expect, it } from 'vitest';
import { allSections, buildDeck } from '../../../src-renderer/export/deck-build';
import { sectionIds } from '../../../src-renderer/export/deck-model';
import { deckPlanText, defaultDeckPlan, moveSection, parseDeckPlan, plannedSections } from '../../../src-renderer/export/deck-sections';
import { createTextMeasure, parseFontBook } from '../../../src-renderer/export/text-measure';
import { fontBytesFromDisk } from '../../fixtures/export/full-workshop';
import { insurerWorkshop } from '../../fixtures/export/insurer-workshop';

const m = createTextMeasure(parseFontBook(fontBytesFromDisk()));

describe('deck plan', () => {
  it('reads an empty setting as every section in the default order, with dividers', () => {
    expect(parseDeckPlan('')).toEqual(defaultDeckPlan);
  });

  it('round-trips a plan, and completes a damaged one', () => {
    const p = { ...moveSection(defaultDeckPlan, 'personas', -2), excluded: ['ideas' as const], dividers: false };
    expect(parseDeckPlan(deckPlanText(p))).toEqual(p);
    const damaged = parseDeckPlan('journeys,nonsense,journeys,-roadmap');
    expect(damaged.order[0]).toBe('journeys');
    expect([...damaged.order].sort()).toEqual([...sectionIds].sort());
    expect(damaged.excluded).toEqual(['roadmap']);
  });

  it('builds the deck in the facilitator’s order, without the sections left out', () => {
    const plan = { ...moveSection(moveSection(defaultDeckPlan, 'actions', -8), 'roadmap', -8), excluded: ['ideas' as const], dividers: false };
    const deck = buildDeck(insurerWorkshop(), { ...allSections, sections: plannedSections(plan), dividers: false }, m);
    const sections = deck.slides.map((s) => s.section).filter((s, i, a) => a.indexOf(s) === i);
    expect(sections).toEqual(['title', 'agenda', 'roadmap', 'actions', 'assessment', 'personas', 'segments', 'journeys', 'measurement']);
  });
});
