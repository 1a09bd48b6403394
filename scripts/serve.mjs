#!/usr/bin/env node
// Browser mode: a tiny dependency-free static server for the built renderer (out/renderer),
// plus the host API that runs the room (the built out/main/room-server.js, loaded on first use).
// Must never listen beyond 127.0.0.1, serve a file outside its folder, answer without the
// security headers (the page holds the whole library, so no other site may frame it), or let
// anything but its own page drive the room. The room server itself listens where phones can
// reach it (CENTRIC_ROOM_HOST, default 0.0.0.0, as in the app) and serves only the room.
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const DEFAULT_PORT = 5173;
export const DEFAULT_DIR = resolve(projectDir, 'out/renderer');
export const HOST = '127.0.0.1';
/** The room server, built by electron-vite next to main (it is TypeScript: this script cannot import the source). */
export const ROOM_SERVER_MODULE = resolve(projectDir, 'out/main/room-server.js');
/** The participant page the room server serves to phones. */
export const PARTICIPANT_DIR = resolve(projectDir, 'out/participant');
/** Largest host API body (a room's people list). */
const HOST_API_BODY_BYTES = 256 * 1024;

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
  "connect-src 'self' ws://127.0.0.1:*",
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
export const CONTENT_TYPES = {
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

function sendJson(res, status, value) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

function readJsonBody(req) {
  return new Promise((resolveBody, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > HOST_API_BODY_BYTES) {
        reject(Object.assign(new Error('Request too large.'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text === '') return resolveBody(undefined);
      try {
        resolveBody(JSON.parse(text));
      } catch {
        reject(Object.assign(new Error('The request is not valid JSON.'), { status: 400 }));
      }
    });
  });
}

/**
 * The room in browser mode: the facilitator's page asks this server (over loopback) to run the
 * room, as Electron's page asks main over IPC. One RoomHost, created on the first room request.
 * The room's own server listens on CENTRIC_ROOM_HOST (default 0.0.0.0, the room's LAN;
 * Playwright sets 127.0.0.1).
 */
/** close and status take nothing: an empty body, null or {}. */
function noRequest(body) {
  const empty = body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
  if (!empty) throw Object.assign(new Error('This action takes no request.'), { invalid: true });
}

function createRoomApi({ loadRoomModule, roomListenHost, participantDir }) {
  let loaded = null;
  const load = () =>
    (loaded ??= loadRoomModule().then((mod) => ({
      mod,
      host: new mod.RoomHost({ participantDir, listenHost: roomListenHost }),
    })));
  const routes = {
    open: (mod, host, body) => host.open(mod.roomOpenRequestSchema.parse(body)),
    close: async (_mod, host, body) => {
      noRequest(body);
      await host.close();
      return { ok: true };
    },
    status: (_mod, host, body) => {
      noRequest(body);
      return host.status();
    },
    revoke: (mod, host, body) => {
      host.revoke(mod.roomRevokeRequestSchema.parse(body).participantId);
      return { ok: true };
    },
    lock: (mod, host, body) => host.setLocked(mod.roomLockRequestSchema.parse(body).locked),
    people: (mod, host, body) => {
      host.setPeople(mod.roomPeopleRequestSchema.parse(body).people);
      return { ok: true };
    },
  };
  return {
    /** Answers /api/host/room/<name>: only POST, JSON, from this server's own page. */
    async handle(req, res, name, ownOrigin) {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'Use POST.' });
      if (req.headers.origin !== ownOrigin || req.headers.host !== ownOrigin.slice('http://'.length)) {
        return sendJson(res, 403, { error: 'Only the Centric page served here may run the room.' });
      }
      const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') return sendJson(res, 403, { error: 'Send JSON (Content-Type: application/json).' });
      const route = Object.hasOwn(routes, name) ? routes[name] : null;
      if (!route) return sendJson(res, 404, { error: `No room action "${name}".` });
      let body;
      try {
        body = await readJsonBody(req);
      } catch (error) {
        return sendJson(res, error.status ?? 400, { error: error.message });
      }
      let room;
      try {
        room = await load();
      } catch (error) {
        loaded = null;
        const notBuilt = error?.code === 'ERR_MODULE_NOT_FOUND';
        return sendJson(res, 503, { error: notBuilt ? 'The room server is not built (run "npx electron-vite build").' : String(error?.message ?? error) });
      }
      try {
        const result = await route(room.mod, room.host, body);
        sendJson(res, 200, result ?? null);
      } catch (error) {
        const invalid = error?.name === 'ZodError' || error?.invalid === true;
        sendJson(res, invalid ? 400 : 409, { error: invalid ? 'The request is not valid.' : String(error?.message ?? error) });
      }
    },
    /** Closes the room if one was ever opened. */
    async close() {
      if (!loaded) return;
      try {
        await (await loaded).host.close();
      } catch {
        // Nothing was running.
      }
    },
  };
}

/** Listens on 127.0.0.1 only; asking for any other address is refused, not quietly widened. */
export function startServer({
  port = DEFAULT_PORT,
  dir = DEFAULT_DIR,
  host = HOST,
  roomListenHost = process.env.CENTRIC_ROOM_HOST || '0.0.0.0',
  participantDir = PARTICIPANT_DIR,
  loadRoomModule = () => import(pathToFileURL(ROOM_SERVER_MODULE).href),
} = {}) {
  if (host !== HOST) {
    return Promise.reject(new Error(`Browser mode listens on ${HOST} only, not ${host}.`));
  }
  const root = resolve(dir);
  const roomApi = createRoomApi({ loadRoomModule, roomListenHost, participantDir });
  let ownOrigin = '';
  const server = createServer(async (req, res) => {
    const hostApi = /^\/api\/host\/room\/([a-z]+)$/.exec((req.url ?? '').split('?')[0]);
    if (hostApi) return roomApi.handle(req, res, hostApi[1], ownOrigin);
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
      send(res, 200, body, CONTENT_TYPES[extname(realFile).toLowerCase()] ?? 'application/octet-stream', head);
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
      ownOrigin = `http://${HOST}:${actualPort}`;
      // Stopping this server stops the room: phones must not keep a room its host no longer runs.
      server.once('close', () => void roomApi.close());
      resolvePromise({ server, url: `http://${HOST}:${actualPort}/`, closeRoom: () => roomApi.close() });
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
    // The room first (its own server and every phone's connection), then this server.
    void started.closeRoom().finally(() => {
      started.server.close(() => process.exit(0));
      // Keep-alive connections from an open tab would otherwise hold close() open.
      started.server.closeAllConnections();
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return started;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await runCli();
}
