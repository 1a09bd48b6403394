// @vitest-environment node
// The exported files read back as a client would: the PDF through pdftotext (poppler) and
// the PowerPoint as the zip it is. Every title, persona name and metric must be there, in
// every script the fixture uses (accented, Greek, Cyrillic, CJK).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { allSections, buildDeck } from '../../../src-renderer/export/deck-build';
import type { Deck } from '../../../src-renderer/export/deck-model';
import { buildRoadmapPoster } from '../../../src-renderer/export/deck-roadmap';
import { renderPdf } from '../../../src-renderer/export/pdf-render';
import { renderPptx } from '../../../src-renderer/export/pptx-render';
import { csvOf } from '../../../src-renderer/export/export-files';
import { createTextMeasure, parseFontBook } from '../../../src-renderer/export/text-measure';
import { fontBytesFromDisk, fullWorkshop, personaNames } from '../../fixtures/export/full-workshop';

const fonts = fontBytesFromDisk();
const m = createTextMeasure(parseFontBook(fonts));
const data = fullWorkshop();
const deck: Deck = buildDeck(data, allSections, m);
const dir = mkdtempSync(join(tmpdir(), 'centric-deck-'));

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const poppler = hasPdftotext();
if (!poppler) console.warn('pdftotext (poppler-utils) is not installed: the PDF read-back tests are skipped.');

/** Text without white space and hyphens: pdftotext breaks lines, adds spaces and joins hyphenated line ends. */
const squash = (s: string) => s.normalize('NFC').replace(/[\s-]+/g, '');

const expected = [
  data.workshop.client,
  data.workshop.title,
  'Sofia Castellanos',
  ...personaNames,
  ...data.segments.map((s) => s.name),
  ...data.journeys.map((j) => j.name),
  ...data.metrics.map((x) => x.name),
  ...data.initiatives.map((i) => i.title),
  'Readiness check',
  // The brainstorm's themes and the vote's result.
  'What would make a claim feel effortless?', 'Claims without chasing', 'Renewal without surprises', 'Which theme do we take on first?',
];

describe.skipIf(!poppler)('PDF read back with pdftotext', () => {
  let text = '';
  let pages = 0;
  beforeAll(() => {
    const file = join(dir, 'deck.pdf');
    const bytes = renderPdf({ deck, measure: m, fonts });
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    writeFileSync(file, bytes);
    text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  });

  it('has one page per slide', () => {
    expect(pages).toBe(deck.slides.length);
  });

  it('contains every title, persona, segment, journey, initiative and metric, in every script', () => {
    const missing = expected.filter((t) => !text.includes(squash(t)));
    expect(missing).toEqual([]);
    for (const s of deck.slides) expect(text, s.title).toContain(squash(s.title));
  });

  it('prints the roadmap as an A3 landscape poster with every initiative, its description, owner and metrics', () => {
    const file = join(dir, 'roadmap.pdf');
    const poster = buildRoadmapPoster(data, m);
    writeFileSync(file, renderPdf({ deck: poster, measure: m, fonts }));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    // This fixture's 30 described initiatives do not fit one page at poster type sizes: whole
    // lanes go on as few A3 pages as they need, never more pages than lanes.
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeLessThanOrEqual(4);
    expect(info).toMatch(/Page size:\s+1190\.5\d* x 841\.8\d* pts/);
    const t = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    for (const i of data.initiatives) {
      expect(t).toContain(squash(i.title));
      if (i.description.trim()) expect(t).toContain(squash(i.description));
      if (i.owner.trim()) expect(t).toContain(squash(`Owner: ${i.owner}`));
    }
    for (const x of data.metrics.filter((x) => x.initiativeId && data.initiatives.some((i) => i.id === x.initiativeId))) expect(t).toContain(squash(x.name));
    expect(t).toContain(squash('Acquisition'));
    expect(t).not.toContain(squash('Acquisition lane'));
  });

  it('does not embed the CJK font when no text needs it', () => {
    const latin = buildDeck({ ...data, personas: data.personas.slice(0, 1).map((p) => ({ ...p, quote: '', pains: [], goals: [], needs: [], gains: [], behaviours: [], channels: [], motivations: [] })), journeys: [], segments: [], initiatives: [], metrics: [], log: [], assessments: [] }, allSections, m);
    expect(latin.needsCjk).toBe(false);
    const bytes = renderPdf({ deck: latin, measure: m, fonts });
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('DroidSansFallback');
  });
});

describe('PowerPoint', () => {
  it('has one slide per deck slide, with the same text as editable text boxes and tables', async () => {
    const zip = await JSZip.loadAsync(await renderPptx({ deck, measure: m }));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(deck.slides.length);
    let xml = '';
    for (const f of slides) xml += await zip.file(f)!.async('string');
    const text = squash(xml.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
    expect(expected.filter((t) => !text.includes(squash(t)))).toEqual([]);
    expect(xml).toContain('<a:tbl>');
    expect(xml).toContain('txBox="1"');
  });
});

describe('CSV tables', () => {
  it('writes the measurement plan through export/csv.ts', () => {
    const csv = csvOf(data, 'measurement');
    expect(csv.startsWith('\uFEFF"Stage"')).toBe(true);
    expect(csv.split('\r\n').length).toBe(data.metrics.length + 2);
    for (const x of data.metrics) expect(csv).toContain(x.name);
  });
});
