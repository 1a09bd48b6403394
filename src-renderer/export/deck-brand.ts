// The firm's look applied to a finished deck (slides or the A3 poster): the app's primary and
// accent colours, and their lighter and darker steps, become the brand's; the logo goes in the
// top corner of every content page and on a white plate on the title slide; the deck records
// the typeface it was measured with, for the renderers. Pure: a new deck, the input untouched.
import { brandTypefaces, logoInfoOfDataUrl, shade, tint, type Brand } from '../domain/brand';
import { colors } from '../ui/tokens';
import type { Block, ChartSpec, Deck, Slide } from './deck-model';

/** The app colours each brand colour replaces (lower case). */
function palette(b: Brand): Map<string, string> {
  return new Map([
    [colors.primary, b.primary],
    [colors.focus, b.primary],
    [colors.primaryHover, shade(b.primary, 0.2)],
    [colors.primarySoft, tint(b.primary, 0.9)],
    [colors.accent, b.accent],
    [colors.accentSoft, tint(b.accent, 0.88)],
  ].map(([k, v]) => [k!.toLowerCase(), v!]));
}

function recolour(block: Block, to: (c: string) => string): Block {
  const stroke = 'stroke' in block && block.stroke ? { stroke: { ...block.stroke, color: to(block.stroke.color) } } : {};
  const chart = block.chart ? { chart: { ...block.chart, series: block.chart.series.map((s) => ({ ...s, color: to(s.color) })) } satisfies ChartSpec } : {};
  switch (block.kind) {
    case 'text':
      return { ...block, color: to(block.color), ...chart };
    case 'rect':
    case 'ellipse':
    case 'path':
      return { ...block, ...(block.fill ? { fill: to(block.fill) } : {}), ...stroke, ...chart };
    case 'line':
      return { ...block, ...stroke, ...chart } as Block;
    case 'table':
      return { ...block, border: to(block.border), rows: block.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, color: to(c.color), ...(c.fill ? { fill: to(c.fill) } : {}) })) })), ...chart };
    case 'image':
      return block;
  }
}

/** The logo fitted into a box of at most w × h, aligned to the right edge or the left. */
function logoBlock(dataUrl: string, right: number | null, left: number, y: number, maxW: number, maxH: number): Block | null {
  const info = logoInfoOfDataUrl(dataUrl);
  if (!info) return null;
  const k = Math.min(maxW / info.width, maxH / info.height);
  const w = info.width * k;
  const h = info.height * k;
  return { kind: 'image', x: right !== null ? right - w : left, y: y + (maxH - h) / 2, w, h, dataUrl, group: 'logo' };
}

export function applyBrand(deck: Deck, brand: Brand | null): Deck {
  if (!brand) return deck;
  const map = palette(brand);
  const to = (c: string) => map.get(c.toLowerCase()) ?? c;
  const k = deck.width / 960;
  const slides: Slide[] = deck.slides.map((s) => {
    const blocks = s.blocks.map((b) => recolour(b, to));
    if (brand.logo) {
      if (s.section === 'title') {
        // The title slide is dark: the logo sits on a white plate so any logo reads.
        const logo = logoBlock(brand.logo, null, 72 * k + 10, 56 * k + 8, 180 * k, 40 * k);
        if (logo && logo.kind === 'image') blocks.push({ kind: 'rect', x: 72 * k, y: 56 * k, w: logo.w + 20, h: 40 * k + 16, radius: 4, fill: '#ffffff', group: 'logo' }, logo);
      } else if (s.chrome) {
        // In the top margin, right-aligned, clear of the kicker line below it.
        const logo = logoBlock(brand.logo, deck.width - 48 * k, 0, 6 * k, 110 * k, 20 * k);
        if (logo) blocks.push(logo);
      }
    }
    return { ...s, blocks, ...(s.background ? { background: to(s.background) } : {}) };
  });
  const face = brandTypefaces[brand.typeface];
  return { ...deck, slides, brand: { typeface: { family: face.family, pptx: face.pptx }, primary: brand.primary, accent: brand.accent } };
}
