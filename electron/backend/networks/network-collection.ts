import { ApiError } from '../../../shared/api/errors';
import type { NetworkSummary } from '../../../shared/api/networks';
import { NamedObjectCollection } from '../collections/named-collection';
import type { EventBus } from '../events/event-bus';
import type { LiveHost } from '../hosts/host-connection';
import { readNetworks, readOneNetwork } from './network-reader';
import { parseNetEventLine } from './parse-net-event';

/**
 * The host's virtual networks (keyed by UUID): every network's XML read at once, kept fresh by the
 * daemon's network events (one re-read of the network an event names) — through the daemon reader
 * where the host has one, else `virsh net-event --event lifecycle --loop`.
 */
export class NetworkCollection extends NamedObjectCollection<NetworkSummary> {
  constructor(hostId: string, bus: EventBus) {
    super(hostId, (delta) => bus.emit('networks/delta', delta), {
      kind: 'network',
      verb: 'net-event',
      nameIn: (line) => parseNetEventLine(line)?.network,
    });
  }

  /** Why this host has no networks to show (a libvirt without the network driver), if so. */
  unavailable: string | undefined;

  /**
   * Through the reader: listens, then reads (a change in between is in the read). Without one:
   * reads first — virsh's stream would end at once where libvirt has no network driver, and a
   * stream's end means a lost connection — then listens and reads again (the catch-up).
   */
  protected async load(host: LiveHost): Promise<void> {
    const watched = await this.watchThroughReader(host);
    try {
      await this.reloadAll(host);
      this.unavailable = undefined;
    } catch (error) {
      // A libvirt without a network driver must not keep the host from connecting.
      if (!(error instanceof ApiError) || error.code !== 'virsh-error') throw error;
      this.unavailable = error.message;
      this.stopListening();
      this.replaceAll([]);
      return;
    }
    if (!watched) await this.listenThroughVirsh(host);
  }

  /** Once virsh's stream listens: what the first read missed. */
  protected override catchUp(host: LiveHost): Promise<void> {
    return this.reloadAll(host);
  }

  protected readOne(host: LiveHost, ref: string): Promise<NetworkSummary | undefined> {
    return readOneNetwork(host.shell, ref);
  }

  protected async reloadAll(host: LiveHost): Promise<void> {
    const fresh = this.notRefreshedSince();
    const list = await readNetworks(host.shell);
    if (host.current()) this.replaceAllFrom(list, fresh);
  }
}
