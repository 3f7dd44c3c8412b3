import { describe, expect, it } from 'vitest';
import { domstatsArgv, StatsSampler } from './stats-sampler';

const out = (cpuNs: number, rss = 1024) =>
  `Domain: 'vm'\n  state.state=1\n  cpu.time=${cpuNs}\n  balloon.rss=${rss}\n  vcpu.current=2\n`;

/** A record like libvirt 9.0 prints for a VM with one disk and one tap interface. */
const full = (cpuNs: number, read: number, written: number, rx: number, tx: number) =>
  [
    "Domain: 'vm'",
    '  state.state=1',
    `  cpu.time=${cpuNs}`,
    '  balloon.current=65536',
    '  balloon.maximum=131072',
    '  balloon.rss=48348',
    '  vcpu.current=1',
    '  net.count=1',
    '  net.0.name=vnet3',
    `  net.0.rx.bytes=${rx}`,
    `  net.0.tx.bytes=${tx}`,
    '  block.count=1',
    '  block.0.name=vda',
    `  block.0.rd.bytes=${read}`,
    `  block.0.wr.bytes=${written}`,
    '',
  ].join('\n');

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

  it('turns disk and network byte counters into rates per second, summed over devices', () => {
    const s = new StatsSampler();
    const first = s.sample(full(0, 0, 0, 0, 0), () => 'u1', 0)[0]!;
    expect(first.memoryMaxKiB).toBe(131072);
    expect(first.diskReadBps).toBeUndefined();
    const second = s.sample(full(1e9, 4096, 2048, 1000, 500), () => 'u1', 2000)[0]!;
    expect(second).toMatchObject({
      cpuPercent: 50,
      diskReadBps: 2048,
      diskWriteBps: 1024,
      netRxBps: 500,
      netTxBps: 250,
    });
  });

  it('shows no rates, not negative ones, for the tick in which the guest restarted', () => {
    const s = new StatsSampler();
    s.sample(full(5e9, 1e6, 1e6, 1e6, 1e6), () => 'u1', 0);
    const restarted = s.sample(full(1e8, 512, 0, 0, 0), () => 'u1', 2000)[0]!;
    expect(restarted.cpuPercent).toBe(0);
    expect(restarted.diskReadBps).toBeUndefined();
    expect(restarted.netRxBps).toBeUndefined();
    const next = s.sample(full(1.1e9, 4608, 0, 2000, 0), () => 'u1', 4000)[0]!;
    expect(next).toMatchObject({ cpuPercent: 50, diskReadBps: 2048, netRxBps: 1000 });
  });

  it('reports no network rate for a VM whose interfaces have no counters (user-mode networking)', () => {
    const s = new StatsSampler();
    const record = (cpu: number) => `Domain: 'vm'\n  cpu.time=${cpu}\n  net.count=1\n  block.count=0\n`;
    s.sample(record(0), () => 'u1', 0);
    expect(s.sample(record(1e9), () => 'u1', 1000)[0]!.netRxBps).toBeUndefined();
  });
});

// issue 15: the statistics the preferences collect
describe('domstats for the collected statistics', () => {
  it('asks only for the groups of the chosen statistics', () => {
    expect(domstatsArgv(new Set(['memory', 'network']))).toEqual([
      'domstats',
      '--raw',
      '--balloon',
      '--interface',
      '--list-active',
    ]);
    expect(domstatsArgv(new Set(['cpu']))).toEqual([
      'domstats',
      '--raw',
      '--cpu-total',
      '--vcpu',
      '--list-active',
    ]);
  });

  it('leaves out what is not collected', () => {
    const out = "Domain: 'a'\n  balloon.current=1024\n  balloon.rss=512\n  net.count=0\n";
    const [sample] = new StatsSampler().sample(out, () => 'uuid-a', 1000, new Set(['memory']));
    expect(sample).toEqual({ uuid: 'uuid-a', memoryKiB: 512, memoryMaxKiB: undefined });
  });
});
