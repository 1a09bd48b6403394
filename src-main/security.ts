// Owns the guards every webContents and session gets: no new windows, no foreign navigation,
// no <webview>, no permissions but full screen for the app's own pages (the projector's big-screen
// mode). Must never open external URLs or grant any other permission.
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** Where a navigation may go; injectable so tests and dev mode share one rule. */
export type UrlPolicy = (url: string) => boolean;

// The packaged rule: only app://centric. Main passes a wider rule explicitly in development.
const defaultPolicy: UrlPolicy = (url) => isAppUrl(url);

// The rule in force per webContents, looked up on every navigation so a later, more specific
// rule (the window factory's) replaces the generic one the 'web-contents-created' hook set first.
const contentsPolicies = new WeakMap<WebContents, UrlPolicy>();
const hardenedSessions = new WeakSet<Session>();

function urlOf(details: { url?: string } | undefined, legacyUrl: unknown): string {
  if (details && typeof details.url === 'string') return details.url;
  return typeof legacyUrl === 'string' ? legacyUrl : '';
}

/**
 * Applies the navigation and window guards to one webContents. Both the window factory and the
 * app-wide 'web-contents-created' hook call it (the hook first, from inside the BrowserWindow
 * constructor), so listeners are added once, and a call that names a rule sets the rule in force;
 * a call without one never replaces a rule already set.
 */
export function hardenWebContents(contents: WebContents, isAllowed?: UrlPolicy): void {
  const alreadyHardened = contentsPolicies.has(contents);
  if (isAllowed) contentsPolicies.set(contents, isAllowed);
  else if (!alreadyHardened) contentsPolicies.set(contents, defaultPolicy);
  if (alreadyHardened) return;

  // A second app window is opened by main on request (window:open), never by window.open.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));

  const guard = (event: Electron.Event & { url?: string }, legacyUrl?: unknown): void => {
    const policy = contentsPolicies.get(contents) ?? defaultPolicy;
    if (!policy(urlOf(event, legacyUrl))) event.preventDefault();
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

/**
 * Denies every permission request and check (camera, notifications, clipboard API, ...) but full
 * screen. A session is shared by many windows, so its rule is the first caller's: main hardens the
 * default session, with its rule, before any window exists.
 */
export function denyAllPermissions(session: Session, isAllowed: UrlPolicy = defaultPolicy): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, (details as { requestingUrl?: string } | undefined)?.requestingUrl, isAllowed)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin ? `${requestingOrigin}/` : undefined, isAllowed),
  );
  session.setDevicePermissionHandler(() => false);
}
