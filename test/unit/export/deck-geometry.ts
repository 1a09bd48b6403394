// Geometry checks on a deck model, shared by the layout tests: every text box lies inside its
// container (the page's safe area, and any framed shape it starts in), its lines fit the box,
// and no two text boxes overprint. Text is measured by its ink: each line's real width, placed by
// its alignment, one line height tall, so generous boxes around short labels do not count.
import { textBlocksOf, type Block, type Deck, type Slide, type TextBlock } from '../../../src-renderer/export/deck-model';
import type { TextMeasure } from '../../../src-renderer/export/text-measure';

interface R {
  x: number;
  y: number;
  w: number;
  h: number;
}

const EPS = 0.05;

function lineRects(m: TextMeasure, t: TextBlock): R[] {
  return t.lines.flatMap((line, i) => {
    if (!line.trim()) return [];
    const w = m.width(line, t.size, t.bold);
    const x = t.align === 'left' ? t.x : t.align === 'right' ? t.x + t.w - w : t.x + (t.w - w) / 2;
    // The glyphs' own height (ascender to descender) inside the line's box, which also holds the leading.
    const inkH = Math.min(t.lineHeight, 1.2 * t.size);
    return [{ x, y: t.y + i * t.lineHeight + (t.lineHeight - inkH) / 2, w, h: inkH }];
  });
}

function intersects(a: R, b: R): boolean {
  return a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
}

function inside(a: R, b: R): boolean {
  return a.x >= b.x - EPS && a.y >= b.y - EPS && a.x + a.w <= b.x + b.w + EPS && a.y + a.h <= b.y + b.h + EPS;
}

const label = (t: TextBlock) => `"${t.lines.join(' ').slice(0, 50)}"`;

/** Everything wrong with the text geometry of one slide, as readable messages (empty when clean). */
export function slideProblems(m: TextMeasure, deck: Pick<Deck, 'width' | 'height'>, s: Slide, where = s.title): string[] {
  const bad: string[] = [];
  const texts = textBlocksOf(s);
  const page: R = { x: 0, y: 0, w: deck.width, h: deck.height };
  const frames = s.blocks.filter((b): b is Extract<Block, { kind: 'rect' }> => b.kind === 'rect' && b.frame === true);
  for (const t of texts) {
    const widest = Math.max(0, ...t.lines.map((l) => m.width(l, t.size, t.bold)));
    if (widest > t.w + EPS) bad.push(`${where}: ${label(t)} is ${widest.toFixed(1)} pt wide in a ${t.w.toFixed(1)} pt box`);
    if (t.lines.length * t.lineHeight > t.h + EPS) bad.push(`${where}: ${label(t)} has ${t.lines.length} lines in ${t.h.toFixed(1)} pt`);
    const box: R = { x: t.x, y: t.y, w: t.w, h: t.h };
    if (!inside(box, page)) bad.push(`${where}: ${label(t)} lies off the page`);
    for (const f of frames) {
      const fr: R = { x: f.x, y: f.y, w: f.w, h: f.h };
      const starts = t.x >= f.x - EPS && t.y >= f.y - EPS && t.x < f.x + f.w && t.y < f.y + f.h;
      if (starts && !inside(box, fr)) bad.push(`${where}: ${label(t)} spills out of its frame`);
    }
  }
  const ink = texts.map((t) => ({ t, rs: lineRects(m, t) }));
  for (let i = 0; i < ink.length; i++) {
    for (let k = i + 1; k < ink.length; k++) {
      const a = ink[i]!;
      const b = ink[k]!;
      if (a.rs.some((ra) => b.rs.some((rb) => intersects(ra, rb)))) bad.push(`${where}: ${label(a.t)} overprints ${label(b.t)}`);
    }
  }
  return bad;
}

export function deckProblems(m: TextMeasure, deck: Deck): string[] {
  return deck.slides.flatMap((s, i) => slideProblems(m, deck, s, `slide ${i + 1} "${s.title.slice(0, 40)}"`));
}
