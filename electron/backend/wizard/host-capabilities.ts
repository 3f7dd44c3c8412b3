import { ApiError } from '../../../shared/api/errors';
import type { HostCapabilities } from '../../../shared/api/wizard';
import { parseKeyValues } from '../virsh/parse-list';
import type { VirshRunner } from '../virsh/virsh-runner';
import { parseDomainCapabilities, parseGuestArches } from './parse-capabilities';

export interface CapabilitiesQuery {
  arch?: string | undefined;
  virtType?: string | undefined;
  machine?: string | undefined;
}

/** The machine virt-install picks on x86 (q35) when the host has it; else libvirt's default. */
function defaultMachine(arch: string, machines: readonly string[]): string | undefined {
  if ((arch === 'x86_64' || arch === 'i686') && machines.includes('q35')) return 'q35';
  return undefined;
}

const isDefault = (q: CapabilitiesQuery) => !q.arch && !q.virtType && !q.machine;

/**
 * Reads what a host can run for one (arch, virt type, machine): `capabilities` for the arches,
 * machine types and virt types, then `domcapabilities` for the chosen combination, and `nodeinfo`
 * for the host's memory and CPUs. Pipelined on the shell: for the default query all three at once.
 */
export async function readHostCapabilities(
  shell: VirshRunner,
  uri: string,
  query: CapabilitiesQuery,
): Promise<HostCapabilities> {
  // The wizard's default (the host's arch, its best virt type, q35) is asked at once, beside
  // `capabilities`: one round trip instead of two. Kept only when it is what the rules below pick.
  const guessed = isDefault(query)
    ? shell.run(['domcapabilities', '--machine', 'q35']).then(parseDomainCapabilities, () => undefined)
    : undefined;
  const [capsXml, nodeinfo] = await Promise.all([
    shell.run(['capabilities']),
    shell.run(['nodeinfo']).catch(() => ''),
  ]);
  const { hostArch, arches } = parseGuestArches(capsXml);
  const arch = query.arch ?? hostArch ?? arches[0]?.arch;
  const guest = arches.find((a) => a.arch === arch);
  if (!arch || !guest) throw new ApiError('invalid-request', `This host cannot run ${arch ?? 'any'} guests`);
  const virtType = query.virtType ?? guest.virtTypes[0] ?? 'qemu';
  if (!guest.virtTypes.includes(virtType))
    throw new ApiError('invalid-request', `This host has no ${virtType} for ${arch} guests`);
  const machine = query.machine ?? defaultMachine(arch, guest.machines);
  const guess = await guessed;
  const argv = ['domcapabilities', '--arch', arch, '--virttype', virtType];
  if (machine) argv.push('--machine', machine);
  const domcaps =
    guess && machine === 'q35' && guess.arch === arch && guess.virtType === virtType
      ? guess
      : parseDomainCapabilities(await shell.run(argv));
  const node = parseKeyValues(nodeinfo);
  const memoryKiB = Number.parseInt(node.get('Memory size') ?? '', 10);
  const cpus = Number.parseInt(node.get('CPU(s)') ?? '', 10);
  return {
    ...domcaps,
    arch,
    ...(hostArch ? { hostArch } : {}),
    virtType,
    virtTypes: guest.virtTypes,
    arches,
    ...(Number.isFinite(memoryKiB) ? { hostMemoryKiB: memoryKiB } : {}),
    ...(Number.isFinite(cpus) ? { hostCpus: cpus } : {}),
    session: /\/session(\?|$)/.test(uri),
  };
}
