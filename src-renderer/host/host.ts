// The one door to host capabilities: files, snapshots, windows, version, menu commands.
// Electron talks to main through the preload bridge; any other Chromium uses browser stand-ins.
// Nothing else in the renderer touches window.centric, downloads, file inputs or window.open.
import type { CentricBridge } from '../../src-main/ipc-contract';
import type { Host } from './host-types';
import { createBrowserHost } from './browser-host';
import { createElectronHost } from './electron-host';

// The contract lives in host-types.ts; importers keep reaching it through this one door.
export type * from './host-types';

declare global {
  interface Window {
    centric?: CentricBridge;
  }
}

let host: Host | null = null;

export function getHost(): Host {
  host ??= window.centric ? createElectronHost(window.centric) : createBrowserHost();
  return host;
}

export function setHostForTests(h: Host | null): void {
  host = h;
}
