// Draws one slide of the deck model as an SVG string: the in-app preview and, drawn onto a
// canvas, the PNG export. Same blocks, same positions, same line breaks as the PDF. Text uses
// the export fonts by the names font-assets.ts registers them under (never the machine's own
// fonts); the browser shapes Arabic and orders right-to-left text itself. Pure string
// building; no DOM.
import { baselineOf, type Block, type Deck, type Slide, type TableBlock, type TextBlock } from './deck-model';
import { textDirection, visualAlign } from './scripts';
import { cssFontFamily, substitute } from './text-measure';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => String(Math.round(v * 100) / 100);
const FONT = cssFontFamily;

/** Where a line of a block is anchored: x and text-anchor, for its direction and alignment. */
export function textAnchor(t: Pick<TextBlock, 'x' | 'w' | 'align' | 'lines' | 'dir'>): { x: number; anchor: 'start' | 'middle' | 'end'; dir: 'ltr' | 'rtl' } {
  const dir = t.dir ?? textDirection(t.lines.join('\n'));
  const align = visualAlign(t.align, dir);
  const x = align === 'center' ? t.x + t.w / 2 : align === 'right' ? t.x + t.w : t.x;
  // "start" is the right edge of a right-to-left line.
  const anchor = align === 'center' ? 'middle' : (align === 'right') === (dir === 'rtl') ? 'start' : 'end';
  return { x, anchor, dir };
}

function stroke(s: { color: string; width: number; dash?: readonly number[] } | undefined): string {
  if (!s) return ' stroke="none"';
  return ` stroke="${s.color}" stroke-width="${n(s.width)}"${s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : ''}`;
}

function text(t: TextBlock): string {
  const { x, anchor, dir } = textAnchor(t);
  const bidi = dir === 'rtl' ? ' direction="rtl"' : '';
  return t.lines
    .map((line, i) => (line ? `<text x="${n(x)}" y="${n(baselineOf(t, i))}" font-size="${n(t.size)}" font-weight="${t.bold ? 700 : 400}" fill="${t.color}" text-anchor="${anchor}"${bidi} xml:space="preserve">${esc(substitute(line))}</text>` : ''))
    .join('');
}

function table(t: TableBlock, withText: boolean): string {
  let y = t.y;
  const total = t.colWidths.reduce((a, b) => a + b, 0);
  let out = '';
  t.rows.forEach((r, ri) => {
    let x = t.x;
    r.cells.forEach((c, ci) => {
      const w = t.colWidths[ci] ?? 0;
      if (c.fill) out += `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(r.h)}" fill="${c.fill}"/>`;
      if (withText) out += text({ kind: 'text', x: x + t.padX, y: y + t.padY, w: w - 2 * t.padX, h: r.h, lines: c.lines, size: t.size, bold: c.bold, color: c.color, align: 'left', lineHeight: t.lineHeight });
      x += w;
    });
    out += `<line x1="${n(t.x)}" y1="${n(y + r.h)}" x2="${n(t.x + total)}" y2="${n(y + r.h)}" stroke="${t.border}" stroke-width="${ri === 0 ? 0.8 : 0.5}"/>`;
    y += r.h;
  });
  return out;
}

/** One block as SVG; `withText: false` leaves its text out (the PNG draws text on the canvas). */
export function blockSvg(b: Block, withText = true): string {
  switch (b.kind) {
    case 'rect':
      return `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}"${b.radius ? ` rx="${n(b.radius)}"` : ''} fill="${b.fill ?? 'none'}"${stroke(b.stroke)}/>`;
    case 'line':
      return `<line x1="${n(b.x1)}" y1="${n(b.y1)}" x2="${n(b.x2)}" y2="${n(b.y2)}"${stroke(b.stroke)}/>`;
    case 'ellipse':
      return `<ellipse cx="${n(b.cx)}" cy="${n(b.cy)}" rx="${n(b.rx)}" ry="${n(b.ry)}" fill="${b.fill ?? 'none'}"${b.opacity !== undefined ? ` fill-opacity="${b.opacity}"` : ''}${stroke(b.stroke)}/>`;
    case 'path': {
      const d = b.commands.map((c) => (c.op === 'Z' ? 'Z' : c.op === 'C' ? `C${n(c.x1)},${n(c.y1)} ${n(c.x2)},${n(c.y2)} ${n(c.x)},${n(c.y)}` : `${c.op}${n(c.x)},${n(c.y)}`)).join(' ');
      return `<path d="${d}" fill="${b.fill ?? 'none'}"${b.opacity !== undefined ? ` fill-opacity="${b.opacity}"` : ''}${stroke(b.stroke)}/>`;
    }
    case 'image':
      return `<image x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" href="${esc(b.dataUrl)}" preserveAspectRatio="xMidYMid slice"/>`;
    case 'text':
      return withText ? text(b) : '';
    case 'table':
      return table(b, withText);
  }
}

/** One slide as a standalone SVG document, `scale` pixels per point. */
export function slideSvg(deck: Pick<Deck, 'width' | 'height'> & Partial<Pick<Deck, 'brand'>>, slide: Slide, scale = 1, title = slide.title, withText = true): string {
  const w = deck.width * scale;
  const h = deck.height * scale;
  // A brand's typeface first: the deck was measured with it.
  const family = deck.brand ? `'${deck.brand.typeface.family}', ${FONT}` : FONT;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(w)}" height="${n(h)}" viewBox="0 0 ${n(deck.width)} ${n(deck.height)}" font-family="${esc(family)}" role="img" aria-label="${esc(title)}">` +
    `<rect width="100%" height="100%" fill="${slide.background ?? '#ffffff'}"/>` +
    slide.blocks.map((b) => blockSvg(b, withText)).join('') +
    `</svg>`
  );
}
