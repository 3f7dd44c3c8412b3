import { createStore } from 'zustand/vanilla';
import type { CallRequest, VirtdeskApi } from '../../shared/api/contract';
import type { NetworkSpec } from '../../shared/api/network-spec';
import type { HostInterface, NetworkAction, NetworkLease, NetworkSummary } from '../../shared/api/networks';
import { collectionSlice, type CollectionState } from '../stores/collection-store';

export type NetworksState = CollectionState<NetworkSummary> & {
  /** hostId → the host's interfaces (for the Create dialog), once read. */
  interfaces: Record<string, HostInterface[]>;
  /** `hostId/uuid` → the action in flight. */
  busy: Record<string, NetworkAction>;
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
  /** The network's XML as libvirt prints it. */
  xml(hostId: string, uuid: string): Promise<string>;
  /** Active DHCP leases (`net-dhcp-leases`); rejects with libvirt's reason. */
  leases(hostId: string, uuid: string): Promise<NetworkLease[]>;
  /** Replaces one subnet's DHCP range and static hosts (`net-update`); resolves with the backend's message. */
  updateDhcp(request: CallRequest<'networks/update-dhcp'>): Promise<string>;
};

/** Virtual networks per host, by UUID (the shared collection pattern), plus interfaces and actions. */
export function createNetworksStore(api: VirtdeskApi) {
  return createStore<NetworksState>()((set, get) => {
    const collection = collectionSlice<NetworkSummary>(
      { list: (hostId) => api.call('networks/list', { hostId }), keyOf: (n) => n.uuid },
      set,
      get,
    );
    const upsert = (hostId: string, summary: NetworkSummary | undefined) => {
      if (summary) get().applyDelta({ hostId, reset: false, upsert: [summary], remove: [] });
    };
    return {
      ...collection,
      interfaces: {},
      busy: {},
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
      async xml(hostId, uuid) {
        return (await api.call('networks/xml', { hostId, uuid })).xml;
      },
      leases: (hostId, uuid) => api.call('networks/leases', { hostId, uuid }),
      async updateDhcp(request) {
        const { summary, message } = await api.call('networks/update-dhcp', request);
        upsert(request.hostId, summary);
        return message;
      },
      forgetHost(hostId) {
        collection.forgetHost(hostId);
        set((state) => {
          const interfaces = { ...state.interfaces };
          delete interfaces[hostId];
          return { interfaces };
        });
      },
    };
  });
}
