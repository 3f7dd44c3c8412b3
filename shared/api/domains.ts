import { z } from 'zod';
import { domainRef, hostRef } from './refs';
import { HostDeviceRef } from './host-device-ref';

/** libvirt's domain states, named as `virsh domstate` prints them. */
export const DomainState = z.enum([
  'running',
  'idle',
  'paused',
  'in shutdown',
  'shut off',
  'crashed',
  'pmsuspended',
  'no state',
]);
export type DomainState = z.infer<typeof DomainState>;

/** The numeric `state.state` of `virsh domstats` → the name above (virDomainState). */
export const domainStateByNumber: readonly DomainState[] = [
  'no state',
  'running',
  'idle',
  'paused',
  'in shutdown',
  'shut off',
  'crashed',
  'pmsuspended',
];

export const DomainSummary = z.object({
  uuid: z.string(),
  name: z.string(),
  title: z.string().optional(),
  state: DomainState,
  vcpus: z.number().int().nonnegative().optional(),
  memoryKiB: z.number().nonnegative().optional(),
  maxMemoryKiB: z.number().nonnegative().optional(),
  autostart: z.boolean().optional(),
  persistent: z.boolean().optional(),
  hasManagedSave: z.boolean().optional(),
  /** Running with a definition that differs from what runs: changes wait for the next guest shutdown (set with the XML). */
  pendingChanges: z.boolean().optional(),
  /** False until the domain's XML has been read (the list paints before every XML is in). */
  detailsLoaded: z.boolean(),
  /** Host devices the XML assigns (node devices' "in use by"); absent until the XML is read. */
  hostDevices: z.array(HostDeviceRef).optional(),
  /**
   * A running VM's host devices in its inactive definition (what its next boot gets), read from the
   * inactive XML the list reads anyway for `pendingChanges`; absent for a VM that is not running.
   */
  definedHostDevices: z.array(HostDeviceRef).optional(),
});
export type DomainSummary = z.infer<typeof DomainSummary>;

export const DomainAction = z.enum([
  'start',
  'pause',
  'resume',
  'shutdown',
  'reboot',
  'reset',
  'destroy',
  'managedsave',
  'restore',
  'autostart-on',
  'autostart-off',
  'undefine',
]);
export type DomainAction = z.infer<typeof DomainAction>;

export const DomainDelta = z.object({
  hostId: z.string(),
  /** True: this delta replaces the host's whole list (first read, reconnect). */
  reset: z.boolean().default(false),
  upsert: z.array(DomainSummary),
  remove: z.array(z.string()),
});
export type DomainDelta = z.infer<typeof DomainDelta>;

export const DomainStats = z.object({
  uuid: z.string(),
  /** Guest CPU use over the last tick, 0–100 (per vCPU capacity); absent when not collected (preferences). */
  cpuPercent: z.number().nonnegative().optional(),
  /** Memory the guest uses in KiB (balloon rss or current); absent when not collected (preferences). */
  memoryKiB: z.number().nonnegative().optional(),
  // --- Performance pane (issue 12): from the same one `domstats` per host and tick. Absent on the
  // first sample after a VM (re)started, and where the VM reports no such counters.
  /** The VM's memory in KiB (balloon maximum): the top of its memory graph. */
  memoryMaxKiB: z.number().nonnegative().optional(),
  /** Bytes per second read from / written to all of the VM's disks over the last tick. */
  diskReadBps: z.number().nonnegative().optional(),
  diskWriteBps: z.number().nonnegative().optional(),
  /** Bytes per second received / sent on all of the VM's interfaces over the last tick. */
  netRxBps: z.number().nonnegative().optional(),
  netTxBps: z.number().nonnegative().optional(),
});
export type DomainStats = z.infer<typeof DomainStats>;

export const StatsTick = z.object({ hostId: z.string(), at: z.number(), stats: z.array(DomainStats) });
export type StatsTick = z.infer<typeof StatsTick>;

/** The VM list, its actions and its statistics (spread into the contract). */
export const domainCalls = {
  'domains/list': { request: hostRef, response: z.array(DomainSummary) },
  'domains/action': {
    request: domainRef.extend({ action: DomainAction }),
    response: z.object({ summary: DomainSummary.optional(), message: z.string() }),
  },
  'stats/watch': {
    request: hostRef.extend({ watching: z.boolean() }),
    response: z.object({}),
  },
} as const;

export const domainEvents = {
  'domains/delta': DomainDelta,
  'stats/tick': StatsTick,
} as const;
