// Writes a deck as PowerPoint with pptxgenjs: native, editable text boxes, tables and shapes at
// the same positions as the PDF, so a consultant can restyle it. Text keeps the model's line
// breaks (measured with Noto Sans) so nothing overflows; fonts are named, not embedded.
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import type { Block, Deck, Stroke, TableBlock, TextBlock } from './deck-model';
import { langRuns, textDirection, visualAlign } from './scripts';
import type { TextMeasure } from './text-measure';

const IN = 72;
const FONT = 'Noto Sans';
const i = (pt: number) => Math.round((pt / IN) * 10000) / 10000;
const hex = (c: string) => c.replace('#', '').toUpperCase();

type Slide = ReturnType<PptxGenJS['addSlide']>;
type LineProps = NonNullable<PptxGenJS.ShapeProps['line']>;

function lineOf(s: Stroke | undefined): LineProps | undefined {
  if (!s) return undefined;
  const l: LineProps = { color: hex(s.color), width: Math.max(0.25, s.width) };
  if (s.dash) l.dashType = s.dash[0]! <= 2 ? 'sysDot' : 'dash';
  return l;
}

export interface PptxInput {
  readonly deck: Deck;
  readonly measure: TextMeasure;
}

export async function renderPptx({ deck }: PptxInput): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'CENTRIC', width: deck.width / IN, height: deck.height / IN });
  pptx.layout = 'CENTRIC';
  pptx.author = deck.author;
  pptx.title = deck.title;
  pptx.company = 'Centric';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  for (const s of deck.slides) {
    const slide = pptx.addSlide();
    if (s.background) slide.background = { color: hex(s.background) };
    for (const b of s.blocks) addBlock(pptx, slide, b);
  }
  // pptxgenjs only compresses its Blob output (browser only), so the zip is deflated here:
  // a full deck drops from about 4 MB to a few hundred KB.
  const stored = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  const zip = await JSZip.loadAsync(stored);
  await dropRepeatedParagraphProps(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/**
 * pptxgenjs writes a paragraph's properties again before every run after the first, which
 * DrawingML does not allow (PowerPoint offers to repair the file): a paragraph of several runs
 * (one per language) keeps only its first <a:pPr>.
 */
async function dropRepeatedParagraphProps(zip: JSZip): Promise<void> {
  const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  await Promise.all(
    slides.map(async (n) => {
      const xml = await zip.file(n)!.async('string');
      const fixed = xml.replace(/(<\/a:r>)<a:pPr\b[^>]*?(?:\/>|>.*?<\/a:pPr>)/g, '$1');
      if (fixed !== xml) zip.file(n, fixed);
    }),
  );
}

function addBlock(pptx: PptxGenJS, slide: Slide, b: Block): void {
  switch (b.kind) {
    case 'rect': {
      const shape = b.radius ? pptx.ShapeType.roundRect : pptx.ShapeType.rect;
      slide.addShape(shape, {
        x: i(b.x), y: i(b.y), w: i(b.w), h: i(b.h),
        ...(b.fill ? { fill: { color: hex(b.fill) } } : { fill: { type: 'none' } }),
        ...(b.stroke ? { line: lineOf(b.stroke) } : { line: { type: 'none' } }),
        ...(b.radius ? { rectRadius: i(b.radius) } : {}),
      });
      return;
    }
    case 'line': {
      const x = Math.min(b.x1, b.x2);
      const y = Math.min(b.y1, b.y2);
      slide.addShape(pptx.ShapeType.line, {
        x: i(x), y: i(y), w: i(Math.abs(b.x2 - b.x1)), h: i(Math.abs(b.y2 - b.y1)), line: lineOf(b.stroke),
        flipV: (b.x2 - b.x1) * (b.y2 - b.y1) < 0,
      });
      return;
    }
    case 'ellipse':
      slide.addShape(pptx.ShapeType.ellipse, {
        x: i(b.cx - b.rx), y: i(b.cy - b.ry), w: i(2 * b.rx), h: i(2 * b.ry),
        ...(b.fill ? { fill: { color: hex(b.fill), ...(b.opacity !== undefined ? { transparency: Math.round((1 - b.opacity) * 100) } : {}) } } : { fill: { type: 'none' } }),
        ...(b.stroke ? { line: lineOf(b.stroke) } : { line: { type: 'none' } }),
      });
      return;
    case 'path': {
      const xs: number[] = [];
      const ys: number[] = [];
      for (const c of b.commands) {
        if (c.op === 'Z') continue;
        xs.push(c.x);
        ys.push(c.y);
        if (c.op === 'C') {
          xs.push(c.x1, c.x2);
          ys.push(c.y1, c.y2);
        }
      }
      const x0 = Math.min(...xs);
      const y0 = Math.min(...ys);
      const points: NonNullable<PptxGenJS.ShapeProps['points']> = b.commands.map((c) => {
        if (c.op === 'Z') return { close: true as const };
        if (c.op === 'C') return { x: i(c.x - x0), y: i(c.y - y0), curve: { type: 'cubic' as const, x1: i(c.x1 - x0), y1: i(c.y1 - y0), x2: i(c.x2 - x0), y2: i(c.y2 - y0) } };
        return { x: i(c.x - x0), y: i(c.y - y0), ...(c.op === 'M' ? { moveTo: true } : {}) };
      });
      slide.addShape('custGeom' as PptxGenJS.ShapeType, {
        x: i(x0), y: i(y0), w: i(Math.max(1, Math.max(...xs) - x0)), h: i(Math.max(1, Math.max(...ys) - y0)), points,
        ...(b.fill ? { fill: { color: hex(b.fill), ...(b.opacity !== undefined ? { transparency: Math.round((1 - b.opacity) * 100) } : {}) } } : { fill: { type: 'none' } }),
        ...(b.stroke ? { line: lineOf(b.stroke) } : { line: { type: 'none' } }),
      });
      return;
    }
    case 'image':
      slide.addImage({ data: b.dataUrl.replace(/^data:/, ''), x: i(b.x), y: i(b.y), w: i(b.w), h: i(b.h) });
      return;
    case 'text':
      addText(slide, b);
      return;
    case 'table':
      addTable(slide, b);
      return;
  }
}

/** Fonts for scripts Noto Sans lacks, by language: the ones the deck was measured with. */
const SCRIPT_FONT: Readonly<Record<string, string>> = { 'he-IL': 'Noto Sans Hebrew', 'ar-SA': 'Noto Sans Arabic' };

/**
 * Lines as PowerPoint text runs: one run per language, tagged with it (spelling, and the font
 * PowerPoint picks for the script), and right-to-left paragraphs marked as such, so Hebrew and
 * Arabic flow and wrap the right way when a consultant edits them.
 */
function textRuns(lines: readonly string[], dir: 'ltr' | 'rtl', style: PptxGenJS.TextPropsOptions = {}): PptxGenJS.TextProps[] {
  const context = lines.join('\n');
  return lines.flatMap((line, k) => {
    const parts = line ? langRuns(line, context) : [{ text: '', lang: 'en-US', rtl: false }];
    return parts.map((p, j) => {
      const font = SCRIPT_FONT[p.lang];
      return {
        text: p.text,
        options: { ...style, lang: p.lang, ...(font ? { fontFace: font } : {}), ...(j === 0 && dir === 'rtl' ? { rtlMode: true } : {}), breakLine: j === parts.length - 1 && k < lines.length - 1 },
      };
    });
  });
}

function addText(slide: Slide, t: TextBlock): void {
  if (t.lines.length === 0 || t.lines.every((l) => !l)) return;
  const dir = t.dir ?? textDirection(t.lines.join('\n'));
  // A little slack on the right: PowerPoint's substitute font may be a hair wider than Noto Sans.
  slide.addText(textRuns(t.lines, dir), {
    x: i(t.x), y: i(t.y), w: i(t.w + 6), h: i(Math.max(t.h, t.lineHeight)), margin: 0, fontFace: FONT, fontSize: t.size, bold: t.bold, color: hex(t.color),
    align: visualAlign(t.align, dir), valign: 'top', lineSpacing: t.lineHeight, fit: 'none', wrap: true, isTextBox: true,
  });
}

function addTable(slide: Slide, t: TableBlock): void {
  const rows = t.rows.map((r) =>
    r.cells.map((c) => {
      const dir = textDirection(c.lines.join('\n'));
      return {
        text: textRuns(c.lines, dir, { bold: c.bold, color: hex(c.color) }),
        options: { bold: c.bold, color: hex(c.color), align: visualAlign('left', dir), ...(c.fill ? { fill: { color: hex(c.fill) } } : {}) },
      };
    }),
  );
  slide.addTable(rows, {
    x: i(t.x), y: i(t.y), colW: t.colWidths.map(i), rowH: t.rows.map((r) => i(r.h)), fontFace: FONT, fontSize: t.size, valign: 'top',
    margin: [t.padY, t.padX, t.padY, t.padX].map((v) => v / IN) as [number, number, number, number],
    border: { type: 'solid', pt: 0.5, color: hex(t.border) }, autoPage: false,
  });
}
