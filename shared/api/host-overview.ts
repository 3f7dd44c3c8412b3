import { z } from 'zod';
import { hostRef } from './refs';

export const NumaCell = z.object({
  id: z.number().int(),
  memoryKiB: z.number().nonnegative().optional(),
  freeKiB: z.number().nonnegative().optional(),
  cpus: z.array(z.number().int()),
  /** Pages per size on this cell (4 KiB base pages and each hugepage size). */
  pages: z.array(z.object({ sizeKiB: z.number(), total: z.number(), free: z.number().optional() })),
});
export type NumaCell = z.infer<typeof NumaCell>;

/** What virt-manager's Connection Details → Overview shows, and a little more. */
export const HostOverview = z.object({
  hostname: z.string().optional(),
  uri: z.string(),
  libvirtVersion: z.string().optional(),
  /** e.g. "QEMU 7.2.22". */
  hypervisor: z.string().optional(),
  virshVersion: z.string().optional(),
  cpuModel: z.string().optional(),
  cpuVendor: z.string().optional(),
  arch: z.string().optional(),
  cpus: z.number().int().optional(),
  mhz: z.number().optional(),
  sockets: z.number().int().optional(),
  cores: z.number().int().optional(),
  threads: z.number().int().optional(),
  memoryKiB: z.number().optional(),
  freeMemoryKiB: z.number().optional(),
  numaCells: z.array(NumaCell),
});
export type HostOverview = z.infer<typeof HostOverview>;

/** One of the seeds' "is this host ready" checks, as pass / warning / fail with what to do. */
export const ReadinessCheck = z.object({
  id: z.string(),
  status: z.enum(['pass', 'warn', 'fail', 'unknown']),
  /** What was checked, for people. */
  title: z.string(),
  /** What was found. */
  detail: z.string(),
  /** What to do about a warning or failure (VirtDesk never changes a host's boot configuration). */
  advice: z.string().optional(),
});
export type ReadinessCheck = z.infer<typeof ReadinessCheck>;

export const hostOverviewCalls = {
  'hosts/overview': { request: hostRef, response: HostOverview },
  'hosts/readiness': { request: hostRef, response: z.array(ReadinessCheck) },
} as const;
