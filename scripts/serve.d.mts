// Types for scripts/serve.mjs, for the TypeScript tests and tools that import it.
import type { Server } from 'node:http';

export const DEFAULT_PORT: number;
export const DEFAULT_DIR: string;
export const HOST: string;
export const CONTENT_SECURITY_POLICY: string;
export const SECURITY_HEADERS: Readonly<Record<string, string>>;
export function parseArgs(argv: string[]): { port: number; dir: string };
export function resolveRequestPath(urlPath: string, root: string): string | null;
export function startServer(options?: { port?: number; dir?: string; host?: string }): Promise<{ server: Server; url: string }>;
export function runCli(argv?: string[]): Promise<{ server: Server; url: string }>;
