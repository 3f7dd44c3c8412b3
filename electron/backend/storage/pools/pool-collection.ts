import type { PoolSummary } from '../../../../shared/api/pools';
import { NamedObjectCollection } from '../../collections/named-collection';
import type { EventBus } from '../../events/event-bus';
import type { LiveHost } from '../../hosts/host-connection';
import { parsePoolEventLine } from './parse-pool-event';
import { readOnePool, readPools } from './pool-reader';

/**
 * The host's storage pools, keyed by UUID: `pool-list --all --uuid`, then every pool's `pool-info
 * --bytes` and `pool-dumpxml` pipelined on the shell; kept fresh by `virsh pool-event` (lifecycle and
 * refresh), one re-read of the pool an event names.
 */
export class PoolCollection extends NamedObjectCollection<PoolSummary> {
  constructor(hostId: string, bus: EventBus) {
    super(hostId, (delta) => bus.emit('pools/delta', delta), {
      kind: 'pool',
      verb: 'pool-event',
      nameIn: (line) => parsePoolEventLine(line)?.pool,
    });
  }

  /** Forgets a pool that was just undefined (test:/// has no events to say so). */
  forget(uuid: string): void {
    this.change([], [uuid]);
  }

  /** Listens first, then reads: a change in between is in the read (one read, no catch-up). */
  protected async load(host: LiveHost): Promise<void> {
    await this.startEvents(host);
    await this.reloadAll(host);
  }

  protected readOne(host: LiveHost, ref: string): Promise<PoolSummary | undefined> {
    return readOnePool(host.shell, ref);
  }

  protected async reloadAll(host: LiveHost): Promise<void> {
    const fresh = this.notRefreshedSince();
    const pools = await readPools(host.shell);
    if (host.current()) this.replaceAllFrom(pools, fresh);
  }
}
