// @vitest-environment node
// The PowerPoint built for editing, the firm's own look and the A3 poster, read back from the
// files: the PPTX unzipped and its XML checked (layouts with placeholders that the slides use,
// text boxes of several paragraphs, native charts holding the data, the brand's colour in the
// theme and the shapes), the poster's model checked for its page and its type sizes.
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { brandOf, checkLogo, colourProblem, sniffLogo, type Brand } from '../../../src-renderer/domain/brand';
import { defaultSettings, settingsFromRows } from '../../../src-renderer/domain/settings';
import { allSections, buildDeck } from '../../../src-renderer/export/deck-build';
import { applyBrand } from '../../../src-renderer/export/deck-brand';
import { A3, buildRoadmapPoster, legendNote } from '../../../src-renderer/export/deck-roadmap';
import { groupShapes, renderPptx } from '../../../src-renderer/export/pptx-render';
import { slideSvg } from '../../../src-renderer/export/svg-render';
import { createTextMeasure, parseFontBook } from '../../../src-renderer/export/text-measure';
import { readRoadmapSettings } from '../../../src-renderer/domain/roadmap';
import { colors } from '../../../src-renderer/ui/tokens';
import { fontBytesFromDisk, fullWorkshop } from '../../fixtures/export/full-workshop';

const fonts = fontBytesFromDisk();
const m = createTextMeasure(parseFontBook(fonts));
const data = fullWorkshop();
const deck = buildDeck(data, allSections, m);

/** A 1 × 1 PNG (the smallest valid one) as bytes and as a data URL. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (ch) => ch.charCodeAt(0));
const PNG_URL = `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`;

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = (f: string) => zip.file(f)!.async('string');
  const names = Object.keys(zip.files);
  const slides = names.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));
  return { zip, read, names, slides };
}

describe('PowerPoint built for editing', () => {
  const pptx = renderPptx({ deck, measure: m }).then(unzip);

  it('has slide layouts with title and body placeholders, and every slide uses one with its title in the title placeholder', async () => {
    const { read, names, slides } = await pptx;
    const layouts = await Promise.all(names.filter((f) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(f)).map(read));
    expect(layouts.some((x) => /<p:ph[^>]*type="title"/.test(x) && /<p:ph[^>]*type="body"/.test(x))).toBe(true);
    expect(layouts.some((x) => x.includes('name="Title and Content"') || x.includes('Title and Content'))).toBe(true);
    let withBody = 0;
    for (const [n, f] of slides.entries()) {
      const xml = await read(f);
      const rels = await read(f.replace('slides/', 'slides/_rels/') + '.rels');
      expect(rels).toMatch(/slideLayouts\/slideLayout\d+\.xml/);
      // The deck slide's title text is inside the title placeholder shape.
      const sp = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map((x) => x[0]).find((s) => /<p:ph[^>]*type="title"/.test(s));
      expect(sp, `slide ${n + 1}`).toBeDefined();
      const title = deck.slides[n]!.blocks.find((b) => b.kind === 'text' && b.role === 'title');
      // (A title may be several runs, one per language: their text together.)
      const spText = [...sp!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((x) => x[1]).join('');
      if (title && title.kind === 'text') expect(spText).toContain(title.lines[0]!.replace(/&/g, '&amp;'));
      if (/<p:ph[^>]*type="body"/.test(xml)) withBody++;
    }
    expect(withBody).toBeGreaterThan(5);
  });

  it('writes a list as one text box of bulleted paragraphs, not a box per line or per bullet', async () => {
    const { read, slides } = await pptx;
    const persona = deck.slides.findIndex((s) => s.section === 'personas');
    const xml = await read(slides[persona]!);
    const boxes = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map((x) => x[0]).filter((s) => s.includes('txBox="1"'));
    const list = boxes.find((s) => (s.match(/<a:buChar/g) ?? []).length >= 3);
    expect(list).toBeDefined();
    expect((list!.match(/<a:p>/g) ?? []).length).toBeGreaterThanOrEqual(6);
    // Far fewer shapes than the deck model has text blocks on that slide.
    const textBlocks = deck.slides[persona]!.blocks.filter((b) => b.kind === 'text').length;
    expect(boxes.length).toBeLessThan(textBlocks * 0.7);
  });

  it('keeps a paragraph as typed, not cut into its measured lines', async () => {
    const { read, slides } = await pptx;
    let xml = '';
    for (const f of slides) xml += await read(f);
    const long = deck.slides.flatMap((s) => s.blocks).find((b) => b.kind === 'text' && b.lines.length >= 3 && b.paragraphs?.length === 1 && !b.group);
    expect(long).toBeDefined();
    if (long?.kind === 'text') expect(xml).toContain(`<a:t>${long.paragraphs![0]!.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</a:t>`);
  });

  it('draws the radar, the segment portfolio and impact/effort as native charts holding their data', async () => {
    const { read, names } = await pptx;
    const charts = await Promise.all(names.filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).map(read));
    const radar = charts.find((x) => x.includes('<c:radarChart>'));
    const bubble = charts.find((x) => x.includes('<c:bubbleChart>'));
    const scatter = charts.find((x) => x.includes('<c:scatterChart>'));
    expect(radar && bubble && scatter).toBeTruthy();
    // The bubbles' values: every segment's current and potential value.
    const bubbleSpec = deck.slides.flatMap((s) => s.blocks).find((b) => b.chart?.type === 'bubble')!.chart!;
    expect(bubbleSpec.series[0]!.labels).toEqual(expect.arrayContaining(data.segments.map((s) => s.name)));
    for (const v of [...bubbleSpec.series[0]!.xs!, ...bubbleSpec.series[0]!.values]) expect(bubble).toContain(`<c:v>${v}</c:v>`);
    // Each initiative's effort and impact are in the scatter's caches.
    for (const it of data.initiatives.slice(0, 5)) {
      expect(scatter).toContain(`<c:v>${it.effort}</c:v>`);
      expect(scatter).toContain(`<c:v>${it.impact}</c:v>`);
    }
    // The radar's dimension names are its categories.
    const radarSlide = deck.slides.flatMap((s) => s.blocks).find((b) => b.chart?.type === 'radar')!;
    for (const cat of radarSlide.chart!.categories!) expect(radar).toContain(cat.replace(/&/g, '&amp;'));
  });

  it('leaves the shapes a native chart replaces out of the slide (a radar was 56 loose shapes)', async () => {
    const { read, slides } = await pptx;
    const at = deck.slides.findIndex((s) => s.blocks.some((b) => b.chart?.type === 'radar'));
    const xml = await read(slides[at]!);
    const native = deck.slides[at]!.blocks.filter((b) => b.native).length;
    expect(native).toBeGreaterThan(15);
    expect((xml.match(/<p:sp>/g) ?? []).length).toBeLessThan(deck.slides[at]!.blocks.length - native + 5);
    expect(xml).toContain('<p:graphicFrame>');
  });

  it('groups the shapes of a figure', () => {
    const sp = (name: string, x: number) => `<p:sp><p:nvSpPr><p:cNvPr id="${x}" name="${name}"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="${x * 100}" y="10"/><a:ext cx="50" cy="20"/></a:xfrm></p:spPr></p:sp>`;
    const xml = `<p:spTree>${sp('a', 1)}${sp('grp:g1', 2)}${sp('grp:g1', 3)}${sp('b', 4)}</p:spTree>`;
    const out = groupShapes(xml);
    expect(out.match(/<p:grpSp>/g)).toHaveLength(1);
    expect(out).toContain('<a:off x="200" y="10"/><a:ext cx="150" cy="20"/><a:chOff x="200" y="10"/>');
    expect(out.indexOf('name="a"')).toBeLessThan(out.indexOf('<p:grpSp>'));
  });
});

describe('the firm’s own look', () => {
  const brand: Brand = { primary: '#7a1f5c', accent: '#1d5f8a', typeface: 'liberation-sans', logo: PNG_URL };

  it('reads the brand from settings, ignoring unset and damaged values', () => {
    expect(brandOf(defaultSettings, colors)).toBeNull();
    const s = settingsFromRows([{ key: 'brandPrimary', value: '#7A1F5C' }, { key: 'brandAccent', value: 'teal' }, { key: 'brandTypeface', value: 'comic-sans' }]);
    expect(brandOf(s, colors)).toEqual({ primary: '#7a1f5c', accent: colors.accent, typeface: 'noto-sans', logo: '' });
  });

  it('refuses a colour white text cannot sit on, and a logo that is not a PNG or JPEG or is too large', () => {
    expect(colourProblem('#ffe066', 'Main colour')).toMatch(/too light/);
    expect(colourProblem('#7a1f5c', 'Main colour')).toBeNull();
    expect(colourProblem('blue', 'Main colour')).toMatch(/like #1f4e79/);
    expect(sniffLogo(PNG)).toEqual({ mime: 'image/png', width: 1, height: 1 });
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(checkLogo('logo.svg', svg)).toEqual({ ok: false, error: expect.stringMatching(/not a PNG or JPEG/) as unknown as string });
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(PNG);
    expect(checkLogo('huge.png', big)).toEqual({ ok: false, error: expect.stringMatching(/at most 1 MB/) as unknown as string });
    expect(checkLogo('logo.png', PNG).ok).toBe(true);
  });

  it('recolours the deck, puts the logo on every content slide, and names the typeface for each renderer', () => {
    const branded = applyBrand(deck, brand);
    const fills = branded.slides.flatMap((s) => s.blocks).map((b) => ('fill' in b ? b.fill : b.kind === 'text' ? b.color : undefined));
    expect(fills).toContain('#7a1f5c');
    expect(fills).not.toContain(colors.primary);
    for (const s of branded.slides.filter((x) => x.chrome)) expect(s.blocks.some((b) => b.kind === 'image' && b.dataUrl === PNG_URL)).toBe(true);
    expect(branded.slides[0]!.blocks.some((b) => b.kind === 'image')).toBe(true);
    expect(slideSvg(branded, branded.slides[1]!)).toContain('Liberation Sans');
    // The unbranded deck is untouched.
    expect(deck.slides.flatMap((s) => s.blocks).some((b) => b.kind === 'image' && b.dataUrl === PNG_URL)).toBe(false);
  });

  it('puts the brand colour in the PowerPoint theme and shapes, and names Arial for Liberation Sans', async () => {
    const lib = (n: string) => new Uint8Array(gunzipSync(readFileSync(`src-renderer/export/fonts/${n}`)));
    const bytes = { ...fonts, regular: lib('LiberationSans-Regular.ttf.gz'), bold: lib('LiberationSans-Bold.ttf.gz') };
    const lm = createTextMeasure(parseFontBook(bytes));
    // Measured with Liberation Sans: the same text is narrower than in Noto Sans.
    expect(lm.width('Customer journey', 12, false)).toBeLessThan(m.width('Customer journey', 12, false));
    const branded = applyBrand(buildDeck(data, allSections, lm), brand);
    const { read, slides, names } = await unzip(await renderPptx({ deck: branded, measure: lm }));
    expect(await read('ppt/theme/theme1.xml')).toContain('<a:accent1><a:srgbClr val="7A1F5C"/></a:accent1>');
    let xml = '';
    for (const f of slides.slice(0, 6)) xml += await read(f);
    expect(xml).toContain('val="7A1F5C"');
    expect(xml).toContain('typeface="Arial"');
    expect(xml).not.toContain('typeface="Noto Sans"');
    expect(names.some((f) => f.startsWith('ppt/media/'))).toBe(true);
  });
});

describe('the A3 roadmap poster', () => {
  const poster = buildRoadmapPoster(data, m);
  const texts = poster.slides.flatMap((s) => s.blocks).filter((b) => b.kind === 'text');

  it('is A3 landscape and fills the page down to the footer', () => {
    expect([poster.width, poster.height]).toEqual([A3.w, A3.h]);
    for (const s of poster.slides) {
      const bottom = Math.max(...s.blocks.filter((b) => b.kind === 'rect').map((b) => (b.kind === 'rect' ? b.y + b.h : 0)));
      expect(bottom).toBeGreaterThan(A3.h - 60);
    }
  });

  it('sets every text but the footer at 9.9 pt or larger (slides used 6–7 pt)', () => {
    const sizes = texts.filter((t) => t.role !== 'footer').map((t) => t.size);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9.9);
    expect(Math.min(...texts.filter((t) => t.role === 'initiative').map((t) => t.size))).toBeGreaterThanOrEqual(12);
  });

  it('gives each initiative its description, owner and metrics, and lanes their names in the app', () => {
    const all = texts.map((t) => t.lines.join(' ')).join('\n').replace(/\s+/g, '');
    const sq = (s: string) => s.replace(/\s+/g, '');
    for (const it of data.initiatives) {
      if (it.description.trim()) expect(all).toContain(sq(it.description));
      if (it.owner.trim()) expect(all).toContain(sq(`Owner: ${it.owner}`));
    }
    const legend = poster.slides[0]!.blocks.filter((b) => b.kind === 'text' && b.role === 'legend').map((t) => (t.kind === 'text' ? t.lines.join(' ') : ''));
    expect(legend).toEqual(readRoadmapSettings(data.workshop).lanes.map((l) => l.name.trim() || expect.any(String)));
    expect(texts.filter((t) => t.role === 'metrics').length).toBe(data.initiatives.length);
  });

  it('explains the bars by the roadmap’s mode: dates, or Now / Next / Later', () => {
    const settings = readRoadmapSettings(data.workshop);
    expect(legendNote({ ...settings, horizon: 'quarters' })).toMatch(/planned dates/);
    const buckets = legendNote({ ...settings, horizon: 'buckets' });
    expect(buckets).not.toMatch(/planned dates/);
    expect(buckets).toMatch(/horizons, not dates/);
  });
});
