import { describe, expect, it } from 'vitest';
import { HostStatsSampler, parseNodeStats } from './host-stats-sampler';

// As virsh 9.0 prints them (nanoseconds; KiB).
const cpu = (user: number, system: number, idle: number, iowait: number) =>
  `user:      ${user}\nsystem:    ${system}\nidle:      ${idle}\niowait:    ${iowait}\n\n`;
const memory =
  'total  :             24683656 KiB\nfree   :             14969140 KiB\nbuffers:               266076 KiB\ncached :              7803456 KiB\n\n';

describe('host stats', () => {
  it('parses nodecpustats and nodememstats', () => {
    expect(parseNodeStats(cpu(15831510000000, 3041890000000, 4068370000000, 44850000000))).toEqual(
      new Map([
        ['user', 15831510000000],
        ['system', 3041890000000],
        ['idle', 4068370000000],
        ['iowait', 44850000000],
      ]),
    );
    expect(parseNodeStats(memory).get('cached')).toBe(7803456);
    expect(parseNodeStats('error: something\n').size).toBe(0);
  });

  it('reports the busy share of CPU time since the last tick and memory less caches', () => {
    const s = new HostStatsSampler();
    const first = s.sample(cpu(100, 100, 800, 0), memory, 1000);
    expect(first.cpuPercent).toBeUndefined();
    expect(first).toMatchObject({
      memoryTotalKiB: 24683656,
      memoryUsedKiB: 24683656 - 14969140 - 266076 - 7803456,
    });
    // +300 busy of +1000 in all.
    expect(s.sample(cpu(300, 200, 1400, 100), memory, 3000).cpuPercent).toBe(30);
  });
});
