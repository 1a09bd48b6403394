import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { describeRenderError, ScreenErrorBoundary } from '../../../src-renderer/ui/screen-error-boundary';

function Throws({ message }: { message: string }): never {
  throw new RangeError(message);
}

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  // React reports caught render errors on the console too; keep the output quiet but inspectable.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  location.hash = '#/w/abc/export';
});
afterEach(() => {
  cleanup();
  consoleError.mockRestore();
});

describe('ScreenErrorBoundary', () => {
  it('shows what failed in place of the screen, capped, and logs it', () => {
    render(
      <ScreenErrorBoundary screen="The export screen" resetKey="#/w/abc/export" backHref="#/w/abc" onBackUp={async () => undefined}>
        <Throws message={'x'.repeat(5000)} />
      </ScreenErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('h1')?.textContent).toBe('The export screen could not be shown');
    const detail = alert.querySelector('code')?.textContent ?? '';
    expect(detail.startsWith('RangeError: xxx')).toBe(true);
    expect(detail.length).toBe(301);
    expect(detail.endsWith('…')).toBe(true);
    expect(consoleError.mock.calls.some((c) => String(c[0]).includes('The export screen could not be shown'))).toBe(true);
  });

  it('renders the next screen once the route changes', () => {
    const backUp = async () => undefined;
    const { rerender } = render(
      <ScreenErrorBoundary screen="The export screen" resetKey="#/w/abc/export" backHref="#/w/abc" onBackUp={backUp}>
        <Throws message="Invalid time value" />
      </ScreenErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    // Same route, working child: still the error (nothing told it to try again).
    rerender(
      <ScreenErrorBoundary screen="The export screen" resetKey="#/w/abc/export" backHref="#/w/abc" onBackUp={backUp}>
        <p>Overview</p>
      </ScreenErrorBoundary>,
    );
    expect(screen.queryByText('Overview')).toBeNull();
    rerender(
      <ScreenErrorBoundary screen="The overview" resetKey="#/w/abc" backHref="#/" onBackUp={backUp}>
        <p>Overview</p>
      </ScreenErrorBoundary>,
    );
    expect(screen.getByText('Overview')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('goes back to the screen above, and backs up the library (saying so when that fails)', async () => {
    const backUp = vi.fn(() => Promise.reject(new Error('disk full')));
    render(
      <ScreenErrorBoundary screen="The export screen" resetKey="#/w/abc/export" backHref="#/w/abc" onBackUp={backUp}>
        <Throws message="Invalid time value" />
      </ScreenErrorBoundary>,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Back up library' }));
    });
    expect(backUp).toHaveBeenCalledTimes(1);
    expect(screen.getAllByRole('alert')[1]?.textContent).toMatch(/could not be backed up/);
    fireEvent.click(screen.getByRole('button', { name: 'Go back' }));
    expect(location.hash).toBe('#/w/abc');
  });

  it('describes anything thrown, not only errors', () => {
    expect(describeRenderError('plain text')).toBe('plain text');
    expect(describeRenderError(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
  });
});
