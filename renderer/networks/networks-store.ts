import { createStore } from 'zustand/vanilla';
import type { VirtdeskApi } from '../../shared/api/contract';
import type { NetworkSpec } from '../../shared/api/network-spec';
import type { HostInterface, NetworkAction, NetworkDelta, NetworkSummary } from '../../shared/api/networks';

type NetworkMap = Record<string, NetworkSummary>;

export type NetworksState = {
  /** hostId → uuid → network. */
  byHost: Record<string, NetworkMap>;
  /** Hosts whose full list has arrived (a reset delta or networks/list). */
  listedHosts: Record<string, true>;
  /** hostId → the host's interfaces (for the Create dialog), once read. */
  interfaces: Record<string, HostInterface[]>;
  /** `hostId/uuid` → the action in flight. */
  busy: Record<string, NetworkAction>;
  applyDelta(delta: NetworkDelta): void;
  /** Reads a host's list once; deltas pushed meanwhile are replayed on top (a reset wins). */
  load(hostId: string): Promise<void>;
  loadInterfaces(hostId: string): Promise<HostInterface[]>;
  /** Runs an action; resolves with the backend's message. */
  act(hostId: string, uuid: string, action: NetworkAction): Promise<string>;
  /** Defines (and starts) a network; resolves with the backend's message and the new network. */
  define(
    hostId: string,
    spec: NetworkSpec,
    start: boolean,
    autostart: boolean,
  ): Promise<{ summary?: NetworkSummary; message: string }>;
  forgetHost(hostId: string): void;
};

/** Pure: the host's map after one delta (reset replaces, upsert merges, remove deletes). */
export function reduceNetworks(current: NetworkMap | undefined, delta: NetworkDelta): NetworkMap {
  const next: NetworkMap = delta.reset ? {} : { ...current };
  for (const network of delta.upsert) next[network.uuid] = network;
  for (const uuid of delta.remove) delete next[uuid];
  return next;
}

// When the pools branch's generic collection store lands, byHost/listedHosts/applyDelta/load are
// `createCollectionStore(list, (n) => n.uuid)`; the rest stays here.
export function createNetworksStore(api: VirtdeskApi) {
  const loading = new Map<string, NetworkDelta[]>();
  return createStore<NetworksState>()((set, get) => {
    const put = (hostId: string, map: NetworkMap, listed: boolean) =>
      set((state) => ({
        byHost: { ...state.byHost, [hostId]: map },
        listedHosts: listed ? { ...state.listedHosts, [hostId]: true } : state.listedHosts,
      }));
    const upsert = (hostId: string, summary: NetworkSummary | undefined) => {
      if (summary) get().applyDelta({ hostId, reset: false, upsert: [summary], remove: [] });
    };
    return {
      byHost: {},
      listedHosts: {},
      interfaces: {},
      busy: {},
      applyDelta(delta) {
        loading.get(delta.hostId)?.push(delta);
        put(delta.hostId, reduceNetworks(get().byHost[delta.hostId], delta), delta.reset);
      },
      async load(hostId) {
        if (loading.has(hostId)) return;
        const pushed: NetworkDelta[] = [];
        loading.set(hostId, pushed);
        try {
          const list = await api.call('networks/list', { hostId });
          if (pushed.some((d) => d.reset)) return;
          const map = pushed.reduce(
            reduceNetworks,
            reduceNetworks(undefined, { hostId, reset: true, upsert: list, remove: [] }),
          );
          put(hostId, map, true);
        } finally {
          loading.delete(hostId);
        }
      },
      async loadInterfaces(hostId) {
        const list = await api.call('networks/interfaces', { hostId });
        set((state) => ({ interfaces: { ...state.interfaces, [hostId]: list } }));
        return list;
      },
      async act(hostId, uuid, action) {
        const key = `${hostId}/${uuid}`;
        set((state) => ({ busy: { ...state.busy, [key]: action } }));
        try {
          const { summary, message } = await api.call('networks/action', { hostId, uuid, action });
          if (action === 'undefine' && !summary)
            get().applyDelta({ hostId, reset: false, upsert: [], remove: [uuid] });
          upsert(hostId, summary);
          return message;
        } finally {
          set((state) => {
            const busy = { ...state.busy };
            delete busy[key];
            return { busy };
          });
        }
      },
      async define(hostId, spec, start, autostart) {
        const result = await api.call('networks/define', { hostId, spec, start, autostart });
        upsert(hostId, result.summary);
        return result;
      },
      forgetHost(hostId) {
        set((state) => {
          const byHost = { ...state.byHost };
          const listedHosts = { ...state.listedHosts };
          const interfaces = { ...state.interfaces };
          delete byHost[hostId];
          delete listedHosts[hostId];
          delete interfaces[hostId];
          return { byHost, listedHosts, interfaces };
        });
      },
    };
  });
}
