import type { VirshEventVerb } from '../events/virsh-event-stream';
import type { LiveHost } from '../hosts/host-connection';
import type { EventKind } from '../libvirt-rpc/object-events';
import { listenForEvents, watchThroughReader } from './event-listening';
import { ObjectCollection, type CollectionDelta } from './object-collection';

/** How long events about one object are gathered before it is re-read (libvirt often sends several). */
const EVENT_SETTLE_MS = 25;

/**
 * A kind whose objects have a UUID (the key) and a name (what its virsh events print): domains,
 * pools, networks. An event re-reads the object it names (by the UUID it was known by, else by
 * name); if that fails, the whole list is read again.
 */
export abstract class NamedObjectCollection<
  T extends { uuid: string; name: string },
> extends ObjectCollection<T> {
  private stream: { close(): void } | undefined;
  private readonly refreshTimers = new Map<string, NodeJS.Timeout>();
  /** Re-reads after events, counted: a bulk read's older result must not undo a newer one. */
  private refreshes = 0;
  private readonly refreshedAt = new Map<string, number>();

  constructor(
    hostId: string,
    emit: (delta: CollectionDelta<T>) => void,
    private readonly events: {
      /** The daemon reader's name for the kind's events. */
      kind: EventKind;
      /** Without a reader: virsh's event verb, and the object's name in each line it prints. */
      verb: VirshEventVerb;
      nameIn: (line: string) => string | undefined;
    },
  ) {
    super(hostId, emit, (item) => item.uuid);
  }

  findByName(name: string): T | undefined {
    return this.find((item) => item.name === name);
  }

  /** Re-reads one object (UUID, or name for new ones) and pushes the change. */
  async refresh(host: LiveHost, ref: string): Promise<T | undefined> {
    const known = this.get(ref) ?? this.findByName(ref);
    let summary = await this.readOne(host, known?.uuid ?? ref);
    // Undefined and defined again under the same name: a new UUID.
    if (!summary && known) summary = await this.readOne(host, known.name);
    if (!host.current()) return summary;
    const gone = known && (!summary || summary.uuid !== known.uuid) ? [known.uuid] : [];
    this.change(summary ? [summary] : [], gone);
    const mark = ++this.refreshes;
    // By UUID and by name: an object gone before the list had it is known only by the name its event gave.
    for (const key of [ref, summary?.uuid, known?.uuid, known?.name])
      if (key) this.refreshedAt.set(key, mark);
    return summary;
  }

  /**
   * Taken when a bulk read starts: keeps its results only for objects no event re-read since (a
   * result held in a batch, or read on another channel, can be older than the event's re-read).
   */
  protected notRefreshedSince(): (item: T) => boolean {
    const mark = this.refreshes;
    const since = (key: string) => (this.refreshedAt.get(key) ?? 0) > mark;
    return (item) => !since(item.uuid) && !since(item.name);
  }

  /**
   * Replaces the list with a bulk read's result (`fresh` taken when it started): an object an event
   * re-read since stays as that re-read found it — there, or gone.
   */
  protected replaceAllFrom(list: readonly T[], fresh: (item: T) => boolean): void {
    const newer = this.list().filter((item) => !fresh(item));
    this.replaceAll([...list.filter(fresh), ...newer]);
  }

  /** One object by UUID or name; undefined when libvirt has none. */
  protected abstract readOne(host: LiveHost, ref: string): Promise<T | undefined>;

  /** The whole list again (after a re-read that failed). */
  protected abstract reloadAll(host: LiveHost): Promise<void>;

  /**
   * Starts listening: through the daemon reader where the host has one (registered once this
   * resolves), else through virsh's event stream (and then catches up).
   */
  protected async startEvents(host: LiveHost): Promise<void> {
    if (!(await this.watchThroughReader(host))) await this.listenThroughVirsh(host);
  }

  /**
   * Registers for the kind's events on the daemon reader: once this resolves true the daemon
   * reports every later change (a read after it misses nothing). False where the host has no
   * reader or the daemon refused (virsh's stream then).
   */
  protected async watchThroughReader(host: LiveHost): Promise<boolean> {
    const watch = await watchThroughReader(host, this.events.kind, (name) => this.onEvent(host, name));
    if (watch) this.listenedThrough(watch);
    return watch !== undefined;
  }

  protected async listenThroughVirsh(host: LiveHost): Promise<void> {
    const stream = await listenForEvents(host, this.events.verb, (line) => {
      const name = this.events.nameIn(line);
      if (name !== undefined) this.onEvent(host, name);
    });
    this.stream = stream;
    if (!stream) return;
    // What changed between the first read and the stream's registration would never be reported.
    // Awaited: the part has settled (and the connect call returns) once it listens and caught up,
    // so nothing of the connect runs later on the shell.
    await stream.ready;
    if (host.current()) await this.catchUp(host).catch(() => undefined);
  }

  /**
   * Once the event stream listens: reads again what a first read made before that showed. Only a
   * kind that reads beside its stream starting (the VM list, for its first rows) needs one; the
   * others listen first and then read (nothing in between goes unreported).
   */
  protected catchUp(_host: LiveHost): Promise<void> {
    return Promise.resolve();
  }

  private listenedThrough(stream: { close(): void }): void {
    this.stream?.close();
    this.stream = stream;
  }

  protected stopListening(): void {
    for (const timer of this.refreshTimers.values()) clearTimeout(timer);
    this.refreshTimers.clear();
    this.stream?.close();
    this.stream = undefined;
  }

  /** An event names the object `name`: it is re-read once the burst of events about it settles. */
  protected onEvent(host: LiveHost, name: string): void {
    const ref = this.findByName(name)?.uuid ?? name;
    clearTimeout(this.refreshTimers.get(ref));
    this.refreshTimers.set(
      ref,
      setTimeout(() => {
        this.refreshTimers.delete(ref);
        this.refresh(host, ref).catch(() => this.reloadAll(host).catch(() => undefined));
      }, EVENT_SETTLE_MS),
    );
  }
}
