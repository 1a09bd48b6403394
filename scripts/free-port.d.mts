// Types for free-port.mjs (plain JavaScript so Node runs it without a build step).
/** `preferred` when nothing listens on 127.0.0.1 at that port, else a port the system has free. */
export function freeLoopbackPort(preferred: number): number;
