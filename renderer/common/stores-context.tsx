import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { ActivityState } from '../stores/activity-store';
import type { Stores } from '../stores/create-stores';
import type { DomainsState } from '../stores/domains-store';
import type { HostOverviewState } from '../stores/host-overview-store';
import type { HostsState } from '../stores/hosts-store';
import type { HostWindowsState } from '../stores/host-windows-store';
import type { PoolsState } from '../stores/pools-store';
import type { NetworksState } from '../networks/networks-store';
import type { NodeDevicesState } from '../node-devices/node-devices-store';
import type { PrefsState } from '../stores/prefs-store';
import type { PromptsState } from '../stores/prompts-store';
import type { SessionState } from '../stores/session-store';
import type { StatsState } from '../stores/stats-store';
import type { UiState } from '../stores/ui-store';
import type { JobsState } from '../stores/jobs-store';
import type { VolumesState } from '../stores/volumes-store';
// Host performance graphs (issue 10)
import type { HostStatsState } from '../stores/host-stats-store';
import type { DetailsState } from '../details/details-store';
import type { WizardStoreState } from '../wizard/wizard-store';
// A network's XML edited with a diff before apply (issue 10)
import type { NetworkEditState } from '../networks/network-edit-store';

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

/** The stores the app was started with (tests and the composition root pass their own). */
export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores outside <StoresProvider>');
  return stores;
}

type StoreStates = {
  activity: ActivityState;
  session: SessionState;
  hosts: HostsState;
  domains: DomainsState;
  stats: StatsState;
  prompts: PromptsState;
  prefs: PrefsState;
  ui: UiState;
  jobs: JobsState;
  volumes: VolumesState;
  hostOverview: HostOverviewState;
  pools: PoolsState;
  hostWindows: HostWindowsState;
  networks: NetworksState;
  nodeDevices: NodeDevicesState;
  hostStats: HostStatsState;
  details: DetailsState;
  wizard: WizardStoreState;
  // A network's XML edited with a diff before apply (issue 10)
  networkEdit: NetworkEditState;
};

/** Reads a slice of one store and re-renders when that slice changes (the selector must return stable values). */
export function useStoreState<K extends keyof StoreStates, T>(
  name: K,
  selector: (state: StoreStates[K]) => T,
): T {
  const store = useStores()[name] as unknown as StoreApi<StoreStates[K]>;
  return useStore<StoreApi<StoreStates[K]>, T>(store, selector);
}
