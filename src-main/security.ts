// Owns the guards every webContents and session gets: no new windows, no foreign navigation,
// no <webview>, no permissions but full screen for the app's own pages (the projector's big-screen
// mode). Must never open external URLs or grant any other permission.
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

/** The one permission granted, and only to the app's own pages: full screen for projectors. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, isAllowed: UrlPolicy = defaultPolicy): boolean {
  return permission === 'fullscreen' && typeof requestingUrl === 'string' && isAllowed(requestingUrl);
}

/** Denies every permission request and check (camera, notifications, clipboard API, ...) but full screen. */
export function denyAllPermissions(session: Session): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, (details as { requestingUrl?: string } | undefined)?.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin ? `${requestingOrigin}/` : undefined),
  );
  session.setDevicePermissionHandler(() => false);
}
