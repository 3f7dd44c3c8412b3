import type { HostStatsTick } from '../../../shared/api/host-stats';
import { counterDeltas, summedRate, type CounterReading } from './counter-deltas';

/**
 * `virsh nodecpustats` ("user:  123" in ns) and `virsh nodememstats` ("total  :  456 KiB") → name →
 * number. Lines that are not a name and a whole number are ignored.
 */
export function parseNodeStats(output: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of output.split('\n')) {
    const m = /^\s*([A-Za-z_]+)\s*:\s*(\d+)(?:\s*KiB)?\s*$/.exec(line);
    if (m) values.set(m[1]!.toLowerCase(), Number(m[2]));
  }
  return values;
}

const BUSY = new Set(['user', 'system']);
const ALL = new Set(['user', 'system', 'idle', 'iowait']);

/** Successive node stats → the host's busy CPU share since the previous tick and its memory in use. */
export class HostStatsSampler {
  private previous: CounterReading | undefined;

  sample(cpuOutput: string, memoryOutput: string, atMs: number): Omit<HostStatsTick, 'hostId'> {
    const cpu = parseNodeStats(cpuOutput);
    const reading: CounterReading = {
      atMs,
      counters: new Map([...cpu].filter(([key]) => ALL.has(key))),
    };
    const change = counterDeltas(this.previous, reading);
    this.previous = reading;
    const busy = summedRate(change, (key) => BUSY.has(key));
    const all = summedRate(change, (key) => ALL.has(key));
    const memory = parseNodeStats(memoryOutput);
    const total = memory.get('total') ?? 0;
    const unused = ['free', 'buffers', 'cached'].reduce((sum, key) => sum + (memory.get(key) ?? 0), 0);
    return {
      at: atMs,
      ...(busy !== undefined && all ? { cpuPercent: Math.min(100, (busy / all) * 100) } : {}),
      memoryUsedKiB: Math.max(0, total - unused),
      memoryTotalKiB: total,
    };
  }
}
