// @vitest-environment node
// The export screen names every field whose characters no export font has, before export, with
// advice that fits them: a whole script is not "replaced with words".
import { describe, expect, it } from 'vitest';
import { allSections, buildDeck } from '../../../src-renderer/export/deck-build';
import { createTextMeasure, parseFontBook } from '../../../src-renderer/export/text-measure';
import { adviceFor, describeChars, uncoveredFields } from '../../../src-renderer/features/export/uncovered';
import { fontBytesFromDisk, fullWorkshop } from '../../fixtures/export/full-workshop';

const m = createTextMeasure(parseFontBook(fontBytesFromDisk()));

describe('uncovered fields', () => {
  const base = fullWorkshop({ personas: 2, journeys: 1, cardsPerJourney: 6, initiatives: 2, metrics: 2 });
  const personas = base.personas.map((p, i) => (i === 1 ? { ...p, name: 'สมชาย ใจดี' } : p));
  const cards = base.cards.map((c, i) => (i === 2 ? { ...c, text: 'Relieved 🥲 at last' } : c));
  const initiatives = base.initiatives.map((x, i) => (i === 0 ? { ...x, owner: 'राहुल शर्मा' } : x));
  const data = { ...base, personas, cards, initiatives };
  const deck = buildDeck(data, allSections, m);

  it('finds the characters in the deck and names each field they were typed in', () => {
    expect(deck.uncovered).toContain('🥲');
    const fields = uncoveredFields(data, deck.uncovered);
    const line = (f: (typeof fields)[number]) => `${f.where} / ${f.field}`;
    const journey = data.journeys[0]!;
    const stage = journey.stages.find((s) => s.id === cards[2]!.stageId)!.name;
    expect(fields.map(line)).toEqual(
      expect.arrayContaining([
        'Persona “สมชาย ใจดี” / name',
        `Journey card “Relieved 🥲 at last” in “${journey.name}”, stage “${stage}” / text`,
        `Initiative “${initiatives[0]!.title}” / owner`,
      ]),
    );
    expect(fields.every((f) => f.chars.length > 0)).toBe(true);
    // Ids, colours and the like are never reported.
    expect(fields.some((f) => /\bid\b|color/.test(f.field))).toBe(false);
  });

  it('tells a missing script from missing emoji and symbols', () => {
    expect(adviceFor(['ส', 'ม'])).toEqual({ scripts: ['Thai'], emoji: false, symbols: false });
    expect(adviceFor(['न', '🥲'])).toEqual({ scripts: ['Devanagari'], emoji: true, symbols: false });
    expect(adviceFor(['\u{1D11E}'])).toEqual({ scripts: [], emoji: false, symbols: true });
  });

  it('names a missing script once instead of listing its letters', () => {
    expect(describeChars(['ส', 'ม', '🥲', 'ช', 'न'])).toBe('Thai letters, 🥲, Devanagari letters');
  });

  it('has nothing to say about a deck every font covers', () => {
    expect(uncoveredFields(base, [])).toEqual([]);
  });
});
