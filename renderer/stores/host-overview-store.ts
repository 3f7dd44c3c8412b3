import { createStore } from 'zustand/vanilla';
import type { VirtdeskApi } from '../../shared/api/contract';
import type { HostOverview, ReadinessCheck } from '../../shared/api/host-overview';
import { toApiError } from '../api/api-error-from';

export type HostOverviewEntry = {
  overview?: HostOverview;
  readiness?: ReadinessCheck[];
  loading: boolean;
  error?: string;
};

export type HostOverviewState = {
  byHost: Record<string, HostOverviewEntry>;
  /** Reads a host's overview and readiness checks (again). */
  load(hostId: string): Promise<void>;
};

/** The host details window's Overview: read when it is shown, kept until read again. */
export function createHostOverviewStore(api: VirtdeskApi) {
  return createStore<HostOverviewState>()((set, get) => {
    const update = (hostId: string, entry: Partial<HostOverviewEntry>) =>
      set((state) => ({
        byHost: { ...state.byHost, [hostId]: { ...(state.byHost[hostId] ?? { loading: false }), ...entry } },
      }));
    return {
      byHost: {},
      async load(hostId) {
        if (get().byHost[hostId]?.loading) return;
        update(hostId, { loading: true });
        try {
          const [overview, readiness] = await Promise.all([
            api.call('hosts/overview', { hostId }),
            api.call('hosts/readiness', { hostId }),
          ]);
          set((state) => ({
            byHost: { ...state.byHost, [hostId]: { overview, readiness, loading: false } },
          }));
        } catch (error) {
          update(hostId, { loading: false, error: toApiError(error).message });
        }
      },
    };
  });
}

export type HostOverviewStore = ReturnType<typeof createHostOverviewStore>;
