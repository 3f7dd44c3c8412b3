import type { DomainStats } from '../../../shared/api/domains';
import { StatKinds, type StatKind } from '../../../shared/api/prefs';
import { numberField, parseDomstats, type DomstatsRecord } from '../virsh/parse-domstats';
import { counterDeltas, summedRate, type CounterReading } from './counter-deltas';

/** The groups of `virsh domstats` each statistic needs (CPU % is per vCPU, so it wants `--vcpu`). */
const domstatsGroups: Record<StatKind, readonly string[]> = {
  cpu: ['--cpu-total', '--vcpu'],
  memory: ['--balloon'],
  disk: ['--block'],
  network: ['--interface'],
};

/** The one command per host and tick for the statistics the user collects (preferences, issue 15). */
export function domstatsArgv(kinds: ReadonlySet<StatKind>): string[] {
  return [
    'domstats',
    '--raw',
    ...StatKinds.flatMap((k) => (kinds.has(k) ? domstatsGroups[k] : [])),
    '--list-active',
  ];
}

/** Every statistic: every running VM's CPU, memory, disks and interfaces. */
export const allStatKinds: ReadonlySet<StatKind> = new Set(StatKinds);
export const DOMSTATS_ARGV = domstatsArgv(allStatKinds);

/**
 * Turns successive `virsh domstats` outputs (DOMSTATS_ARGV) into per-VM CPU % (of the VM's own vCPU
 * capacity), memory in use, and disk and network bytes per second. Counters are compared with the
 * previous tick's; a VM that restarted in between starts a new baseline (see counterDeltas).
 */
export class StatsSampler {
  private previous = new Map<string, CounterReading>();

  /** `kinds`: the statistics asked for; the others are left out of each VM's sample. */
  sample(
    output: string,
    uuidByName: (name: string) => string | undefined,
    atMs: number,
    kinds: ReadonlySet<StatKind> = allStatKinds,
  ): DomainStats[] {
    const next = new Map<string, CounterReading>();
    const stats: DomainStats[] = [];
    for (const record of parseDomstats(output)) {
      const uuid = uuidByName(record.name);
      if (!uuid) continue;
      const reading: CounterReading = { atMs, counters: domainCounters(record) };
      next.set(uuid, reading);
      const change = counterDeltas(this.previous.get(uuid), reading);
      const vcpus = numberField(record.fields, 'vcpu.current') ?? 1;
      const cpuNsPerSecond = summedRate(change, (key) => key === 'cpu.time');
      const memoryKiB =
        numberField(record.fields, 'balloon.rss') ?? numberField(record.fields, 'balloon.current') ?? 0;
      stats.push({
        uuid,
        ...(kinds.has('cpu')
          ? {
              cpuPercent:
                cpuNsPerSecond === undefined
                  ? 0
                  : Math.min(100, (cpuNsPerSecond / (1e9 * Math.max(1, vcpus))) * 100),
            }
          : {}),
        ...(kinds.has('memory')
          ? { memoryKiB, memoryMaxKiB: numberField(record.fields, 'balloon.maximum') }
          : {}),
        ...(kinds.has('disk')
          ? {
              diskReadBps: summedRate(change, (key) => key.startsWith('disk.rd:')),
              diskWriteBps: summedRate(change, (key) => key.startsWith('disk.wr:')),
            }
          : {}),
        ...(kinds.has('network')
          ? {
              netRxBps: summedRate(change, (key) => key.startsWith('net.rx:')),
              netTxBps: summedRate(change, (key) => key.startsWith('net.tx:')),
            }
          : {}),
      });
    }
    this.previous = next;
    return stats;
  }
}

/**
 * The cumulative counters of one domstats record, keyed by device name rather than index (indexes
 * shift when a device is unplugged): `cpu.time`, `disk.rd:vda`, `disk.wr:vda`, `net.rx:vnet0`, ….
 */
export function domainCounters(record: DomstatsRecord): Map<string, number> {
  const counters = new Map<string, number>();
  const cpu = numberField(record.fields, 'cpu.time');
  if (cpu !== undefined) counters.set('cpu.time', cpu);
  const devices = [
    { prefix: 'block', reads: ['rd.bytes', 'disk.rd:'], writes: ['wr.bytes', 'disk.wr:'] },
    { prefix: 'net', reads: ['rx.bytes', 'net.rx:'], writes: ['tx.bytes', 'net.tx:'] },
  ] as const;
  for (const { prefix, reads, writes } of devices) {
    const count = numberField(record.fields, `${prefix}.count`) ?? 0;
    for (let i = 0; i < count; i++) {
      const name = record.fields.get(`${prefix}.${i}.name`) ?? String(i);
      for (const [field, key] of [reads, writes]) {
        const value = numberField(record.fields, `${prefix}.${i}.${field}`);
        if (value !== undefined) counters.set(`${key}${name}`, value);
      }
    }
  }
  return counters;
}
