import { describe, expect, it } from 'vitest';
import { moveItem } from '../../../src-renderer/domain/lists';
import { createCard, createJourney, moveStage, removeStage, setEmotion, journeyRowSchema, journeyCardRowSchema, type Journey, type JourneyCard } from '../../../src-renderer/domain/journey';
import {
  cellAt,
  cellKey,
  dropCellAt,
  dropIndex,
  focusOrder,
  layoutJourney,
  moveCardsBy,
  moveCardsTo,
  nextFocus,
  normalLayout,
  pasteCards,
  toClip,
  wrapLines,
  bigScreenLayout,
  cardSize,
  footerLines,
} from '../../../src-renderer/domain/journey-layout';

function journey(): Journey {
  return createJourney('w1', { name: 'J', personaId: null, scenario: '' }, 0, 1);
}
function card(j: Journey, s: number, l: number, order: number, text = `card ${s}/${l}/${order}`): JourneyCard {
  return createCard(j, { stageId: j.stages[s]!.id, laneId: j.lanes[l]!.id }, { text, order });
}

describe('journey defaults', () => {
  it('starts with the six stages and nine lanes in order', () => {
    const j = journey();
    expect(j.stages.map((s) => s.name)).toEqual(['Aware', 'Consider', 'Buy', 'Onboard', 'Use', 'Renew or leave']);
    expect(j.lanes.map((l) => l.kind)).toEqual(['actions', 'touchpoints', 'thoughts', 'emotion', 'pains', 'moments', 'opportunities', 'owner', 'backstage']);
    expect(journeyRowSchema.safeParse(j).success).toBe(true);
  });
});

describe('layout', () => {
  it('places cards in their cell in order, two per row in a default stage, and rows grow to fit', () => {
    const j = journey();
    const cards = [card(j, 1, 0, 2), card(j, 1, 0, 0), card(j, 1, 0, 1)];
    const l = layoutJourney(j, cards);
    const cell = l.cells.get(cellKey(j.stages[1]!.id, j.lanes[0]!.id))!;
    expect(cell.cardIds).toEqual([cards[1]!.id, cards[2]!.id, cards[0]!.id]);
    expect(cell.columns).toBe(2);
    const [a, b, c] = cell.cardIds.map((id) => l.cards.get(id)!);
    expect(a!.y).toBe(b!.y);
    expect(b!.x).toBeGreaterThan(a!.x);
    expect(c!.y).toBeGreaterThan(a!.y);
    // Every card sits inside its cell.
    for (const r of [a!, b!, c!]) {
      expect(r.x).toBeGreaterThanOrEqual(cell.x);
      expect(r.x + r.width).toBeLessThanOrEqual(cell.x + cell.width);
      expect(r.y + r.height).toBeLessThanOrEqual(cell.y + cell.height);
    }
  });

  it('grows a lane to its tallest cell and keeps the minimum height otherwise', () => {
    const j = journey();
    const many = Array.from({ length: 9 }, (_, i) => card(j, 0, 1, i));
    const l = layoutJourney(j, many);
    expect(l.rows[1]!.height).toBeGreaterThan(j.lanes[1]!.height);
    expect(l.rows[0]!.height).toBe(j.lanes[0]!.height);
    expect(l.rows[2]!.y).toBe(l.rows[1]!.y + l.rows[1]!.height);
    expect(l.height).toBe(l.rows.at(-1)!.y + l.rows.at(-1)!.height);
  });

  it('makes longer text taller, up to the line clamp', () => {
    const j = journey();
    const short = card(j, 0, 0, 0, 'Short');
    const long = card(j, 1, 0, 0, 'word '.repeat(200));
    const l = layoutJourney(j, [short, long]);
    expect(l.cards.get(long.id)!.height).toBeGreaterThan(l.cards.get(short.id)!.height);
    expect(l.cards.get(long.id)!.lines).toBe(normalLayout.maxLines);
  });

  it('wraps words greedily', () => {
    expect(wrapLines('aa bb cc', 5)).toBe(2);
    expect(wrapLines('', 10)).toBe(1);
    expect(wrapLines('a\nb', 10)).toBe(2);
    expect(wrapLines('x'.repeat(25), 10)).toBe(3);
  });

  it('big screen type is at least 28 px on screen when the stages fill 1920 px', () => {
    const j = journey();
    const o = bigScreenLayout(j, 1920);
    const l = layoutJourney(j, [], o);
    const zoom = (1920 - 48) / l.width;
    expect(o.fontSize * zoom).toBeGreaterThanOrEqual(28 - 0.5);
    expect(o.cardWidth).toBe('fill');
  });

  it('finds the cell under a point, and the nearest card cell for a drop', () => {
    const j = journey();
    const l = layoutJourney(j, []);
    const c = l.cells.get(cellKey(j.stages[2]!.id, j.lanes[4]!.id))!;
    expect(cellAt(l, { x: c.x + 5, y: c.y + 5 })).toEqual({ stageId: j.stages[2]!.id, laneId: j.lanes[4]!.id });
    expect(cellAt(l, { x: 5, y: c.y + 5 })).toBeNull();
    const emotion = l.rows.find((r) => r.kind === 'emotion')!;
    // A drop on the emotion lane lands in the nearest lane that holds cards.
    const d = dropCellAt(l, { x: c.x + 5, y: emotion.y + 2 });
    expect(d?.laneId).toBe(j.lanes[2]!.id);
  });
});

describe('moving and reordering', () => {
  it('computes the drop index in reading order', () => {
    const j = journey();
    const cards = [card(j, 0, 0, 0), card(j, 0, 0, 1), card(j, 0, 0, 2)];
    const l = layoutJourney(j, cards);
    const target = { stageId: j.stages[0]!.id, laneId: j.lanes[0]!.id };
    const [r0, r1] = [l.cards.get(cards[0]!.id)!, l.cards.get(cards[1]!.id)!];
    expect(dropIndex(l, target, { x: r0.x + 2, y: r0.y + 2 }, new Set())).toBe(0);
    expect(dropIndex(l, target, { x: r1.x + r1.width - 2, y: r1.y + 2 }, new Set())).toBe(2);
    expect(dropIndex(l, target, { x: r0.x, y: l.height }, new Set())).toBe(3);
  });

  it('moves cards into a cell at an index and renumbers that cell', () => {
    const j = journey();
    const a = card(j, 0, 0, 0);
    const b = card(j, 1, 0, 0);
    const c = card(j, 1, 0, 1);
    const places = moveCardsTo([a, b, c], [a.id], { stageId: j.stages[1]!.id, laneId: j.lanes[0]!.id }, 1);
    expect(places).toEqual([
      { id: a.id, stageId: j.stages[1]!.id, laneId: j.lanes[0]!.id, order: 1 },
      { id: c.id, stageId: j.stages[1]!.id, laneId: j.lanes[0]!.id, order: 2 },
    ]);
    // Reordering within a cell.
    expect(moveCardsTo([a, b, c], [c.id], { stageId: j.stages[1]!.id, laneId: j.lanes[0]!.id }, 0).map((p) => [p.id, p.order])).toEqual([
      [c.id, 0],
      [b.id, 1],
    ]);
  });

  it('moves selected cards one cell by keyboard, skipping the emotion lane, all or nothing', () => {
    const j = journey();
    const a = card(j, 0, 2, 0);
    const b = card(j, 1, 2, 0);
    const down = moveCardsBy(j, [a, b], [a.id, b.id], 'down')!;
    expect(down.map((p) => p.laneId)).toEqual([j.lanes[4]!.id, j.lanes[4]!.id]);
    expect(moveCardsBy(j, [a, b], [a.id, b.id], 'left')).toBeNull();
    const right = moveCardsBy(j, [a, b, card(j, 2, 2, 0)], [b.id], 'right')!;
    expect(right).toEqual([{ id: b.id, stageId: j.stages[2]!.id, laneId: j.lanes[2]!.id, order: 1 }]);
  });

  it('reorders stages and lists', () => {
    const j = journey();
    expect(moveStage(j, j.stages[0]!.id, 2).stages.map((s) => s.name).slice(0, 3)).toEqual(['Consider', 'Buy', 'Aware']);
    expect(moveItem([1, 2, 3], 2, 0)).toEqual([3, 1, 2]);
    expect(moveItem([1, 2, 3], 5, 0)).toEqual([1, 2, 3]);
  });

  it('removing a stage drops its emotion score', () => {
    const j = journey();
    const s = j.stages[0]!.id;
    const j2 = setEmotion(j, s, 2);
    expect(removeStage(j2, s).emotions[s]).toBeUndefined();
    expect(setEmotion(j2, s, 9).emotions[s]).toBe(3);
    expect(setEmotion(j2, s, null).emotions[s]).toBeUndefined();
  });
});

describe('focus order and paste', () => {
  it('tabs lane by lane, each cell followed by its cards, emotion cells in their lane', () => {
    const j = journey();
    const a = card(j, 1, 0, 0);
    const l = layoutJourney(j, [a]);
    const order = focusOrder(j, l);
    expect(order[0]).toEqual({ kind: 'cell', stageId: j.stages[0]!.id, laneId: j.lanes[0]!.id });
    expect(order[2]).toEqual({ kind: 'card', id: a.id });
    expect(order.filter((t) => t.kind === 'emotion')).toHaveLength(6);
    expect(nextFocus(order, order[1]!, false)).toEqual(order[2]);
    expect(nextFocus(order, order[0]!, true)).toBeNull();
  });

  it('pastes keeping relative positions, between journeys, never into the emotion lane', () => {
    const j = journey();
    const a = card(j, 0, 2, 0, 'A');
    const b = card(j, 1, 4, 0, 'B');
    const clip = toClip(j, [a, b]);
    const other = journey();
    const pasted = pasteCards(other, [], clip, { stageId: other.stages[3]!.id, laneId: other.lanes[2]!.id });
    expect(pasted.map((c) => [c.text, other.stages.findIndex((s) => s.id === c.stageId), other.lanes.findIndex((l) => l.id === c.laneId)])).toEqual([
      ['A', 3, 2],
      ['B', 4, 4],
    ]);
    expect(pasted.every((c) => c.journeyId === other.id && journeyCardRowSchema.safeParse(c).success)).toBe(true);
    // At the edge the copy is clamped; a card aimed at the emotion lane goes to a card lane.
    const edge = pasteCards(other, [], clip, { stageId: other.stages[5]!.id, laneId: other.lanes[1]!.id });
    expect(edge.map((c) => other.stages.findIndex((s) => s.id === c.stageId))).toEqual([5, 5]);
    expect(edge.map((c) => other.lanes[other.lanes.findIndex((l) => l.id === c.laneId)]!.kind)).not.toContain('emotion');
  });
});

describe('row schemas', () => {
  it('accepts stored rows and rejects extras, bad scores and over-long text', () => {
    const j = journey();
    const jj = setEmotion(j, j.stages[0]!.id, -2);
    expect(journeyRowSchema.safeParse(jj).success).toBe(true);
    expect(journeyRowSchema.safeParse({ ...jj, extra: 1 }).success).toBe(false);
    expect(journeyRowSchema.safeParse({ ...jj, emotions: { [jj.stages[0]!.id]: 4 } }).success).toBe(false);
    expect(journeyRowSchema.safeParse({ ...jj, emotions: { ghost: 1 } }).success).toBe(false);
    const c = card(jj, 0, 0, 0);
    expect(journeyCardRowSchema.safeParse(c).success).toBe(true);
    expect(journeyCardRowSchema.safeParse({ ...c, text: 'x'.repeat(501) }).success).toBe(false);
    expect(journeyCardRowSchema.safeParse({ ...c, color: 'chartreuse' }).success).toBe(false);
    expect(journeyCardRowSchema.safeParse({ ...c, marks: ['pain', 'nope'] }).success).toBe(false);
  });
});

describe('marks on the big screen', () => {
  const j = journey();
  const big = bigScreenLayout(j, 1920);
  const width = 440 - 2 * big.cellPad;
  const withMarks = (marks: JourneyCard['marks']) => ({ ...card(j, 0, 0, 0, 'Calls the helpline'), marks });

  it('labelled marks that do not fit side by side take a footer line each, and the card grows for them', () => {
    expect(footerLines(withMarks(['pain']), width, big)).toBe(1);
    const three = footerLines(withMarks(['pain', 'moment-of-truth', 'drop-off']), width, big);
    expect(three).toBeGreaterThan(1);
    const h1 = cardSize(withMarks(['pain']), width, big).height;
    const h3 = cardSize(withMarks(['pain', 'moment-of-truth', 'drop-off']), width, big).height;
    expect(h3 - h1).toBe(Math.round(big.fontSize * 1.5) * (three - 1));
  });

  it('off the big screen, marks stay icons on one line', () => {
    expect(footerLines(withMarks(['pain', 'moment-of-truth', 'drop-off']), 196, normalLayout)).toBe(1);
  });
});
