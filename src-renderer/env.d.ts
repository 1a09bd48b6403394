/// <reference types="vite/client" />
/** The app version, injected at build time. */
declare const __APP_VERSION__: string;
