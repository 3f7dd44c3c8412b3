import { createStore } from 'zustand/vanilla';
import type { VirtdeskApi } from '../../shared/api/contract';
import type { NodeDevice, NodeDeviceAction, NodeDeviceListing } from '../../shared/api/node-devices';
import { collectionSlice, type CollectionState } from '../stores/collection-store';

export type NodeDevicesState = Omit<CollectionState<NodeDevice>, 'load'> & {
  /** hostId → how the list was read (a refused listing's notice; live or refreshed by hand). */
  listing: Record<string, NodeDeviceListing>;
  /** `hostId/name` → the action in flight. */
  busy: Record<string, NodeDeviceAction>;
  /** Reads a host's devices (again, with `refresh`); deltas pushed meanwhile are replayed on top. */
  load(hostId: string, refresh?: boolean): Promise<void>;
  /** Detach / reattach; resolves with the backend's message, rejects with libvirt's. */
  act(hostId: string, name: string, action: NodeDeviceAction): Promise<string>;
  /** The device's XML as libvirt prints it. */
  xml(hostId: string, name: string): Promise<string>;
};

/**
 * Node devices per host (the shared collection pattern, by name), read by nodedevices/list when the
 * Devices tab opens and kept by nodedevices/delta; relations are computed where shown, with the host's VMs.
 */
export function createNodeDevicesStore(api: VirtdeskApi) {
  const refreshNext = new Set<string>();
  return createStore<NodeDevicesState>()((set, get) => {
    const collection = collectionSlice<NodeDevice>(
      {
        keyOf: (device) => device.name,
        list: async (hostId) => {
          const refresh = refreshNext.delete(hostId);
          const { devices, listing } = await api.call('nodedevices/list', { hostId, refresh });
          set((state) => ({ listing: { ...state.listing, [hostId]: listing } }));
          return devices;
        },
      },
      set,
      get,
    );
    return {
      ...collection,
      listing: {},
      busy: {},
      load(hostId, refresh = false) {
        if (refresh) refreshNext.add(hostId);
        return collection.load(hostId);
      },
      async act(hostId, name, action) {
        const key = `${hostId}/${name}`;
        set((state) => ({ busy: { ...state.busy, [key]: action } }));
        try {
          const { message, devices } = await api.call('nodedevices/action', { hostId, name, action });
          get().applyDelta({ hostId, reset: false, upsert: devices, remove: [] });
          return message;
        } finally {
          set((state) => {
            const busy = { ...state.busy };
            delete busy[key];
            return { busy };
          });
        }
      },
      async xml(hostId, name) {
        return (await api.call('nodedevices/xml', { hostId, name })).xml;
      },
      forgetHost(hostId) {
        collection.forgetHost(hostId);
        set((state) => {
          const listing = { ...state.listing };
          delete listing[hostId];
          return { listing };
        });
      },
    };
  });
}

export type NodeDevicesStore = ReturnType<typeof createNodeDevicesStore>;
