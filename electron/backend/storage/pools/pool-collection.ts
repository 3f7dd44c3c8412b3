import type { PoolSummary } from '../../../../shared/api/pools';
import { ObjectCollection } from '../../collections/object-collection';
import { listenForEvents } from '../../collections/event-listening';
import type { EventBus } from '../../events/event-bus';
import type { VirshEventStream } from '../../events/virsh-event-stream';
import type { LiveHost } from '../../hosts/host-connection';
import { parsePoolEventLine } from './parse-pool-event';
import { readOnePool, readPools } from './pool-reader';

/**
 * The host's storage pools, keyed by UUID: `pool-list --all --uuid`, then every pool's `pool-info
 * --bytes` and `pool-dumpxml` pipelined on the shell; kept fresh by `virsh pool-event` (lifecycle and
 * refresh), one re-read of the pool an event names.
 */
export class PoolCollection extends ObjectCollection<PoolSummary> {
  private stream: VirshEventStream | undefined;
  private readonly refreshTimers = new Map<string, NodeJS.Timeout>();

  constructor(hostId: string, bus: EventBus) {
    super(
      hostId,
      (delta) => bus.emit('pools/delta', delta),
      (p) => p.uuid,
    );
  }

  findByName(name: string): PoolSummary | undefined {
    return this.find((p) => p.name === name);
  }

  protected async load(host: LiveHost): Promise<void> {
    await Promise.all([this.startEvents(host), this.reload(host)]);
  }

  protected stopListening(): void {
    for (const timer of this.refreshTimers.values()) clearTimeout(timer);
    this.refreshTimers.clear();
    this.stream?.close();
    this.stream = undefined;
  }

  /** Re-reads one pool (UUID or, for new pools, name) and pushes the change. */
  async refresh(host: LiveHost, ref: string): Promise<PoolSummary | undefined> {
    const known = this.get(ref) ?? this.findByName(ref);
    let summary = await readOnePool(host.shell, known?.uuid ?? ref);
    // Undefined and defined again under the same name: a new UUID.
    if (!summary && known) summary = await readOnePool(host.shell, known.name);
    if (!host.current()) return summary;
    const gone = known && (!summary || summary.uuid !== known.uuid) ? [known.uuid] : [];
    this.change(summary ? [summary] : [], gone);
    return summary;
  }

  /** Forgets a pool that was just undefined (test:/// has no events to say so). */
  forget(uuid: string): void {
    this.change([], [uuid]);
  }

  private async startEvents(host: LiveHost): Promise<void> {
    this.stream = await listenForEvents(host, 'pool-event', (line) => {
      const event = parsePoolEventLine(line);
      if (event) this.onEvent(host, event.pool);
    });
  }

  private onEvent(host: LiveHost, name: string): void {
    // Events name the pool; an undefined pool can only be found by the UUID we knew it by.
    const ref = this.findByName(name)?.uuid ?? name;
    clearTimeout(this.refreshTimers.get(ref));
    this.refreshTimers.set(
      ref,
      setTimeout(() => {
        this.refreshTimers.delete(ref);
        this.refresh(host, ref).catch(() => this.reload(host).catch(() => undefined));
      }, 25),
    );
  }

  private async reload(host: LiveHost): Promise<void> {
    const pools = await readPools(host.shell);
    if (host.current()) this.replaceAll(pools);
  }
}
