// `npm test`: typecheck, lint (zero warnings), unit and component tests, build, then the
// end-to-end tests in Chromium. Stops at the first failing stage.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✗ ${title} failed after ${secs}s`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${title} (${secs}s)`);
}

function ensureChromium() {
  let found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && process.platform === 'linux') {
    console.log('No Chromium found; installing Debian’s chromium package (running as root)…');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    found = findChromium();
    if (found) return found;
  }
  console.error('No Chromium found for the end-to-end tests: install one with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH).');
  process.exit(1);
}

const only = process.argv[2];
if (!only || only === 'static') {
  run('Typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  run('Lint', npx, ['eslint', '--max-warnings', '0', '.']);
}
if (!only || only === 'unit') run('Unit and component tests', npx, ['vitest', 'run']);
if (!only || only === 'e2e') {
  const chromium = ensureChromium();
  run('Build', 'npm', ['run', 'build', '--silent']);
  run('End-to-end tests', npx, ['playwright', 'test'], { CHROMIUM_PATH: chromium });
}
console.log('\nAll checks passed.');
