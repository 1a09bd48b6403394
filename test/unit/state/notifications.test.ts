// @vitest-environment node
// Toasts do not pile up: repeats collapse into one with a count, a group keeps one toast, and
// only the newest few show.
import { describe, expect, it } from 'vitest';
import { addToast, MAX_TOASTS, type Toast } from '../../../src-renderer/state/notifications';

const t = (id: number, message: string, extra: Partial<Toast> = {}): Toast => ({ id, kind: 'success', message, ...extra });

describe('addToast', () => {
  it('a group keeps one toast: the latest message, counting them all', () => {
    let list: Toast[] = [];
    for (let i = 1; i <= 5; i++) list = addToast(list, t(i, `“Card ${i}” is on the roadmap as an idea.`, { group: 'promote' }));
    expect(list).toEqual([{ id: 5, kind: 'success', message: '“Card 5” is on the roadmap as an idea.', group: 'promote', count: 5 }]);
  });

  it('the same message again collapses; with an action (an Undo) or another kind it does not', () => {
    const undo = { label: 'Undo', run: () => undefined };
    let list = addToast([], t(1, 'Copied 1 card'));
    list = addToast(list, t(2, 'Copied 1 card'));
    expect(list.map((x) => [x.id, x.count])).toEqual([[2, 2]]);
    list = addToast(list, t(3, 'Copied 1 card', { kind: 'info' }));
    list = addToast(list, t(4, 'Deleted', { action: undo }));
    list = addToast(list, t(5, 'Deleted', { action: undo }));
    expect(list.map((x) => x.id)).toEqual([3, 4, 5]);
  });

  it(`shows at most ${MAX_TOASTS}, the newest`, () => {
    let list: Toast[] = [];
    for (let i = 1; i <= 6; i++) list = addToast(list, t(i, `Message ${i}`));
    expect(list.map((x) => x.id)).toEqual([4, 5, 6]);
  });
});
