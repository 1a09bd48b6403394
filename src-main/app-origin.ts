// Owns the one answer to "is this URL our own app?" for navigation guards and IPC sender checks.
// Must never trust a URL by prefix alone or widen trust beyond app://centric and the dev server,
// and must never read the environment itself: main decides once, in resolveDevServerUrl.

export const APP_SCHEME = 'app';
export const APP_HOST = 'centric';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Hosts the dev server may run on; anything else is another machine's page, never ours. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The electron-vite dev server URL to load and trust, or undefined for the packaged rule.
 * A packaged build ignores ELECTRON_RENDERER_URL: anyone who can set an environment variable
 * would otherwise point the window at their own origin and be trusted with the whole library
 * over IPC. Even in development only an http(s) loopback URL is honoured.
 */
export function resolveDevServerUrl(isPackaged: boolean, envValue: string | undefined): string | undefined {
  if (isPackaged || !envValue) return undefined;
  const parsed = parse(envValue);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  if (parsed.username !== '' || parsed.password !== '' || !LOOPBACK_HOSTS.has(parsed.hostname)) return undefined;
  return envValue;
}

/**
 * True when `url` belongs to the packaged app (app://centric/...) or, in development,
 * to the dev server whose URL main resolved with resolveDevServerUrl.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  // Credentials in the authority (app://centric@evil/) would make a prefix check lie.
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (!devServerUrl) return false;
  const dev = parse(devServerUrl);
  // Node gives non-special schemes an opaque "null" origin, so compare only real http(s) origins.
  return dev !== null && dev.origin !== 'null' && parsed.origin === dev.origin;
}

/** The URL a window should load for an in-app hash route such as "#/present/abc". */
export function appUrlForRoute(route: string, devServerUrl?: string): string {
  const base = devServerUrl ? devServerUrl.replace(/#.*$/, '') : APP_ENTRY_URL;
  return `${base}${route}`;
}
