import { z } from 'zod';

/** The references every call area uses: one declaration, imported everywhere. */
export const hostRef = z.object({ hostId: z.string().min(1).max(64) });
export const domainRef = hostRef.extend({ uuid: z.string().min(1).max(64) });
