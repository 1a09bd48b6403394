// The deck as data: pages of positioned blocks (text, tables, shapes, images) in points on a
// fixed grid. Every renderer (PDF, PPTX, SVG for the preview and PNG) draws exactly this, so
// the deck looks the same everywhere. Pure types and tiny constructors; no fonts, no DOM.

export type SectionId = 'agenda' | 'assessment' | 'personas' | 'segments' | 'journeys' | 'roadmap' | 'measurement' | 'ideas' | 'actions';

export const sectionIds: readonly SectionId[] = ['agenda', 'assessment', 'personas', 'segments', 'journeys', 'roadmap', 'measurement', 'ideas', 'actions'];

export const sectionLabels: Readonly<Record<SectionId, string>> = {
  agenda: 'Agenda',
  assessment: 'Assessment results',
  personas: 'Personas',
  segments: 'Segment value maps',
  journeys: 'Customer journeys',
  roadmap: 'Lifecycle roadmap',
  measurement: 'Measurement plan',
  ideas: 'Ideas and votes',
  actions: 'Decisions & actions',
};

/**
 * What every block may carry besides its geometry. `group`: blocks drawn as one figure (a chart,
 * a legend), grouped in the PowerPoint so they move together. `chart`: on the first block of a
 * chart, its data, so the PowerPoint can draw a native, editable chart in place of the blocks
 * marked `native` (the PDF, SVG and PNG draw the blocks and ignore both).
 */
export interface BlockGrouping {
  readonly group?: string;
  readonly native?: boolean;
  readonly chart?: ChartSpec;
}

export interface ChartSeries {
  readonly name: string;
  readonly color: string;
  /** One value per category (radar, bar) or the y values (scatter, bubble). */
  readonly values: readonly number[];
  /** Scatter and bubble: the x values. */
  readonly xs?: readonly number[];
  /** Bubble: the sizes. */
  readonly sizes?: readonly number[];
  /** Labels shown beside the points (scatter, bubble). */
  readonly labels?: readonly string[];
  readonly dashed?: boolean;
  /** Radar: whether the area is filled. */
  readonly filled?: boolean;
}

/** The data of a chart drawn as blocks, for a native PowerPoint chart in the same place. */
export interface ChartSpec {
  readonly type: 'radar' | 'bar' | 'scatter' | 'bubble';
  readonly title: string;
  /** Where the chart sits on the slide, pt. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** The plot area within it (pt, slide coordinates), so drawn quadrants stay aligned. */
  readonly plot?: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  /** Radar and bar: the category names. */
  readonly categories?: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly xAxis?: { readonly title?: string; readonly min: number; readonly max: number; readonly step?: number };
  readonly yAxis?: { readonly title?: string; readonly min: number; readonly max: number; readonly step?: number };
}

export interface Stroke {
  readonly color: string;
  readonly width: number;
  readonly dash?: readonly number[];
}

export interface TextBlock extends BlockGrouping {
  readonly kind: 'text';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Already wrapped to the box with the embedded fonts' metrics. */
  readonly lines: readonly string[];
  readonly size: number;
  readonly bold: boolean;
  readonly color: string;
  readonly align: 'left' | 'center' | 'right';
  /** Distance between baselines, pt. */
  readonly lineHeight: number;
  /** A name for tests and the outline ("title", "card"…). */
  readonly role?: string;
  /**
   * Paragraph direction; when absent, renderers take it from the first strong letter
   * (export/scripts.ts textDirection), so Hebrew and Arabic text reads right to left.
   */
  readonly dir?: 'ltr' | 'rtl';
  /**
   * The text as typed, one entry per paragraph, before wrapping: the PowerPoint writes these
   * (so lines reflow when edited) instead of the measured lines.
   */
  readonly paragraphs?: readonly string[];
  /** The slide placeholder this text fills in the PowerPoint (its title, or its body text). */
  readonly placeholder?: 'title' | 'body';
}

export interface RectBlock extends BlockGrouping {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly radius?: number;
  readonly fill?: string;
  readonly stroke?: Stroke;
  /** A frame text is placed in (a card, a panel, a chart's plot): text starting inside it stays inside it. */
  readonly frame?: boolean;
}

export interface LineBlock extends BlockGrouping {
  readonly kind: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly stroke: Stroke;
}

export interface EllipseBlock extends BlockGrouping {
  readonly kind: 'ellipse';
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
  readonly fill?: string;
  readonly stroke?: Stroke;
  /** 0–1. */
  readonly opacity?: number;
}

export type PathCommand =
  | { readonly op: 'M' | 'L'; readonly x: number; readonly y: number }
  | { readonly op: 'C'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly x: number; readonly y: number }
  | { readonly op: 'Z' };

export interface PathBlock extends BlockGrouping {
  readonly kind: 'path';
  readonly commands: readonly PathCommand[];
  readonly fill?: string;
  readonly stroke?: Stroke;
  readonly opacity?: number;
}

export interface ImageBlock extends BlockGrouping {
  readonly kind: 'image';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** data:image/png|jpeg|webp;base64,… */
  readonly dataUrl: string;
}

export interface TableCell {
  readonly lines: readonly string[];
  readonly bold: boolean;
  readonly color: string;
  readonly fill?: string;
}

export interface TableRow {
  readonly h: number;
  readonly cells: readonly TableCell[];
}

export interface TableBlock extends BlockGrouping {
  readonly kind: 'table';
  readonly x: number;
  readonly y: number;
  readonly colWidths: readonly number[];
  readonly rows: readonly TableRow[];
  readonly size: number;
  readonly lineHeight: number;
  readonly padX: number;
  readonly padY: number;
  readonly border: string;
  /** The first row is a header (repeated on every continuation). */
  readonly header: boolean;
}

export type Block = TextBlock | RectBlock | LineBlock | EllipseBlock | PathBlock | ImageBlock | TableBlock;

export interface Slide {
  readonly id: string;
  readonly section: SectionId | 'title' | 'divider';
  /** The slide's heading, for the outline and tests ("Maria Lopez (continued)"). */
  readonly title: string;
  readonly blocks: Block[];
  /** Background colour; white when absent. */
  readonly background?: string;
  /** Whether the footer and page number are drawn (not on the title slide or dividers). */
  readonly chrome: boolean;
}

export interface Deck {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly author: string;
  readonly slides: Slide[];
  /** Whether any text needs the CJK font (renderers embed it only then). */
  readonly needsCjk: boolean;
  /** Characters no embedded font can draw: they will not appear. */
  readonly uncovered: readonly string[];
  /** The brand's look when one is set (deck-brand.ts); the app's own look when absent. */
  readonly brand?: DeckBrand;
}

/** The firm's look as the renderers need it. */
export interface DeckBrand {
  /** The typeface the deck was measured with (Noto Sans when absent). */
  readonly typeface: DeckTypeface;
  readonly primary: string;
  readonly accent: string;
}

export interface DeckTypeface {
  /** The family the PDF, SVG and PNG draw with ("Liberation Sans"). */
  readonly family: string;
  /** The font the PowerPoint names: one with the same widths that Office has ("Arial"). */
  readonly pptx: string;
}

/** The text blocks of a slide, including table cells as blocks (for overflow checks and tests). */
export function textBlocksOf(slide: Slide): TextBlock[] {
  const out: TextBlock[] = [];
  for (const b of slide.blocks) {
    if (b.kind === 'text') out.push(b);
    if (b.kind === 'table') {
      let y = b.y;
      for (const r of b.rows) {
        let x = b.x;
        r.cells.forEach((c, i) => {
          const w = b.colWidths[i] ?? 0;
          out.push({
            kind: 'text', x: x + b.padX, y: y + b.padY, w: w - 2 * b.padX, h: r.h - 2 * b.padY, lines: c.lines, size: b.size,
            bold: c.bold, color: c.color, align: 'left', lineHeight: b.lineHeight, role: 'cell',
          });
          x += w;
        });
        y += r.h;
      }
    }
  }
  return out;
}

/** Every string drawn on a slide, in reading order (for tests and the PPTX notes). */
export function slideText(slide: Slide): string {
  return textBlocksOf(slide)
    .map((t) => t.lines.join(' '))
    .join('\n');
}

/** Noto Sans' ascender and descender as fractions of the size (hhea: 1069 / 293 per 1000). */
export const FONT_ASCENT = 1.069;
export const FONT_DESCENT = 0.293;

/** The baseline of line i of a text block, placed like CSS places a line box. */
export function baselineOf(t: Pick<TextBlock, 'y' | 'size' | 'lineHeight'>, i: number): number {
  return t.y + i * t.lineHeight + (t.lineHeight - (FONT_ASCENT + FONT_DESCENT) * t.size) / 2 + FONT_ASCENT * t.size;
}
