// Build config for the participant page (the phones' side of the room): a second, light entry of
// the renderer, served by the room server under a strict CSP (script-src 'self', style-src 'self').
// So the built page must hold no inline script or style: the design tokens and author colours
// become a generated CSS file here, at build time, instead of style attributes at run time.
import { resolve } from 'node:path';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import type * as Tokens from './src-renderer/ui/tokens';
import type * as Room from './src-renderer/domain/room';

const TOKENS_ID = 'virtual:participant-tokens.css';

/** `:root { --color-ink: …; … }` and `.author-<n> { --author: … }`, from the one token module. */
function tokensCss(): Plugin {
  return {
    name: 'centric-participant-tokens',
    resolveId: (id) => (id === TOKENS_ID ? `\0${TOKENS_ID}` : null),
    async load(id) {
      if (id !== `\0${TOKENS_ID}`) return null;
      // Loaded through Vite's module runner (TypeScript sources; the config file itself imports no TS module).
      const { module: tokens } = await runnerImport<typeof Tokens>(resolve(import.meta.dirname, 'src-renderer/ui/tokens.ts'));
      const { module: room } = await runnerImport<typeof Room>(resolve(import.meta.dirname, 'src-renderer/domain/room.ts'));
      const { cssVariables } = tokens;
      const { authorColours } = room;
      const vars = Object.entries(cssVariables()).map(([k, v]) => `${k}:${v};`).join('');
      const authors = authorColours.map((c, i) => `.author-${i}{--author:${c};}`).join('\n');
      return `:root{${vars}}\n${authors}\n`;
    },
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer/participant'),
  base: './',
  plugins: [react(), tokensCss()],
  // No public folder: the page is one HTML file, its script and its stylesheet.
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, 'out/participant'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Never inline an asset as a data: URL into a script or stylesheet.
    assetsInlineLimit: 0,
    // The polyfill would add code for browsers without modulepreload; every phone browser the
    // room meets supports module scripts, and the page has one chunk anyway.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    rollupOptions: { input: resolve(import.meta.dirname, 'src-renderer/participant/index.html') },
  },
});
