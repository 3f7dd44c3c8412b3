import type { GuestAddress } from '../../../../shared/api/domain-edit';
import type { VirshRunner } from '../../virsh/virsh-runner';

const SOURCES = ['agent', 'lease', 'arp'] as const;

/** `virsh domifaddr` table rows (a row named '-' continues the interface above it). */
export function parseDomifaddr(output: string, source: GuestAddress['source']): GuestAddress[] {
  const rows: GuestAddress[] = [];
  let name = '';
  let mac = '';
  for (const line of output.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 3 || line.startsWith('-') || cols[0] === 'Name') continue;
    // virsh prints '-' for the name and MAC of an interface's further addresses.
    if (cols.length >= 4 && cols[0] !== '-') [name, mac] = [cols[0]!, cols[1]!];
    const address = cols[cols.length - 1]!;
    if (cols[cols.length - 2] === 'ipv4' || cols[cols.length - 2] === 'ipv6')
      rows.push({ interface: name, mac, address, source });
  }
  return rows;
}

/** The guest's addresses from the agent, DHCP leases and ARP, each asked (a source may not answer). */
export async function readGuestAddresses(virsh: VirshRunner, uuid: string): Promise<GuestAddress[]> {
  const answers = await Promise.all(
    SOURCES.map((source) =>
      virsh
        .run(['domifaddr', '--domain', uuid, '--source', source])
        .then((out) => parseDomifaddr(out, source))
        .catch(() => []),
    ),
  );
  const seen = new Set<string>();
  return answers
    .flat()
    .filter((a) => !seen.has(`${a.mac}/${a.address}`) && seen.add(`${a.mac}/${a.address}`));
}
