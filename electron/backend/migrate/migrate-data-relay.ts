import type { Duplex } from 'node:stream';
import { ApiError } from '../../../shared/api/errors';
import type { LiveHost } from '../hosts/host-connection';
import type { RemoteTcpListener } from '../transport/transport';
import { script, words } from '../virsh/quote';
import type { RelayedData } from './migrate-plan';
import { hostOutput, type LibvirtMode } from './migrate-relay';
import { RelayPipes } from './relay-pipes';

/**
 * The native relay's data path (issue 14): QEMU's own migration stream (and, copying storage, the
 * NBD connections) relayed through the desktop instead of tunnelled inside libvirt's connection.
 * The source host listens on a TCP port of its loopback that sshd chooses (a remote forward on the
 * desktop's connection); the destination's QEMU listens on that same port of its own loopback (libvirt's
 * `--listen-address`): 127.0.0.1, or 127.0.0.2 when both are this one machine (the source's sshd holds
 * 127.0.0.1:PORT there). libvirt gives QEMU one port for both ends (`--migrateuri tcp://127.0.0.1:PORT`).
 *
 * A TCP port on the source's loopback is open to every local user of the source while the job runs,
 * so each connection is checked before it is relayed: its socket on the source must belong to the
 * user QEMU runs as (`ss -e`), and only as many as the migration opens are taken (one for the memory,
 * one per copied disk); any other, and any later one, is refused.
 */
export interface DataForward {
  /** The port on the source's 127.0.0.1 (and on the destination's listen address). */
  readonly port: number;
  /** Connections relayed so far. */
  connections(): number;
  /** Connections refused so far (another user's, one too many, or after the end). */
  refused(): number;
  close(): Promise<void>;
}

/** `/etc/machine-id` (else D-Bus's copy) of a host: two connections to one machine read the same. */
export function machineId(host: LiveHost): Promise<string> {
  return hostOutput(
    host.transport,
    script`cat /etc/machine-id 2>/dev/null || cat /var/lib/dbus/machine-id`,
    'reading the machine id',
  );
}

/**
 * The uid QEMU runs as on the source for this VM: the SSH user in session mode, the owner of the
 * VM's QEMU process (its pid file) in system mode. Also checks that `ss` is there to tell who connects.
 */
export function qemuUid(source: LiveHost, mode: LibvirtMode, domainName: string): Promise<string> {
  return hostOutput(
    source.transport,
    script`command -v ss >/dev/null || { echo "the source host has no ss (iproute2) to check who connects to the relay's port; tick Tunnel the data (Advanced) to relay without a port"; exit 3; }
if [ ${words([mode])} = session ]; then id -u; else stat -c %u "/proc/$(cat /run/libvirt/qemu/${words([domainName])}.pid)"; fi`,
    "finding the user of the VM's QEMU on the source",
  );
}

/** Who owns the connecting socket 127.0.0.1:FROM → 127.0.0.1:PORT on the source (`ss -e`'s uid). */
async function connectingUid(source: LiveHost, from: number, port: number): Promise<string | undefined> {
  const filter = `( sport = :${from} and dport = :${port} )`;
  const out = await hostOutput(
    source.transport,
    script`ss -Htne state established ${words([filter])}`,
    'checking who connected to the relay',
  ).catch(() => '');
  return /\buid:(\d+)/.exec(out)?.[1];
}

/** The ports something on the destination listens on at `address` or at every address (`ss -tln`). */
async function portsInUse(dest: LiveHost, address: string): Promise<Set<string>> {
  const out = await hostOutput(
    dest.transport,
    script`command -v ss >/dev/null || exit 0; ss -Htln`,
    'checking the ports in use on the destination',
  ).catch(() => '');
  const addresses = [address, '0.0.0.0', '*', '[::]'];
  return new Set(
    out.split('\n').flatMap((line) => {
      const local = /^(.*):(\d+)$/.exec(line.trim().split(/\s+/)[3] ?? '');
      return local && addresses.includes(local[1]!) ? [local[2]!] : [];
    }),
  );
}

/**
 * Listens on the source's 127.0.0.1 (a port sshd chooses, free on the destination's `listenAddress`
 * too) and relays up to `accept` connections made by `uid` to `listenAddress`:PORT on the destination.
 */
export async function forwardData(
  source: LiveHost,
  dest: LiveHost,
  options: { listenAddress: string; accept: number; uid: string },
): Promise<DataForward> {
  const listen = source.transport.listenTcp?.bind(source.transport);
  if (!listen)
    throw new ApiError(
      'invalid-request',
      'The relay through this desktop needs an SSH connection to the source host.',
    );
  const pipes = new RelayPipes();
  let taken = 0;
  let pending = 0;
  let refusedCount = 0;
  const refuse = () => (refusedCount++, undefined);
  let port = 0;
  const onConnection = (from: { address: string; port: number }) => {
    if (pipes.closed || taken + pending >= options.accept) return refuse();
    pending++;
    return (inbound: Duplex) => {
      pipes.track(inbound);
      inbound.pause();
      void connectingUid(source, from.port, port).then((uid) => {
        pending--;
        if (uid !== options.uid || pipes.closed) {
          refusedCount++;
          return void inbound.destroy();
        }
        taken++;
        pipes.pipe(inbound, () => dest.transport.connectTcp(options.listenAddress, port), dest.transport);
      });
    };
  };
  // sshd chooses a port free on the source; take another while the destination already uses it.
  let listener: RemoteTcpListener | undefined;
  // The destination's ports in use are read while sshd chooses (one round trip less), again after a clash.
  let inUse = portsInUse(dest, options.listenAddress);
  for (let attempt = 0; attempt < 5 && !listener; attempt++) {
    const [candidate, used] = await Promise.all([
      listen('127.0.0.1', onConnection).catch((error: unknown) => {
        throw new ApiError(
          'virsh-error',
          `${error instanceof Error ? error.message : String(error)} — the source's SSH server may not allow TCP ` +
            `forwarding (AllowTcpForwarding). Tick "Tunnel the data through libvirt's connection" (Advanced) ` +
            'to relay without a port.',
        );
      }),
      inUse,
    ]);
    port = candidate.port;
    if (!used.has(String(port))) listener = candidate;
    else {
      await candidate.close();
      inUse = portsInUse(dest, options.listenAddress);
    }
  }
  if (!listener)
    throw new ApiError(
      'virsh-error',
      `No port free on both hosts for the relay (the destination used each port the source's SSH server chose).`,
    );
  const held = listener;
  let closing: Promise<void> | undefined;
  return {
    port,
    connections: () => taken,
    refused: () => refusedCount,
    close: () =>
      (closing ??= (async () => {
        pipes.cutAll();
        await held.close();
      })()),
  };
}

/** The native relay's forwards for one migration, and what `virsh migrate` is told about them. */
export interface DataRelay {
  readonly data: RelayedData;
  /** Both connections reach one machine (the destination listens on 127.0.0.2). */
  readonly sameMachine: boolean;
  /** Connections refused so far on either port. */
  refused(): number;
  close(): Promise<void>;
}

/** What the native relay reads from both hosts before it opens anything (no side effects). */
export interface DataRelayFacts {
  /** Both connections reach one machine (equal machine ids). */
  sameMachine: boolean;
  /** The uid QEMU runs as on the source. */
  uid: string;
}

/** Reads the facts the native relay needs; run while the route is chosen, so opening waits less. */
export async function readDataRelayFacts(
  source: LiveHost,
  dest: LiveHost,
  mode: LibvirtMode,
  domainName: string,
): Promise<DataRelayFacts> {
  const [sourceId, destId, uid] = await Promise.all([
    machineId(source),
    machineId(dest),
    qemuUid(source, mode, domainName),
  ]);
  return { sameMachine: sourceId !== '' && sourceId === destId, uid };
}

/**
 * Opens the forwards for QEMU's memory stream and, when disks are copied, a second one for their NBD
 * connections (one per disk). Same machine (equal machine ids) → the destination listens on 127.0.0.2.
 */
export async function openDataRelay(
  source: LiveHost,
  dest: LiveHost,
  facts: DataRelayFacts,
  copiedDisks: number,
): Promise<DataRelay> {
  const { sameMachine, uid } = facts;
  const listenAddress = sameMachine ? '127.0.0.2' : '127.0.0.1';
  const opening = [forwardData(source, dest, { listenAddress, accept: 1, uid })];
  if (copiedDisks > 0) opening.push(forwardData(source, dest, { listenAddress, accept: copiedDisks, uid }));
  const settled = await Promise.allSettled(opening);
  const forwards = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const closeAll = () => Promise.all(forwards.map((f) => f.close())).then(() => undefined);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) {
    await closeAll();
    throw failed.reason;
  }
  const [memory, disks] = forwards as [DataForward, DataForward | undefined];
  return {
    data: { migratePort: memory.port, listenAddress, ...(disks ? { disksPort: disks.port } : {}) },
    sameMachine,
    refused: () => forwards.reduce((n, f) => n + f.refused(), 0),
    close: closeAll,
  };
}
