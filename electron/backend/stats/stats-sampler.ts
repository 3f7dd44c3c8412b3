import type { DomainStats } from '../../../shared/api/domains';
import { numberField, parseDomstats } from '../virsh/parse-domstats';

interface Sample {
  cpuTimeNs: number;
  atMs: number;
}

/**
 * Turns successive `virsh domstats --raw --cpu-total --balloon --vcpu --list-active` outputs into
 * per-VM CPU % (of the VM's own vCPU capacity) and memory in use. One command per host per tick.
 */
export class StatsSampler {
  private previous = new Map<string, Sample>();

  sample(output: string, uuidByName: (name: string) => string | undefined, atMs: number): DomainStats[] {
    const next = new Map<string, Sample>();
    const stats: DomainStats[] = [];
    for (const record of parseDomstats(output)) {
      const uuid = uuidByName(record.name);
      if (!uuid) continue;
      const cpuTimeNs = numberField(record.fields, 'cpu.time');
      const vcpus = numberField(record.fields, 'vcpu.current') ?? 1;
      const memoryKiB =
        numberField(record.fields, 'balloon.rss') ?? numberField(record.fields, 'balloon.current') ?? 0;
      let cpuPercent = 0;
      if (cpuTimeNs !== undefined) {
        next.set(uuid, { cpuTimeNs, atMs });
        const before = this.previous.get(uuid);
        if (before && atMs > before.atMs) {
          const used = (cpuTimeNs - before.cpuTimeNs) / ((atMs - before.atMs) * 1e6 * Math.max(1, vcpus));
          cpuPercent = Math.min(100, Math.max(0, used * 100));
        }
      }
      stats.push({ uuid, cpuPercent, memoryKiB });
    }
    this.previous = next;
    return stats;
  }
}
