import { z } from 'zod';
import { hostRef } from './refs';

/** One host's CPU and memory use, from one `nodecpustats` + `nodememstats` per tick. */
export const HostStatsTick = z.object({
  hostId: z.string(),
  at: z.number(),
  /** Share of the host's CPU time spent busy (user + system) over the last tick, 0–100; absent on the first. */
  cpuPercent: z.number().min(0).max(100).optional(),
  /** Memory in use (total − free − buffers − cached) and the total, in KiB. */
  memoryUsedKiB: z.number().nonnegative(),
  memoryTotalKiB: z.number().nonnegative(),
});
export type HostStatsTick = z.infer<typeof HostStatsTick>;

export const hostStatsCalls = {
  /** While watching (the host details Overview is open), the host's CPU and memory arrive each tick. */
  'stats/watch-host': { request: hostRef.extend({ watching: z.boolean() }), response: z.object({}) },
} as const;

export const hostStatsEvents = {
  'stats/host-tick': HostStatsTick,
} as const;
