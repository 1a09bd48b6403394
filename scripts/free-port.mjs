// A free loopback TCP port, found synchronously (Playwright loads its config synchronously, before
// the web server starts). Only probes 127.0.0.1; never holds the port after answering.
import { spawnSync } from 'node:child_process';

// Runs in a child Node process: tries the preferred port, then lets the system pick one.
const probe = `
const net = require('node:net');
const listen = (port, onError) => {
  const server = net.createServer();
  server.once('error', onError);
  server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
    const { port: got } = server.address();
    server.close(() => process.stdout.write(String(got)));
  });
};
listen(Number(process.argv[1]), () => listen(0, (err) => { process.stderr.write(String(err)); process.exit(1); }));
`;

/**
 * `preferred` when nothing listens on 127.0.0.1 at that port, else a port the system has free.
 * A later listener may still take it before the caller does; callers bind soon after.
 */
export function freeLoopbackPort(preferred) {
  const r = spawnSync(process.execPath, ['-e', probe, String(preferred)], { encoding: 'utf8', timeout: 10_000 });
  const port = Number(r.stdout);
  if (r.status !== 0 || !Number.isInteger(port) || port <= 0) {
    throw new Error(`Could not find a free loopback port: ${r.stderr || r.error?.message || 'no answer'}`);
  }
  return port;
}
