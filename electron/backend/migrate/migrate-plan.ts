import type { ParsedRequest } from '../../../shared/api/contract';
import type { DomainSummary } from '../../../shared/api/domains';
import type { HostConfig } from '../../../shared/api/hosts';

type Options = Omit<ParsedRequest<'domains/migrate'>, 'hostId' | 'uuid' | 'destHostId' | 'route'>;

/** `system` or `session` for a QEMU connection URI, else undefined (VMs migrate between QEMU hosts only). */
export function qemuMode(uri: string): 'system' | 'session' | undefined {
  return /^qemu(?:\+[a-z]+)?:\/\/[^/]*\/(system|session)(?:\?.*)?$/.exec(uri)?.[1] as
    'system' | 'session' | undefined;
}

/**
 * The destination as the SOURCE host's libvirt reaches it: `qemu+ssh://user@host:port/<path>`,
 * built from the destination's VirtDesk connection (the same address, user and port the desktop
 * uses). Returns the reason instead when the source cannot reach it that way.
 */
export function destinationUri(dest: HostConfig): { uri: string } | { refused: string } {
  const label = dest.name || dest.host || dest.uri;
  const parsed = /^qemu(?:\+[a-z]+)?:\/\/[^/]*(\/(?:system|session))(?:\?.*)?$/.exec(dest.uri);
  if (!parsed)
    return {
      refused: `${label} is not a QEMU/KVM connection (${dest.uri}); VMs migrate between QEMU hosts only.`,
    };
  if (dest.transport !== 'ssh' || !dest.host)
    return {
      refused:
        `${label} is this desktop's own libvirt, reached without SSH: the source host cannot reach it. ` +
        'Connect to it over SSH by a name or address the source host can reach.',
    };
  const user = dest.user ? `${encodeURIComponent(dest.user)}@` : '';
  const host = dest.host.includes(':') ? `[${dest.host}]` : dest.host;
  const port = dest.port && dest.port !== 22 ? `:${dest.port}` : '';
  return { uri: `qemu+ssh://${user}${host}${port}${parsed[1]}` };
}

/**
 * Where QEMU's own streams go over the native relay: the port forwarded from the source's 127.0.0.1
 * (the memory; copying storage, the NBD connections on a second one), and the destination's loopback
 * address its QEMU listens on.
 */
export interface RelayedData {
  migratePort: number;
  disksPort?: number;
  listenAddress: string;
}

/**
 * `virsh migrate` arguments (peer-to-peer: the source's libvirt connects to the destination itself).
 * Over the relay, QEMU's data either goes through the relay's forwarded ports (`data`) or is tunnelled
 * inside libvirt's relayed connection (no `data`).
 */
export function migrateArgs(
  domain: DomainSummary,
  destUri: string,
  options: Options,
  relayed = false,
  data?: RelayedData,
): string[] {
  const offline = domain.state === 'shut off' || domain.state === 'crashed';
  const argv = ['migrate', '--domain', domain.uuid, '--desturi', destUri, '--p2p'];
  if (offline) argv.push('--offline', '--persistent');
  else {
    if (options.live) argv.push('--live');
    if (options.persistent) argv.push('--persistent');
  }
  if (options.undefineSource) argv.push('--undefinesource');
  if (!offline && options.copyStorage === 'all') argv.push('--copy-storage-all');
  if (!offline && options.copyStorage === 'inc') argv.push('--copy-storage-inc');
  if (options.bandwidth !== undefined) argv.push('--bandwidth', String(options.bandwidth));
  if (relayed && !offline && data && !options.tunnelled) {
    argv.push('--migrateuri', `tcp://127.0.0.1:${data.migratePort}`, '--listen-address', data.listenAddress);
    if (data.disksPort !== undefined) argv.push('--disks-port', String(data.disksPort));
  } else if (options.tunnelled || (relayed && !offline)) {
    // Tunnelled over the relay: only libvirt's connection passes, the memory (and disks) inside it.
    argv.push('--tunnelled');
  }
  return argv;
}

/** What is wrong with this migration before anything runs, if anything. */
export function migrateProblem(domain: DomainSummary, options: Options): string | undefined {
  const offline = domain.state === 'shut off' || domain.state === 'crashed';
  if (offline && domain.persistent === false)
    return `${domain.name} is neither running nor defined: there is nothing to migrate.`;
  if (offline && options.copyStorage !== 'none')
    return 'A shut-off VM moves only its definition: libvirt copies storage only while a VM runs. Copy its disks to the destination first, or migrate it running.';
  if (domain.state === 'paused' && options.live)
    return `${domain.name} is paused: migrate it without "live" (it stays paused).`;
  if (options.undefineSource && !options.persistent && !offline)
    return 'Removing the definition from the source needs "keep the definition on the destination", or the VM would be defined nowhere.';
  // libvirt 9.0 (tried): --tunnelled --copy-storage-all fails with "argument key 'host' must not have null value".
  if (options.tunnelled && options.copyStorage !== 'none' && !offline)
    return 'libvirt cannot copy disks inside its own connection (a tunnelled migration): untick "Tunnel the data through libvirt’s connection" to copy them (over the relay through this desktop the disks then get their own relayed port).';
  return undefined;
}

/** The host UUID in `virsh capabilities` (two hosts with the same one are the same host to libvirt). */
export function capabilitiesHostUuid(xml: string): string | undefined {
  return /<host>\s*<uuid>([^<]+)<\/uuid>/.exec(xml)?.[1]?.trim();
}
