import { createStore } from 'zustand/vanilla';
import type { VirtdeskApi } from '../../shared/api/contract';
import type { DomainAction, DomainDelta, DomainSummary } from '../../shared/api/domains';
import {
  collectionSlice,
  reduceCollection,
  type CollectionKind,
  type CollectionState,
} from './collection-store';
import { domainKey, type DomainKey } from './domain-key';

export type DomainMap = Record<string, DomainSummary>;

export type DomainsState = CollectionState<DomainSummary> & {
  /** VMs with an action in flight. */
  busy: Record<DomainKey, DomainAction>;
  upsert(hostId: string, summary: DomainSummary): void;
  setBusy(key: DomainKey, action: DomainAction | null): void;
};

/** Domains are keyed by UUID; an upsert merges into the summary already there. */
const domainKeys: Pick<CollectionKind<DomainSummary>, 'keyOf' | 'merge'> = {
  keyOf: (d) => d.uuid,
  merge: (previous, next) => ({ ...previous, ...next }),
};

/** Pure: the host's map after one delta (reset replaces, upsert merges, remove deletes). */
export function reduceDomainMap(current: DomainMap | undefined, delta: DomainDelta): DomainMap {
  return reduceCollection(current, delta, domainKeys);
}

/** VMs per host (the shared collection pattern), plus which have an action in flight. */
export function createDomainsStore(api: VirtdeskApi) {
  return createStore<DomainsState>()((set, get) => ({
    ...collectionSlice({ ...domainKeys, list: (hostId) => api.call('domains/list', { hostId }) }, set, get),
    busy: {},
    upsert(hostId, summary) {
      get().applyDelta({ hostId, reset: false, upsert: [summary], remove: [] });
    },
    setBusy(key, action) {
      set((state) => {
        const busy = { ...state.busy };
        if (action) busy[key] = action;
        else delete busy[key];
        return { busy };
      });
    },
  }));
}

export type DomainsStore = ReturnType<typeof createDomainsStore>;

export function findDomain(state: Pick<DomainsState, 'byHost'>, key: DomainKey): DomainSummary | undefined {
  const slash = key.lastIndexOf('/');
  return state.byHost[key.slice(0, slash)]?.[key.slice(slash + 1)];
}

export { domainKey };
