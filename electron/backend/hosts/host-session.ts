import { ApiError } from '../../../shared/api/errors';
import type { DomainAction, DomainSummary } from '../../../shared/api/domains';
import type { HostConfig, HostStatus } from '../../../shared/api/hosts';
import { collectedStats, type Prefs } from '../../../shared/api/prefs';
import type { DomainDisk, VolumeDeletion } from '../../../shared/api/domain-storage';
import { runDomainAction } from '../domains/domain-actions';
import { deleteVolumes, readDomainDisks } from '../domains/domain-disks';
import { DomainCollection } from '../domains/domain-collection';
import { PoolCollection } from '../storage/pools/pool-collection';
import { NetworkCollection } from '../networks/network-collection';
import { NodeDeviceCollection } from '../node-devices/node-device-collection';
import { StatsPoller } from '../stats/stats-poller';
import { HostStatsPoller } from '../stats/host-stats-poller';
import { VirshApart } from '../virsh/virsh-apart';
import type { VirshRunner } from '../virsh/virsh-runner';
import type { VirshShell } from '../virsh/virsh-shell';
import { domainActionTable } from '../../../shared/api/domain-action-table';
import type { JobManager } from '../jobs/job-manager';
import { HostConnection, type HostConnectionDeps, type LiveHost } from './host-connection';
import type { Transport } from '../transport/transport';
import { WizardHostData } from '../wizard/wizard-host-data';
import { beginIfWaiting } from '../wizard/pending-installs';
import type { OsListCache } from '../wizard/os-list-cache';

export interface HostSessionDeps extends HostConnectionDeps {
  prefs: () => Prefs;
  jobs: JobManager;
  /** Read the wizard's first data after each connect (default true; the benchmark's baseline turns it off). */
  wizardPrefetch?: boolean;
  /** The New VM wizard's OS lists kept on the desktop (issue 11); absent: read at every connect. */
  osListCache?: OsListCache;
}

/**
 * One host as the rest of the backend sees it: its connection (transport, shell, reconnect) and the
 * object collections that live on it (domains, networks; pools and the rest join the same way), plus stats.
 */
export class HostSession {
  readonly domains: DomainCollection;
  readonly pools: PoolCollection;
  readonly networks: NetworkCollection;
  readonly nodeDevices: NodeDeviceCollection;
  /** The New VM wizard's reads (capabilities, OS data), cached per connection. */
  readonly wizardData: WizardHostData;
  private readonly link: HostConnection;
  private readonly stats: StatsPoller;
  /** Host CPU and memory graphs (issue 10). */
  private readonly hostStats: HostStatsPoller;

  constructor(
    config: HostConfig,
    private readonly deps: HostSessionDeps,
  ) {
    this.wizardData = new WizardHostData({
      prefetch: deps.wizardPrefetch ?? true,
      osListCache: deps.osListCache,
      bus: deps.bus,
    });
    this.domains = new DomainCollection(config.id, deps.bus);
    this.pools = new PoolCollection(config.id, deps.bus);
    this.networks = new NetworkCollection(config.id, deps.bus);
    this.nodeDevices = new NodeDeviceCollection(config.id, deps.bus);
    this.link = new HostConnection(config, deps, [
      this.domains,
      this.pools,
      this.networks,
      this.nodeDevices,
      this.wizardData,
    ]);
    this.stats = new StatsPoller({
      hostId: config.id,
      bus: deps.bus,
      intervalMs: () => deps.prefs().statsIntervalMs,
      kinds: () => collectedStats(deps.prefs()), // issue 15: what the preferences collect
      shell: () => this.connectedShell(),
      uuidByName: (name) => this.domains.findByName(name)?.uuid,
    });
    this.hostStats = new HostStatsPoller({
      hostId: config.id,
      bus: deps.bus,
      intervalMs: () => deps.prefs().statsIntervalMs,
      shell: () => this.connectedShell(),
    });
  }

  get config(): HostConfig {
    return this.link.config;
  }

  set config(config: HostConfig) {
    this.link.config = config;
  }

  getStatus(): HostStatus {
    return this.link.getStatus();
  }

  connect(): Promise<HostStatus> {
    return this.link.connect();
  }

  disconnect(): HostStatus {
    return this.link.disconnect();
  }

  /** The live connection; throws `not-connected` otherwise. */
  live(): LiveHost {
    return this.link.require();
  }

  listDomains(): DomainSummary[] {
    return this.domains.list();
  }

  async action(uuid: string, action: DomainAction): Promise<{ summary?: DomainSummary; message: string }> {
    const host = this.live();
    const domain = this.requireDomain(uuid);
    const runners = { shell: host.shell, long: longRunner(host) };
    if (action === 'start') {
      // "Customize before install" left it waiting: Run is "Begin installation".
      const begun = await beginIfWaiting(host, uuid);
      if (begun !== undefined) {
        const summary = await this.domains.refresh(host, uuid);
        return summary ? { summary, message: begun } : { message: begun };
      }
    }
    const long = domainActionTable[action].job;
    const message = long
      ? (
          await this.deps.jobs.start({
            hostId: host.hostId,
            kind: long.kind,
            title: `${long.title} ${domain.name}`,
            phase: long.phase,
            cancellable: true,
            run: async ({ signal }) => {
              // libvirt aborts a running save/restore job of the domain; virsh then fails, and the
              // job reports "cancelled".
              signal.addEventListener('abort', () => {
                host.shell.run(['domjobabort', '--domain', uuid]).catch(() => undefined);
              });
              return { message: await runDomainAction(runners, domain, action) };
            },
          }).finished
        ).message
      : await runDomainAction(runners, domain, action);
    const summary = await this.domains.refresh(host, uuid);
    return summary ? { summary, message } : { message };
  }

  /** A VM's disks as Delete offers them (pool, volume, size, other VMs using them). */
  async disks(uuid: string): Promise<DomainDisk[]> {
    const host = this.live();
    const domain = this.requireDomain(uuid);
    const others = this.domains.list().filter((d) => d.uuid !== uuid);
    return readDomainDisks(host.shell, domain, others);
  }

  /** Deletes a VM (stopping it first), then the chosen volumes of its own disks, each reported. */
  async deleteWithStorage(
    uuid: string,
    paths: readonly string[],
  ): Promise<{ message: string; volumes: VolumeDeletion[] }> {
    // The disks must be read while the definition still exists.
    const disks = paths.length > 0 ? await this.disks(uuid) : [];
    const { message } = await this.action(uuid, 'undefine');
    const volumes = await deleteVolumes(this.live().shell, disks, paths);
    return { message, volumes };
  }

  /** The live connection, for streams with their own channels (consoles). */
  connection(): { transport: Transport; shell: VirshShell; uri: string } {
    const { transport, shell, uri } = this.live();
    return { transport, shell, uri };
  }

  watchStats(watching: boolean): void {
    this.stats.watch(watching);
  }

  watchHostStats(watching: boolean): void {
    this.hostStats.watch(watching);
  }

  dispose(): void {
    this.disconnect();
    this.stats.stop();
    this.hostStats.stop();
  }

  private requireDomain(uuid: string): DomainSummary {
    const domain = this.domains.get(uuid);
    if (!domain) throw new ApiError('domain-not-found', `No VM with UUID ${uuid} on ${this.link.label()}`);
    return domain;
  }

  private connectedShell(): VirshRunner | undefined {
    return this.link.getStatus().state === 'connected' ? this.liveOrNone()?.shell : undefined;
  }

  private liveOrNone(): LiveHost | undefined {
    try {
      return this.link.require();
    } catch {
      return undefined;
    }
  }
}

/**
 * Where verbs that can take minutes run: their own virsh on their own channel, so the shared shell's
 * queue (stats, other actions) goes on. test:/// keeps its state inside the one shell process, so
 * there they stay on it (where a queued command's limit counts from its own start).
 */
export function longRunner(host: LiveHost): VirshRunner {
  if (host.uri.startsWith('test:')) return { run: (argv) => host.shell.run(argv, 60 * 60_000) };
  return new VirshApart(host.transport, host.uri);
}
