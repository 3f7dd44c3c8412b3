import type { NodeDevice, NodeDeviceListing } from '../../../shared/api/node-devices';
import { listenForEvents, watchThroughReader } from '../collections/event-listening';
import { ObjectCollection } from '../collections/object-collection';
import type { EventBus } from '../events/event-bus';
import type { LiveHost } from '../hosts/host-connection';
import { readDeviceNames, readNodeDevice, readNodeDevices } from './node-device-listing';
import { parseNodedevEventLine } from './parse-nodedev-event';

/** How long events about one device are gathered before it is re-read. */
const EVENT_SETTLE_MS = 25;

/**
 * The host's node devices (keyed by name). Read only once someone asks (the Devices tab, the Add
 * Hardware dialog): a host connects without reading hundreds of device XMLs. From then on it is
 * re-read on every reconnect and kept fresh by the daemon reader's node device events (else
 * `virsh nodedev-event --event lifecycle|update --loop`), registered before the list is read.
 */
export class NodeDeviceCollection extends ObjectCollection<NodeDevice> {
  private stream: { close(): void } | undefined;
  private loaded: Promise<void> | undefined;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  listing: NodeDeviceListing = { complete: true, live: false };

  constructor(hostId: string, bus: EventBus) {
    super(
      hostId,
      (delta) => bus.emit('nodedevices/delta', delta),
      (d) => d.name,
    );
  }

  /** Reads the list on this connection (once; `refresh` reads it again) and returns it. */
  async ensure(host: LiveHost, refresh = false): Promise<NodeDevice[]> {
    if (!this.loaded || refresh) {
      const loading = this.readAll(host);
      this.loaded = loading;
      loading.catch(() => {
        if (this.loaded === loading) this.loaded = undefined;
      });
    }
    await this.loaded;
    return this.list();
  }

  /** Re-reads some devices (after detach/reattach: the device and its group) and pushes them. */
  async refresh(host: LiveHost, names: readonly string[]): Promise<NodeDevice[]> {
    const read = await Promise.all(
      names.map((n) => readNodeDevice(host.shell, n).then((d) => [n, d] as const)),
    );
    if (!host.current()) return [];
    const found = read.flatMap(([, d]) => (d ? [d] : []));
    this.change(
      found,
      read.filter(([, d]) => !d).map(([n]) => n),
    );
    return found;
  }

  protected load(host: LiveHost): Promise<void> {
    // A reconnect re-reads only what was read before, without holding up the connection; a failure
    // is reported to the next caller of `ensure`, which reads again.
    if (this.loaded) void this.ensure(host, true).catch(() => undefined);
    return Promise.resolve();
  }

  protected stopListening(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.stream?.close();
    this.stream = undefined;
  }

  clear(): void {
    this.loaded = undefined;
    super.clear();
  }

  private async readAll(host: LiveHost): Promise<void> {
    // Listening first: a device that changes while the list is read is re-read after it.
    if (!this.stream) this.stream = await this.listen(host);
    const { names, refused } = await readDeviceNames(host);
    const devices = await readNodeDevices(host.shell, names);
    if (!host.current()) return;
    this.listing = {
      complete: !refused,
      live: this.stream !== undefined,
      ...(refused
        ? { notice: `libvirt refused to list node devices: “${refused.message}”; showing ${refused.source}` }
        : {}),
    };
    this.replaceAll(devices);
  }

  /** Through the daemon reader where the host has one, else virsh's stream (once it listens). */
  private async listen(host: LiveHost): Promise<{ close(): void } | undefined> {
    const reread = (device: string) => {
      clearTimeout(this.timers.get(device));
      this.timers.set(
        device,
        setTimeout(() => {
          this.timers.delete(device);
          this.refresh(host, [device]).catch(() => undefined);
        }, EVENT_SETTLE_MS),
      );
    };
    const watch = await watchThroughReader(host, 'nodedev', reread);
    if (watch) return watch;
    const stream = await listenForEvents(host, 'nodedev-event', (line) => {
      const event = parseNodedevEventLine(line);
      if (event) reread(event.device);
    });
    await stream?.ready;
    return stream;
  }
}
