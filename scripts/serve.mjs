#!/usr/bin/env node
// Browser mode: a tiny dependency-free static server for the built renderer (out/renderer).
// Must never listen beyond 127.0.0.1, serve a file outside its folder, or answer without the
// security headers (the page holds the whole library, so no other site may frame it).
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const DEFAULT_PORT = 5173;
export const DEFAULT_DIR = resolve(projectDir, 'out/renderer');
export const HOST = '127.0.0.1';

/**
 * The same policy as src-main/csp.ts (a unit test keeps the two equal; this script cannot import
 * TypeScript). The built page carries it in a <meta> too, but frame-ancestors only works as a
 * header, so without this any site could frame the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "worker-src 'self' blob:",
].join('; ');

/** Sent with every response, errors included. */
export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Other sites may not pull our scripts or images into their pages either.
  'Cross-Origin-Resource-Policy': 'same-origin',
});

// Kept in step with src-main/app-protocol.ts, which serves the same files inside Electron.
const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Parses `--port N`, `--port=N`, `--dir D`, `--dir=D`; unknown flags are an error, not a surprise. */
export function parseArgs(argv) {
  const options = { port: DEFAULT_PORT, dir: DEFAULT_DIR };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535`);
      options.port = port;
    } else if (flag === '--dir') {
      options.dir = resolve(process.cwd(), value());
    } else {
      throw new Error(`Unknown option ${arg}. Usage: node scripts/serve.mjs [--port N] [--dir out/renderer]`);
    }
  }
  return options;
}

function send(res, status, body, type = 'text/plain; charset=utf-8', head = false) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    // Always revalidate: a rebuilt bundle must not mix with a cached one.
    'Cache-Control': 'no-cache',
  });
  res.end(head ? undefined : body);
}

/** Maps a request path to a file inside `root`, or null when it would leave it. */
export function resolveRequestPath(urlPath, root) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const target = resolve(root, `.${pathname}`);
  return target.startsWith(root + sep) ? target : null;
}

/** Listens on 127.0.0.1 only; asking for any other address is refused, not quietly widened. */
export function startServer({ port = DEFAULT_PORT, dir = DEFAULT_DIR, host = HOST } = {}) {
  if (host !== HOST) {
    return Promise.reject(new Error(`Browser mode listens on ${HOST} only, not ${host}.`));
  }
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) return send(res, 405, 'Method not allowed');
    const file = resolveRequestPath(req.url ?? '/', root);
    if (!file) return send(res, 404, 'Not found', undefined, head);
    try {
      // A symlink inside the folder must not become a door out of it.
      const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
      if (!realFile.startsWith(realRoot + sep) || !(await stat(realFile)).isFile()) {
        return send(res, 404, 'Not found', undefined, head);
      }
      const body = await readFile(realFile);
      send(res, 200, body, contentTypes[extname(realFile).toLowerCase()] ?? 'application/octet-stream', head);
    } catch {
      send(res, 404, 'Not found', undefined, head);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({ server, url: `http://${HOST}:${actualPort}/` });
    });
  });
}

/** Starts the server, prints its one line and stops cleanly on Ctrl+C or a service stop. */
export async function runCli(argv = process.argv.slice(2)) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  if (!existsSync(resolve(options.dir, 'index.html'))) {
    console.error(`No built app in ${options.dir} (index.html missing). Run "npx electron-vite build" first.`);
    process.exit(1);
  }
  let started;
  try {
    started = await startServer(options);
  } catch (error) {
    const hint = error?.code === 'EADDRINUSE' ? ` Port ${options.port} is in use; try --port ${options.port + 1}.` : '';
    console.error(`Could not start the browser-mode server.${hint}`);
    process.exit(1);
  }
  console.log(`Centric (browser mode): ${started.url}`);
  const stop = () => {
    started.server.close(() => process.exit(0));
    // Keep-alive connections from an open tab would otherwise hold close() open.
    started.server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return started;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await runCli();
}
