// CPU modes and models for the CPUs pane, read minimally from `virsh domcapabilities` and `nodeinfo`.
// One function on purpose: the host capabilities slice (hosts/capabilities) replaces it when merged.
import type { CpuChoices } from '../../../../shared/api/domain-edit';
import type { VirshRunner } from '../../virsh/virsh-runner';
import { parseKeyValues } from '../../virsh/parse-list';

/** What libvirt offers when it cannot say (the test driver has no domcapabilities). */
export const FIXED_CPU_MODES = ['host-model', 'host-passthrough', 'maximum', 'custom'];

export function parseDomcapsCpu(xml: string): Pick<CpuChoices, 'modes' | 'models'> {
  const cpu = /<cpu>([\s\S]*?)<\/cpu>/.exec(xml)?.[1] ?? '';
  const modes = [...cpu.matchAll(/<mode name='([^']+)' supported='yes'/g)].map((m) => m[1]!);
  const custom = /<mode name='custom' supported='yes'>([\s\S]*?)<\/mode>/.exec(cpu)?.[1] ?? '';
  const models = [...custom.matchAll(/<model usable='yes'[^>]*>([^<]+)<\/model>/g)].map((m) => m[1]!);
  return { modes, models };
}

export async function readCpuChoices(virsh: VirshRunner): Promise<CpuChoices> {
  const [caps, node] = await Promise.all([
    virsh.run(['domcapabilities']).catch(() => undefined),
    virsh.run(['nodeinfo']).catch(() => undefined),
  ]);
  const parsed = caps ? parseDomcapsCpu(caps) : { modes: [], models: [] };
  const info = node ? parseKeyValues(node) : new Map<string, string>();
  const cpus = Number(info.get('CPU(s)'));
  const memory = Number(/^(\d+)/.exec(info.get('Memory size') ?? '')?.[1]);
  return {
    modes: parsed.modes.length > 0 ? parsed.modes : FIXED_CPU_MODES,
    models: parsed.models,
    ...(Number.isInteger(cpus) && cpus > 0 ? { hostCpus: cpus } : {}),
    ...(Number.isFinite(memory) && memory > 0 ? { hostMemoryKiB: memory } : {}),
  };
}
