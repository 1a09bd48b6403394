// Owns where the built bundles live relative to the built main file (out/main/index.js).
// Must never point at source folders: in a package only out/ exists.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The main bundle is ESM, so __dirname is not a given; import.meta.url is.
const mainDir = dirname(fileURLToPath(import.meta.url));

/** out/renderer: the only folder the app:// protocol serves from. */
export const rendererDir = join(mainDir, '../renderer');
/** out/preload/preload.cjs: CommonJS because sandboxed preloads cannot be ES modules. */
export const preloadPath = join(mainDir, '../preload/preload.cjs');
/** out/participant: the page phones load from the room server (built by its own vite config). */
export const participantDir = join(mainDir, '../participant');
