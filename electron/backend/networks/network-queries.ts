import { ApiError } from '../../../shared/api/errors';
import type { HostInterface, NetworkLease } from '../../../shared/api/networks';
import type { VirshRunner } from '../virsh/virsh-runner';

/**
 * `net-dhcp-leases` rows (libvirt prints " %-20s %-18s %-9s %-25s %-15s %s": expiry date and time,
 * MAC, protocol, address/prefix, hostname, client id; "-" for an empty field).
 */
export function parseLeases(output: string): NetworkLease[] {
  const leases: NetworkLease[] = [];
  for (const line of output.split('\n')) {
    const m = /^\s*(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\s+(\S+)\s+(\S+)\s+(\S+)\s*(\S*)\s*(\S*)\s*$/.exec(line);
    if (!m) continue;
    const dash = (s: string) => (s === '-' ? '' : s);
    leases.push({
      expiry: m[1]!,
      mac: m[2]!,
      protocol: m[3]!,
      address: m[4]!,
      hostname: dash(m[5]!),
      clientId: dash(m[6]!),
    });
  }
  return leases;
}

/** `iface-list --all`: " Name   State   MAC Address" rows. */
export function parseIfaceList(output: string): HostInterface[] {
  return output
    .split('\n')
    .map((line) => /^\s*(\S+)\s+(active|inactive)\s*(\S*)\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      name: m[1]!,
      up: m[2] === 'active',
      ...(m[3] ? { mac: m[3] } : {}),
      source: 'iface-list' as const,
    }));
}

/** A net node device's XML: `<interface>NAME</interface>`, `<address>MAC</address>`, `<link state='up'/>`. */
export function parseNetNodedev(xml: string): HostInterface | undefined {
  const name = /<interface>([^<]+)<\/interface>/.exec(xml)?.[1];
  if (!name) return undefined;
  const mac = /<address>([^<]+)<\/address>/.exec(xml)?.[1];
  const link = /<link\b[^>]*\bstate='(\w+)'/.exec(xml)?.[1];
  return {
    name,
    ...(link && link !== 'unknown' ? { up: link === 'up' } : {}),
    ...(mac ? { mac } : {}),
    source: 'nodedev',
  };
}

/**
 * The host's interfaces for the Create Network form: libvirt's interface driver (`iface-list --all`)
 * where it answers, else node devices of capability net.
 */
export async function readHostInterfaces(virsh: VirshRunner): Promise<HostInterface[]> {
  try {
    return parseIfaceList(await virsh.run(['iface-list', '--all']));
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'virsh-error') throw error;
  }
  const names = (await virsh.run(['nodedev-list', '--cap', 'net']))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const xmls = await Promise.all(
    names.map((n) => virsh.run(['nodedev-dumpxml', '--device', n]).catch(() => '')),
  );
  return xmls.map(parseNetNodedev).filter((i): i is HostInterface => i !== undefined);
}

/** Active DHCP leases; libvirt's own message when its driver has none to give (test driver). */
export async function readLeases(virsh: VirshRunner, uuid: string): Promise<NetworkLease[]> {
  return parseLeases(await virsh.run(['net-dhcp-leases', '--network', uuid]));
}
