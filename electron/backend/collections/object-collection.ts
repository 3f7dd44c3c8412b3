import type { HostPart, LiveHost } from '../hosts/host-connection';

/** What every `<kind>/delta` event carries. */
export interface CollectionDelta<T> {
  hostId: string;
  /** True: this delta replaces the host's whole list (first read, reconnect, disconnect). */
  reset: boolean;
  upsert: T[];
  remove: string[];
}

/**
 * One kind of libvirt object on one host (domains, pools, networks, …): the cache, and the deltas
 * that keep the renderer's copy in step. Subclasses say how to read the list and one object, and
 * which event stream tells them about changes; this class keeps the map and emits.
 */
export abstract class ObjectCollection<T> implements HostPart {
  protected readonly items = new Map<string, T>();
  protected live: LiveHost | undefined;

  constructor(
    protected readonly hostId: string,
    private readonly emit: (delta: CollectionDelta<T>) => void,
    private readonly keyOf: (item: T) => string,
  ) {}

  list(): T[] {
    return [...this.items.values()];
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  find(match: (item: T) => boolean): T | undefined {
    for (const item of this.items.values()) if (match(item)) return item;
    return undefined;
  }

  async attach(host: LiveHost): Promise<void> {
    this.live = host;
    await this.load(host);
  }

  detach(): void {
    this.live = undefined;
    this.stopListening();
  }

  clear(): void {
    this.items.clear();
    this.emit({ hostId: this.hostId, reset: true, upsert: [], remove: [] });
  }

  /** Reads everything on a (re)connect and starts listening for changes. */
  protected abstract load(host: LiveHost): Promise<void>;

  /** Ends the event stream (if any) of the connection that went. */
  protected abstract stopListening(): void;

  /** Replaces the whole list (and tells the renderer). */
  protected replaceAll(items: readonly T[]): void {
    this.items.clear();
    for (const item of items) this.items.set(this.keyOf(item), item);
    this.emit({ hostId: this.hostId, reset: true, upsert: [...items], remove: [] });
  }

  /** Merges read objects (only those still known, unless `add`); removes by key. */
  protected change(upsert: readonly T[], remove: readonly string[] = [], add = true): T[] {
    const kept = add ? [...upsert] : upsert.filter((item) => this.items.has(this.keyOf(item)));
    const removed = remove.filter((key) => this.items.delete(key));
    for (const item of kept) this.items.set(this.keyOf(item), item);
    if (kept.length > 0 || removed.length > 0)
      this.emit({ hostId: this.hostId, reset: false, upsert: kept, remove: removed });
    return kept;
  }
}
