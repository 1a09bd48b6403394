// Owns the app:// scheme: serves the built renderer from one folder with the CSP on every response.
// Must never serve a file outside that folder or answer for a host other than "centric".
import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from './csp';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Must run before app 'ready': privileges cannot be granted later. */
export const appSchemePrivileges = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

import { contentTypeFor } from './content-types';

export { contentTypeFor };

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
}

/**
 * Maps a request URL to a file inside `root`, or null when it is not ours to serve.
 * Exported for tests: the containment rule is the security boundary of the scheme.
 */
export function resolveAppPath(requestUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    // Decoding can turn %2e%2e%2f into ../ after the URL parser already normalised the path.
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const base = resolve(root);
  const target = resolve(base, `.${pathname}`);
  return target.startsWith(base + sep) ? target : null;
}

/** The handler given to protocol.handle; `root` is injectable so tests serve a temp folder. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveAppPath(request.url, root);
    if (!file) return notFound();
    try {
      // A symlink inside the folder must not become a door out of it.
      const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
      if (!realFile.startsWith(realRoot + sep)) return notFound();
      const info = await stat(realFile);
      if (!info.isFile()) return notFound();
      const body = await readFile(realFile);
      return new Response(new Uint8Array(body), { status: 200, headers: securityHeaders(contentTypeFor(file)) });
    } catch {
      return notFound();
    }
  };
}

export function registerAppProtocol(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
