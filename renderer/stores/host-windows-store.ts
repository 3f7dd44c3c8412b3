import { createStore } from 'zustand/vanilla';

export type HostTab = 'overview' | 'storage' | 'networks' | 'devices';

export type HostWindowsState = {
  /** The host whose details window is open (one at a time), and its tab. */
  open: { hostId: string; tab: HostTab } | null;
  show(hostId: string, tab?: HostTab): void;
  setTab(tab: HostTab): void;
  close(): void;
};

export function createHostWindowsStore() {
  return createStore<HostWindowsState>()((set) => ({
    open: null,
    show: (hostId, tab = 'storage') => set({ open: { hostId, tab } }),
    setTab: (tab) => set((state) => (state.open ? { open: { ...state.open, tab } } : state)),
    close: () => set({ open: null }),
  }));
}
