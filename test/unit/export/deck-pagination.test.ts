// @vitest-environment node
// Pagination quality: content that needs more than one slide is spread evenly, so no
// "(continued)" slide holds only a short tail; a value map that overflows by a little is
// tightened onto one slide; journeys keep whole lanes together; long tables rebalance their
// last two pages. Every item still appears exactly once.
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../src-renderer/domain/segment';
import { allSections, buildDeck, VALUE_MAP_MIN_SIZE } from '../../../src-renderer/export/deck-build';
import { balancedGroups, defaultTableStyle, lineHeightOf, paginateTable, tableHeight, theme } from '../../../src-renderer/export/deck-layout';
import { textBlocksOf, type Slide } from '../../../src-renderer/export/deck-model';
import { createTextMeasure, parseFontBook } from '../../../src-renderer/export/text-measure';
import { fontBytesFromDisk, fullWorkshop, segmentNames } from '../../fixtures/export/full-workshop';

const m = createTextMeasure(parseFontBook(fontBytesFromDisk()));
const data = fullWorkshop();
const deck = buildDeck(data, allSections, m);
const M = theme.margin;
const available = M.contentBottom - M.contentTop;

/** Items on a slide (bullets, journey cards, table body rows) and how far down the content reaches, as a share of the room. */
function fillOf(s: Slide): { items: number; height: number } {
  let items = 0;
  let bottom: number = M.contentTop;
  for (const b of s.blocks) {
    if (b.kind === 'text' && (b.role === 'item' || b.role === 'card')) {
      items++;
      bottom = Math.max(bottom, b.y + b.h);
    }
    if (b.kind === 'table') {
      items += b.rows.length - 1;
      bottom = Math.max(bottom, b.y + tableHeight(b));
    }
  }
  return { items, height: (bottom - M.contentTop) / available };
}

const base = (title: string) => title.replace(/ \(continued\)$/, '');

/** Slides grouped by the title they continue (only groups with a continuation). */
function continuedGroups(slides: readonly Slide[]): Slide[][] {
  const groups = new Map<string, Slide[]>();
  for (const s of slides) {
    if (s.section === 'divider' || s.section === 'title') continue;
    const k = `${s.section}|${base(s.title)}`;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  return [...groups.values()].filter((g) => g.some((s) => s.title.endsWith('(continued)')));
}

function segmentDeck(seg: Segment) {
  return buildDeck({ ...data, segments: [seg], personas: [] }, { sections: ['segments'], personaIds: null, journeyIds: null }, m);
}

function needs(n: number, text: (i: number) => string, kinds: readonly Segment['needs'][number]['kind'][] = ['job']): Segment['needs'] {
  return Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: kinds[i % kinds.length]!, text: text(i), importance: 3 }));
}

describe('deck pagination', () => {
  it('fills every continuation slide of the full workshop to at least a quarter', () => {
    const groups = continuedGroups(deck.slides);
    expect(groups.length).toBeGreaterThan(5);
    const thin: string[] = [];
    for (const g of groups) {
      const fills = g.map(fillOf);
      const most = Math.max(...fills.map((f) => f.items));
      g.forEach((s, i) => {
        if (!s.title.endsWith('(continued)')) return;
        const f = fills[i]!;
        if (f.items < 0.25 * most || f.height < 0.25) thin.push(`"${s.title}": ${f.items} of up to ${most} items, ${Math.round(f.height * 100)}% of the height`);
      });
    }
    expect(thin).toEqual([]);
  });

  it('puts each value map of the full workshop on one slide', () => {
    for (const name of segmentNames) {
      expect(deck.slides.filter((s) => s.title === name)).toHaveLength(1);
      expect(deck.slides.some((s) => s.title === `${name} (continued)`)).toBe(false);
    }
  });

  it('tightens a value map that overflows by one item onto one slide, never below the minimum type size', () => {
    // At the default spacing, 11 one-line needs are taller than the room under the key figures.
    const itemH = lineHeightOf(theme.size.caption + 0.5) + lineHeightOf(theme.size.micro - 0.5);
    const headingH = lineHeightOf(theme.size.small - 1) + 6 + 3;
    const room = M.contentBottom - (M.contentTop + 46 + 16 + 20);
    expect(headingH + 11 * itemH + 10 * 5).toBeGreaterThan(room);
    expect(headingH + 10 * itemH + 9 * 5).toBeLessThanOrEqual(room);

    const seg: Segment = { ...data.segments[0]!, description: '', offers: [], needs: needs(11, (i) => `Short need number ${i + 1}`) };
    const d = segmentDeck(seg);
    const maps = d.slides.filter((s) => s.title.startsWith(seg.name));
    expect(maps.map((s) => s.title)).toEqual([seg.name]);
    const items = textBlocksOf(maps[0]!).filter((t) => t.role === 'item');
    expect(items.map((t) => t.lines.join(' '))).toEqual(seg.needs.map((n) => n.text));
    for (const t of items) expect(t.size).toBeGreaterThanOrEqual(VALUE_MAP_MIN_SIZE);
  });

  it('spreads a value map that truly needs two slides evenly, with needs and offers on both', () => {
    const long = (i: number) => `Need ${i + 1}: ${'wants a clear answer from one named person before anything else happens '.repeat(1 + (i % 2)).trim()}`;
    const ns = needs(40, long, ['job', 'pain', 'gain']);
    const offers: Segment['offers'] = Array.from({ length: 24 }, (_, i) => ({ id: `o${i}`, kind: (['product', 'pain-reliever', 'gain-creator'] as const)[i % 3]!, text: `Offer ${i + 1}: a named case handler`, needIds: [`n${i}`] }));
    const seg: Segment = { ...data.segments[0]!, needs: ns, offers };
    const d = segmentDeck(seg);
    const maps = d.slides.filter((s) => s.title.startsWith(seg.name));
    expect(maps.length).toBeGreaterThan(1);
    expect(maps.slice(1).every((s) => s.title === `${seg.name} (continued)`)).toBe(true);
    const texts = maps.flatMap((s) => textBlocksOf(s).filter((t) => t.role === 'item').map((t) => t.lines.join(' ')));
    expect(texts.sort()).toEqual([...ns.map((n) => n.text), ...offers.map((o) => o.text)].map((t) => t.replace(/\s+/g, ' ')).sort());
    const counts = maps.map((s) => fillOf(s).items);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(0.5 * Math.max(...counts));
    const mid = 48 + (960 - 96 - 24) / 2 + 12;
    for (const s of maps) {
      const items = textBlocksOf(s).filter((t) => t.role === 'item');
      expect(items.some((t) => t.x < mid)).toBe(true);
      expect(items.some((t) => t.x > mid)).toBe(true);
    }
  });

  it('keeps every journey lane whole and spreads the lanes evenly over the slides', () => {
    for (const j of data.journeys) {
      // The detail slides (the overview comes first, titled with the journey alone).
      const slides = deck.slides.filter((s) => s.section === 'journeys' && s.title === `${j.name} (continued)`);
      expect(slides.length).toBeGreaterThan(1);
      const laneNames = slides.flatMap((s) => textBlocksOf(s).map((t) => t.lines.join(' ')).filter((t) => t.endsWith('(cont.)')));
      expect(laneNames).toEqual([]);
      const heights = slides.map((s) => fillOf(s).height);
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(0.5 * Math.max(...heights));
    }
  });

  it('shows every persona claim exactly once, spread evenly over the persona’s slides', () => {
    for (const p of data.personas) {
      const slides = deck.slides.filter((s) => s.section === 'personas' && base(s.title) === p.name);
      const claims = [p.goals, p.needs, p.pains, p.gains, p.behaviours, p.channels, p.motivations].flat().filter((c) => c.text.trim());
      const counts = slides.map((s) => fillOf(s).items);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(claims.length);
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(0.5 * Math.max(...counts));
    }
  });

  it('rebalances a table whose last page would hold a single row', () => {
    const cols = [{ label: 'Item', width: 400 }];
    const lh = lineHeightOf(defaultTableStyle.size);
    const rowH = lh + 2 * defaultTableStyle.padY;
    const room = 300;
    const perPage = Math.floor((room - rowH) / rowH);
    const rows = Array.from({ length: perPage + 1 }, (_, i) => [`Row ${i + 1}`]);
    const pages = paginateTable(m, cols, rows, { x: 48, y: 104 }, room, room);
    expect(pages).toHaveLength(2);
    const counts = pages.map((t) => t.rows.length - 1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(Math.abs(counts[0]! - counts[1]!)).toBeLessThanOrEqual(1);
    for (const t of pages) {
      expect(t.rows[0]!.cells[0]!.lines).toEqual(['Item']);
      expect(tableHeight(t)).toBeLessThanOrEqual(room + 0.01);
    }
    // A last page that is already well filled is left alone.
    const fuller = paginateTable(m, cols, Array.from({ length: perPage + Math.ceil(perPage / 2) }, (_, i) => [`Row ${i + 1}`]), { x: 48, y: 104 }, room, room);
    expect(fuller[0]!.rows.length - 1).toBe(perPage);
  });

  it('groups heights into as few, as even groups as possible', () => {
    expect(balancedGroups([10, 10, 10, 10, 10], 40)).toEqual([[0, 1, 2], [3, 4]]);
    expect(balancedGroups([30, 30, 30, 5], 60)).toEqual([[0, 1], [2, 3]]);
    expect(balancedGroups([10, 80, 10], 50)).toEqual([[0], [1], [2]]);
    expect(balancedGroups([], 50)).toEqual([]);
  });
});
