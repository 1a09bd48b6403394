import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import {
  PortfolioChart,
  bubbleLabel,
  niceTicks,
  portfolioLayout,
  type PortfolioItem,
} from '../../../src-renderer/ui/charts/portfolio-chart';

afterEach(cleanup);

const item = (id: string, name: string, current: number, potential: number, size: number, patch: Partial<PortfolioItem> = {}): PortfolioItem => ({
  id,
  name,
  color: '#2f4fd8',
  size,
  current,
  potential,
  priority: 'medium',
  agreed: true,
  ...patch,
});

const items = [
  item('a', 'Young families', 1_200_000, 3_400_000, 12_000, { priority: 'high', agreed: false }),
  item('b', 'Retirees', 2_600_000, 2_300_000, 3_000),
  item('c', 'Students', 150_000, 600_000, 750, { priority: 'low' }),
];

describe('niceTicks', () => {
  it('steps by 1, 2, 2.5 or 5 × 10ⁿ and covers the maximum', () => {
    expect(niceTicks(3_400_000 * 1.08)).toEqual([0, 1e6, 2e6, 3e6, 4e6]);
    expect(niceTicks(920)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks(11)).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
    expect(niceTicks(0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('portfolioLayout', () => {
  const L = portfolioLayout(items, 960, 600);

  it('places bubbles on one shared scale: x = current, y = potential', () => {
    const { plot, max } = L;
    expect(max).toBe(4e6);
    const a = L.bubbles.find((b) => b.id === 'a')!;
    expect(a.cx).toBeCloseTo(plot.left + (1.2e6 / 4e6) * (plot.right - plot.left));
    expect(a.cy).toBeCloseTo(plot.bottom - (3.4e6 / 4e6) * (plot.bottom - plot.top));
    expect(L.diagonal).toEqual({ x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.top });
    expect(L.split.x).toBeCloseTo((plot.left + plot.right) / 2);
  });

  it('makes bubble area proportional to size (radius ∝ √size)', () => {
    const r = Object.fromEntries(L.bubbles.map((b) => [b.id, b.r]));
    expect(r.a! / r.b!).toBeCloseTo(Math.sqrt(12_000 / 3_000));
    expect(r.a! / r.c!).toBeCloseTo(Math.sqrt(12_000 / 750));
  });

  it('labels ticks with compact values', () => {
    expect(L.xTicks.map((t) => t.label)).toEqual(['0', '1 M', '2 M', '3 M', '4 M']);
    expect(L.yTicks[4]!.at).toBeCloseTo(L.plot.top);
  });

  it('keeps labels of bubbles at the same spot apart', () => {
    const crowd = [item('x', 'Alpha segment', 1e6, 2e6, 100), item('y', 'Beta segment', 1e6, 2e6, 100)];
    const [x, y] = portfolioLayout(crowd, 960, 600).bubbles;
    expect(x!.label).not.toEqual(y!.label);
  });

  it('scales to the box it is given', () => {
    const wide = portfolioLayout(items, 1600, 800);
    expect(wide.plot.right).toBeGreaterThan(L.plot.right);
    expect(wide.width).toBe(1600);
  });
});

describe('PortfolioChart', () => {
  it('renders one focusable bubble per segment named with its values and priority', () => {
    const onOpen = vi.fn();
    render(<PortfolioChart items={items} onOpen={onOpen} />);
    const bubbles = screen.getAllByRole('button');
    expect(bubbles).toHaveLength(3);
    for (const b of bubbles) expect(b.getAttribute('tabindex')).toBe('0');
    expect(screen.getByRole('button', { name: 'Young families: current 1.2 M, potential 3.4 M, 12,000 customers, priority high (suggested)' })).toBeTruthy();
    const retirees = screen.getByRole('button', { name: 'Retirees: current 2.6 M, potential 2.3 M, 3,000 customers, priority medium' });
    fireEvent.keyDown(retirees, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('b');
    expect(screen.getByRole('group', { name: 'Segment portfolio' }).getAttribute('viewBox')).toBe('0 0 960 600');
    for (const q of ['Grow', 'Protect', 'Maintain', 'Reconsider']) expect(screen.getByText(q)).toBeTruthy();
  });

  it('shows a tooltip on focus', () => {
    render(<PortfolioChart items={items} />);
    fireEvent.focus(screen.getByRole('button', { name: /^Students/ }));
    expect(screen.getByText('150 k', { exact: false }).textContent).toContain('Potential 600 k');
  });

  it('names a bubble the way the room reads it', () => {
    expect(bubbleLabel(items[2]!)).toBe('Students: current 150 k, potential 600 k, 750 customers, priority low');
  });
});
