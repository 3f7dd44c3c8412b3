import { ApiError } from '../../../shared/api/errors';
import type { NetworkSummary } from '../../../shared/api/networks';
import { ObjectCollection } from '../collections/object-collection';
import { listenForEvents } from '../collections/event-listening';
import type { EventBus } from '../events/event-bus';
import type { VirshEventStream } from '../events/virsh-event-stream';
import type { LiveHost } from '../hosts/host-connection';
import { readNetworks, readOneNetwork } from './network-reader';
import { parseNetEventLine } from './parse-net-event';

/**
 * The host's virtual networks (keyed by UUID): every network's XML read at once, kept fresh by
 * `virsh net-event --event lifecycle --loop` (one re-read of the network an event names).
 */
export class NetworkCollection extends ObjectCollection<NetworkSummary> {
  private stream: VirshEventStream | undefined;

  constructor(hostId: string, bus: EventBus) {
    super(
      hostId,
      (delta) => bus.emit('networks/delta', delta),
      (n) => n.uuid,
    );
  }

  findByName(name: string): NetworkSummary | undefined {
    return this.find((n) => n.name === name);
  }

  /** Why this host has no networks to show (a libvirt without the network driver), if so. */
  unavailable: string | undefined;

  protected async load(host: LiveHost): Promise<void> {
    try {
      await this.reload(host);
      this.unavailable = undefined;
    } catch (error) {
      // A libvirt without a network driver must not keep the host from connecting.
      if (!(error instanceof ApiError) || error.code !== 'virsh-error') throw error;
      this.unavailable = error.message;
      this.replaceAll([]);
      return;
    }
    this.stream = await listenForEvents(host, 'net-event', (line) => {
      const event = parseNetEventLine(line);
      if (event) this.refresh(host, event.network).catch(() => this.reload(host).catch(() => undefined));
    });
  }

  protected stopListening(): void {
    this.stream?.close();
    this.stream = undefined;
  }

  /** Re-reads one network (UUID, or a name for new ones) and pushes the change. */
  async refresh(host: LiveHost, ref: string): Promise<NetworkSummary | undefined> {
    const known = this.get(ref) ?? this.findByName(ref);
    const summary = await readOneNetwork(host.shell, known?.uuid ?? ref);
    if (!host.current()) return summary;
    const gone = known && (!summary || summary.uuid !== known.uuid) ? [known.uuid] : [];
    this.change(summary ? [summary] : [], gone);
    return summary;
  }

  private async reload(host: LiveHost): Promise<void> {
    const list = await readNetworks(host.shell);
    if (host.current()) this.replaceAll(list);
  }
}
