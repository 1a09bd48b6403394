// End-to-end tests: the built renderer served in browser mode, driven in Debian's Chromium
// (never a downloaded browser).
import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/find-chromium.mjs';
import { freeLoopbackPort } from './scripts/free-port.mjs';

// E2E_PORT pins the port; without it 4319 is used when free, else any free loopback port. The
// choice goes back into the environment because every worker process loads this config again
// and inherits the environment: they must all agree with the server the main process started.
process.env.E2E_PORT ||= String(freeLoopbackPort(4319));
const port = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs },
    trace: 'off',
  },
  projects: [
    { name: 'app', testIgnore: [/crash-safety\.spec\.ts$/, /room[-a-z]*\.spec\.ts$/] },
    // The browser-mode server runs one room at a time (opening another workshop's room closes the
    // first, as in the app): tests that open a room run one after another.
    { name: 'room', testMatch: /room[-a-z]*\.spec\.ts$/, workers: 1 },
    // The SIGKILL test measures how soon typing is stored (300 ms + a write allowance): it runs
    // last and alone, so another test's browser competing for the two cores cannot stretch the
    // app's writes past that bound and fail it for the machine's sake, not the app's.
    { name: 'crash-safety', testMatch: /crash-safety\.spec\.ts$/, dependencies: ['app', 'room'] },
  ],
  webServer: {
    command: `node scripts/serve.mjs --port ${port}`,
    // A room opened by a test listens on loopback only, never on the machine's LAN addresses.
    env: { CENTRIC_ROOM_HOST: '127.0.0.1' },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
