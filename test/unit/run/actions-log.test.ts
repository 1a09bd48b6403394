import { describe, expect, it } from 'vitest';
import { createLogEntry, isIncompleteAction, isOverdue, parseLogInput, sortLog } from '../../../src-renderer/domain/actions-log';

describe('decisions and actions log', () => {
  it('validates what is typed', () => {
    expect(parseLogInput({ kind: 'action', text: '  ', owner: '', due: '' })).toMatchObject({ ok: false, field: 'text' });
    expect(parseLogInput({ kind: 'action', text: 'x', owner: '', due: '31/05' })).toMatchObject({ ok: false, field: 'due' });
    expect(parseLogInput({ kind: 'decision', text: ' Go ', owner: '', due: '' })).toMatchObject({ ok: true, value: { text: 'Go' } });
  });

  it('sorts open actions by date and flags the incomplete and the overdue', () => {
    const mk = (text: string, due: string, owner = 'Ana', at = 0) => {
      const r = parseLogInput({ kind: 'action', text, owner, due });
      if (!r.ok) throw new Error(r.error);
      return createLogEntry('w', r.value, null, at);
    };
    const a = mk('a', '2026-06-01', 'Ana', 1);
    const b = mk('b', '', 'Ana', 2);
    const c = mk('c', '2026-05-01', '', 3);
    expect(sortLog([a, b, c]).map((e) => e.text)).toEqual(['c', 'a', 'b']);
    expect(isIncompleteAction(b)).toBe(true);
    expect(isIncompleteAction(c)).toBe(true);
    expect(isIncompleteAction(a)).toBe(false);
    expect(isOverdue(c, '2026-05-02')).toBe(true);
    expect(isOverdue({ ...c, done: true }, '2026-05-02')).toBe(false);
  });
});
