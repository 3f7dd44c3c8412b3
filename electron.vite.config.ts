import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { spiceTicketFix } from './scripts/build/spice-ticket-plugin';

// Desktop build: main + preload (CommonJS, sandbox-compatible) + the same renderer serve mode uses.
export default defineConfig({
  main: {
    build: { outDir: 'out/main', lib: { entry: resolve('electron/main.ts'), formats: ['cjs'] } },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve('electron/preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
    },
  },
  renderer: {
    root: resolve('renderer'),
    build: { outDir: resolve('out/renderer'), rollupOptions: { input: resolve('renderer/index.html') } },
    plugins: [react(), spiceTicketFix()],
  },
});
