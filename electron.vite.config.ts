// Build config for the three bundles: main, preload (both Node, thin) and the renderer (React).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './src-main/csp';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // room-server: a second entry, so browser mode (scripts/serve.mjs, plain Node) can import
      // the built room server from out/main/room-server.js.
      lib: { entry: { index: resolve(__dirname, 'src-main/index.ts'), 'room-server': resolve(__dirname, 'src-main/room/room-server.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'src-main/preload.ts') },
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    base: './',
    plugins: [
      react(),
      {
        // The CSP goes into the built page only: the dev server needs inline scripts for HMR.
        name: 'centric-csp',
        apply: 'build',
        transformIndexHtml: (html: string) =>
          html.replace(
            '<!-- CSP -->',
            `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`,
          ),
      },
    ],
    define: { __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.1.0') },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; minified, the library's first paint loads
      // and parses about a third of the JavaScript.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
