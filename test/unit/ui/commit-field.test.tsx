import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { CommitField, TYPING_DEBOUNCE_MS } from '../../../src-renderer/ui/commit-field';
import { flushPendingEdits, isDryRun } from '../../../src-renderer/state/history';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A spy of the real stores only: the typing journal also dry-runs onCommit on every keystroke. */
function commitSpy() {
  const spy = vi.fn();
  const onCommit = (v: string) => {
    if (!isDryRun()) spy(v);
  };
  return { spy, onCommit };
}

describe('CommitField', () => {
  it('stores typing once, 300 ms after the last keystroke', () => {
    vi.useFakeTimers();
    const { spy, onCommit } = commitSpy();
    render(<CommitField label="Client" value="" maxLength={20} onCommit={onCommit} />);
    const box = screen.getByRole('textbox', { name: 'Client' });
    fireEvent.change(box, { target: { value: 'Ac' } });
    act(() => vi.advanceTimersByTime(200));
    fireEvent.change(box, { target: { value: 'Acme' } });
    act(() => vi.advanceTimersByTime(TYPING_DEBOUNCE_MS - 1));
    expect(spy).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(spy).toHaveBeenCalledExactlyOnceWith('Acme');
    expect(TYPING_DEBOUNCE_MS).toBeLessThanOrEqual(300);
  });

  it('refuses over-long text with a message and never stores a cut version', () => {
    vi.useFakeTimers();
    const onCommit = vi.fn();
    render(<CommitField label="Title" value="ok" maxLength={5} onCommit={onCommit} />);
    const box = screen.getByRole('textbox', { name: 'Title' });
    fireEvent.change(box, { target: { value: 'too long' } });
    act(() => vi.advanceTimersByTime(1000));
    fireEvent.blur(box);
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Title is limited to 5 characters.');
    expect((box as HTMLInputElement).value).toBe('too long');
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('counts an emoji or a CJK character as one character', () => {
    const onCommit = vi.fn();
    render(<CommitField label="Name" value="" maxLength={3} onCommit={onCommit} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: '株🚀Ω' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.blur(screen.getByRole('textbox', { name: 'Name' }));
    expect(onCommit).toHaveBeenCalledWith('株🚀Ω');
  });

  it('commits at once on blur, on flushPendingEdits and on unmount', () => {
    const { spy, onCommit } = commitSpy();
    const { unmount } = render(<CommitField label="Notes" multiline value="" maxLength={100} onCommit={onCommit} />);
    const box = screen.getByRole('textbox', { name: 'Notes' });
    fireEvent.change(box, { target: { value: 'a' } });
    fireEvent.blur(box);
    fireEvent.change(box, { target: { value: 'ab' } });
    flushPendingEdits();
    fireEvent.change(box, { target: { value: 'abc' } });
    unmount();
    expect(spy.mock.calls.map((c) => c[0])).toEqual(['a', 'ab', 'abc']);
  });

  it('follows the stored value (after an undo) when not being edited', () => {
    const { rerender } = render(<CommitField label="Client" value="Acme" maxLength={20} onCommit={() => undefined} />);
    rerender(<CommitField label="Client" value="Globex" maxLength={20} onCommit={() => undefined} />);
    expect((screen.getByRole('textbox', { name: 'Client' }) as HTMLInputElement).value).toBe('Globex');
  });
});
