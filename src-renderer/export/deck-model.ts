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

export interface Stroke {
  readonly color: string;
  readonly width: number;
  readonly dash?: readonly number[];
}

export interface TextBlock {
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
}

export interface RectBlock {
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

export interface LineBlock {
  readonly kind: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly stroke: Stroke;
}

export interface EllipseBlock {
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

export interface PathBlock {
  readonly kind: 'path';
  readonly commands: readonly PathCommand[];
  readonly fill?: string;
  readonly stroke?: Stroke;
  readonly opacity?: number;
}

export interface ImageBlock {
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

export interface TableBlock {
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
