import { createStore } from 'zustand/vanilla';
import type { CollectionDelta } from './collection-delta';

/** One kind of libvirt object (domains, pools, networks, …) as the renderer keeps it: by host, then by key. */
export type CollectionState<T> = {
  /** hostId → key → object. */
  byHost: Record<string, Record<string, T>>;
  /** Hosts whose full list has arrived (by a reset delta or the list call). */
  listedHosts: Record<string, true>;
  /** Applies a pushed delta; returns the keys it removed (a reset removes what it does not list). */
  applyDelta(delta: CollectionDelta<T>): string[];
  /** Reads a host's list once; deltas that arrive meanwhile are kept. */
  load(hostId: string): Promise<void>;
  forgetHost(hostId: string): void;
};

export interface CollectionKind<T> {
  /** The host's full list (`<kind>/list`). */
  list: (hostId: string) => Promise<T[]>;
  keyOf: (item: T) => string;
  /**
   * How an upsert meets the object already there (not on a reset). Default: it replaces it. Domains
   * merge, since a quick delta may carry fewer fields than the XML-read summary it updates.
   */
  merge?: (previous: T, next: T) => T;
}

/** Pure: the host's map after one delta (reset replaces, upsert merges or replaces, remove deletes). */
export function reduceCollection<T>(
  current: Record<string, T> | undefined,
  delta: CollectionDelta<T>,
  kind: Pick<CollectionKind<T>, 'keyOf' | 'merge'>,
): Record<string, T> {
  const next: Record<string, T> = delta.reset ? {} : { ...current };
  for (const item of delta.upsert) {
    const key = kind.keyOf(item);
    const previous = delta.reset ? undefined : next[key];
    next[key] = previous !== undefined && kind.merge ? kind.merge(previous, item) : item;
  }
  for (const key of delta.remove) delete next[key];
  return next;
}

type SetCollection<T> = (fn: (state: CollectionState<T>) => Partial<CollectionState<T>>) => void;

/**
 * The shared pattern of the per-kind stores, as a slice a kind's store spreads into its own state
 * (and adds its actions to): apply pushed `<kind>/delta`s, read the list once when a view needs it
 * (a reset pushed meanwhile wins; other deltas are replayed on top of the list).
 */
export function collectionSlice<T>(
  kind: CollectionKind<T>,
  set: SetCollection<T>,
  get: () => CollectionState<T>,
): CollectionState<T> {
  const inflight = new Map<string, { deltas: CollectionDelta<T>[]; resetSeen: boolean }>();
  return {
    byHost: {},
    listedHosts: {},
    applyDelta(delta) {
      const loading = inflight.get(delta.hostId);
      if (loading) {
        if (delta.reset) loading.resetSeen = true;
        loading.deltas.push(delta);
      }
      const before = get().byHost[delta.hostId] ?? {};
      const after = reduceCollection(before, delta, kind);
      const removed = Object.keys(before).filter((key) => !(key in after));
      set((state) => ({
        byHost: { ...state.byHost, [delta.hostId]: after },
        listedHosts: delta.reset ? { ...state.listedHosts, [delta.hostId]: true } : state.listedHosts,
      }));
      return removed;
    },
    async load(hostId) {
      if (inflight.has(hostId)) return;
      const tracking = { deltas: [] as CollectionDelta<T>[], resetSeen: false };
      inflight.set(hostId, tracking);
      try {
        const items = await kind.list(hostId);
        // A reset pushed while we waited is at least as new as this list: keep it.
        if (tracking.resetSeen) return;
        let map = reduceCollection(undefined, { hostId, reset: true, upsert: items, remove: [] }, kind);
        for (const delta of tracking.deltas) map = reduceCollection(map, delta, kind);
        set((state) => ({
          byHost: { ...state.byHost, [hostId]: map },
          listedHosts: { ...state.listedHosts, [hostId]: true },
        }));
      } finally {
        inflight.delete(hostId);
      }
    },
    forgetHost(hostId) {
      set((state) => {
        const byHost = { ...state.byHost };
        const listedHosts = { ...state.listedHosts };
        delete byHost[hostId];
        delete listedHosts[hostId];
        return { byHost, listedHosts };
      });
    },
  };
}

/** A store that is just the collection (pools). */
export function createCollectionStore<T>(list: (hostId: string) => Promise<T[]>, keyOf: (item: T) => string) {
  return createStore<CollectionState<T>>()((set, get) => collectionSlice({ list, keyOf }, set, get));
}
