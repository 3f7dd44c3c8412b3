import { z } from 'zod';
import { domainRef, hostRef } from './refs';

/** A file on the host: an absolute path without control characters. */
export const HostFilePath = z
  .string()
  .trim()
  .min(2)
  .max(4096)
  .refine((p) => p.startsWith('/') && !p.endsWith('/'), 'Give an absolute path to a file on the host')
  .refine((p) => !/[\x00-\x1f\x7f]/.test(p), 'A path cannot contain control characters');

const Then = z.enum(['as-saved', 'running', 'paused']).default('as-saved');

/** Save a VM's memory to a file of the user's choosing (`virsh save`), and restore from such a file. */
export const domainSaveFileCalls = {
  /** Runs as a job (progress, Cancel); the VM stops once saved. */
  'domains/save-to-file': {
    request: domainRef.extend({ path: HostFilePath, then: Then }),
    response: z.object({ message: z.string() }),
  },
  /** Runs as a job; the VM comes back running or paused. */
  'domains/restore-from-file': {
    request: hostRef.extend({ path: HostFilePath, then: Then }),
    response: z.object({ message: z.string() }),
  },
} as const;
