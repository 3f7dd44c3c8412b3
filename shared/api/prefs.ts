import { z } from 'zod';

export const Prefs = z.object({
  /** Statistics tick in ms (virt-manager: 3 s; ours: 2 s). */
  statsIntervalMs: z.number().int().min(500).max(60_000).default(2000),
  /** Actions that ask for confirmation first. */
  confirmDestructive: z.boolean().default(true),
});
export type Prefs = z.infer<typeof Prefs>;

/** Preferences (spread into the contract). */
export const prefsCalls = {
  'prefs/get': { request: z.object({}), response: Prefs },
  'prefs/set': { request: Prefs.partial(), response: Prefs },
} as const;
