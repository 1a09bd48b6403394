// Types for scripts/start.mjs, for the TypeScript tests that import it.
export function findElectronBinary(packageDir?: string | null): string | null;
export function electronEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
