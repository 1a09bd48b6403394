// `npm test`: typecheck, lint (zero warnings), unit and component tests, build, then the
// end-to-end tests in Chromium. Stops at the first failing stage and ends with each stage's
// time, so the CI budget stays visible. `npm test -- static|unit|e2e` runs one part.
import { spawn, spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const timings = [];

function fail(title, secs, status) {
  console.error(`✗ ${title} failed after ${secs}s`);
  process.exit(status ?? 1);
}

function run(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) fail(title, secs, r.status);
  timings.push([title, secs]);
  console.log(`✓ ${title} (${secs}s)`);
}

/** Runs single-threaded stages side by side (each uses one core); prints each one's output whole. */
async function runTogether(stages) {
  const started = Date.now();
  const results = await Promise.all(
    stages.map(
      ([title, cmd, args]) =>
        new Promise((resolve) => {
          const t0 = Date.now();
          const child = spawn(cmd, args, { env: process.env });
          let output = '';
          child.stdout.on('data', (d) => (output += d));
          child.stderr.on('data', (d) => (output += d));
          child.on('close', (status) => resolve({ title, status, output, secs: ((Date.now() - t0) / 1000).toFixed(1) }));
          child.on('error', (err) => resolve({ title, status: 1, output: String(err), secs: ((Date.now() - t0) / 1000).toFixed(1) }));
        }),
    ),
  );
  for (const r of results) {
    console.log(`\n▶ ${r.title}`);
    if (r.output) process.stdout.write(r.output);
    if (r.status !== 0) fail(r.title, r.secs, r.status);
    timings.push([r.title, r.secs]);
    console.log(`✓ ${r.title} (${r.secs}s)`);
  }
  timings.push(['(typecheck and lint, side by side)', ((Date.now() - started) / 1000).toFixed(1)]);
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

const started = Date.now();
const only = process.argv[2];
if (!only || only === 'static') {
  await runTogether([
    ['Typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']],
    ['Lint', npx, ['eslint', '--max-warnings', '0', '.']],
  ]);
}
if (!only || only === 'unit') run('Unit and component tests', npx, ['vitest', 'run']);
if (!only || only === 'e2e') {
  const chromium = ensureChromium();
  run('Build', 'npm', ['run', 'build', '--silent']);
  run('End-to-end tests', npx, ['playwright', 'test'], { CHROMIUM_PATH: chromium });
}
console.log('\nAll checks passed.');
for (const [title, secs] of timings) console.log(`  ${secs.padStart(6)}s  ${title}`);
console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s  in all`);
