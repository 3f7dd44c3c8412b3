import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { spiceTicketFix } from '../scripts/build/spice-ticket-plugin';

/**
 * The dev server injects an inline React Refresh preamble, which the strict CSP in index.html
 * blocks; allow inline scripts in dev only. Production builds keep `script-src 'self'`.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'virtdesk-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

// The renderer bundle: `npx vite build --config renderer/vite.config.ts` → out/renderer (relative paths,
// so it loads from file:// in Electron and from the serve-mode server alike).
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), relaxCspForDevServer(), spiceTicketFix()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
});
