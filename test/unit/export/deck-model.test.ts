// @vitest-environment node
// The deck model on the full-workshop fixture: which sections appear, continuation slides,
// and that no text block is wider or taller than its box (measured with the embedded fonts).
import { describe, expect, it } from 'vitest';
import { allSections, buildDeck } from '../../../src-renderer/export/deck-build';
import { textBlocksOf, type Block, type Deck } from '../../../src-renderer/export/deck-model';
import { buildRoadmapPoster } from '../../../src-renderer/export/deck-roadmap';
import { createTextMeasure, parseFontBook, wrapText } from '../../../src-renderer/export/text-measure';
import { fontBytesFromDisk, fullWorkshop, personaNames } from '../../fixtures/export/full-workshop';

const m = createTextMeasure(parseFontBook(fontBytesFromDisk()));
const data = fullWorkshop();
const deck = buildDeck(data, allSections, m);

function overflowing(d: Deck): string[] {
  const bad: string[] = [];
  d.slides.forEach((s, i) => {
    for (const t of textBlocksOf(s)) {
      const widest = Math.max(0, ...t.lines.map((l) => m.width(l, t.size, t.bold)));
      if (widest > t.w + 0.01) bad.push(`slide ${i + 1} "${s.title}": "${t.lines.join(' ')}" is ${widest.toFixed(1)} pt wide in a ${t.w.toFixed(1)} pt box`);
      if (t.lines.length * t.lineHeight > t.h + 0.01) bad.push(`slide ${i + 1} "${s.title}": ${t.lines.length} lines do not fit ${t.h.toFixed(1)} pt`);
      if (t.y + t.h > d.height + 0.01 || t.x + t.w > d.width + 0.01 || t.x < 0 || t.y < 0) bad.push(`slide ${i + 1} "${s.title}": text box off the page`);
    }
  });
  return bad;
}

/**
 * The body rows of the table titled `title`: alone on its slide, or under its heading on a slide
 * it shares with other short tables.
 */
function rowsUnder(title: string): string[][] {
  const cells = (b: Block) => (b.kind === 'table' ? b.rows.slice(1).map((r) => r.cells.map((c) => c.lines.join(' '))) : []);
  const alone = deck.slides.find((s) => s.title === title && s.section !== 'divider');
  if (alone) return alone.blocks.flatMap(cells);
  for (const s of deck.slides) {
    const i = s.blocks.findIndex((b) => b.kind === 'text' && b.role === 'heading' && b.lines.join(' ').startsWith(title));
    if (i >= 0) return cells(s.blocks.slice(i).find((b) => b.kind === 'table')!);
  }
  throw new Error(`no table titled ${title}`);
}

describe('deck model', () => {
  it('never lets text overflow its box, on any slide of the full workshop', () => {
    expect(overflowing(deck)).toEqual([]);
    expect(overflowing(buildRoadmapPoster(data, m))).toEqual([]);
  });

  it('keeps content blocks inside the content area, above the footer', () => {
    deck.slides.forEach((s, i) => {
      for (const t of textBlocksOf(s)) if (t.role !== 'footer' && s.chrome) expect(t.y + t.h, `slide ${i + 1} ${s.title}: ${t.lines[0]}`).toBeLessThanOrEqual(500);
    });
  });

  it('has a title slide, the agenda, a divider per section and page numbers', () => {
    expect(deck.slides[0]!.section).toBe('title');
    expect(deck.slides[1]!.title).toBe('Agenda');
    expect(deck.slides.filter((s) => s.section === 'divider').map((s) => s.title)).toEqual([
      'Assessment results', 'Personas', 'Segment value maps', 'Customer journeys', 'Lifecycle roadmap', 'Measurement plan', 'Ideas and votes', 'Decisions & actions',
    ]);
    const n = deck.slides.length;
    expect(deck.slides[n - 1]!.blocks.some((b) => b.kind === 'text' && b.lines[0] === `${n} / ${n}`)).toBe(true);
  });

  it('puts every persona on its own slide, and continues a long one', () => {
    for (const name of personaNames) expect(deck.slides.some((s) => s.title === name)).toBe(true);
    // The first persona has 17 pains: it does not fit one slide.
    expect(deck.slides.some((s) => s.title === `${personaNames[0]} (continued)`)).toBe(true);
  });

  it('splits big journeys and long tables onto continuation slides, losing no card or metric', () => {
    for (const j of data.journeys) {
      const slides = deck.slides.filter((s) => s.section === 'journeys' && s.title.startsWith(j.name));
      expect(slides.length).toBeGreaterThan(1);
      const cardLines = slides.flatMap((s) => s.blocks.filter((b) => b.kind === 'text' && b.role === 'card').map((b) => (b.kind === 'text' ? b.lines.join(' ') : '')));
      expect(cardLines).toHaveLength(data.cards.filter((c) => c.journeyId === j.id).length);
    }
    const plan = deck.slides.filter((s) => s.section === 'measurement');
    expect(plan.length).toBeGreaterThan(1);
    expect(plan[1]!.title).toBe('Measurement plan (continued)');
    const rows = plan.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.slice(1) : [])));
    expect(rows).toHaveLength(data.metrics.length);
  });

  it('includes only the chosen sections, personas and journeys', () => {
    const d = buildDeck(data, { sections: ['personas', 'journeys'], personaIds: ['p-1'], journeyIds: ['j-2'] }, m);
    expect(d.slides.filter((s) => s.section === 'divider').map((s) => s.title)).toEqual(['Personas', 'Customer journeys']);
    expect(new Set(d.slides.filter((s) => s.section === 'personas').map((s) => s.title.replace(' (continued)', '')))).toEqual(new Set([personaNames[1]]));
    expect(new Set(d.slides.filter((s) => s.section === 'journeys').map((s) => s.title.replace(' (continued)', '')))).toEqual(new Set([data.journeys[2]!.name]));
    expect(d.slides.some((s) => s.title === 'Agenda')).toBe(false);
  });

  it('shows a revealed brainstorm by theme and a closed vote ranked, with its top items tagged', () => {
    const cellsOf = (title: string) => rowsUnder(title);
    const themes = cellsOf('What would make a claim feel effortless?');
    expect(themes.map((r) => r[0])).toEqual(['Claims without chasing', 'Renewal without surprises', 'Not grouped']);
    // Kept ideas under their theme; the dropped one ("Photos of the damage") is not shown.
    expect(themes[0]![1]).toContain('• Call back within one hour after a claim');
    expect(themes.flat().join(' ')).not.toContain('Photos of the damage');
    expect(themes[1]![2]).toBe('Roadmap: Retention');
    expect(themes[2]![1]).toContain('A status page for every open claim');

    const ranked = cellsOf('Which theme do we take on first?');
    // 4 dots on the renewal theme, 3 on "Call back", 2 on the claims theme, then three with 1 (tied 4th).
    expect(ranked.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['1', 'Renewal without surprises', '4'], ['2', 'Call back within one hour after a claim', '3'], ['3', 'Claims without chasing', '2'],
      ['4', 'Plain-language renewal letter', '1'], ['4', 'Show last year’s price next to the new one', '1'], ['4', 'A status page for every open claim', '1'],
    ]);
    expect(ranked.filter((r) => r[4] === 'Top 2').map((r) => r[1])).toEqual(['Renewal without surprises', 'Call back within one hour after a claim']);
  });

  it('shows how each person scored an assessment on their phone, the widest disagreement first, without names', () => {
    const rows = rowsUnder('Readiness check: how each person scored');
    // One truth: yes, no and two partly (the full range) leads; evidence quoted, nobody named.
    expect(rows[0]![0]).toBe('One customer truth');
    expect(rows[0]![1]).toBe('Yes: 1 · Partly: 2 · No: 1');
    expect(rows[0]![4]).toContain('“Claims keep their own records”');
    expect(rows.find((r) => r[0] === 'Measurement as a mandate')![3]).toBe('1');
    expect(rows).toHaveLength(5);
    // It follows the run's own results slide.
    const at = deck.slides.findIndex((s) => s.title.startsWith('Readiness check: how each person scored'));
    expect(deck.slides[at - 1]!.title).toMatch(/Readiness check/);
  });

  it('leaves out a brainstorm not yet revealed and a vote still open', () => {
    const d = buildDeck({ ...data, exercises: data.exercises.map((e) => (e.kind === 'brainstorm' ? { ...e, revealedAt: null } : e.kind === 'vote' ? { ...e, closedAt: null } : e)) }, allSections, m);
    expect(d.slides.some((s) => s.section === 'ideas' || s.title === 'Ideas and votes')).toBe(false);
  });

  it('leaves out empty sections', () => {
    const d = buildDeck({ ...data, metrics: [], log: [] }, allSections, m);
    expect(d.slides.some((s) => s.title === 'Measurement plan' || s.title === 'Decisions & actions')).toBe(false);
  });

  it('knows when CJK is needed and which characters no font has', () => {
    expect(deck.needsCjk).toBe(true);
    expect(deck.uncovered).toEqual([]);
    // The emoji fallback font draws 🚀; 🥲 (Unicode 13) is newer than it.
    const log = [{ ...data.log[0]!, text: 'Launch team 🚀 by Friday 🥲' }];
    const latin = buildDeck({ ...data, personas: [], journeys: [], segments: [], initiatives: [], metrics: [], log, assessments: [] }, allSections, m);
    expect(latin.uncovered).toEqual(['🥲']);
    expect(latin.needsCjk).toBe(false);
  });
});

describe('text measurement', () => {
  it('measures with the fonts’ advance widths and wraps without losing text', () => {
    expect(m.width('iiii', 10, false)).toBeLessThan(m.width('MMMM', 10, false));
    expect(m.width('Bold', 10, true)).toBeGreaterThan(m.width('Bold', 10, false));
    const text = 'Ein sehr langes Wort: Donaudampfschifffahrtsgesellschaftskapitänswitwe und 日本語の文章はスペースなしで折り返されます。';
    const lines = wrapText(m, text, 80, 10, false);
    for (const l of lines) expect(m.width(l, 10, false)).toBeLessThanOrEqual(80);
    // The long word is cut with a hyphen at each break; nothing else is added or lost.
    expect(lines.filter((l) => /\p{L}-$/u.test(l)).length).toBeGreaterThan(0);
    expect(lines.map((l) => l.replace(/(\p{L})-$/u, '$1')).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  it('breaks a word only when it alone is wider than the line, and then with a hyphen', () => {
    const w = m.width('Rückgewinnung', 10, false) + 1;
    const lines = wrapText(m, 'Committed Rückgewinnung Kundenrückgewinnungsmaßnahmenkatalog', w, 10, false);
    for (const l of lines) expect(m.width(l, 10, false)).toBeLessThanOrEqual(w);
    expect(lines.slice(0, 2)).toEqual(['Committed', 'Rückgewinnung']);
    expect(lines.slice(2, -1).every((l) => l.endsWith('-'))).toBe(true);
  });

  it('splits text into runs per font', () => {
    expect(m.runs('Tokyo 東京', false).map((r) => r.face)).toEqual(['regular', 'cjk']);
    expect(m.runs('Ωmega Дом', true).map((r) => r.face)).toEqual(['bold']);
  });
});
