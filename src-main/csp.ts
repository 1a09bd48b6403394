// The app's Content-Security-Policy: one string, used by the custom protocol's response
// headers and by the built index.html. Never loosen script-src: no inline or remote code.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // The room server (src-main/room) runs on this machine: the app syncs with it over loopback.
  "connect-src 'self' ws://127.0.0.1:*",
  "media-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "worker-src 'self' blob:",
].join('; ');
