// @vitest-environment node
// Every script the app accepts, in every export: Hebrew and Arabic measured with their own fonts
// and drawn right to left with joined letters, emoji drawn by the fallback font, and the text
// read back from the PDF (pdftotext) and the PowerPoint's XML as it was typed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { allSections, buildDeck } from '../../../src-renderer/export/deck-build';
import { textBlocksOf, type Deck } from '../../../src-renderer/export/deck-model';
import { buildRoadmapPoster } from '../../../src-renderer/export/deck-roadmap';
import { renderPdf } from '../../../src-renderer/export/pdf-render';
import { renderPptx } from '../../../src-renderer/export/pptx-render';
import { slideSvg, textAnchor } from '../../../src-renderer/export/svg-render';
import { langRuns, shapeArabic, textDirection, visualAlign } from '../../../src-renderer/export/scripts';
import { createTextMeasure, parseFontBook, wrapText } from '../../../src-renderer/export/text-measure';
import { fontBytesFromDisk, fullWorkshop } from '../../fixtures/export/full-workshop';
import { multilingualWorkshop, scriptTexts } from '../../fixtures/export/multilingual-workshop';

const fonts = fontBytesFromDisk();
const m = createTextMeasure(parseFontBook(fonts));
const data = multilingualWorkshop();
const deck: Deck = buildDeck(data, allSections, m);
const dir = mkdtempSync(join(tmpdir(), 'centric-scripts-'));

const hex = (s: string) => Array.from(s, (c) => c.codePointAt(0)!.toString(16).toUpperCase()).join(' ');

describe('scripts', () => {
  it('takes a paragraph direction from its first strong letter', () => {
    expect(textDirection('שירה לוי – Tel Aviv & Haifa')).toBe('rtl');
    expect(textDirection('Persona: شيرين')).toBe('ltr');
    expect(textDirection('2027: نسبة')).toBe('rtl');
    expect(textDirection('山田 花子')).toBe('ltr');
    expect(textDirection('42 %')).toBe('ltr');
    expect(visualAlign('left', 'rtl')).toBe('right');
    expect(visualAlign('center', 'rtl')).toBe('center');
  });

  it('joins Arabic letters into their contextual forms, lam-alef as one ligature', () => {
    // seen initial, lam-alef final, meem isolated (alef does not join forwards).
    expect(hex(shapeArabic('سلام'))).toBe('FEB3 FEFC FEE1');
    // beh initial, alef final, lam initial, meem final: no lam-alef across the alef.
    expect(hex(shapeArabic('بالم'))).toBe('FE91 FE8E FEDF FEE2');
    // Persian peh and farsi yeh; harakat do not break the joining.
    expect(hex(shapeArabic('پی'))).toBe('FB58 FBFD');
    expect(hex(shapeArabic('بَب'))).toBe('FE91 64E FE90');
    expect(shapeArabic('Tel Aviv 42')).toBe('Tel Aviv 42');
  });

  it('tags each run with the language its script says', () => {
    const tags = (s: string) => langRuns(s).map((r) => `${r.lang}${r.rtl ? ' rtl' : ''}:${r.text}`);
    expect(tags('שירה לוי – Tel Aviv')).toEqual(['he-IL rtl:שירה לוי – ', 'en-US:Tel Aviv']);
    expect(tags('تطبيق المطالبات')).toEqual(['ar-SA rtl:تطبيق المطالبات']);
    expect(tags('Αθηνά')).toEqual(['el-GR:Αθηνά']);
    expect(tags('Małgorzata Żółkiewska')).toEqual(['pl-PL:Małgorzata Żółkiewska']);
    expect(tags('Jürgen Großmann')).toEqual(['de-DE:Jürgen Großmann']);
    expect(tags('請求アプリの改善')).toEqual(['ja-JP:請求アプリの改善']);
    expect(tags('理赔流程太复杂')).toEqual(['zh-CN:理赔流程太复杂']);
    expect(tags('Клиент')).toEqual(['ru-RU:Клиент']);
  });
});

describe('measure', () => {
  it('gives Hebrew, Arabic and emoji their real width, and wraps them', () => {
    for (const s of ['שירות לקוחות', 'خدمة العملاء', '🚀😀']) {
      expect(m.width(s, 10, false), s).toBeGreaterThan(s.length * 2);
      expect(m.uncovered(s)).toEqual([]);
    }
    const long = 'העמיל ממתין לתשובה שלושה ימים ואז מתקשר שוב למוקד השירות';
    const lines = wrapText(m, long, 80, 10, false);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(m.width(l, 10, false)).toBeLessThanOrEqual(80);
    expect(lines.join(' ')).toBe(long);
    // Arabic is measured as drawn, joined: narrower than its isolated letters side by side.
    const word = 'المطالبات';
    const isolated = [...word].reduce((w, c) => w + m.width(c, 10, false), 0);
    expect(m.width(word, 10, false)).toBeLessThan(isolated);
  });

  it('covers every text of the multilingual workshop; names what it cannot draw', () => {
    expect(deck.uncovered).toEqual([]);
    // Unicode 13 emoji are newer than the fallback font.
    expect(m.uncovered('Smiling with a tear 🥲')).toEqual(['🥲']);
  });

  it('lays right-to-left blocks out like any other: wrapped inside their boxes', () => {
    let rtlBlocks = 0;
    for (const s of deck.slides)
      for (const t of textBlocksOf(s)) {
        if (textDirection(t.lines.join(' ')) !== 'rtl') continue;
        rtlBlocks++;
        for (const l of t.lines) expect(m.width(l, t.size, t.bold), l).toBeLessThanOrEqual(t.w + 0.01);
      }
    expect(rtlBlocks).toBeGreaterThan(20);
  });
});

describe('preview and PNG', () => {
  it('draw with the export fonts by their own names and anchor right-to-left lines at their start', () => {
    const slide = deck.slides.find((s) => s.title.startsWith('שירה לוי'))!;
    const svg = slideSvg(deck, slide);
    expect(svg).toContain("'Centric Export Sans', 'Centric Export Hebrew', 'Centric Export Arabic', 'Centric Export CJK', 'Centric Export Emoji'");
    expect(svg).not.toContain("'Noto Sans'");
    expect(svg).toMatch(/text-anchor="start" direction="rtl" xml:space="preserve">שירה לוי/);
    const box = { x: 10, w: 100, lines: ['שלום'], align: 'left' as const };
    expect(textAnchor(box)).toEqual({ x: 110, anchor: 'start', dir: 'rtl' });
    expect(textAnchor({ ...box, lines: ['Hello'] })).toEqual({ x: 10, anchor: 'start', dir: 'ltr' });
    expect(textAnchor({ ...box, align: 'center' })).toEqual({ x: 60, anchor: 'middle', dir: 'rtl' });
    expect(textAnchor({ ...box, align: 'right', dir: 'ltr' })).toEqual({ x: 110, anchor: 'end', dir: 'ltr' });
  });
});

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const poppler = hasPoppler();

/**
 * Text as pdftotext gives it, comparable to what was typed: bidi controls it adds dropped,
 * presentation forms read as letters (NFKC), white space and hyphens squashed.
 */
const plain = (s: string) => s.normalize('NFKC').replace(/[\u202a-\u202e\u200e\u200f]/g, '').replace(/[\s-]+/g, '');

/**
 * A string cut where its direction changes, each piece without the punctuation at its ends:
 * pdftotext lists the pieces of a mixed line in visual order, each piece in logical order
 * ("שירה לוי – Tel Aviv" reads back "Tel Aviv – שירה לוי").
 */
function directionalPieces(s: string): string[] {
  return s
    .split(/([\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc][\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\s]*)/u)
    .map((p) => plain(p).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

describe.skipIf(!poppler)('PDF in every script, read back with pdftotext', () => {
  let text = '';
  let roadmap = '';
  let fontsUsed = '';
  beforeAll(() => {
    const file = join(dir, 'deck.pdf');
    writeFileSync(file, renderPdf({ deck, measure: m, fonts }));
    text = plain(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    fontsUsed = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    const poster = join(dir, 'roadmap.pdf');
    writeFileSync(poster, renderPdf({ deck: buildRoadmapPoster(data, m), measure: m, fonts }));
    roadmap = plain(execFileSync('pdftotext', ['-enc', 'UTF-8', poster, '-'], { encoding: 'utf8' }));
  });

  it('finds every persona, card, initiative and metric, right-to-left pieces in logical order', () => {
    // Emoji read back through the text layer's ActualText: the next test.
    const all = [...scriptTexts.personas, ...scriptTexts.cards, ...scriptTexts.initiatives, ...scriptTexts.metrics].filter((s) => !/\p{Extended_Pictographic}/u.test(s));
    expect(all.length).toBe(23);
    const missing = all.filter((s) => directionalPieces(s).some((p) => !text.includes(p)));
    expect(missing).toEqual([]);
    // Whole right-to-left phrases in logical order, not letters scattered over the page.
    expect(text.includes(plain('הלקוח מחכה'))).toBe(true);
    expect(text.includes(plain('العميل ينتظر الرد لمدة ثلاثة أيام'))).toBe(true);
    expect(text.includes(plain([...'הלקוח מחכה'].reverse().join('')))).toBe(false);
  });

  it('draws emoji with the fallback font and names them in the text layer', () => {
    // The PDF says which emoji each glyph stands for (ActualText); poppler before 23 decodes
    // that text one UTF-16 unit at a time and prints U+FFFD instead: either shows it is there.
    expect(/Happypath(🚀|\ufffd)withasmile(😀|\ufffd)/u.test(text)).toBe(true);
  });

  it('puts every initiative on the A3 roadmap, in every script', () => {
    const missing = scriptTexts.initiatives.filter((s) => directionalPieces(s).some((p) => !roadmap.includes(p)));
    expect(missing).toEqual([]);
  });

  it('embeds the Hebrew, Arabic and emoji fonts only when the document needs them', () => {
    for (const f of ['NotoSansHebrew', 'NotoSansArabic', 'Symbola']) expect(fontsUsed).toContain(f);
    const latin = buildDeck(fullWorkshop({ personas: 1, journeys: 1, cardsPerJourney: 6, initiatives: 3, metrics: 3 }), allSections, m);
    const file = join(dir, 'latin.pdf');
    writeFileSync(file, renderPdf({ deck: latin, measure: m, fonts }));
    const latinFonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    for (const f of ['NotoSansHebrew', 'NotoSansArabic', 'Symbola']) expect(latinFonts).not.toContain(f);
  });
});

describe('PowerPoint in every script', () => {
  let xml = '';
  /** Every text run: its language tag and its text. */
  let runs: { lang: string; text: string }[] = [];
  /** Every paragraph: whether it is right to left, and its text. */
  let paras: { rtl: boolean; text: string }[] = [];
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(await renderPptx({ deck, measure: m }));
    const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    xml = (await Promise.all(names.map((n) => zip.file(n)!.async('string')))).join('\n');
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    runs = [...xml.matchAll(/<a:r><a:rPr[^>]*?lang="([^"]+)"[^>]*?(?:\/>|>.*?<\/a:rPr>)<a:t>([^<]*)<\/a:t><\/a:r>/g)].map((x) => ({ lang: x[1]!, text: unescape(x[2]!) }));
    paras = [...xml.matchAll(/<a:p>(.*?)<\/a:p>/g)].map((x) => ({
      rtl: /<a:pPr[^>]*rtl="1"/.test(x[1]!),
      text: unescape([...x[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join('')),
    }));
  });

  it('holds every persona, card, initiative and metric, in logical order', () => {
    const all = [...scriptTexts.personas, ...scriptTexts.cards, ...scriptTexts.initiatives, ...scriptTexts.metrics];
    const text = paras.map((p) => p.text).join('\n');
    const squash = (s: string) => s.replace(/\s+/g, '');
    // Lines wrap into paragraphs of their own: compare without white space across the whole text.
    const missing = all.filter((s) => !squash(text).includes(squash(s)));
    expect(missing).toEqual([]);
  });

  it('tags each run with the language of its script, not en-US everywhere', () => {
    const langOf = (needle: string) => [...new Set(runs.filter((r) => r.text.includes(needle)).map((r) => r.lang))];
    expect(langOf('שירה לוי')).toEqual(['he-IL']);
    expect(langOf('ليلى حسن')).toEqual(['ar-SA']);
    expect(langOf('Αθηνά')).toEqual(['el-GR']);
    expect(langOf('Żółkiewska')).toEqual(['pl-PL']);
    expect(langOf('Großmann')).toEqual(['de-DE']);
    expect(langOf('請求アプリの改善')).toEqual(['ja-JP']);
    expect(langOf('理赔流程太复杂')).toEqual(['zh-CN']);
    // A mixed line is two runs: the Hebrew name and the English place names.
    expect(langOf('Tel Aviv')).toContain('en-US');
    for (const r of runs) if (/[\u0590-\u05ff]/.test(r.text)) expect(r.lang, r.text).toBe('he-IL');
  });

  it('gives each paragraph its properties once, before its first run (valid DrawingML)', () => {
    expect(xml).not.toMatch(/<\/a:r><a:pPr/);
    const mixed = paras.filter((p) => p.text.includes('Tel Aviv'));
    expect(mixed.length).toBeGreaterThan(0);
  });

  it('marks right-to-left paragraphs as such, and left-to-right ones not', () => {
    const rtl = paras.filter((p) => p.rtl);
    expect(rtl.some((p) => p.text.includes('הלקוח מחכה'))).toBe(true);
    expect(rtl.some((p) => p.text.includes('العميل ينتظر'))).toBe(true);
    for (const latin of ['Zgłoszenie szkody', 'Αθηνά', '請求アプリの改善']) expect(paras.filter((p) => p.text.includes(latin)).every((p) => !p.rtl), latin).toBe(true);
  });
});
