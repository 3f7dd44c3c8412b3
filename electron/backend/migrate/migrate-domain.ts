import type { ParsedRequest } from '../../../shared/api/contract';
import type { DomainSummary } from '../../../shared/api/domains';
import { ApiError } from '../../../shared/api/errors';
import type { MigratePath, MigrateRoute } from '../../../shared/api/domain-migrate';
import type { HostConfig } from '../../../shared/api/hosts';
import type { PoolSummary } from '../../../shared/api/pools';
import type { LiveHost } from '../hosts/host-connection';
import { longRunner } from '../hosts/host-session';
import type { JobManager } from '../jobs/job-manager';
import { followDomainJob } from '../snapshots/domain-job-progress';
import { putXml, XML_FILE } from '../virsh/put-xml';
import { SAME_HOST_REASON, explainMigrateError } from './migrate-errors';
import { capabilitiesHostUuid, destinationUri, migrateArgs, migrateProblem, qemuMode } from './migrate-plan';
import { planCopiedDisks, type DiskMove } from './migrate-storage';
import { openDataRelay, readDataRelayFacts, type DataRelay, type DataRelayFacts } from './migrate-data-relay';
import { openRelay, sourceReaches, uriSocket, type LibvirtMode, type Relay } from './migrate-relay';

export interface MigrateEnds {
  source: LiveHost;
  dest: LiveHost;
  destConfig: HostConfig;
  /** A VM of this name already defined or running on the destination, if so. */
  destHasName: (name: string) => boolean;
  /** Each host's storage pools as last read (copy storage goes into the same-named pool). */
  sourcePools: () => PoolSummary[];
  destPools: () => PoolSummary[];
}

const label = (config: HostConfig) => config.name || config.host || config.uri;

interface Way {
  /** The destination URI for a direct (peer-to-peer over SSH) migration, or why there is none. */
  direct: { uri: string } | { refused: string };
  mode: LibvirtMode;
  /** Copy storage: disks moved into the destination's same-named pool at another path, and the XML saying so. */
  storage: { xml?: string; moves: DiskMove[]; copied: number };
}

/** Every check that needs no migration: the VM's state and options, the destination, the host UUIDs. */
async function checkBefore(
  ends: MigrateEnds,
  domain: DomainSummary,
  request: ParsedRequest<'domains/migrate'>,
): Promise<Way> {
  if (request.destHostId === request.hostId) throw new ApiError('invalid-request', SAME_HOST_REASON);
  const problem = migrateProblem(domain, request);
  if (problem) throw new ApiError('invalid-request', problem);
  const mode = qemuMode(ends.destConfig.uri);
  const direct = destinationUri(ends.destConfig);
  if (!mode || ('refused' in direct && request.route === 'direct'))
    throw new ApiError('invalid-request', 'refused' in direct ? direct.refused : 'Not a QEMU destination');
  if ((request.route === 'relay' || 'refused' in direct) && !ends.source.transport.listenUnix)
    throw new ApiError(
      'invalid-request',
      `The relay through this desktop needs an SSH connection to the source host${'refused' in direct ? `, and ${direct.refused}` : '.'}`,
    );
  const [sourceCaps, destCaps] = await Promise.all([
    ends.source.shell.run(['capabilities']),
    ends.dest.shell.run(['capabilities']),
  ]);
  const sourceUuid = capabilitiesHostUuid(sourceCaps);
  if (sourceUuid !== undefined && sourceUuid === capabilitiesHostUuid(destCaps))
    throw new ApiError('invalid-request', SAME_HOST_REASON);
  if (ends.destHasName(domain.name))
    throw new ApiError(
      'invalid-request',
      `A VM named ${domain.name} already exists on ${label(ends.destConfig)}: rename or remove one of them first.`,
    );
  const offline = domain.state === 'shut off' || domain.state === 'crashed';
  const storage =
    request.copyStorage === 'none' || offline
      ? { moves: [], copied: 0 }
      : planCopiedDisks(
          await ends.source.shell.run(['dumpxml', '--domain', domain.uuid, '--migratable']),
          ends.sourcePools(),
          ends.destPools(),
          label(ends.destConfig),
        );
  return { direct, mode, storage };
}

/**
 * Direct when asked, or (auto) when the source's own libvirt client reaches the destination within a
 * bounded time; the relay when asked, when there is no direct URI, or when that check fails.
 */
async function chooseRoute(
  ends: MigrateEnds,
  way: Way,
  route: MigrateRoute,
): Promise<{ relay: false; uri: string } | { relay: true; why: string }> {
  if ('refused' in way.direct) return { relay: true, why: way.direct.refused };
  if (route === 'direct') return { relay: false, uri: way.direct.uri };
  if (route === 'relay') return { relay: true, why: 'asked for in the dialog' };
  if (!ends.source.transport.listenUnix) return { relay: false, uri: way.direct.uri };
  const reach = await sourceReaches(ends.source, way.direct.uri);
  if (reach.ok) return { relay: false, uri: way.direct.uri };
  return { relay: true, why: `the source could not reach ${way.direct.uri} by itself: ${reach.reason}` };
}

/** Both parts of the relay through the desktop: libvirt's connection, and (native) QEMU's own streams. */
interface Relays {
  relay: Relay;
  data?: DataRelay;
  close(): Promise<void>;
}

/**
 * Opens the relay of libvirt's connection and — unless the VM moves offline or the user asked for
 * tunnelling — the forwards of QEMU's memory stream and disk copies (`migrate-data-relay.ts`).
 */
async function openRelays(
  ends: MigrateEnds,
  way: Way,
  facts: Promise<DataRelayFacts> | undefined,
): Promise<Relays> {
  // Both at once; whichever opened is closed again when the other fails.
  const [opened, dataOpened] = await Promise.allSettled([
    openRelay(ends.source, ends.dest, way.mode, uriSocket(ends.destConfig.uri)),
    facts?.then((known) => openDataRelay(ends.source, ends.dest, known, way.storage.copied)),
  ]);
  if (opened.status === 'rejected' || dataOpened.status === 'rejected') {
    await Promise.all([
      opened.status === 'fulfilled' ? opened.value.close() : undefined,
      dataOpened.status === 'fulfilled' ? dataOpened.value?.close() : undefined,
    ]);
    throw opened.status === 'rejected' ? opened.reason : (dataOpened as PromiseRejectedResult).reason;
  }
  const relay = opened.value;
  const data = dataOpened.value;
  return {
    relay,
    ...(data ? { data } : {}),
    close: async () => {
      await Promise.all([relay.close(), data?.close()]);
    },
  };
}

/** How the relay carried the data, for the result message. */
function relayedHow(relays: Relays, offline: boolean): string {
  if (offline) return '';
  if (!relays.data) return ', data tunnelled through it';
  const { data, sameMachine } = relays.data;
  const ports =
    data.disksPort === undefined
      ? `port ${data.migratePort}`
      : `ports ${data.migratePort} and ${data.disksPort}`;
  return (
    `, QEMU's own stream relayed from ${ports} of the source's 127.0.0.1 to the destination's ${data.listenAddress}` +
    (sameMachine ? ' (both are one machine)' : '')
  );
}

/**
 * Migrates a VM to another connected host as a job, peer-to-peer (`virsh migrate --p2p` on the
 * source): either the source's libvirt opens `qemu+ssh://…` to the destination itself, or — when it
 * cannot, or the user asks — it reaches the destination's libvirt through a relay over this desktop's
 * two SSH connections (`migrate-relay.ts`; QEMU's own streams relayed too, `migrate-data-relay.ts`, or
 * tunnelled inside libvirt's connection when asked). Progress from `domjobinfo` once a second,
 * Cancel via `domjobabort`; the relay is torn down however the job ends. libvirt's refusals come back
 * explained; the result and the job's phase say which path was used.
 */
export async function migrateDomain(
  ends: MigrateEnds,
  jobs: JobManager,
  domain: DomainSummary,
  request: ParsedRequest<'domains/migrate'>,
): Promise<{ message: string; path: MigratePath }> {
  const way = await checkBefore(ends, domain, request);
  const offline = domain.state === 'shut off' || domain.state === 'crashed';
  const to = label(ends.destConfig);
  const copying = offline ? 'Moving the definition' : 'Copying memory';
  let path: MigratePath = 'peer-to-peer-ssh';
  const { finished } = jobs.start({
    hostId: ends.source.hostId,
    kind: 'domain-migrate',
    title: `Migrate ${domain.name} to ${to}`,
    phase: `Finding the way to ${to}`,
    cancellable: !offline,
    run: async (context) => {
      const { source } = ends;
      const native = !offline && !request.tunnelled;
      // The native relay's reads (no side effects) go while the route is chosen: one round trip
      // less before the migration starts; wasted (two small commands) when it goes direct.
      const facts =
        native && request.route !== 'direct'
          ? readDataRelayFacts(source, ends.dest, way.mode, domain.name)
          : undefined;
      facts?.catch(() => undefined); // a direct route never looks at it
      const route = await chooseRoute(ends, way, request.route);
      if (context.signal.aborted) throw new ApiError('cancelled', `Migration of ${domain.name} cancelled.`);
      const relays = route.relay ? await openRelays(ends, way, facts) : undefined;
      const relay = relays?.relay;
      path = relay ? 'relay-through-desktop' : 'peer-to-peer-ssh';
      const destUri = relay ? relay.uri : (route as { uri: string }).uri;
      const through = relays?.data ? `, QEMU's stream through port ${relays.data.data.migratePort}` : '';
      const phase = `${copying} (${relay ? `relayed through this desktop${through}` : 'peer-to-peer over SSH'})`;
      const onAbort = () => source.shell.run(['domjobabort', '--domain', domain.uuid]).catch(() => undefined);
      context.signal.addEventListener('abort', onAbort);
      context.progress(0, undefined, phase);
      const stop = offline ? () => undefined : followDomainJob(source.shell, domain.uuid, context, phase);
      try {
        if (context.signal.aborted) throw new ApiError('cancelled', `Migration of ${domain.name} cancelled.`);
        const argv = migrateArgs(domain, destUri, request, Boolean(relay), relays?.data?.data);
        const { xml } = way.storage;
        if (xml === undefined) await longRunner(source).run(argv);
        else {
          // The disks' new paths in the destination's pools: the running and the persistent definition.
          const files: Array<string | typeof XML_FILE> = ['--xml', XML_FILE];
          if (request.persistent) files.push('--persistent-xml', XML_FILE);
          await putXml(source.transport, source.uri, [...argv, ...files], xml);
        }
      } catch (error) {
        throw explainMigrateError(error, Boolean(relay));
      } finally {
        stop();
        context.signal.removeEventListener('abort', onAbort);
        await relays?.close();
      }
      const how = offline ? 'its definition moved' : request.live ? 'live' : 'paused while copied';
      const tunnelled = !offline && request.tunnelled;
      const moved = way.storage.moves
        .map((m) => ` ${m.target} copied into pool ${m.pool} at ${m.to};`)
        .join('');
      return {
        message: relay
          ? `${domain.name} migrated to ${to} (${how};${moved} relayed through this desktop: the source's libvirt ` +
            `reached ${to}'s libvirt over the desktop's connections to both hosts` +
            `${relays ? relayedHow(relays, offline) : ''} — ${route.relay ? route.why : ''}).`
          : `${domain.name} migrated to ${to} (${how};${moved} peer-to-peer: the source's libvirt connected to ` +
            `${destUri} over SSH${tunnelled ? ', data tunnelled through it' : ''}).`,
      };
    },
  });
  return { message: (await finished).message, path };
}
