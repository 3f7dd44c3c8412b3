import { createStore } from 'zustand/vanilla';
import type { CollectionDelta } from './collection-delta';

/** One kind of libvirt object (pools, networks, …) as the renderer keeps it: by host, then by key. */
export type CollectionState<T> = {
  /** hostId → key → object. */
  byHost: Record<string, Record<string, T>>;
  /** Hosts whose full list has arrived (by a reset delta or the list call). */
  listedHosts: Record<string, true>;
  applyDelta(delta: CollectionDelta<T>): void;
  /** Reads a host's list once; deltas that arrive meanwhile are kept. */
  load(hostId: string): Promise<void>;
  forgetHost(hostId: string): void;
};

/** Pure: the host's map after one delta (reset replaces, upsert merges, remove deletes). */
export function reduceCollection<T>(
  current: Record<string, T> | undefined,
  delta: CollectionDelta<T>,
  keyOf: (item: T) => string,
): Record<string, T> {
  const next: Record<string, T> = delta.reset ? {} : { ...current };
  for (const item of delta.upsert) next[keyOf(item)] = item;
  for (const key of delta.remove) delete next[key];
  return next;
}

/**
 * The shared pattern of the per-kind stores: apply pushed `<kind>/delta`s, read the list once when a
 * view needs it (a reset pushed meanwhile wins; other deltas are replayed on top of the list).
 */
export function createCollectionStore<T>(list: (hostId: string) => Promise<T[]>, keyOf: (item: T) => string) {
  const inflight = new Map<string, { deltas: CollectionDelta<T>[]; resetSeen: boolean }>();
  return createStore<CollectionState<T>>()((set) => ({
    byHost: {},
    listedHosts: {},
    applyDelta(delta) {
      const loading = inflight.get(delta.hostId);
      if (loading) {
        if (delta.reset) loading.resetSeen = true;
        loading.deltas.push(delta);
      }
      set((state) => ({
        byHost: {
          ...state.byHost,
          [delta.hostId]: reduceCollection(state.byHost[delta.hostId], delta, keyOf),
        },
        listedHosts: delta.reset ? { ...state.listedHosts, [delta.hostId]: true } : state.listedHosts,
      }));
    },
    async load(hostId) {
      if (inflight.has(hostId)) return;
      const tracking = { deltas: [] as CollectionDelta<T>[], resetSeen: false };
      inflight.set(hostId, tracking);
      try {
        const items = await list(hostId);
        if (tracking.resetSeen) return;
        let map = reduceCollection(undefined, { hostId, reset: true, upsert: items, remove: [] }, keyOf);
        for (const delta of tracking.deltas) map = reduceCollection(map, delta, keyOf);
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
  }));
}
