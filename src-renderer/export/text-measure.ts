// Text measurement and line breaking for the deck, from the embedded fonts' own advance widths
// (so what the model measures is what jsPDF draws), and the split of a string into runs per
// font: Noto Sans for Latin, Greek and Cyrillic, Noto Sans Hebrew and Noto Sans Arabic (Arabic
// measured in its joined presentation forms, as drawn), Droid Sans Fallback for CJK and Symbola
// for emoji. Pure; the font bytes are handed in (export/font-assets.ts in the app, the file
// system in tests).
import { isRtlMark, shapeArabic } from './scripts';
import { parseTtf, type TtfFont } from './ttf';

export type FontFace = 'regular' | 'bold' | 'hebrew' | 'hebrewBold' | 'arabic' | 'arabicBold' | 'cjk' | 'emoji';

export const fontFaces: readonly FontFace[] = ['regular', 'bold', 'hebrew', 'hebrewBold', 'arabic', 'arabicBold', 'cjk', 'emoji'];

/** What the deck model needs from fonts: widths, runs and coverage. Renderers use the same object. */
export interface TextMeasure {
  /** Width in pt of a single line of text at this size. */
  width(text: string, size: number, bold: boolean): number;
  /**
   * The text cut into runs in logical order, each drawn with one font; Arabic comes back in its
   * joined presentation forms. Characters no font covers are left out.
   */
  runs(text: string, bold: boolean): TextRun[];
  /** Characters (graphemes) no embedded font can draw, in order of first appearance. */
  uncovered(text: string): string[];
  /** Whether any character needs the CJK font. */
  needsCjk(text: string): boolean;
  /** The fonts this text is drawn with (a renderer embeds only those). */
  faces(text: string, bold: boolean): Set<FontFace>;
}

export interface TextRun {
  readonly text: string;
  readonly face: FontFace;
  /** Width in font units per 1 pt of size (multiply by the size). */
  readonly em: number;
}

/** The fonts' bytes; the script fonts are optional (without one, its script is "uncovered"). */
export interface FontBytes {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly cjk: Uint8Array;
  readonly hebrew?: Uint8Array;
  readonly hebrewBold?: Uint8Array;
  readonly arabic?: Uint8Array;
  readonly arabicBold?: Uint8Array;
  readonly emoji?: Uint8Array;
}

export type FontBook = { readonly [F in FontFace]?: TtfFont } & { readonly regular: TtfFont; readonly bold: TtfFont; readonly cjk: TtfFont };

/** The font's own name (its PostScript name) for each face. */
export const fontNames: Readonly<Record<FontFace, string>> = {
  regular: 'NotoSans-Regular',
  bold: 'NotoSans-Bold',
  hebrew: 'NotoSansHebrew-Regular',
  hebrewBold: 'NotoSansHebrew-Bold',
  arabic: 'NotoSansArabic-Regular',
  arabicBold: 'NotoSansArabic-Bold',
  cjk: 'DroidSansFallbackFull',
  emoji: 'Symbola',
};

/**
 * The names the export fonts are registered under in the page (the preview and the PNG), never
 * a system font's name, so the screen draws with the very files the PDF embeds.
 */
export const cssFamilies: Readonly<Record<FontFace, { family: string; weight: 400 | 700 }>> = {
  regular: { family: 'Centric Export Sans', weight: 400 },
  bold: { family: 'Centric Export Sans', weight: 700 },
  hebrew: { family: 'Centric Export Hebrew', weight: 400 },
  hebrewBold: { family: 'Centric Export Hebrew', weight: 700 },
  arabic: { family: 'Centric Export Arabic', weight: 400 },
  arabicBold: { family: 'Centric Export Arabic', weight: 700 },
  cjk: { family: 'Centric Export CJK', weight: 400 },
  emoji: { family: 'Centric Export Emoji', weight: 400 },
};

/** The CSS font-family list that falls back through the export fonts as the measure does. */
export const cssFontFamily = [...new Set(fontFaces.map((f) => `'${cssFamilies[f].family}'`))].join(', ') + ', sans-serif';

export function parseFontBook(bytes: FontBytes): FontBook {
  const book: Partial<Record<FontFace, TtfFont>> = {};
  for (const f of fontFaces) {
    const b = bytes[f];
    if (b) book[f] = parseTtf(b, fontNames[f]);
  }
  return book as FontBook;
}

/** Code points drawn with no width and no glyph of their own (joiners, variation selectors, skin tones, bidi marks). */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x200d || cp === 0x200c || cp === 0x200b || cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff || (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f)
  );
}

const isHebrew = (cp: number) => (cp >= 0x0590 && cp <= 0x05ff) || (cp >= 0xfb1d && cp <= 0xfb4f);
const isArabic = (cp: number) => (cp >= 0x0600 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefc);

/**
 * Astral emoji (U+1F000–1FAFF) are also mapped by the bundled emoji font at U+E000–EAFF, for PDF
 * writers that address glyphs by UTF-16 code unit (jsPDF). Renderers that draw the emoji face
 * with jsPDF use this code instead.
 */
export function emojiPdfCode(cp: number): number {
  return cp >= 0x1f000 && cp <= 0x1faff ? cp - 0x1f000 + 0xe000 : cp;
}

export function createTextMeasure(book: FontBook): TextMeasure {
  const cache = new Map<string, TextRun[]>();

  function faceFor(cp: number, bold: boolean): FontFace | null {
    // Marks of Hebrew and Arabic belong to the letter before them: the script font draws them.
    if (cp < 0x0590) {
      // Latin, Greek, Cyrillic: no script font to try first.
    } else if (isHebrew(cp) || isRtlMark(cp)) {
      const f: FontFace = isArabic(cp) ? (bold ? 'arabicBold' : 'arabic') : bold ? 'hebrewBold' : 'hebrew';
      const plain: FontFace = isArabic(cp) ? 'arabic' : 'hebrew';
      if (book[f]?.has(cp)) return f;
      if (book[plain]?.has(cp)) return plain;
    } else if (isArabic(cp)) {
      if (book[bold ? 'arabicBold' : 'arabic']?.has(cp)) return bold ? 'arabicBold' : 'arabic';
      if (book.arabic?.has(cp)) return 'arabic';
    }
    const primary = bold ? book.bold : book.regular;
    if (primary.has(cp)) return bold ? 'bold' : 'regular';
    if (book.regular.has(cp)) return 'regular';
    if (book.cjk.has(cp)) return 'cjk';
    if (book.emoji?.has(cp)) return 'emoji';
    return null;
  }
  const font = (f: FontFace) => book[f] ?? book.regular;

  function runs(raw: string, bold: boolean): TextRun[] {
    const key = (bold ? 'b' : 'r') + raw;
    const hit = cache.get(key);
    if (hit) return hit;
    const out: { text: string; face: FontFace; units: number }[] = [];
    const text = shapeArabic(substitute(raw));
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (isInvisible(cp) || cp < 0x20) continue;
      const face = faceFor(cp, bold);
      if (!face) continue;
      const f = font(face);
      const units = f.advance(f.glyph(cp)) / f.unitsPerEm;
      const last = out[out.length - 1];
      if (last && last.face === face) {
        last.text += ch;
        last.units += units;
      } else out.push({ text: ch, face, units });
    }
    const result = out.map((r) => ({ text: r.text, face: r.face, em: r.units }));
    if (cache.size > 20000) cache.clear();
    cache.set(key, result);
    return result;
  }

  return {
    runs,
    width(text, size, bold) {
      let em = 0;
      for (const r of runs(text, bold)) em += r.em;
      return em * size;
    },
    uncovered(text) {
      const seen: string[] = [];
      const missingCp = (cp: number) => !isInvisible(cp) && cp >= 0x20 && faceFor(cp, false) === null;
      // Segment only the lines that have a missing character: segmenting a whole deck is slow.
      for (const line of substitute(text).split('\n')) {
        let any = false;
        for (const ch of line) if (missingCp(ch.codePointAt(0)!)) {
          any = true;
          break;
        }
        if (!any) continue;
        for (const g of graphemesOf(line)) {
          const cps = [...g].map((ch) => ch.codePointAt(0)!);
          // Skin-tone modifiers and joiners belong to their emoji: the whole grapheme is missing.
          if (cps.some(missingCp) && !seen.includes(g)) seen.push(g);
        }
      }
      return seen;
    },
    needsCjk(text) {
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        if (!isInvisible(cp) && cp >= 0x20 && faceFor(cp, false) === 'cjk') return true;
      }
      return false;
    },
    faces(text, bold) {
      const out = new Set<FontFace>();
      for (const r of runs(text, bold)) out.add(r.face);
      return out;
    },
  };
}

let segmenter: Intl.Segmenter | null | undefined;

/**
 * Typographic characters no embedded font has, drawn as their plain equivalents rather than
 * left out: the minus sign the domain formats negatives with, comparison signs and arrows.
 */
const SUBSTITUTES: Readonly<Record<string, string>> = { '\u2212': '-', '\u2265': '>=', '\u2264': '<=', '\u2192': '->', '\u2190': '<-' };
const SUBSTITUTE_RE = /[\u2212\u2265\u2264\u2192\u2190]/g;

export function substitute(text: string): string {
  return /[\u2212\u2265\u2264\u2192\u2190]/.test(text) ? text.replace(SUBSTITUTE_RE, (ch) => SUBSTITUTES[ch] ?? ch) : text;
}

export function graphemesOf(s: string): string[] {
  if (segmenter === undefined) {
    const Seg = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
    segmenter = Seg ? new Seg(undefined, { granularity: 'grapheme' }) : null;
  }
  if (segmenter) return Array.from(segmenter.segment(s), (x) => x.segment);
  return [...s];
}

// ---------------------------------------------------------------------------------------------
// Line breaking

/** Characters after which (and before which) a line may break without a space: CJK and kana. */
const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/u;

function tokens(paragraph: string): string[] {
  // Words with their trailing spaces; every CJK character is a token of its own.
  const out: string[] = [];
  let cur = '';
  for (const ch of paragraph) {
    if (CJK.test(ch)) {
      if (cur) out.push(cur);
      out.push(ch);
      cur = '';
      continue;
    }
    if (cur && /\s$/.test(cur) && !/\s/.test(ch)) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
    if (ch === '-' || ch === '/' || ch === '\u2013') {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Wraps text into lines no wider than `width` at this size. Explicit line breaks are kept;
 * a word longer than a line is broken between characters (never lost, never overflowing).
 */
export function wrapText(m: TextMeasure, text: string, width: number, size: number, bold: boolean): string[] {
  const lines: string[] = [];
  for (const para of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const tok of tokens(para)) {
      const candidate = line + tok;
      if (m.width(candidate.trimEnd(), size, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      if (m.width(tok.trimEnd(), size, bold) <= width) {
        line = tok;
        continue;
      }
      // A word wider than the line: break it between graphemes. A letter-script word cut this
      // way ends its line with a hyphen, so the reader sees it goes on ("Rückgewin-" / "nung").
      for (const g of graphemesOf(tok)) {
        if (line && m.width((line + g).trimEnd(), size, bold) > width) {
          const cut = hyphenate(m, line.trimEnd(), g, width, size, bold);
          lines.push(cut.head);
          line = cut.tail;
        }
        line += g;
      }
    }
    lines.push(line.trimEnd());
  }
  // Drop trailing empty lines only (keep deliberate blank lines inside the text).
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Where a word is cut between two letters, the head gets a hyphen: letters move to the next line
 * until head and hyphen fit (at least one stays). Cuts between other characters stay as they are.
 */
function hyphenate(m: TextMeasure, head: string, next: string, width: number, size: number, bold: boolean): { head: string; tail: string } {
  if (!/\p{L}$/u.test(head) || !/^\p{L}/u.test(next) || CJK.test(next)) return { head, tail: '' };
  const gs = graphemesOf(head);
  let tail = '';
  while (gs.length > 1 && m.width(gs.join('') + '-', size, bold) > width) tail = gs.pop()! + tail;
  const h = gs.join('');
  return m.width(h + '-', size, bold) <= width ? { head: h + '-', tail } : { head, tail: '' };
}

/** Shortens one line with an ellipsis to fit the width (only for labels that repeat full text elsewhere). */
export function ellipsize(m: TextMeasure, text: string, width: number, size: number, bold: boolean): string {
  if (m.width(text, size, bold) <= width) return text;
  const gs = graphemesOf(text);
  let lo = 0;
  let hi = gs.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (m.width(gs.slice(0, mid).join('').trimEnd() + '…', size, bold) <= width) lo = mid;
    else hi = mid - 1;
  }
  return gs.slice(0, lo).join('').trimEnd() + '…';
}
