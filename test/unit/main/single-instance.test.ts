// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApp, FakeBrowserWindow, resetElectronMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { claimSingleInstance } = await import('../../../src-main/single-instance');

beforeEach(() => resetElectronMock());

describe('single instance', () => {
  it('quits when another instance holds the lock', () => {
    fakeApp.requestSingleInstanceLock.mockReturnValueOnce(false);
    expect(claimSingleInstance(fakeApp as never, () => null)).toBe(false);
    expect(fakeApp.quit).toHaveBeenCalledTimes(1);
    expect(fakeApp.listenerCount('second-instance')).toBe(0);
  });

  it('restores and focuses the main window on a second launch', () => {
    const win = new FakeBrowserWindow({});
    win.minimized = true;
    expect(claimSingleInstance(fakeApp as never, () => win as never)).toBe(true);
    expect(fakeApp.quit).not.toHaveBeenCalled();
    fakeApp.emit('second-instance');
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);
  });

  it('ignores a second launch while no window exists', () => {
    claimSingleInstance(fakeApp as never, () => null);
    expect(() => fakeApp.emit('second-instance')).not.toThrow();
  });
});
