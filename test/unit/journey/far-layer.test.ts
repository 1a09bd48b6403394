// The far view's bitmap (far-layer.tsx): every card not kept as a node is drawn once, in its
// colour, with its marks as bands down its right side; the bitmap's resolution follows the zoom
// step and stays within what a browser can allocate; the pointer finds the card under it.
import { describe, expect, it } from 'vitest';
import { cardColors, createJourney, type JourneyCard } from '../../../src-renderer/domain/journey';
import { cardAt, layoutJourney, normalLayout } from '../../../src-renderer/domain/journey-layout';
import { bitmapScale, drawFarCards, farBands, type MarkColours } from '../../../src-renderer/features/journey/far-layer';

const colours: MarkColours = { pain: '#ff0000', 'moment-of-truth': '#ff8800', 'drop-off': '#000000', roadmap: '#0000ff' };

/** A 2D context that records the rectangles filled and the colour of each. */
function recordingContext(width: number, height: number) {
  const fills: { x: number; y: number; w: number; h: number; color: string; scale: number }[] = [];
  let scale = 1;
  const ctx = {
    canvas: { width, height },
    fillStyle: '',
    setTransform: (a: number) => {
      scale = a;
    },
    clearRect: () => {
      fills.length = 0;
    },
    fillRect(x: number, y: number, w: number, h: number) {
      fills.push({ x, y, w, h, color: String(this.fillStyle), scale });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, fills };
}

function journeyWithCards(n: number) {
  const journey = createJourney('w1', { name: 'Claims', personaId: null, scenario: '' }, 0, 1_700_000_000_000);
  const lane = journey.lanes.find((l) => l.kind !== 'emotion')!;
  const cards: JourneyCard[] = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`, workshopId: 'w1', journeyId: journey.id, stageId: journey.stages[i % journey.stages.length]!.id, laneId: lane.id, order: i,
    text: `Card ${i}`, color: i % 2 ? 'blue' : 'yellow', marks: i === 0 ? ['pain', 'drop-off'] : [], emotion: null, initiativeId: i === 1 ? 'init-1' : null,
  }));
  return { journey, cards, layout: layoutJourney(journey, cards, normalLayout) };
}

describe('far view bitmap', () => {
  it('draws every card not kept as a node, each in its colour at its place', () => {
    const { cards, layout } = journeyWithCards(40);
    const { ctx, fills } = recordingContext(1000, 1000);
    const drawn = drawFarCards(ctx, layout, cards, new Set(['c5', 'c6']), 0.25, colours);
    expect(drawn).toBe(38);
    const bodies = fills.filter((f) => f.color === cardColors.yellow.fill || f.color === cardColors.blue.fill);
    expect(bodies).toHaveLength(38);
    const r = layout.cards.get('c2')!;
    expect(bodies).toContainEqual({ x: r.x, y: r.y, w: r.width, h: r.height, color: cardColors.yellow.fill, scale: 0.25 });
    // Kept cards are not in the bitmap (no ghost under a dragged card).
    const kept = layout.cards.get('c5')!;
    expect(fills.some((f) => f.x === kept.x && f.y === kept.y)).toBe(false);
  });

  it('draws marks as bands down the right 40% of the card, stacked in order', () => {
    const { cards, layout } = journeyWithCards(3);
    const { ctx, fills } = recordingContext(1000, 1000);
    drawFarCards(ctx, layout, cards, new Set(), 0.5, colours);
    const r = layout.cards.get('c0')!;
    const pain = fills.find((f) => f.color === colours.pain)!;
    const drop = fills.find((f) => f.color === colours['drop-off'])!;
    expect(pain).toMatchObject({ x: r.x + r.width * 0.6, y: r.y, h: r.height / 2 });
    expect(pain.w).toBeCloseTo(r.width * 0.4);
    expect(drop.y).toBeCloseTo(r.y + r.height / 2);
    expect(farBands(cards[1]!, colours)).toEqual([colours.roadmap]);
    expect(farBands(cards[2]!, colours)).toEqual([]);
  });

  it('sizes the bitmap to screen resolution at the zoom step, within browser limits', () => {
    expect(bitmapScale(10_000, 5_000, 8, 1)).toBeCloseTo(2 / 8);
    expect(bitmapScale(10_000, 5_000, 2, 2)).toBeCloseTo(Math.sqrt(24e6 / 50e6));
    const s = bitmapScale(60_000, 2_000, 1, 1);
    expect(60_000 * s).toBeLessThanOrEqual(8192);
    expect(bitmapScale(1, 1, 0, 1)).toBeGreaterThan(0);
  });

  it('finds the card under a canvas point', () => {
    const { layout } = journeyWithCards(10);
    const r = layout.cards.get('c3')!;
    expect(cardAt(layout, { x: r.x + 1, y: r.y + r.height - 1 })).toBe('c3');
    expect(cardAt(layout, { x: -5, y: -5 })).toBeNull();
  });
});

describe('fit width at readable size', () => {
  it('fits the whole width when its text is readable, else zooms to readable text', async () => {
    const { readableWidthZoom } = await import('../../../src-renderer/features/journey/use-canvas-fit');
    // 2,000 px of journey on a 1,200 px canvas at 15 px type: 9 px, too small; zoom to 12 px.
    expect(readableWidthZoom(1200, 2000, 15, false) * 15).toBeCloseTo(12);
    // A narrow journey fits whole (type already larger than 12 px).
    expect(readableWidthZoom(1200, 1000, 15, false)).toBeCloseTo(1.2);
    // The big screen asks for 24 px; never past 1.5×.
    expect(readableWidthZoom(1800, 6000, 20, true) * 20).toBeCloseTo(24);
    expect(readableWidthZoom(3000, 100, 15, false)).toBe(1.5);
  });
});
