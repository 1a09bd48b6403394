// Draws a deck with jsPDF, all vector: text as text (Noto Sans, Droid Sans Fallback for CJK,
// embedded and subset by jsPDF), shapes as paths, tables as lines and text. The CJK font is only
// added when some text needs it, which keeps a Latin-script deck small. Never touches the DOM.
import { GState, jsPDF } from 'jspdf';
import { bytesToBase64 } from './base64';
import { baselineOf, type Block, type Deck, type Stroke, type TableBlock, type TextBlock } from './deck-model';
import type { FontBytes, FontFace, TextMeasure } from './text-measure';

const FAMILY: Record<FontFace, [string, string, string]> = {
  regular: ['NotoSans-Regular.ttf', 'NotoSans', 'normal'],
  bold: ['NotoSans-Bold.ttf', 'NotoSans', 'bold'],
  cjk: ['DroidSansFallbackFull.ttf', 'DroidSansFallback', 'normal'],
};

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
  const faces: FontFace[] = deck.needsCjk ? ['regular', 'bold', 'cjk'] : ['regular', 'bold'];
  for (const f of faces) {
    const [file, family, style] = FAMILY[f];
    doc.addFileToVFS(file, bytesToBase64(fonts[f]));
    doc.addFont(file, family, style, undefined, 'Identity-H');
  }
  deck.slides.forEach((slide, i) => {
    if (i > 0) doc.addPage([deck.width, deck.height], deck.width > deck.height ? 'landscape' : 'portrait');
    if (slide.background) {
      doc.setFillColor(...rgb(slide.background));
      doc.rect(0, 0, deck.width, deck.height, 'F');
    }
    for (const b of slide.blocks) drawBlock(doc, b, measure, deck.needsCjk);
  });
  return new Uint8Array(doc.output('arraybuffer'));
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

function drawBlock(doc: jsPDF, b: Block, m: TextMeasure, cjk: boolean): void {
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
      drawText(doc, b, m, cjk);
      return;
    case 'table':
      drawTable(doc, b, m, cjk);
      return;
  }
}

/** The stroke around a synthetic-bold CJK glyph, as a share of the type size. */
export const CJK_BOLD_STROKE = 0.035;

function drawText(doc: jsPDF, t: TextBlock, m: TextMeasure, cjk: boolean): void {
  doc.setTextColor(...rgb(t.color));
  doc.setFontSize(t.size);
  t.lines.forEach((line, i) => {
    if (!line) return;
    const y = baselineOf(t, i);
    const w = m.width(line, t.size, t.bold);
    let x = t.align === 'center' ? t.x + (t.w - w) / 2 : t.align === 'right' ? t.x + t.w - w : t.x;
    for (const r of m.runs(line, t.bold)) {
      const face: FontFace = r.face === 'cjk' && !cjk ? 'regular' : r.face;
      const [, family, st] = FAMILY[face];
      doc.setFont(family, st);
      if (t.bold && face === 'cjk') {
        // No bold CJK font is shipped: a bold run is filled and stroked in its own colour
        // (a synthetic bold), so CJK titles stand out like the Latin ones. Width is unchanged.
        doc.setDrawColor(...rgb(t.color));
        doc.setLineDashPattern([], 0);
        doc.setLineWidth(t.size * CJK_BOLD_STROKE);
        doc.text(r.text, x, y, { baseline: 'alphabetic', renderingMode: 'fillThenStroke' });
      } else doc.text(r.text, x, y, { baseline: 'alphabetic' });
      x += r.em * t.size;
    }
  });
}

function drawTable(doc: jsPDF, t: TableBlock, m: TextMeasure, cjk: boolean): void {
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
      drawText(doc, { kind: 'text', x: x + t.padX, y: y + t.padY, w: w - 2 * t.padX, h: r.h - 2 * t.padY, lines: c.lines, size: t.size, bold: c.bold, color: c.color, align: 'left', lineHeight: t.lineHeight }, m, cjk);
      x += w;
    });
    doc.setDrawColor(...rgb(t.border));
    doc.setLineDashPattern([], 0);
    doc.setLineWidth(ri === 0 && t.header ? 0.8 : 0.5);
    doc.line(t.x, y + r.h, t.x + totalW, y + r.h, 'S');
    y += r.h;
  });
}
