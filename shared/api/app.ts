import { z } from 'zod';

/** What the app is and found at start-up (spread into the contract). */
export const appCalls = {
  'app/info': {
    request: z.object({}),
    response: z.object({
      version: z.string(),
      /** True when no connection has ever been saved: the UI offers local libvirt and the demo. */
      firstRun: z.boolean(),
      /** A `virsh` binary was found on this machine. */
      localVirsh: z.boolean(),
      dataDir: z.string(),
      /** Problems found at start-up the user should know about (e.g. an unreadable connections file). */
      warnings: z.array(z.string()),
      // Preferences (issue 15)
      /** prefs.json could not be read: it was moved to `aside` and the defaults are used. */
      prefsReset: z.object({ aside: z.string(), problem: z.string() }).optional(),
      /**
       * The operating system's locales, best first, where the backend knows them (desktop: Electron's
       * preferred system languages, then its locale); else the renderer asks its browser (issue 15).
       */
      locales: z.array(z.string().max(64)).max(16).optional(),
    }),
  },
} as const;
