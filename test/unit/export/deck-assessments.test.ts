// @vitest-environment node
// The client deck carries what the method asks of each assessment: the readiness verdict with
// the questions in the way, the value steps scored, the warning signs with where they hold and
// the five-employees test verbatim with its three judgements.
import { describe, expect, it } from 'vitest';
import { allSections, buildDeck } from '../../../src-renderer/export/deck-build';
import type { Slide } from '../../../src-renderer/export/deck-model';
import { createTextMeasure, parseFontBook } from '../../../src-renderer/export/text-measure';
import { fontBytesFromDisk, fullWorkshop } from '../../fixtures/export/full-workshop';
import { answeredRuns, shippedSets } from '../../fixtures/assessments/runs';

const m = createTextMeasure(parseFontBook(fontBytesFromDisk()));
const base = fullWorkshop({ personas: 1, journeys: 1, cardsPerJourney: 4, initiatives: 2, metrics: 2 });
const data = { ...base, assessments: answeredRuns(base.workshop.id), assessmentSets: shippedSets() };
const deck = buildDeck(data, { ...allSections, sections: ['assessment'] }, m);
/** All words on a slide, whatever block holds them. */
const words = (s: Slide) => JSON.stringify(s.blocks).replace(/\\"/g, '"');
const slide = (title: string) => {
  const s = deck.slides.find((x) => x.title === title);
  if (!s) throw new Error(`no slide "${title}" in ${deck.slides.map((x) => x.title).join(' | ')}`);
  return words(s);
};

describe('assessment slides', () => {
  it('the readiness slide gives the verdict and names what stands in the way', () => {
    const s = slide('Readiness check');
    expect(s).toContain('Not ready yet');
    expect(s).toMatch(/In the way: Why, not only what \(partly\) · Resources across the lifecycle \(no\)/);
    expect(s).toMatch(/Not answered yet: Measurement as a mandate/);
  });

  it('a ready room reads "ready"', () => {
    const ready = data.assessments.map((r) => r.set !== 'readiness' ? r : { ...r, answers: Object.fromEntries(shippedSets().readiness!.questions.map((q) => [q.id, { group: 'yes' as const }])) });
    const d = buildDeck({ ...data, assessments: ready }, { ...allSections, sections: ['assessment'] }, m);
    const s = words(d.slides.find((x) => x.title === 'Readiness check')!);
    expect(s).toContain('Ready: an honest yes to all five');
    expect(s).not.toContain('In the way');
  });

  it('the contrasts carry the three value steps, scored, with every item', () => {
    const s = deck.slides.find((x) => x.title === 'Seven contrasts: three value steps')!;
    const subtitle = s.blocks.find((b) => b.kind === 'text' && b.role === 'subtitle');
    expect(subtitle && 'lines' in subtitle ? subtitle.lines.join(' ') : '').toBe('Value creation 50% · Value delivery 0% · Value capture 50%');
    const w = words(s);
    expect(w).toContain('We decide what not to do');
    expect(w).toContain('Every product for every segment.');
    expect(w).toContain('Management meets customers.');
  });

  it('the warning signs name where each ticked sign holds', () => {
    expect(slide('Warning signs')).toContain('Signs seen: 1 company-wide · 1 local · 1 not marked');
    const s = slide('Warning signs: the signs the room sees');
    expect(s).toMatch(/Inward mission.*Company-wide/);
    expect(s).toMatch(/Product pitches.*Local/);
    expect(s).not.toContain('No personas or segments');
  });

  it('the five-employees test is in the deck, verbatim, judged uniform, clear and enthusing', () => {
    const s = deck.slides.find((x) => x.title === 'Five-employees test')!;
    const subtitle = s.blocks.find((b) => b.kind === 'text' && b.role === 'subtitle');
    expect(subtitle && 'lines' in subtitle ? subtitle.lines.join(' ') : '').toBe('5 answers from 5 departments · Uniform: 2/5 · Clear: 3/5 · Enthusing: not judged');
    const w = words(s);
    expect(w).toContain('“I am not sure it means anything for a customer.”');
    expect(w).toContain('Five different companies, and nobody is proud of it.');
  });

  it('a run without employees, value steps or ticked signs adds no empty slides', () => {
    const bare = data.assessments.map((r) => ({ ...r, answers: {}, employees: [], consistencyNote: '' }));
    const d = buildDeck({ ...data, assessments: bare }, { ...allSections, sections: ['assessment'] }, m);
    const titles = d.slides.map((x) => x.title);
    expect(titles).not.toContain('Five-employees test');
    expect(titles).not.toContain('Seven contrasts: three value steps');
    expect(titles).not.toContain('Warning signs: the signs the room sees');
  });
});
