import { describe, expect, it } from 'vitest';
import { StatsSampler } from './stats-sampler';

const out = (cpuNs: number, rss = 1024) =>
  `Domain: 'vm'\n  state.state=1\n  cpu.time=${cpuNs}\n  balloon.rss=${rss}\n  vcpu.current=2\n`;

describe('StatsSampler', () => {
  it('reports 0 % on the first sample, then the share of vCPU time used', () => {
    const s = new StatsSampler();
    const uuid = () => 'u1';
    expect(s.sample(out(0), uuid, 1000)).toEqual([{ uuid: 'u1', cpuPercent: 0, memoryKiB: 1024 }]);
    // 2 vCPUs over 1 s = 2e9 ns of capacity; 5e8 ns used = 25 %.
    expect(s.sample(out(5e8, 2048), uuid, 2000)).toEqual([{ uuid: 'u1', cpuPercent: 25, memoryKiB: 2048 }]);
  });

  it('clamps and skips domains it cannot map to a UUID', () => {
    const s = new StatsSampler();
    s.sample(out(0), () => 'u1', 0);
    expect(s.sample(out(1e12), () => 'u1', 1000)[0]!.cpuPercent).toBe(100);
    expect(s.sample(out(0), () => undefined, 2000)).toEqual([]);
  });
});
