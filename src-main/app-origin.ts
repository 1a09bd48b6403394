// Owns the one answer to "is this URL our own app?" for navigation guards and IPC sender checks.
// Must never trust a URL by prefix alone or widen trust beyond app://centric and the dev server.

export const APP_SCHEME = 'app';
export const APP_HOST = 'centric';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` belongs to the packaged app (app://centric/...) or, in development,
 * to the electron-vite dev server whose URL is passed as `devServerUrl`.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined = process.env.ELECTRON_RENDERER_URL): boolean {
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
export function appUrlForRoute(route: string, devServerUrl: string | undefined = process.env.ELECTRON_RENDERER_URL): string {
  const base = devServerUrl ? devServerUrl.replace(/#.*$/, '') : APP_ENTRY_URL;
  return `${base}${route}`;
}
