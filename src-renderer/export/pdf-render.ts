// Draws a deck with jsPDF, all vector: text as text (Noto Sans; Noto Sans Hebrew and Arabic,
// Droid Sans Fallback for CJK and Symbola for emoji — each embedded and subset by jsPDF, and only
// when some text of the document needs it, which keeps a Latin-script deck small), shapes as
// paths, tables as lines and text. Right-to-left text is reordered here (Unicode bidirectional
// algorithm, jsPDF's engine) and Arabic is drawn in the joined forms the measure chose, so
// the page shows what the model measured. Never touches the DOM.
import { GState, jsPDF } from 'jspdf';
import { bytesToBase64 } from './base64';
import { baselineOf, type Block, type Deck, type Stroke, type TableBlock, type TextBlock } from './deck-model';
import { arabicLetterOfForm, hasRtl, isRtlMark, textDirection, visualAlign } from './scripts';
import { emojiPdfCode, fontFaces, type FontBytes, type FontFace, type TextMeasure } from './text-measure';

const FAMILY: Record<FontFace, [string, string, string]> = {
  regular: ['NotoSans-Regular.ttf', 'NotoSans', 'normal'],
  bold: ['NotoSans-Bold.ttf', 'NotoSans', 'bold'],
  hebrew: ['NotoSansHebrew-Regular.ttf', 'NotoSansHebrew', 'normal'],
  hebrewBold: ['NotoSansHebrew-Bold.ttf', 'NotoSansHebrew', 'bold'],
  arabic: ['NotoSansArabic-Regular.ttf', 'NotoSansArabic', 'normal'],
  arabicBold: ['NotoSansArabic-Bold.ttf', 'NotoSansArabic', 'bold'],
  cjk: ['DroidSansFallbackFull.ttf', 'DroidSansFallback', 'normal'],
  emoji: ['Symbola.ttf', 'Symbola', 'normal'],
};

/** Parts of jsPDF's internal API its type declarations leave out. */
function internals(doc: jsPDF) {
  return doc.internal as unknown as {
    /** Appends raw operators to the current page's content stream. */
    write(s: string): void;
    getFont(family: string, style: string): { metadata?: { toUnicode?: Record<string, number> } } | undefined;
  };
}

/** jsPDF's own text processing turned off: the text handed to it is already shaped and in visual order. */
const AS_IS = { baseline: 'alphabetic', isInputVisual: true, isOutputVisual: true, isInputRtl: false, isOutputRtl: false } as const;

type Bidi = ReturnType<typeof newBidi>;
const newBidi = () => new (jsPDF as unknown as { __bidiEngine__: new (o: object) => BidiEngine }).__bidiEngine__({});
interface BidiEngine {
  setOptions(o: object): void;
  doBidiReorder(text: string, sourceToTargetMap: number[], levels: number[]): string;
}

interface Ctx {
  readonly doc: jsPDF;
  readonly m: TextMeasure;
  readonly faces: ReadonlySet<FontFace>;
  readonly bidi: Bidi;
}

/** Every face the deck's text is drawn with. */
function facesOf(deck: Deck, m: TextMeasure): Set<FontFace> {
  const out = new Set<FontFace>(['regular', 'bold']);
  for (const s of deck.slides)
    for (const b of s.blocks) {
      if (b.kind === 'text') for (const l of b.lines) for (const f of m.faces(l, b.bold)) out.add(f);
      if (b.kind === 'table') for (const r of b.rows) for (const c of r.cells) for (const l of c.lines) for (const f of m.faces(l, c.bold)) out.add(f);
    }
  return out;
}

function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

export interface PdfInput {
  readonly deck: Deck;
  readonly measure: TextMeasure;
  readonly fonts: FontBytes;
}

export function renderPdf({ deck, measure, fonts }: PdfInput): Uint8Array {
  const doc = new jsPDF({ unit: 'pt', format: [deck.width, deck.height], orientation: deck.width > deck.height ? 'landscape' : 'portrait', compress: true, putOnlyUsedFonts: true });
  doc.setProperties({ title: deck.title, author: deck.author, creator: 'Centric' });
  const used = facesOf(deck, measure);
  for (const f of fontFaces) {
    const bytes = fonts[f];
    if (!used.has(f) || !bytes) continue;
    const [file, family, style] = FAMILY[f];
    doc.addFileToVFS(file, bytesToBase64(bytes));
    doc.addFont(file, family, style, undefined, 'Identity-H');
  }
  // jsPDF reshapes every Arabic string it is given, which would join the already joined and
  // visually ordered letters a second time (a final alef before an initial lam became lam-alef).
  const topics = doc.internal.events.getTopics() as Record<string, Record<string, [unknown, boolean]>>;
  const processArabic = (jsPDF as unknown as { API: { processArabic?: unknown } }).API.processArabic;
  for (const [token, sub] of Object.entries(topics.preProcessText ?? {})) if (sub[0] === processArabic) doc.internal.events.unsubscribe(token);
  const ctx: Ctx = { doc, m: measure, faces: used, bidi: newBidi() };
  deck.slides.forEach((slide, i) => {
    if (i > 0) doc.addPage([deck.width, deck.height], deck.width > deck.height ? 'landscape' : 'portrait');
    if (slide.background) {
      doc.setFillColor(...rgb(slide.background));
      doc.rect(0, 0, deck.width, deck.height, 'F');
    }
    for (const b of slide.blocks) drawBlock(ctx, b);
  });
  textForLetters(doc, used);
  return new Uint8Array(doc.output('arraybuffer'));
}

/**
 * The PDF's text layer names each Arabic letter drawn in a joined form by the letter itself
 * (U+FEB3 "seen, initial" reads back as U+0633 "seen"), so copying, searching and pdftotext
 * give the words as typed. Lam-alef ligatures keep their own code (it needs two letters, which
 * jsPDF's map cannot hold); Unicode normalisation (NFKC) reads them as lam and alef.
 */
function textForLetters(doc: jsPDF, used: ReadonlySet<FontFace>): void {
  for (const f of ['arabic', 'arabicBold'] as const) {
    if (!used.has(f)) continue;
    const [, family, st] = FAMILY[f];
    const font = internals(doc).getFont(family, st);
    const map = font?.metadata?.toUnicode;
    if (!map) continue;
    for (const [glyph, code] of Object.entries(map)) {
      const letter = arabicLetterOfForm(code);
      if (letter !== undefined) map[glyph] = letter;
    }
  }
}

function style(fill: string | undefined, stroke: Stroke | undefined, doc: jsPDF): 'F' | 'S' | 'FD' | null {
  if (fill) doc.setFillColor(...rgb(fill));
  if (stroke) {
    doc.setDrawColor(...rgb(stroke.color));
    doc.setLineWidth(stroke.width);
    doc.setLineDashPattern(stroke.dash ? [...stroke.dash] : [], 0);
  }
  return fill && stroke ? 'FD' : fill ? 'F' : stroke ? 'S' : null;
}

function withOpacity(doc: jsPDF, opacity: number | undefined, draw: () => void): void {
  if (opacity === undefined || opacity >= 1) return draw();
  doc.saveGraphicsState();
  doc.setGState(new GState({ opacity, 'stroke-opacity': 1 }));
  draw();
  doc.restoreGraphicsState();
}

function drawBlock(ctx: Ctx, b: Block): void {
  const { doc } = ctx;
  switch (b.kind) {
    case 'rect': {
      const s = style(b.fill, b.stroke, doc);
      if (!s) return;
      if (b.radius) doc.roundedRect(b.x, b.y, b.w, b.h, Math.min(b.radius, b.w / 2, b.h / 2), Math.min(b.radius, b.w / 2, b.h / 2), s);
      else doc.rect(b.x, b.y, b.w, b.h, s);
      return;
    }
    case 'line':
      style(undefined, b.stroke, doc);
      doc.line(b.x1, b.y1, b.x2, b.y2, 'S');
      return;
    case 'ellipse':
      withOpacity(doc, b.opacity, () => {
        const s = style(b.fill, undefined, doc);
        if (s) doc.ellipse(b.cx, b.cy, b.rx, b.ry, s);
      });
      if (b.stroke) {
        style(undefined, b.stroke, doc);
        doc.ellipse(b.cx, b.cy, b.rx, b.ry, 'S');
      }
      return;
    case 'path': {
      const trace = () => {
        for (const c of b.commands) {
          if (c.op === 'M') doc.moveTo(c.x, c.y);
          else if (c.op === 'L') doc.lineTo(c.x, c.y);
          else if (c.op === 'C') doc.curveTo(c.x1, c.y1, c.x2, c.y2, c.x, c.y);
          else doc.close();
        }
      };
      if (b.fill) {
        withOpacity(doc, b.opacity, () => {
          style(b.fill, undefined, doc);
          trace();
          doc.fill();
        });
      }
      if (b.stroke) {
        style(undefined, b.stroke, doc);
        trace();
        doc.stroke();
      }
      return;
    }
    case 'image': {
      const fmt = /^data:image\/(png|jpe?g|webp)/.exec(b.dataUrl)?.[1]?.toUpperCase().replace('JPG', 'JPEG') ?? 'PNG';
      try {
        doc.addImage(b.dataUrl, fmt, b.x, b.y, b.w, b.h);
      } catch {
        // An unreadable image is left out rather than failing the whole deck.
      }
      return;
    }
    case 'text':
      drawText(ctx, b);
      return;
    case 'table':
      drawTable(ctx, b);
      return;
  }
}

/** The stroke around a synthetic-bold CJK glyph, as a share of the type size. */
export const CJK_BOLD_STROKE = 0.035;

function drawText(ctx: Ctx, t: TextBlock): void {
  const { doc, m } = ctx;
  doc.setTextColor(...rgb(t.color));
  doc.setFontSize(t.size);
  const dir = t.dir ?? textDirection(t.lines.join('\n'));
  const align = visualAlign(t.align, dir);
  t.lines.forEach((line, i) => {
    if (!line) return;
    const y = baselineOf(t, i);
    const w = m.width(line, t.size, t.bold);
    let x = align === 'center' ? t.x + (t.w - w) / 2 : align === 'right' ? t.x + t.w - w : t.x;
    for (const r of visualRuns(ctx, line, t.bold, dir)) {
      const face: FontFace = ctx.faces.has(r.face) ? r.face : t.bold ? 'bold' : 'regular';
      const [, family, st] = FAMILY[face];
      doc.setFont(family, st);
      if (r.actual !== undefined) {
        // The emoji font's private-use codes would read back as nothing: the text layer gets the emoji themselves.
        const hex = Array.from(r.actual, (_, k) => r.actual!.charCodeAt(k).toString(16).padStart(4, '0')).join('');
        internals(doc).write(`/Span <</ActualText <FEFF${hex}>>> BDC`);
        doc.text(r.text, x, y, AS_IS);
        internals(doc).write('EMC');
      } else if (t.bold && face === 'cjk') {
        // No bold CJK font is shipped: a bold run is filled and stroked in its own colour
        // (a synthetic bold), so CJK titles stand out like the Latin ones. Width is unchanged.
        doc.setDrawColor(...rgb(t.color));
        doc.setLineDashPattern([], 0);
        doc.setLineWidth(t.size * CJK_BOLD_STROKE);
        doc.text(r.text, x, y, { ...AS_IS, renderingMode: 'fillThenStroke' });
      } else doc.text(r.text, x, y, AS_IS);
      x += r.em * t.size;
    }
  });
}

interface DrawRun {
  text: string;
  face: FontFace;
  em: number;
  /** What the run stands for in the text layer, when its codes differ (emoji). */
  actual?: string;
}

/**
 * A line's runs left to right as drawn: shaped by the measure, then reordered by the Unicode
 * bidirectional algorithm when it holds right-to-left letters (numbers and Latin words inside
 * Hebrew keep their own order, brackets are mirrored). Emoji beyond U+FFFF are addressed by
 * the emoji font's private-use copies, so each is one code unit jsPDF can encode.
 */
function visualRuns(ctx: Ctx, line: string, bold: boolean, dir: 'ltr' | 'rtl'): DrawRun[] {
  const runs = ctx.m.runs(line, bold);
  // Left-to-right text without emoji is drawn as measured, run by run.
  if (dir === 'ltr' && runs.every((r) => r.face !== 'emoji' && !hasRtl(r.text))) return runs.map((r) => ({ text: r.text, face: r.face, em: r.em }));
  // One entry per UTF-16 unit, in logical order: its face and its width (on the first unit of a pair).
  let logical = '';
  const faces: FontFace[] = [];
  const ems: number[] = [];
  for (const r of runs) {
    for (const ch of r.text) {
      const unit = r.face === 'emoji' ? String.fromCodePoint(emojiPdfCode(ch.codePointAt(0)!)) : ch;
      const em = ctx.m.width(ch, 1, bold);
      for (let k = 0; k < unit.length; k++) {
        faces.push(r.face);
        ems.push(k === 0 ? em : 0);
      }
      logical += unit;
    }
  }
  // Visual order: the unit drawn at each position and the logical unit it comes from.
  let units = Array.from(logical, (ch, k) => ({ ch, k }));
  if (dir === 'rtl' || hasRtl(logical)) {
    const map: number[] = [];
    ctx.bidi.setOptions({ isInputVisual: false, isOutputVisual: true, isInputRtl: dir === 'rtl', isOutputRtl: false, isSymmetricSwapping: true });
    const visual = ctx.bidi.doBidiReorder(logical, map, []);
    if (visual.length === logical.length && map.length === logical.length) units = Array.from(visual, (ch, v) => ({ ch, k: map[v]! }));
    units = repairReversed(units);
  }
  const out: DrawRun[] = [];
  for (const { ch, k } of units) {
    const face = faces[k]!;
    const last = out[out.length - 1];
    const actual = face === 'emoji' ? emojiOfPdfCode(ch) : undefined;
    if (last && last.face === face) {
      last.text += ch;
      last.em += ems[k]!;
      if (last.actual !== undefined) last.actual += actual ?? ch;
    } else out.push({ text: ch, face, em: ems[k]!, ...(actual !== undefined ? { actual } : {}) });
  }
  return out;
}

/** The emoji a private-use code of the emoji font stands for (a string, as it lies beyond U+FFFF). */
function emojiOfPdfCode(unit: string): string {
  const c = unit.charCodeAt(0);
  return c >= 0xe000 && c <= 0xeaff ? String.fromCodePoint(c - 0xe000 + 0x1f000) : unit;
}

/**
 * Undoes what reversing a right-to-left stretch does to units that must keep their order:
 * a surrogate pair stays high-then-low, and combining marks (Hebrew points, Arabic harakat) are
 * drawn after their letter, since their glyphs sit over the glyph before them (rule L3).
 */
function repairReversed<T extends { ch: string; k: number }>(units: T[]): T[] {
  const out = units.slice();
  for (let v = 0; v + 1 < out.length; v++) {
    const a = out[v]!.ch.charCodeAt(0);
    const b = out[v + 1]!.ch.charCodeAt(0);
    if (a >= 0xdc00 && a <= 0xdfff && b >= 0xd800 && b <= 0xdbff) [out[v], out[v + 1]] = [out[v + 1]!, out[v]!];
  }
  for (let v = 0; v < out.length; v++) {
    if (!isRtlMark(out[v]!.ch.charCodeAt(0))) continue;
    let end = v;
    while (end < out.length && isRtlMark(out[end]!.ch.charCodeAt(0))) end++;
    // Reversed: the letter the marks belong to comes right after them, and logically before.
    if (end < out.length && out[end]!.k < out[v]!.k) {
      const base = out[end]!;
      out.splice(v, end - v + 1, base, ...out.slice(v, end));
    }
    v = end;
  }
  return out;
}

function drawTable(ctx: Ctx, t: TableBlock): void {
  const { doc } = ctx;
  let y = t.y;
  const totalW = t.colWidths.reduce((a, b) => a + b, 0);
  t.rows.forEach((r, ri) => {
    let x = t.x;
    r.cells.forEach((c, ci) => {
      const w = t.colWidths[ci] ?? 0;
      if (c.fill) {
        doc.setFillColor(...rgb(c.fill));
        doc.rect(x, y, w, r.h, 'F');
      }
      drawText(ctx, { kind: 'text', x: x + t.padX, y: y + t.padY, w: w - 2 * t.padX, h: r.h - 2 * t.padY, lines: c.lines, size: t.size, bold: c.bold, color: c.color, align: 'left', lineHeight: t.lineHeight });
      x += w;
    });
    doc.setDrawColor(...rgb(t.border));
    doc.setLineDashPattern([], 0);
    doc.setLineWidth(ri === 0 && t.header ? 0.8 : 0.5);
    doc.line(t.x, y + r.h, t.x + totalW, y + r.h, 'S');
    y += r.h;
  });
}
