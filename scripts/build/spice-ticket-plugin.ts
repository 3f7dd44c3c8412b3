import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The module that replaces spice-html5's `ticket.js` for its connection code (the fix is explained there). */
export const SPICE_TICKET_FIX = fileURLToPath(
  new URL('../../renderer/consoles/spice-ticket.ts', import.meta.url),
);

const SPICE_CONNECTION = /[\\/]@spice-project[\\/]spice-html5[\\/]src[\\/]spiceconn\.js$/;

/**
 * Builds (Vite, electron-vite) resolve `./ticket.js` imported by spice-html5's `spiceconn.js` to
 * VirtDesk's fixed ticket encryption. Every other import of `ticket.js` — the fix's own import of the
 * original — resolves as usual.
 */
export function spiceTicketFix(): Plugin {
  return {
    name: 'virtdesk-spice-ticket-fix',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './ticket.js' && importer && SPICE_CONNECTION.test(importer.split('?')[0] ?? '')) {
        return SPICE_TICKET_FIX;
      }
      return null;
    },
  };
}
