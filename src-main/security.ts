// Owns the guards every webContents and session gets: no new windows, no foreign navigation,
// no <webview>, no permissions. Must never open external URLs or grant a permission.
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

const hardenedContents = new WeakSet<WebContents>();
const hardenedSessions = new WeakSet<Session>();

/** Where a navigation may go; injectable so tests and dev mode share one rule. */
export type UrlPolicy = (url: string) => boolean;

const defaultPolicy: UrlPolicy = (url) => isAppUrl(url);

function urlOf(details: { url?: string } | undefined, legacyUrl: unknown): string {
  if (details && typeof details.url === 'string') return details.url;
  return typeof legacyUrl === 'string' ? legacyUrl : '';
}

/**
 * Applies the navigation and window guards to one webContents. Idempotent, because both the
 * window factory and the app-wide 'web-contents-created' hook call it.
 */
export function hardenWebContents(contents: WebContents, isAllowed: UrlPolicy = defaultPolicy): void {
  if (hardenedContents.has(contents)) return;
  hardenedContents.add(contents);

  // A second app window is opened by main on request (window:open), never by window.open.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));

  const guard = (event: Electron.Event & { url?: string }, legacyUrl?: unknown): void => {
    if (!isAllowed(urlOf(event, legacyUrl))) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Denies every permission request and check (camera, notifications, clipboard API, ...). */
export function denyAllPermissions(session: Session): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
