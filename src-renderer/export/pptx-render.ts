// Writes a deck as PowerPoint with pptxgenjs, built for editing: slide layouts with title and
// body placeholders that the slides use, one text box per block of text (stacked lines and
// bullets merged) whose paragraphs reflow, native charts (radar, bar, scatter, bubble) where the
// model carries chart data, and each figure's shapes grouped. Positions match the PDF. Fonts are
// named, not embedded: the brand's typeface names a font Office has with the same widths.
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { SLIDE, theme } from './deck-layout';
import type { Block, ChartSpec, Deck, Slide as DeckSlide, Stroke, TableBlock, TextBlock } from './deck-model';
import { langRuns, textDirection, visualAlign } from './scripts';
import type { TextMeasure } from './text-measure';

const IN = 72;
const EMU = 914400 / IN;
const i = (pt: number) => Math.round((pt / IN) * 10000) / 10000;
const hex = (c: string) => c.replace('#', '').toUpperCase();

type Slide = ReturnType<PptxGenJS['addSlide']>;
type LineProps = NonNullable<PptxGenJS.ShapeProps['line']>;
type Run = PptxGenJS.TextProps;

/** The font the PowerPoint names, and what the export screen says about it. */
export function pptxFontOf(deck: Pick<Deck, 'brand'>): string {
  return deck.brand?.typeface.pptx ?? 'Noto Sans';
}

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

/** Slide layouts (pptxgenjs "masters"): names as PowerPoint shows them in Layout. */
const LAYOUT = { title: 'Title Slide', section: 'Section Header', content: 'Title and Content', titleOnly: 'Title Only' } as const;

interface Geometry {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** What the written XML still needs per slide: the placeholders' own positions. */
interface SlidePatch {
  readonly placeholders: Map<'title' | 'body', Geometry>;
}

export async function renderPptx({ deck }: PptxInput): Promise<Uint8Array> {
  const font = pptxFontOf(deck);
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'CENTRIC', width: deck.width / IN, height: deck.height / IN });
  pptx.layout = 'CENTRIC';
  pptx.author = deck.author;
  pptx.title = deck.title;
  pptx.company = 'Centric';
  pptx.theme = { headFontFace: font, bodyFontFace: font };
  defineLayouts(pptx, deck, font);
  const patches: SlidePatch[] = [];
  for (const s of deck.slides) patches.push(addSlide(pptx, s, font));
  // pptxgenjs only compresses its Blob output (browser only), so the zip is deflated here:
  // a full deck drops from about 4 MB to a few hundred KB.
  const stored = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  const zip = await JSZip.loadAsync(stored);
  await dropRepeatedParagraphProps(zip);
  await patchXml(zip, deck, patches);
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


function defineLayouts(pptx: PptxGenJS, deck: Deck, font: string): void {
  // Where the deck model puts titles and lead text (deck-layout.ts), scaled to the page.
  const kx = deck.width / SLIDE.w;
  const ky = deck.height / SLIDE.h;
  const M = theme.margin;
  const ph = (name: 'title' | 'body', g: Geometry, size: number, bold: boolean) => ({
    placeholder: {
      options: { name, type: name, x: i(g.x * kx), y: i(g.y * ky), w: i(g.w * kx), h: i(g.h * ky), fontFace: font, fontSize: size, bold, valign: 'top' as const, margin: 0 },
      text: '',
    },
  });
  const w = SLIDE.w - 2 * M.x;
  const titleBox = { x: M.x, y: M.top + 16, w, h: 52 };
  const lead = { x: M.x, y: M.top + 50, w, h: 20 };
  pptx.defineSlideMaster({ title: LAYOUT.title, objects: [ph('title', { x: 72, y: 170, w: 720, h: 160 }, 44, true), ph('body', { x: 72, y: 440, w: 720, h: 20 }, 10.5, false)] });
  pptx.defineSlideMaster({ title: LAYOUT.section, objects: [ph('title', { x: 340, y: 206, w: 560, h: 80 }, 32, true)] });
  pptx.defineSlideMaster({ title: LAYOUT.content, objects: [ph('title', titleBox, theme.size.h2, true), ph('body', lead, theme.size.small, false)] });
  pptx.defineSlideMaster({ title: LAYOUT.titleOnly, objects: [ph('title', titleBox, theme.size.h2, true)] });
}

function placeholderOf(b: Block, role: 'title' | 'body', section: DeckSlide['section']): boolean {
  if (b.kind !== 'text') return false;
  if (b.placeholder) return b.placeholder === role;
  if (role === 'title') return b.role === 'title';
  // The lead line under the title (content slides) or the subtitle (title slide) is the body.
  return b.role === 'subtitle' && section !== 'divider';
}

function addSlide(pptx: PptxGenJS, s: DeckSlide, font: string): SlidePatch {
  const title = s.blocks.find((b) => placeholderOf(b, 'title', s.section)) as TextBlock | undefined;
  const body = s.blocks.find((b) => placeholderOf(b, 'body', s.section)) as TextBlock | undefined;
  const masterName = s.section === 'title' ? LAYOUT.title : s.section === 'divider' ? LAYOUT.section : body ? LAYOUT.content : LAYOUT.titleOnly;
  const slide = pptx.addSlide({ masterName });
  if (s.background) slide.background = { color: hex(s.background) };
  const patch: SlidePatch = { placeholders: new Map() };
  // Native charts replace the blocks that drew their data, at the place of the first of them.
  const skip = new Set<Block>(s.blocks.filter((b) => b.native && s.blocks.some((o) => o.chart && o.group === b.group)));
  const boxes = textBoxes(s.blocks.filter((b) => !skip.has(b)));
  for (const b of s.blocks) {
    if (b.chart) addChart(pptx, slide, b.chart, font);
    if (skip.has(b)) continue;
    if (b.kind === 'ellipse' && boxes.dots.has(b)) continue;
    if (b.kind === 'text') {
      const box = boxes.byFirst.get(b);
      if (!box) continue; // merged into an earlier box
      const role = b === title ? 'title' : b === body ? 'body' : undefined;
      addTextBox(slide, box, font, role, patch);
      continue;
    }
    addBlock(pptx, slide, b, font);
  }
  return patch;
}

// ---------------------------------------------------------------------------------------------
// Text: blocks stacked in one column become one box of paragraphs

interface Para {
  readonly block: TextBlock;
  readonly text: string;
  readonly bullet: boolean;
  /** Space before this paragraph, pt. */
  readonly before: number;
}

interface TextBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Left indent of bulleted text, pt (0 without bullets). */
  readonly indent: number;
  readonly paras: Para[];
  readonly align: TextBlock['align'];
}

/** The paragraphs as typed when the block shows them all; otherwise its lines (a cut title). */
function paragraphsOf(t: TextBlock): string[] {
  const squash = (xs: readonly string[]) => xs.join('').replace(/\s+/g, '');
  if (t.paragraphs && squash(t.paragraphs) === squash(t.lines)) return t.paragraphs.map((p) => p.trim());
  return [...t.lines];
}

/** A bullet dot drawn just left of a text block's first line (deck-build's lists). */
function dotFor(blocks: readonly Block[], t: TextBlock): Block | undefined {
  return blocks.find((b) => b.kind === 'ellipse' && b.rx <= 2.6 && b.cx < t.x && t.x - b.cx <= 12 && b.cy >= t.y && b.cy <= t.y + t.lineHeight);
}

/** Text that may share a box with the text above or below it (not titles, labels, the footer). */
const stackable = (t: TextBlock) => !t.placeholder && !['title', 'subtitle', 'kicker', 'footer', 'chart-label', 'number'].includes(t.role ?? '');

function textBoxes(blocks: readonly Block[]): { byFirst: Map<TextBlock, TextBox>; dots: Set<Block> } {
  const byFirst = new Map<TextBlock, TextBox>();
  const dots = new Set<Block>();
  const texts = blocks.filter((b): b is TextBlock => b.kind === 'text' && b.lines.some((l) => l.length > 0));
  const edges = blocks.filter((b) => b.kind === 'rect' || b.kind === 'line');
  const used = new Set<TextBlock>();
  for (const t of texts) {
    if (used.has(t)) continue;
    used.add(t);
    const dot = t.placeholder || t.role === 'title' ? undefined : dotFor(blocks, t);
    if (dot) dots.add(dot);
    const indent = dot && dot.kind === 'ellipse' ? t.x - (dot.cx - dot.rx) : 0;
    const paras: Para[] = paragraphsOf(t).map((text, k) => ({ block: t, text, bullet: !!dot && k === 0, before: 0 }));
    let last = t;
    let bottom = t.y + t.h;
    // Stack the blocks that follow in the same column, close below, not across a card's edge.
    if (stackable(t)) {
      for (;;) {
        const next = texts.find((o) => !used.has(o) && Math.abs(o.x - t.x) < 0.5 && Math.abs(o.w - t.w) < 0.5 && o.group === t.group && o.y >= bottom - 0.5 && o.y - bottom <= Math.max(6, last.size * 0.8) && o.align === t.align && stackable(o));
        if (!next) break;
        const crosses = edges.some((e) => {
          const ys = e.kind === 'rect' ? [e.y, e.y + e.h] : [e.y1, e.y2];
          const xs = e.kind === 'rect' ? [e.x, e.x + e.w] : [Math.min(e.x1, e.x2), Math.max(e.x1, e.x2)];
          return ys.some((y) => y > bottom - 0.5 && y < next.y + 0.5) && xs[0]! < t.x + t.w && xs[1]! > t.x;
        });
        if (crosses) break;
        const nd = dotFor(blocks, next);
        if (nd && !dot) break; // a list starting under a plain paragraph keeps its own box
        if (nd) dots.add(nd);
        paragraphsOf(next).forEach((text, k) => paras.push({ block: next, text, bullet: !!nd && k === 0, before: k === 0 ? Math.max(0, next.y - bottom) : 0 }));
        used.add(next);
        last = next;
        bottom = next.y + next.h;
      }
    }
    byFirst.set(t, { x: t.x - indent, y: t.y, w: t.w + indent, h: bottom - t.y, indent, paras, align: t.align });
  }
  return { byFirst, dots };
}

function addTextBox(slide: Slide, box: TextBox, font: string, role: 'title' | 'body' | undefined, patch: SlidePatch): void {
  // One run per language (tagged, and in the font the deck measured that script with), and
  // right-to-left paragraphs marked and set from the right, as in textRuns below.
  const runs: Run[] = box.paras.flatMap((p, k) => {
    const dir = p.block.dir ?? textDirection(p.text);
    const parts = p.text ? langRuns(p.text, p.text) : [{ text: '', lang: 'en-US', rtl: false }];
    return parts.map((part, j) => ({
      text: part.text,
      options: {
        breakLine: j === parts.length - 1 && k < box.paras.length - 1,
        fontFace: SCRIPT_FONT[part.lang] ?? font, lang: part.lang, fontSize: p.block.size, bold: p.block.bold, color: hex(p.block.color), align: visualAlign(box.align, dir),
        lineSpacing: p.block.lineHeight, paraSpaceBefore: p.before,
        ...(j === 0 && dir === 'rtl' ? { rtlMode: true } : {}),
        // Bullets hang at the dot's place; the lines of a bulleted item (and its tag) align after it.
        ...(box.indent > 0 ? { bullet: p.bullet ? { indent: box.indent } : false, indentLevel: 0 } : { bullet: false }),
      },
    }));
  });

  // A little slack on the right: PowerPoint's substitute font may be a hair wider than the model's.
  const g = { x: box.x, y: box.y, w: box.w + 6, h: Math.max(box.h, box.paras[0]!.block.lineHeight) };
  slide.addText(runs, {
    x: i(g.x), y: i(g.y), w: i(g.w), h: i(g.h), margin: 0, fontFace: font, valign: 'top', fit: 'none', wrap: true,
    ...(role ? { placeholder: role } : { isTextBox: true }),
    ...(box.paras[0]!.block.group ? { objectName: `grp:${box.paras[0]!.block.group}` } : box.indent > 0 ? { objectName: 'List' } : {}),
  });
  if (role) patch.placeholders.set(role, g);
}

// ---------------------------------------------------------------------------------------------
// Shapes, images, tables

function addBlock(pptx: PptxGenJS, slide: Slide, b: Exclude<Block, TextBlock>, font: string): void {
  const named = b.group ? { objectName: `grp:${b.group}` } : {};
  switch (b.kind) {
    case 'rect': {
      const shape = b.radius ? pptx.ShapeType.roundRect : pptx.ShapeType.rect;
      slide.addShape(shape, {
        x: i(b.x), y: i(b.y), w: i(b.w), h: i(b.h), ...named,
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
        x: i(x), y: i(y), w: i(Math.abs(b.x2 - b.x1)), h: i(Math.abs(b.y2 - b.y1)), line: lineOf(b.stroke), ...named,
        flipV: (b.x2 - b.x1) * (b.y2 - b.y1) < 0,
      });
      return;
    }
    case 'ellipse':
      slide.addShape(pptx.ShapeType.ellipse, {
        x: i(b.cx - b.rx), y: i(b.cy - b.ry), w: i(2 * b.rx), h: i(2 * b.ry), ...named,
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
        x: i(x0), y: i(y0), w: i(Math.max(1, Math.max(...xs) - x0)), h: i(Math.max(1, Math.max(...ys) - y0)), points, ...named,
        ...(b.fill ? { fill: { color: hex(b.fill), ...(b.opacity !== undefined ? { transparency: Math.round((1 - b.opacity) * 100) } : {}) } } : { fill: { type: 'none' } }),
        ...(b.stroke ? { line: lineOf(b.stroke) } : { line: { type: 'none' } }),
      });
      return;
    }
    case 'image':
      slide.addImage({ data: b.dataUrl.replace(/^data:/, ''), x: i(b.x), y: i(b.y), w: i(b.w), h: i(b.h), ...named });
      return;
    case 'table':
      addTable(slide, b, font);
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

function addTable(slide: Slide, t: TableBlock, font: string): void {
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
    x: i(t.x), y: i(t.y), colW: t.colWidths.map(i), rowH: t.rows.map((r) => i(r.h)), fontFace: font, fontSize: t.size, valign: 'top',
    margin: [t.padY, t.padX, t.padY, t.padX].map((v) => v / IN) as [number, number, number, number],
    border: { type: 'solid', pt: 0.5, color: hex(t.border) }, autoPage: false,
  });
}

// ---------------------------------------------------------------------------------------------
// Native charts

function addChart(pptx: PptxGenJS, slide: Slide, c: ChartSpec, font: string): void {
  const base: PptxGenJS.IChartOpts = {
    x: i(c.x), y: i(c.y), w: i(c.w), h: i(c.h), objectName: c.title, altText: c.title,
    chartColors: c.series.map((s) => hex(s.color)), fontFace: font,
    catAxisLabelFontFace: font, valAxisLabelFontFace: font, dataLabelFontFace: font, legendFontFace: font,
    catAxisLabelFontSize: 9, valAxisLabelFontSize: 8, dataLabelFontSize: 8, legendFontSize: 9,
    ...(c.plot ? { layout: { x: (c.plot.x - c.x) / c.w, y: (c.plot.y - c.y) / c.h, w: c.plot.w / c.w, h: c.plot.h / c.h } } : {}),
  };
  const axes = {
    ...(c.yAxis ? { valAxisMinVal: c.yAxis.min, valAxisMaxVal: c.yAxis.max, ...(c.yAxis.step ? { valAxisMajorUnit: c.yAxis.step } : {}), ...(c.yAxis.title ? { showValAxisTitle: true, valAxisTitle: c.yAxis.title, valAxisTitleFontSize: 9 } : {}) } : {}),
    ...(c.xAxis ? { catAxisMinVal: c.xAxis.min, catAxisMaxVal: c.xAxis.max, ...(c.xAxis.step ? { catAxisMajorUnit: c.xAxis.step } : {}), ...(c.xAxis.title ? { showCatAxisTitle: true, catAxisTitle: c.xAxis.title, catAxisTitleFontSize: 9 } : {}) } : {}),
  };
  switch (c.type) {
    case 'radar':
      slide.addChart(pptx.ChartType.radar, c.series.map((s) => ({ name: s.name, labels: [...(c.categories ?? [])], values: [...s.values] })), {
        ...base, ...axes, radarStyle: 'marker', showLegend: c.series.length > 1, legendPos: 'b', lineSize: 2, lineDataSymbolSize: 5,
      });
      return;
    case 'bar':
      slide.addChart(pptx.ChartType.bar, c.series.map((s) => ({ name: s.name, labels: [...(c.categories ?? [])], values: [...s.values] })), {
        ...base, ...axes, barDir: 'bar', showLegend: c.series.length > 1, legendPos: 'b', showValue: true,
      });
      return;
    case 'scatter': {
      // pptxgenjs: the first series holds the x values shared by the others.
      const s = c.series[0]!;
      slide.addChart(pptx.ChartType.scatter, [{ name: c.xAxis?.title ?? 'X', values: [...(s.xs ?? [])] }, { name: s.name, values: [...s.values], labels: [...(s.labels ?? [])] }], {
        ...base, ...axes, lineSize: 0, lineDataSymbol: 'circle', lineDataSymbolSize: 12, showLegend: false,
        // The slide draws the quadrants and the axis names around the plot; the chart holds the dots.
        catAxisHidden: true, valAxisHidden: true, showCatAxisTitle: false, showValAxisTitle: false, valGridLine: { style: 'none' }, catGridLine: { style: 'none' },
        ...(s.labels ? { showLabel: true, dataLabelFormatScatter: 'custom', dataLabelPosition: 'ctr' } : {}),
        plotArea: { fill: { color: 'FFFFFF', transparency: 100 } },
      });
      return;
    }
    case 'bubble': {
      const s = c.series[0]!;
      slide.addChart(pptx.ChartType.bubble, [{ name: c.xAxis?.title ?? 'X', values: [...(s.xs ?? [])] }, { name: s.name, values: [...s.values], sizes: [...(s.sizes ?? [])], labels: [...(s.labels ?? [])] }], {
        ...base, ...axes, showLegend: false, ...(s.labels ? { showLabel: true, dataLabelFormatBubble: 'custom', dataLabelPosition: 'r' } : {}),
        plotArea: { fill: { color: 'FFFFFF', transparency: 100 } },
      } as PptxGenJS.IChartOpts);
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// XML the library cannot write: placeholder positions, groups, the theme's colours, body text
// without the default bullets.

const emu = (pt: number) => Math.round(pt * EMU);

async function patchXml(zip: JSZip, deck: Deck, patches: readonly SlidePatch[]): Promise<void> {
  const primary = hex(deck.brand?.primary ?? theme.colors.primary);
  const accent = hex(deck.brand?.accent ?? theme.colors.accent);
  const themeFile = zip.file('ppt/theme/theme1.xml');
  if (themeFile) {
    const xml = (await themeFile.async('string'))
      .replace(/<a:accent1>[\s\S]*?<\/a:accent1>/, `<a:accent1><a:srgbClr val="${primary}"/></a:accent1>`)
      .replace(/<a:accent2>[\s\S]*?<\/a:accent2>/, `<a:accent2><a:srgbClr val="${accent}"/></a:accent2>`)
      .replace(/<a:clrScheme name="[^"]*">/, '<a:clrScheme name="Centric">');
    zip.file('ppt/theme/theme1.xml', xml);
  }
  const master = zip.file('ppt/slideMasters/slideMaster1.xml');
  if (master) {
    // Body text is paragraphs, not a bulleted list, unless a paragraph asks for a bullet.
    const xml = (await master.async('string')).replace(/<a:lvl1pPr marL="342900" indent="-342900"([^>]*)>([\s\S]*?)<a:buChar char="•"\/>/, '<a:lvl1pPr marL="0" indent="0"$1>$2<a:buNone/>');
    zip.file('ppt/slideMasters/slideMaster1.xml', xml);
  }
  for (let n = 0; n < patches.length; n++) {
    const path = `ppt/slides/slide${n + 1}.xml`;
    const f = zip.file(path);
    if (!f) continue;
    let xml = await f.async('string');
    for (const [name, g] of patches[n]!.placeholders) {
      // A placeholder takes its layout's position unless the slide gives its own: give the model's.
      xml = xml.replace(SHAPE, (sp) =>
        new RegExp(`<p:ph[^>]*type="${name}"`).test(sp) ? sp.replace(/<a:off x="-?\d+" y="-?\d+"\/><a:ext cx="\d+" cy="\d+"\/>/, `<a:off x="${emu(g.x)}" y="${emu(g.y)}"/><a:ext cx="${emu(g.w)}" cy="${emu(g.h)}"/>`) : sp,
      );
    }
    // In a list, a paragraph without a bullet (an item's second paragraph, its tag) lines up
    // with the item's text, not with the bullet.
    xml = xml.replace(SHAPE, (sp) => {
      const marL = /name="List"/.test(sp) ? /marL="(\d+)" indent="-\d+"/.exec(sp)?.[1] : undefined;
      return marL ? sp.replace(/indent="0" marL="0"/g, `indent="0" marL="${marL}"`) : sp;
    });
    zip.file(path, groupShapes(xml));
  }
}

const SHAPE = /<p:(sp|pic|graphicFrame|cxnSp)>[\s\S]*?<\/p:\1>/g;

/** Wraps consecutive shapes named `grp:<id>` in one <p:grpSp>, so a figure moves as one. */
export function groupShapes(xml: string): string {
  const shapes = [...xml.matchAll(SHAPE)];
  if (!shapes.some((m) => m[0].includes('name="grp:'))) return xml;
  let out = '';
  let at = 0;
  let k = 0;
  for (let s = 0; s < shapes.length; ) {
    const m = shapes[s]!;
    const id = /name="grp:([^"]*)"/.exec(m[0])?.[1];
    if (!id) {
      s++;
      continue;
    }
    let e = s;
    while (e + 1 < shapes.length && /name="grp:([^"]*)"/.exec(shapes[e + 1]![0])?.[1] === id && shapes[e]!.index! + shapes[e]![0].length === shapes[e + 1]!.index) e++;
    if (e > s) {
      const members = shapes.slice(s, e + 1).map((x) => x[0]);
      const boxes = members.map((x) => /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(x)).filter((x): x is RegExpExecArray => !!x).map((x) => x.slice(1).map(Number) as [number, number, number, number]);
      const x0 = Math.min(...boxes.map((b) => b[0]));
      const y0 = Math.min(...boxes.map((b) => b[1]));
      const x1 = Math.max(...boxes.map((b) => b[0] + b[2]));
      const y1 = Math.max(...boxes.map((b) => b[1] + b[3]));
      const xfrm = `<a:xfrm><a:off x="${x0}" y="${y0}"/><a:ext cx="${x1 - x0}" cy="${y1 - y0}"/><a:chOff x="${x0}" y="${y0}"/><a:chExt cx="${x1 - x0}" cy="${y1 - y0}"/></a:xfrm>`;
      out += xml.slice(at, m.index) + `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="${9000 + k}" name="${id.replace(/[<&"]/g, '')}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr>${xfrm}</p:grpSpPr>${members.join('')}</p:grpSp>`;
      k++;
      at = shapes[e]!.index! + shapes[e]![0].length;
    }
    s = e + 1;
  }
  return out + xml.slice(at);
}
