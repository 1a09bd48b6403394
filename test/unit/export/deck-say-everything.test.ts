// @vitest-environment node
// Say everything, as it was typed, and never collide: one test per defect found when the deck of
// a realistic insurer's workshop was read page by page (each failed before its fix).
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../src-renderer/domain/metric';
import { personaInitials } from '../../../src-renderer/domain/persona';
import { allSections, buildDeck } from '../../../src-renderer/export/deck-build';
import { portfolioChart, radarChart } from '../../../src-renderer/export/deck-charts';
import { fitColumns } from '../../../src-renderer/export/deck-layout';
import { slideText, textBlocksOf, type Block } from '../../../src-renderer/export/deck-model';
import { createTextMeasure, parseFontBook } from '../../../src-renderer/export/text-measure';
import { fontBytesFromDisk } from '../../fixtures/export/full-workshop';
import { insurerTitle, insurerWorkshop } from '../../fixtures/export/insurer-workshop';
import { slideProblems } from './deck-geometry';

const m = createTextMeasure(parseFontBook(fontBytesFromDisk()));
const data = insurerWorkshop();
const deck = buildDeck(data, allSections, m);
const slide = (title: string) => deck.slides.find((s) => s.title === title && s.section !== 'divider')!;

describe('say everything, as it was typed', () => {
  it('keeps a metric value as typed: the currency sign and the plus stay', () => {
    expect(formatValue('£96', 'currency')).toBe('£96');
    expect(formatValue('+25', 'score')).toBe('+25');
    expect(formatValue('40', 'percent')).toBe('40%');
    expect(formatValue('12', 'days')).toBe('12 days');
    const plan = slideText(slide('Measurement plan'));
    expect(plan).toContain('£96');
    expect(plan).toContain('+25 (up)');
  });

  it('shows segment values with the currency the workshop types its money in', () => {
    const text = slideText(slide('Segment portfolio'));
    expect(text).toContain('£96');
    expect(text).toContain('£4.2 M');
  });

  it('draws a target only on the dimensions where the room set one, and leads the gaps with them', () => {
    const dims = [
      { label: 'A', score: 40, target: 80 },
      { label: 'B', score: 10, target: null },
      { label: 'C', score: 30, target: null },
    ];
    const blocks = radarChart(m, dims, { x: 0, y: 0, w: 400, h: 300 });
    expect(blocks.filter((b) => b.kind === 'path' && b.stroke?.dash)).toHaveLength(0);
    expect(blocks.filter((b) => b.kind === 'ellipse' && b.stroke && !b.fill?.startsWith('#2')).length).toBeGreaterThanOrEqual(1);
    const cap = slide('Capability self-assessment');
    const gaps = cap.blocks.find((b) => b.kind === 'table');
    if (gaps?.kind !== 'table') throw new Error('no gaps table');
    const rows = gaps.rows.slice(1).map((r) => r.cells.map((c) => c.lines.join(' ')));
    // The two dimensions with a target come first; the others say "Not set", with no gap.
    expect(rows.slice(0, 2).map((r) => r[0])).toEqual(['Customer information', 'Omnichannel']);
    expect(rows.slice(2).every((r) => r[2] === 'Not set' && r[3] === '–')).toBe(true);
    expect(slideText(cap)).not.toContain('(max)');
  });

  it('takes persona initials from the name, not from a descriptor after it', () => {
    expect(personaInitials('Margaret Hughes, loyal for 22 years')).toBe('MH');
    expect(personaInitials('Priya Shah – first-time buyer')).toBe('PS');
    expect(personaInitials('Zoë Müller-Løvås')).toBe('ZM');
    expect(textBlocksOf(slide('Margaret Hughes, loyal for 22 years')).some((t) => t.lines.join('') === 'MH')).toBe(true);
  });

  it('puts the quote bar beside the quote, clear of the opening quote mark', () => {
    const s = slide('Margaret Hughes, loyal for 22 years');
    const quote = textBlocksOf(s).find((t) => t.lines[0]?.startsWith('“'))!;
    const bar = s.blocks.find((b) => b.kind === 'rect' && b.w === 3);
    if (bar?.kind !== 'rect') throw new Error('no quote bar');
    expect(bar.x + bar.w).toBeLessThan(quote.x);
    expect(bar.h).toBeGreaterThan(quote.lineHeight);
  });

  it('says every initiative’s description, and the room’s consistency note even without answers', () => {
    const text = deck.slides.filter((s) => s.title.startsWith('Initiatives')).map(slideText).join('\n').replace(/\s+/g, ' ');
    for (const i of data.initiatives) expect(text).toContain(i.description);
    const noAnswers = buildDeck({ ...data, assessments: data.assessments.map((r) => ({ ...r, employees: [] })) }, { ...allSections, sections: ['assessment'] }, m);
    expect(noAnswers.slides.map(slideText).join('\n').replace(/\s+/g, ' ')).toContain(data.assessments[2]!.consistencyNote);
  });
});

describe('layouts that never collide', () => {
  it('keeps the 113-character title clear of the date and facilitator lines, each placed below it', () => {
    const t = deck.slides[0]!;
    expect(t.title).toBe(insurerTitle);
    expect(slideProblems(m, deck, t)).toEqual([]);
    const title = textBlocksOf(t).find((b) => b.role === 'title')!;
    const by = textBlocksOf(t).find((b) => b.role === 'facilitator')!;
    expect(by.y).toBeGreaterThanOrEqual(title.y + title.h);
  });

  it('pushes a long journey title’s subtitle down instead of drawing over it', () => {
    const j = data.journeys[0]!;
    const s = slide(j.name);
    const title = textBlocksOf(s).find((b) => b.role === 'title')!;
    const sub = textBlocksOf(s).find((b) => b.role === 'subtitle')!;
    expect(sub.y).toBeGreaterThanOrEqual(title.y + title.h);
    expect(slideProblems(m, deck, s)).toEqual([]);
  });

  it('places portfolio labels clear of every bubble and of each other, with leader lines when moved away', () => {
    const items = Array.from({ length: 8 }, (_, i) => ({ name: `Segment number ${i + 1}`, color: '#2f4fd8', size: 1000 * (i + 1), current: 100 + (i % 3) * 5, potential: 100 + (i % 2) * 5, note: 'High priority · fit 80%' }));
    const blocks = portfolioChart(m, items, { x: 0, y: 0, w: 420, h: 380 });
    const circles = blocks.filter((b) => b.kind === 'ellipse');
    const labels = blocks.filter((b) => b.kind === 'text' && b.lines.some((l) => l.startsWith('Segment number')));
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) {
      if (l.kind !== 'text' || circles.some((c) => c.kind !== 'ellipse')) continue;
      for (const c of circles) {
        if (c.kind !== 'ellipse') continue;
        const nx = Math.max(l.x, Math.min(c.cx, l.x + l.w));
        const ny = Math.max(l.y, Math.min(c.cy, l.y + l.h));
        expect((nx - c.cx) ** 2 + (ny - c.cy) ** 2).toBeGreaterThanOrEqual(c.rx ** 2);
      }
    }
    expect(slideProblems(m, { width: 960, height: 540 }, { id: 'x', section: 'segments', title: 'chart', blocks, chrome: false })).toEqual([]);
    // Eight bubbles on one spot: some labels must move away, and say whose they are with a line.
    expect(blocks.filter((b) => b.kind === 'line' && b.stroke.color && !b.stroke.dash).length).toBeGreaterThan(ticksLines(blocks));
  });

  it('ends a cut stage header and footer with an ellipsis; the overview names the stage in full', () => {
    const j = data.journeys[0]!;
    const detail = deck.slides.filter((s) => s.title === `${j.name} (continued)`);
    const headers = detail.flatMap((s) => textBlocksOf(s).map((t) => t.lines.join(' '))).filter((t) => t.startsWith('3  '));
    expect(headers.some((t) => t.endsWith('…'))).toBe(true);
    expect(slideText(slide(j.name))).toContain('3. Reporting the claim and getting a reference number');
    const footer = textBlocksOf(deck.slides.find((s) => s.chrome)!).filter((t) => t.role === 'footer');
    expect(footer.some((t) => t.lines[0]!.endsWith('…'))).toBe(true);
  });

  it('widens a table column to its longest word rather than cutting "Committed"', () => {
    const cols = fitColumns(m, [{ label: 'Item', width: 300 }, { label: 'Status', width: 30 }], [['A long item text here', 'Committed']]);
    expect(cols[1]!.width).toBeGreaterThanOrEqual(m.width('Committed', 8.5 + 0.001, false));
    expect(cols[0]!.width + cols[1]!.width).toBeCloseTo(330, 5);
  });
});

/** Tick marks on the axes are short unstyled lines too: count them to tell leader lines apart. */
function ticksLines(blocks: readonly Block[]): number {
  return blocks.filter((b) => b.kind === 'line' && !b.stroke.dash && (Math.abs(b.x1 - b.x2) <= 3.01 || Math.abs(b.y1 - b.y2) <= 3.01) && Math.hypot(b.x1 - b.x2, b.y1 - b.y2) <= 3.01).length;
}

describe('density', () => {
  it('opens each section with a finding of this workshop, not the app’s description; dividers can be left out', () => {
    const dividers = deck.slides.filter((s) => s.section === 'divider');
    const findings = dividers.map((s) => textBlocksOf(s).find((t) => t.role === 'finding')?.lines.join(' ') ?? '');
    expect(findings.every(Boolean)).toBe(true);
    expect(findings.join(' ')).toContain('38% overall, weakest on Competitive intelligence');
    expect(findings.join(' ')).not.toMatch(/purpose|Use it to/i);
    const lean = buildDeck(data, { ...allSections, dividers: false }, m);
    expect(lean.slides.filter((s) => s.section === 'divider')).toHaveLength(0);
    expect(lean.slides.length).toBe(deck.slides.length - dividers.length);
  });

  it('gives each journey a one-slide overview with a scaled emotion curve before its detail', () => {
    for (const j of data.journeys) {
      const i = deck.slides.findIndex((s) => s.title === j.name && s.section === 'journeys');
      const text = slideText(deck.slides[i]!);
      for (const v of ['+3', '0', '-3']) expect(text).toContain(v);
      expect(deck.slides[i + 1]!.title).toBe(`${j.name} (continued)`);
    }
  });

  it('lets small tables share a slide, so no content slide is left mostly empty', () => {
    expect(deck.slides.some((s) => s.title === 'Decisions · Parking lot')).toBe(true);
    expect(deck.slides.some((s) => s.title === 'Readiness check: how each person scored · commitments')).toBe(true);
    // How far down the content area each slide's content reaches (before: 11 %, 22 %, 32 %, 33 %).
    for (const s of deck.slides.filter((x) => x.chrome)) {
      let bottom = 104;
      for (const b of s.blocks) {
        if (b.kind === 'text' && b.role !== 'footer') bottom = Math.max(bottom, b.y + b.h);
        if (b.kind === 'rect') bottom = Math.max(bottom, b.y + b.h);
        if (b.kind === 'table') bottom = Math.max(bottom, b.y + b.rows.reduce((n, r) => n + r.h, 0));
      }
      expect((bottom - 104) / (492 - 104), s.title).toBeGreaterThan(0.38);
    }
  });

  it('puts a persona on one slide when it fits', () => {
    expect(deck.slides.filter((s) => s.title.startsWith('Daniel Okafor'))).toHaveLength(1);
  });
});
