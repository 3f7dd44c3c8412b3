import { createStore } from 'zustand/vanilla';
import type { VirtdeskApi } from '../../shared/api/contract';
import type { DomainAction, DomainDelta, DomainSummary } from '../../shared/api/domains';
import { domainKey, type DomainKey } from './domain-key';

export type DomainMap = Record<string, DomainSummary>;

export type DomainsState = {
  /** hostId → uuid → summary. */
  byHost: Record<string, DomainMap>;
  /** Hosts whose full list has arrived (by a reset delta or domains/list). */
  listedHosts: Record<string, true>;
  /** VMs with an action in flight. */
  busy: Record<DomainKey, DomainAction>;
  /** Applies a pushed delta; returns the uuids it removed. */
  applyDelta(delta: DomainDelta): string[];
  /** Reads a host's list once (after connecting); deltas that arrive meanwhile are kept. */
  load(hostId: string): Promise<void>;
  upsert(hostId: string, summary: DomainSummary): void;
  forgetHost(hostId: string): void;
  setBusy(key: DomainKey, action: DomainAction | null): void;
};

/** Pure: the host's map after one delta (reset replaces, upsert merges, remove deletes). */
export function reduceDomainMap(current: DomainMap | undefined, delta: DomainDelta): DomainMap {
  const next: DomainMap = delta.reset ? {} : { ...current };
  for (const summary of delta.upsert) {
    const previous = delta.reset ? undefined : next[summary.uuid];
    next[summary.uuid] = previous ? { ...previous, ...summary } : summary;
  }
  for (const uuid of delta.remove) delete next[uuid];
  return next;
}

type Inflight = { deltas: DomainDelta[]; resetSeen: boolean };

export function createDomainsStore(api: VirtdeskApi) {
  const inflight = new Map<string, Inflight>();

  return createStore<DomainsState>()((set, get) => {
    const applyDelta = (delta: DomainDelta): string[] => {
      const loading = inflight.get(delta.hostId);
      if (loading) {
        if (delta.reset) loading.resetSeen = true;
        loading.deltas.push(delta);
      }
      const before = get().byHost[delta.hostId];
      const removed = delta.reset
        ? Object.keys(before ?? {}).filter((uuid) => !delta.upsert.some((summary) => summary.uuid === uuid))
        : delta.remove.filter((uuid) => before?.[uuid] !== undefined);
      set((state) => ({
        byHost: { ...state.byHost, [delta.hostId]: reduceDomainMap(state.byHost[delta.hostId], delta) },
        listedHosts: delta.reset ? { ...state.listedHosts, [delta.hostId]: true } : state.listedHosts,
      }));
      return removed;
    };

    return {
      byHost: {},
      listedHosts: {},
      busy: {},
      applyDelta,
      async load(hostId) {
        if (inflight.has(hostId)) return;
        const tracking: Inflight = { deltas: [], resetSeen: false };
        inflight.set(hostId, tracking);
        try {
          const list = await api.call('domains/list', { hostId });
          // A reset pushed while we waited is at least as new as this list: keep it.
          if (tracking.resetSeen) return;
          let map = reduceDomainMap(undefined, { hostId, reset: true, upsert: list, remove: [] });
          for (const delta of tracking.deltas) map = reduceDomainMap(map, delta);
          set((state) => ({
            byHost: { ...state.byHost, [hostId]: map },
            listedHosts: { ...state.listedHosts, [hostId]: true },
          }));
        } finally {
          inflight.delete(hostId);
        }
      },
      upsert(hostId, summary) {
        applyDelta({ hostId, reset: false, upsert: [summary], remove: [] });
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
      setBusy(key, action) {
        set((state) => {
          const busy = { ...state.busy };
          if (action) busy[key] = action;
          else delete busy[key];
          return { busy };
        });
      },
    };
  });
}

export type DomainsStore = ReturnType<typeof createDomainsStore>;

export function findDomain(state: Pick<DomainsState, 'byHost'>, key: DomainKey): DomainSummary | undefined {
  const slash = key.lastIndexOf('/');
  return state.byHost[key.slice(0, slash)]?.[key.slice(slash + 1)];
}

export { domainKey };
