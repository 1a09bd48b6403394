// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  addNeed,
  addOffer,
  createSegment,
  effectivePriority,
  fit,
  formatValue,
  linkOffer,
  moveSegment,
  parseSegmentNumber,
  rankSegments,
  removeNeed,
  segmentColors,
  segmentLimits,
  segmentRowSchema,
  setOfferLink,
  suggestPriority,
  updateNeed,
  validateSegmentNumber,
  validateSegmentText,
  type Segment,
} from '../../../src-renderer/domain/segment';

const W = 'w1';
function seg(name: string, patch: Partial<Segment> = {}, order = 0): Segment {
  return { ...createSegment(W, name, order, 1000), ...patch };
}

/** A segment with needs of the given importances (ids n0, n1, …) and one offer o0 answering `linked`. */
function withNeeds(importances: number[], linked: number[] = []): Segment {
  let s = seg('Young families');
  importances.forEach((imp, i) => {
    s = addNeed(s, i % 3 === 0 ? 'job' : i % 3 === 1 ? 'pain' : 'gain', { id: `n${i}`, text: `need ${i}`, importance: imp });
  });
  return addOffer(s, 'product', { id: 'o0', text: 'Bundle', needIds: linked.map((i) => `n${i}`) });
}

describe('createSegment', () => {
  it('takes its colour from the palette by order and starts empty and undecided', () => {
    const a = createSegment(W, 'A', 0, 5);
    const b = createSegment(W, 'B', 1, 5);
    const wrap = createSegment(W, 'C', segmentColors.length, 5);
    expect(a.color).toBe(segmentColors[0]);
    expect(b.color).toBe(segmentColors[1]);
    expect(wrap.color).toBe(segmentColors[0]);
    expect(a).toMatchObject({ workshopId: W, name: 'A', needs: [], offers: [], priority: null, order: 0, createdAt: 5, size: 0 });
    expect(segmentRowSchema.safeParse(a).success).toBe(true);
  });
});

describe('needs and offers', () => {
  it('adds after a given item (Enter adds the next one below)', () => {
    let s = addNeed(seg('S'), 'pain', { id: 'a' });
    s = addNeed(s, 'pain', { id: 'c' });
    s = addNeed(s, 'pain', { id: 'b', afterId: 'a' });
    expect(s.needs.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(s.needs[1]!.importance).toBe(3);
  });

  it('removing a need unlinks it from every offer', () => {
    let s = withNeeds([5, 3], [0, 1]);
    s = addOffer(s, 'pain-reliever', { id: 'o1', needIds: ['n0'] });
    s = removeNeed(s, 'n0');
    expect(s.needs.map((n) => n.id)).toEqual(['n1']);
    expect(s.offers.map((o) => o.needIds)).toEqual([['n1'], []]);
    expect(fit(s).offersWithoutNeed.map((o) => o.id)).toEqual(['o1']);
  });

  it('links and unlinks without duplicates, and ignores needs the segment lacks', () => {
    const o = { id: 'o', kind: 'product' as const, text: '', needIds: ['a'] };
    expect(linkOffer(o, 'a', true)).toBe(o);
    expect(linkOffer(o, 'b', true).needIds).toEqual(['a', 'b']);
    expect(linkOffer(o, 'a', false).needIds).toEqual([]);
    const s = withNeeds([3]);
    expect(setOfferLink(s, 'o0', 'ghost', true)).toBe(s);
    expect(setOfferLink(s, 'o0', 'n0', true).offers[0]!.needIds).toEqual(['n0']);
  });

  it('keeps text in any script intact', () => {
    const text = 'Ребёнок 👨‍👩‍👧 家族 حماية';
    const s = updateNeed(withNeeds([3]), 'n0', { text });
    expect(s.needs[0]!.text).toBe(text);
  });
});

describe('fit', () => {
  it('weights the score by importance', () => {
    // 5 answered of 5 + 3 + 2 = 10.
    expect(fit(withNeeds([5, 3, 2], [0])).score).toBeCloseTo(0.5);
    expect(fit(withNeeds([1, 1, 1, 1], [0])).score).toBeCloseTo(0.25);
    expect(fit(withNeeds([4, 4], [0, 1])).score).toBe(1);
    expect(fit(seg('empty')).score).toBe(0);
  });

  it('lists unanswered needs most important first, map order among equals', () => {
    const f = fit(withNeeds([2, 5, 3, 5, 1], [2]));
    expect(f.unanswered.map((n) => n.id)).toEqual(['n1', 'n3', 'n0', 'n4']);
    expect(f.answered.map((n) => n.id)).toEqual(['n2']);
  });

  it('changes when an offer is linked to a need', () => {
    const s = withNeeds([4, 4]);
    expect(fit(s).score).toBe(0);
    expect(fit(s).offersWithoutNeed.map((o) => o.id)).toEqual(['o0']);
    const linked = setOfferLink(s, 'o0', 'n1', true);
    expect(fit(linked).score).toBeCloseTo(0.5);
    expect(fit(linked).offersWithoutNeed).toEqual([]);
  });
});

describe('suggestPriority', () => {
  const big = { ...withNeeds([5, 5, 3], [2]), id: 'big', name: 'Big', potentialValue: 3_000_000, currentValue: 1_000_000 };
  const mid = { ...withNeeds([5, 4, 4], []), id: 'mid', name: 'Mid', potentialValue: 1_500_000, currentValue: 500_000 };
  const small = { ...seg('Small'), id: 'small', potentialValue: 300_000, currentValue: 250_000 };
  const served = { ...withNeeds([5, 5], [0, 1]), id: 'served', name: 'Served', potentialValue: 2_400_000, currentValue: 2_200_000 };
  const all = [big, mid, small, served];

  it('is high for a top-third potential with a fit below 70 %', () => {
    const s = suggestPriority(big, all);
    expect(s.priority).toBe('high');
    expect(s.reasons[0]).toBe('Largest potential value (3 M).');
    expect(s.reasons.join(' ')).toMatch(/Fit 23 %: the offer leaves needs unanswered/);
    expect(s.reasons.join(' ')).toMatch(/2 important needs unanswered: “need 0”, “need 1”/);
  });

  it('is medium for a large, well-served segment with little room to grow', () => {
    const s = suggestPriority(served, all);
    expect(s.priority).toBe('medium');
    expect(s.reasons.join(' ')).toMatch(/80 % of the largest \(3 M\): top third/);
  });

  it('is high for a middle-third potential with important needs unanswered and room to grow', () => {
    const s = suggestPriority(mid, all);
    expect(s.priority).toBe('high');
    expect(s.reasons.join(' ')).toMatch(/middle third/);
    expect(s.reasons.join(' ')).toMatch(/3 important needs unanswered/);
  });

  it('is low for a bottom-third potential with little headroom', () => {
    const s = suggestPriority(small, all);
    expect(s.priority).toBe('low');
    expect(s.reasons.join(' ')).toMatch(/bottom third/);
    expect(s.reasons.join(' ')).toMatch(/No needs captured yet/);
  });

  it('does not treat a segment without needs as under-served', () => {
    const noNeeds = { ...seg('Retirees'), potentialValue: 2_900_000, currentValue: 2_800_000 };
    expect(suggestPriority(noNeeds, [...all, noNeeds]).priority).toBe('medium');
  });

  it('says what is missing while no potential is entered', () => {
    const a = seg('A');
    const s = suggestPriority(a, [a]);
    expect(s.priority).toBe('medium');
    expect(s.reasons[0]).toMatch(/No potential value entered yet/);
  });

  it('ranks by score and lets an agreed priority win', () => {
    expect(rankSegments(all).map((r) => r.segment.id)).toEqual(['big', 'mid', 'served', 'small']);
    expect(effectivePriority(small, all)).toBe('low');
    expect(effectivePriority({ ...small, priority: 'high' }, all)).toBe('high');
  });
});

describe('moveSegment', () => {
  it('swaps neighbours and renumbers only what changed', () => {
    const list = [seg('A', { id: 'a' }, 0), seg('B', { id: 'b' }, 1), seg('C', { id: 'c' }, 2)];
    expect(moveSegment(list, 'c', -1)).toEqual([
      { id: 'c', order: 1 },
      { id: 'b', order: 2 },
    ]);
    expect(moveSegment(list, 'a', -1)).toEqual([]);
    expect(moveSegment(list, 'c', 1)).toEqual([]);
  });
});

describe('formatValue', () => {
  it.each([
    [0, '0'],
    [7.25, '7.25'],
    [850, '850'],
    [1_200, '1.2 k'],
    [12_000, '12 k'],
    [850_000, '850 k'],
    [999_950, '1 M'],
    [1_200_000, '1.2 M'],
    [1_000_000, '1 M'],
    [34_500_000, '34.5 M'],
    [14_500_000, '14.5 M'],
    [3_400_000_000, '3.4 bn'],
    [1e12, '1 tn'],
    [-1_500, '−1.5 k'],
    [Number.NaN, '–'],
  ])('%d → %s', (n, text) => expect(formatValue(n, 'en-US')).toBe(text));
});

describe('numbers', () => {
  it('validates with a message', () => {
    expect(validateSegmentNumber(0)).toBeNull();
    expect(validateSegmentNumber(segmentLimits.maxNumber)).toBeNull();
    expect(validateSegmentNumber(-1, 'Size')).toBe('Size cannot be negative.');
    expect(validateSegmentNumber(Number.POSITIVE_INFINITY, 'Size')).toBe('Size must be a number.');
    expect(validateSegmentNumber(Number.NaN)).toBe('Value must be a number.');
    expect(validateSegmentNumber(2e12, 'Potential value')).toBe('Potential value is limited to 1,000,000,000,000.');
  });

  it('reads what a facilitator types', () => {
    expect(parseSegmentNumber('1,200,000')).toEqual({ value: 1_200_000 });
    expect(parseSegmentNumber('1 200 000')).toEqual({ value: 1_200_000 });
    expect(parseSegmentNumber('1.2 M')).toEqual({ value: 1_200_000 });
    expect(parseSegmentNumber('850k')).toEqual({ value: 850_000 });
    expect(parseSegmentNumber('3.4bn')).toEqual({ value: 3_400_000_000 });
    expect(parseSegmentNumber('')).toEqual({ value: 0 });
    expect(parseSegmentNumber('-5', 'Size')).toEqual({ error: 'Size cannot be negative.' });
    expect(parseSegmentNumber('lots', 'Size')).toEqual({ error: 'Size must be a number, like 12,000 or 1.2 M.' });
    expect(parseSegmentNumber('12 apples', 'Size')).toEqual({ error: 'Size: “apples” is not a unit (use k, M or bn).' });
  });
});

describe('validateSegmentText', () => {
  it('refuses over-long text, counting characters as people do', () => {
    expect(validateSegmentText('needText', 'x'.repeat(segmentLimits.needText))).toBeNull();
    expect(validateSegmentText('needText', 'x'.repeat(segmentLimits.needText + 1))).toBe('Need is limited to 300 characters.');
    // 80 emoji are 160 UTF-16 units but 80 characters.
    expect(validateSegmentText('name', '😀'.repeat(80))).toBeNull();
    expect(validateSegmentText('name', '😀'.repeat(81))).toBe('Segment name is limited to 80 characters.');
    expect(validateSegmentText('name', '  ')).toBe('Give the segment a name.');
    expect(validateSegmentText('description', '')).toBeNull();
  });
});

describe('segmentRowSchema', () => {
  const good = (): Segment => ({
    ...withNeeds([5, 3], [0]),
    id: 'seg-1',
    workshopId: 'w-1',
    size: 12000,
    currentValue: 1.2e6,
    potentialValue: 3.4e6,
    priority: 'high',
  });
  const issues = (row: unknown) => {
    const r = segmentRowSchema.safeParse(row);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a good row', () => {
    expect(issues(good())).toEqual([]);
  });

  it('refuses an offer linked to a need the segment does not have', () => {
    const s = good();
    const row = { ...s, offers: [{ ...s.offers[0]!, needIds: ['n0', 'ghost'] }] };
    expect(issues(row)).toEqual(['offers.0.needIds.1: names a need this segment does not have (ghost)']);
  });

  it('refuses importance 7, or not a whole number', () => {
    const s = good();
    expect(issues({ ...s, needs: [{ ...s.needs[0]!, importance: 7 }, s.needs[1]] })[0]).toMatch(/^needs\.0\.importance/);
    expect(issues({ ...s, needs: [{ ...s.needs[0]!, importance: 2.5 }, s.needs[1]] })[0]).toMatch(/^needs\.0\.importance/);
  });

  it('refuses over-long text, unknown fields, negative values and bad priorities', () => {
    const s = good();
    expect(issues({ ...s, name: 'x'.repeat(81) })).toEqual(['name: Segment name is limited to 80 characters.']);
    expect(issues({ ...s, needs: [{ ...s.needs[0]!, text: 'x'.repeat(301) }, s.needs[1]] })).toEqual([
      'needs.0.text: Need is limited to 300 characters.',
    ]);
    expect(issues({ ...s, extra: 1 }).length).toBe(1);
    expect(issues({ ...s, size: -1 })[0]).toMatch(/^size/);
    expect(issues({ ...s, potentialValue: 2e12 })[0]).toMatch(/^potentialValue/);
    expect(issues({ ...s, priority: 'urgent' })[0]).toMatch(/^priority/);
    expect(issues({ ...s, needs: [s.needs[0], s.needs[0]] })).toContain('needs.1.id: duplicate need id n0');
  });
});
