import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ConfirmDialog } from '../../../src-renderer/ui/confirm-dialog';

beforeAll(() => {
  // jsdom has no modal dialogs; opening is enough for these tests.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterEach(cleanup);

describe('ConfirmDialog', () => {
  it('offers Cancel and the confirming button by name, red when danger', () => {
    render(
      <ConfirmDialog title="Delete journey?" open onClose={() => {}} confirmLabel="Delete journey" danger onConfirm={() => {}}>
        <p>Gone for good</p>
      </ConfirmDialog>,
    );
    expect(screen.getByRole('button', { name: 'Cancel' }).className).toBe('btn');
    expect(screen.getByRole('button', { name: 'Delete journey' }).className).toBe('btn btn-danger');
    expect(screen.getByText('Gone for good')).toBeTruthy();
  });

  it('runs onConfirm, then closes; Cancel only closes', () => {
    const calls: string[] = [];
    render(
      <ConfirmDialog title="Restore?" open onClose={() => calls.push('close')} confirmLabel="Restore" onConfirm={() => void calls.push('confirm')}>
        <p>Body</p>
      </ConfirmDialog>,
    );
    expect(screen.getByRole('button', { name: 'Restore' }).className).toBe('btn btn-primary');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls).toEqual(['close']);
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(calls).toEqual(['close', 'confirm', 'close']);
  });

  it('waits for an async onConfirm before closing', async () => {
    let finish: () => void = () => {};
    const onClose = vi.fn();
    render(
      <ConfirmDialog title="Delete?" open onClose={onClose} confirmLabel="Delete persona" danger onConfirm={() => new Promise<void>((r) => (finish = r))}>
        <p>Body</p>
      </ConfirmDialog>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete persona' }));
    expect(onClose).not.toHaveBeenCalled();
    finish();
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
  });
});
