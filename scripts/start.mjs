#!/usr/bin/env node
// `npm start`: builds, then runs Electron when its binary exists, else serves browser mode.
// Must never trigger Electron's binary download: that is what a bare require('electron') does.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const require = createRequire(join(projectDir, 'package.json'));
const isWindows = process.platform === 'win32';

function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The Electron executable, or null when it is not installed. Electron's index.js downloads a
 * missing binary on require, so we look for path.txt and the file first and only then require.
 */
export function findElectronBinary(packageDir = electronPackageDir()) {
  if (!packageDir) return null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(packageDir, 'path.txt');
  if (!override) {
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    if (!relative || !existsSync(join(packageDir, 'dist', relative))) return null;
  }
  try {
    const binary = require(packageDir);
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** The app (main, preload, renderer), then the participant page the room serves to phones. */
const buildSteps = [
  ['electron-vite', 'build'],
  ['vite', 'build', '-c', 'vite.participant.config.ts', '--logLevel', 'warn'],
];

function build() {
  for (const args of buildSteps) {
    const result = spawnSync('npx', args, { cwd: projectDir, stdio: 'inherit', shell: isWindows });
    if (result.error) {
      console.error(`Could not run the build: ${result.error.message}`);
      return 1;
    }
    if (result.status !== 0) return result.status ?? 1;
  }
  return 0;
}

/**
 * The environment Electron runs with. `npm start` runs the built bundle, so a dev-server URL
 * left in the shell must not redirect it (main ignores it only in packaged builds).
 */
export function electronEnv(env = process.env) {
  const copy = { ...env };
  delete copy.ELECTRON_RENDERER_URL;
  return copy;
}

function runElectron(binary) {
  const child = spawn(binary, [projectDir], { cwd: projectDir, stdio: 'inherit', env: electronEnv() });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Could not start Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  const status = build();
  if (status !== 0) process.exit(status);
  const binary = findElectronBinary();
  if (binary) {
    runElectron(binary);
    return;
  }
  console.log("Electron's binary is not installed here; opening Centric in browser mode instead.");
  const { runCli } = await import('./serve.mjs');
  await runCli(process.argv.slice(2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
