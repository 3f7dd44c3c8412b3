import { ApiError } from '../../../shared/api/errors';
import type { DomainAction, DomainSummary } from '../../../shared/api/domains';
import type { HostConfig, HostStatus } from '../../../shared/api/hosts';
import type { Prefs } from '../../../shared/api/prefs';
import { readDomainDetails, readDomainList, readOneDomain } from '../domains/domain-reader';
import { runDomainAction } from '../domains/domain-actions';
import { DomainEventStream } from '../events/domain-event-stream';
import type { EventBus } from '../events/event-bus';
import { StatsPoller } from '../stats/stats-poller';
import { parseKeyValues } from '../virsh/parse-list';
import { VirshShell } from '../virsh/virsh-shell';
import type { SshDeps } from './ssh-transport';
import { openTransport } from './open-transport';
import type { Transport } from './transport';
import type { DomainEventLine } from '../virsh/parse-event';

export interface HostSessionDeps extends Omit<SshDeps, 'hostId'> {
  bus: EventBus;
  prefs: () => Prefs;
  /** Backoff before reconnect attempt n (0-based), in ms. */
  retryDelayMs?: (attempt: number) => number;
}

const TRANSIENT: ReadonlySet<string> = new Set([
  'connect-refused',
  'connect-timeout',
  'connect-dns',
  'connection-lost',
  'libvirt-unreachable',
]);
const DETAILS_BATCH = 100;
const PARALLEL_READ_FROM = 40;

const defaultRetryDelay = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);

/**
 * One host: its transport (one SSH connection), the persistent virsh shell, the event stream, the
 * domain cache and the stats poller. Reconnects with backoff when the connection drops.
 */
export class HostSession {
  private status: HostStatus;
  /** Notes from reading ~/.ssh/config for the current attempt, shown with every status. */
  private notes: string[] = [];
  private transport: Transport | undefined;
  private shell: VirshShell | undefined;
  private eventStream: DomainEventStream | undefined;
  private readonly domains = new Map<string, DomainSummary>();
  private generation = 0;
  private wanted = false;
  private retryAttempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private connecting: Promise<HostStatus> | undefined;
  private readonly refreshTimers = new Map<string, NodeJS.Timeout>();
  private readonly stats: StatsPoller;

  constructor(
    public config: HostConfig,
    private readonly deps: HostSessionDeps,
  ) {
    this.status = { hostId: config.id, state: 'disconnected' };
    this.stats = new StatsPoller({
      hostId: config.id,
      bus: deps.bus,
      intervalMs: () => deps.prefs().statsIntervalMs,
      shell: () => (this.status.state === 'connected' ? this.shell : undefined),
      uuidByName: (name) => this.findByName(name)?.uuid,
    });
  }

  getStatus(): HostStatus {
    return this.status;
  }

  listDomains(): DomainSummary[] {
    return [...this.domains.values()];
  }

  /** User asked to connect: one attempt, no automatic retries if it fails (the reason is shown). */
  connect(): Promise<HostStatus> {
    this.wanted = true;
    if (this.status.state === 'connected') return Promise.resolve(this.status);
    if (this.connecting) return this.connecting;
    clearTimeout(this.retryTimer);
    this.connecting = this.attempt(false).finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  disconnect(): HostStatus {
    this.wanted = false;
    this.generation++;
    clearTimeout(this.retryTimer);
    this.teardown();
    this.deps.prompts.cancelHost(this.config.id);
    this.domains.clear();
    this.deps.bus.emit('domains/delta', { hostId: this.config.id, reset: true, upsert: [], remove: [] });
    this.setStatus({ hostId: this.config.id, state: 'disconnected' });
    return this.status;
  }

  async action(uuid: string, action: DomainAction): Promise<{ summary?: DomainSummary; message: string }> {
    const shell = this.requireShell();
    const domain = this.domains.get(uuid);
    if (!domain) throw new ApiError('domain-not-found', `No VM with UUID ${uuid} on ${this.label()}`);
    const message = await runDomainAction(shell, domain, action);
    const summary = await this.refresh(uuid);
    return summary ? { summary, message } : { message };
  }

  /** The live connection, for streams with their own channels (consoles). */
  connection(): { transport: Transport; shell: VirshShell; uri: string } {
    const shell = this.requireShell();
    if (!this.transport) throw new ApiError('not-connected', `${this.label()} is not connected`);
    return { transport: this.transport, shell, uri: this.config.uri };
  }

  watchStats(watching: boolean): void {
    this.stats.watch(watching);
  }

  dispose(): void {
    this.disconnect();
    this.stats.stop();
  }

  private async attempt(isRetry: boolean): Promise<HostStatus> {
    const gen = ++this.generation;
    const hostId = this.config.id;
    if (!isRetry) this.setStatus({ hostId, state: 'connecting' });
    let transport: Transport | undefined;
    this.notes = [];
    try {
      transport = await openTransport(this.config, { ...this.deps, hostId }, this.notes);
      const shell = await VirshShell.open(transport, this.config.uri);
      if (gen !== this.generation) {
        shell.close();
        transport.close();
        return this.status;
      }
      this.transport = transport;
      this.shell = shell;
      this.retryAttempt = 0;
      // Everything below is pipelined on the one shell / connection: no step waits for another.
      const hostCpus = this.readHostCpus(shell);
      const events = this.startEvents(gen, transport);
      const reload = this.reload(gen, async () => {
        const cpus = await hostCpus;
        this.setStatus({
          hostId,
          state: 'connected',
          hypervisor: this.config.uri,
          ...(cpus ? { hostCpus: cpus } : {}),
        });
      });
      void Promise.race([transport.closed, shell.exited]).then((reason) => this.onLost(gen, reason));
      await Promise.all([events, reload]);
      return this.status;
    } catch (error) {
      transport?.close();
      if (gen !== this.generation) return this.status;
      this.generation++; // the closing transport must not be mistaken for a later drop
      const apiError = toApiError(error);
      this.teardown();
      if (isRetry && this.wanted && TRANSIENT.has(apiError.code)) this.scheduleRetry(apiError);
      else this.setStatus({ hostId, state: 'failed', error: apiError.toShape() });
      return this.status;
    }
  }

  private onLost(gen: number, reason: Error | undefined): void {
    if (gen !== this.generation || !this.wanted) return;
    this.generation++;
    this.teardown();
    const message = reason?.message ? `Connection lost: ${reason.message}` : 'Connection lost';
    this.scheduleRetry(new ApiError('connection-lost', message));
  }

  private scheduleRetry(error: ApiError): void {
    const delay = (this.deps.retryDelayMs ?? defaultRetryDelay)(this.retryAttempt++);
    this.setStatus({ hostId: this.config.id, state: 'retrying', error: error.toShape(), retryInMs: delay });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.attempt(true), delay);
  }

  private async startEvents(gen: number, transport: Transport): Promise<void> {
    // test:/// keeps its state inside one virsh process; a second process would see another world.
    // There every change goes through our shell, and actions refresh the rows they touch.
    if (this.config.uri.startsWith('test:')) return;
    const stream = await DomainEventStream.start(transport, this.config.uri, (event) => this.onEvent(event));
    if (gen !== this.generation) return stream.close();
    this.eventStream = stream;
    void stream.exited.then(() => {
      if (gen === this.generation && this.eventStream === stream) {
        this.onLost(gen, new Error('the libvirt event stream ended'));
      }
    });
  }

  private onEvent(event: DomainEventLine): void {
    const ref = this.findByName(event.domain)?.uuid ?? event.domain;
    clearTimeout(this.refreshTimers.get(ref));
    this.refreshTimers.set(
      ref,
      setTimeout(() => {
        this.refreshTimers.delete(ref);
        this.refresh(ref).catch(() => this.reload(this.generation).catch(() => undefined));
      }, 25),
    );
  }

  /** Re-reads one domain and pushes the change; `ref` is a UUID or (for new domains) a name. */
  private async refresh(ref: string): Promise<DomainSummary | undefined> {
    const shell = this.requireShell();
    const known = this.domains.get(ref) ?? this.findByName(ref);
    const summary = await readOneDomain(shell, ref);
    const remove: string[] = [];
    if (known && (!summary || summary.uuid !== known.uuid)) {
      this.domains.delete(known.uuid);
      remove.push(known.uuid);
    }
    if (summary) this.domains.set(summary.uuid, summary);
    this.deps.bus.emit('domains/delta', {
      hostId: this.config.id,
      reset: false,
      upsert: summary ? [summary] : [],
      remove,
    });
    return summary;
  }

  /**
   * Full read: names and states first (one paint), then every domain's XML, all requests written to
   * the shell at once and pushed in batches as they come back.
   */
  private async reload(gen: number, beforeFirstPaint?: () => Promise<void>): Promise<void> {
    const shell = this.requireShell(beforeFirstPaint !== undefined);
    // Many VMs: a second, short-lived virsh shares the XML read (virsh is single-threaded; libvirtd is not).
    const helper = this.transport
      ? VirshShell.open(this.transport, this.config.uri).catch(() => undefined)
      : undefined;
    try {
      await this.readAll(gen, shell, helper, beforeFirstPaint);
    } finally {
      void helper?.then((h) => h?.close());
    }
  }

  private async readAll(
    gen: number,
    shell: VirshShell,
    helperShell: Promise<VirshShell | undefined> | undefined,
    beforeFirstPaint?: () => Promise<void>,
  ): Promise<void> {
    const list = await readDomainList(shell);
    if (gen !== this.generation) return;
    await beforeFirstPaint?.();
    this.domains.clear();
    for (const d of list) this.domains.set(d.uuid, d);
    this.deps.bus.emit('domains/delta', { hostId: this.config.id, reset: true, upsert: list, remove: [] });
    const helper = list.length >= PARALLEL_READ_FROM ? await helperShell : undefined;
    const pending = list.map((d, i) =>
      readDomainDetails(helper && i % 2 ? helper : shell, d).catch(() => undefined),
    );
    for (let i = 0; i < pending.length; i += DETAILS_BATCH) {
      const details = await Promise.all(pending.slice(i, i + DETAILS_BATCH));
      if (gen !== this.generation) return;
      const upsert = details.filter((d): d is DomainSummary => d !== undefined && this.domains.has(d.uuid));
      for (const d of upsert) this.domains.set(d.uuid, d);
      this.deps.bus.emit('domains/delta', { hostId: this.config.id, reset: false, upsert, remove: [] });
    }
  }

  private async readHostCpus(shell: VirshShell): Promise<number | undefined> {
    try {
      const cpus = Number(parseKeyValues(await shell.run(['nodeinfo'])).get('CPU(s)'));
      return Number.isInteger(cpus) ? cpus : undefined;
    } catch {
      return undefined;
    }
  }

  private findByName(name: string): DomainSummary | undefined {
    for (const d of this.domains.values()) if (d.name === name) return d;
    return undefined;
  }

  private requireShell(connecting = false): VirshShell {
    if ((!connecting && this.status.state !== 'connected') || !this.shell?.alive) {
      throw new ApiError('not-connected', `${this.label()} is not connected`);
    }
    return this.shell;
  }

  private label(): string {
    return this.config.name || this.config.host || this.config.uri;
  }

  private teardown(): void {
    for (const timer of this.refreshTimers.values()) clearTimeout(timer);
    this.refreshTimers.clear();
    this.eventStream?.close();
    this.shell?.close();
    this.transport?.close();
    this.eventStream = undefined;
    this.shell = undefined;
    this.transport = undefined;
  }

  private setStatus(status: HostStatus): void {
    this.status = this.notes.length > 0 ? { ...status, notes: [...this.notes] } : status;
    this.deps.bus.emit('hosts/status', status);
  }
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal', error instanceof Error ? error.message : String(error));
}
