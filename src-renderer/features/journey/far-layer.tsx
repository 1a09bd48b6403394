// The far view's cards as one bitmap. Zoomed out below readable type (canvas-lod.ts) a card is a
// coloured block with its marks as bands, and 2,000 of them as DOM nodes cost a 50 ms frame on a
// software-rendered screen: every pan or zoom frame repaints them all. Drawn once into a canvas
// the size of the journey, a pan or zoom frame only scales one image. The canvas is redrawn when
// the cards, the layout or the zoom step (--jy-px, half-octaves) change, never per frame.
//
// Cards someone is working with (selected, focused, being dragged or edited, or under the pointer,
// so a press lands on a real card: journey-canvas.tsx) stay React Flow nodes above the bitmap;
// those that are not merely hovered are left out of it, so a dragged card leaves no ghost behind.
import { memo, useEffect, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { cardColors, isCardColor, type CardMark, type JourneyCard } from '../../domain/journey';
import type { CardRect, JourneyLayout } from '../../domain/journey-layout';
import { authorColour } from '../../domain/room';

export interface FarNodeData extends Record<string, unknown> {
  readonly layout: JourneyLayout;
  readonly cards: readonly JourneyCard[];
  /** Card ids drawn as nodes instead (joined with '\n', so equal sets compare equal). */
  readonly hiddenKey: string;
  /** Flow px per screen px (canvas-lod.ts, LodState.px). */
  readonly px: number;
}
export type FarNode = Node<FarNodeData, 'far'>;

/** Largest bitmap side and area: past these Chromium refuses or slows to a crawl. */
const MAX_SIDE = 8192;
const MAX_AREA = 24e6;

/**
 * Bitmap pixels per flow px: twice the screen's resolution at this zoom step (the step rounds the
 * zoom down by up to half an octave, and edges stay crisp while zooming within it), within the
 * limits above.
 */
export function bitmapScale(width: number, height: number, px: number, dpr: number): number {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  return Math.min((2 * dpr) / Math.max(px, 1e-3), MAX_SIDE / w, MAX_SIDE / h, Math.sqrt(MAX_AREA / (w * h)));
}

export interface MarkColours {
  readonly pain: string;
  readonly 'moment-of-truth': string;
  readonly 'drop-off': string;
  readonly roadmap: string;
}

/** The bands a card shows down its right side (40% of its width), top to bottom, as in journey.css. */
export function farBands(card: Pick<JourneyCard, 'marks' | 'initiativeId'>, colours: MarkColours): string[] {
  const out = card.marks.map((m: CardMark) => colours[m]);
  if (card.initiativeId) out.push(colours.roadmap);
  return out;
}

/** Draws every card of `layout` not in `hidden` at scale `s`; returns how many were drawn. */
export function drawFarCards(ctx: CanvasRenderingContext2D, layout: JourneyLayout, cards: readonly JourneyCard[], hidden: ReadonlySet<string>, s: number, colours: MarkColours): number {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(s, 0, 0, s, 0, 0);
  let drawn = 0;
  // A sliver for the author stripe: 2 screen px at this scale, as the DOM card's inset shadow.
  const stripe = 2 / s;
  for (const card of cards) {
    if (hidden.has(card.id)) continue;
    const r: CardRect | undefined = layout.cards.get(card.id);
    if (!r) continue;
    const palette = cardColors[isCardColor(card.color) ? card.color : 'yellow'];
    ctx.fillStyle = palette.fill;
    ctx.fillRect(r.x, r.y, r.width, r.height);
    const bands = farBands(card, colours);
    if (bands.length > 0) {
      const bw = r.width * 0.4;
      const bh = r.height / bands.length;
      bands.forEach((c, i) => {
        ctx.fillStyle = c;
        ctx.fillRect(r.x + r.width - bw, r.y + i * bh, bw, bh);
      });
    }
    const author = card.author?.participantId;
    if (author) {
      ctx.fillStyle = authorColour(author);
      ctx.fillRect(r.x, r.y, Math.min(stripe, r.width), r.height);
    }
    drawn++;
  }
  return drawn;
}

function markColours(el: Element): MarkColours {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { pain: v('--color-danger', '#b42318'), 'moment-of-truth': v('--color-warning', '#b54708'), 'drop-off': v('--color-ink', '#17202e'), roadmap: v('--color-primary', '#2f4fd8') };
}

function FarNodeView({ data }: NodeProps<FarNode>) {
  const { layout, cards, hiddenKey, px } = data;
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d', { alpha: true });
    if (!canvas || !ctx) return;
    const s = bitmapScale(layout.width, layout.height, px, window.devicePixelRatio || 1);
    const w = Math.max(1, Math.ceil(layout.width * s));
    const h = Math.max(1, Math.ceil(layout.height * s));
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    const hidden = new Set(hiddenKey ? hiddenKey.split('\n') : []);
    const drawn = drawFarCards(ctx, layout, cards, hidden, s, markColours(canvas));
    canvas.dataset.drawn = String(drawn);
  }, [layout, cards, hiddenKey, px]);
  return <canvas ref={ref} className="jy-far-layer" aria-hidden style={{ width: layout.width, height: layout.height }} />;
}

export const FarNodeMemo = memo(FarNodeView);
