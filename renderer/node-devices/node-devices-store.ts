import { createStore } from 'zustand/vanilla';
import type { VirtdeskApi } from '../../shared/api/contract';
import type {
  NodeDevice,
  NodeDeviceAction,
  NodeDeviceDelta,
  NodeDeviceListing,
} from '../../shared/api/node-devices';
import { reduceCollection } from '../stores/collection-store';

type DeviceMap = Record<string, NodeDevice>;
const keyOf = (device: NodeDevice) => device.name;

export type NodeDevicesState = {
  /** hostId → device name → device (relations are computed where shown, with the host's VMs). */
  byHost: Record<string, DeviceMap>;
  /** hostId → how the list was read (a refused listing's notice; live or refreshed by hand). */
  listing: Record<string, NodeDeviceListing>;
  /** `hostId/name` → the action in flight. */
  busy: Record<string, NodeDeviceAction>;
  applyDelta(delta: NodeDeviceDelta): void;
  /** Reads a host's devices (again, with `refresh`); deltas pushed meanwhile are replayed on top. */
  load(hostId: string, refresh?: boolean): Promise<void>;
  /** Detach / reattach; resolves with the backend's message, rejects with libvirt's. */
  act(hostId: string, name: string, action: NodeDeviceAction): Promise<string>;
  forgetHost(hostId: string): void;
};

/** Node devices per host, read by nodedevices/list when the Devices tab opens, kept by nodedevices/delta. */
export function createNodeDevicesStore(api: VirtdeskApi) {
  const loading = new Map<string, NodeDeviceDelta[]>();
  return createStore<NodeDevicesState>()((set, get) => ({
    byHost: {},
    listing: {},
    busy: {},
    applyDelta(delta) {
      loading.get(delta.hostId)?.push(delta);
      set((state) => ({
        byHost: {
          ...state.byHost,
          [delta.hostId]: reduceCollection(state.byHost[delta.hostId], delta, keyOf),
        },
      }));
    },
    async load(hostId, refresh = false) {
      if (loading.has(hostId)) return;
      const pushed: NodeDeviceDelta[] = [];
      loading.set(hostId, pushed);
      try {
        const { devices, listing } = await api.call('nodedevices/list', { hostId, refresh });
        set((state) => ({ listing: { ...state.listing, [hostId]: listing } }));
        // A reset pushed meanwhile (the read this call caused, or a reconnect's) is newer: it wins.
        if (pushed.some((d) => d.reset)) return;
        const map = pushed.reduce(
          (current, delta) => reduceCollection(current, delta, keyOf),
          reduceCollection<NodeDevice>(
            undefined,
            { hostId, reset: true, upsert: devices, remove: [] },
            keyOf,
          ),
        );
        set((state) => ({ byHost: { ...state.byHost, [hostId]: map } }));
      } finally {
        loading.delete(hostId);
      }
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
    forgetHost(hostId) {
      set((state) => {
        const byHost = { ...state.byHost };
        const listing = { ...state.listing };
        delete byHost[hostId];
        delete listing[hostId];
        return { byHost, listing };
      });
    },
  }));
}

export type NodeDevicesStore = ReturnType<typeof createNodeDevicesStore>;
