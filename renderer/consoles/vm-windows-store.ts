import { createStore } from 'zustand/vanilla';
import type { VmPage } from './vm-page-ids';

export type { VmPage };
export type VmWindowRef = { hostId: string; uuid: string; page: VmPage };

export type VmWindowsState = {
  /** Open VM windows, in tab order; several VMs' consoles can be open at once. */
  open: VmWindowRef[];
  /** Key (`hostId/uuid`) of the one in front. */
  active: string | null;
  show(hostId: string, uuid: string, page?: VmPage): void;
  setPage(hostId: string, uuid: string, page: VmPage): void;
  close(hostId: string, uuid: string): void;
};

export const vmWindowKey = (hostId: string, uuid: string) => `${hostId}/${uuid}`;

export function createVmWindowsStore() {
  return createStore<VmWindowsState>()((set) => ({
    open: [],
    active: null,
    show: (hostId, uuid, page = 'console') =>
      set((s) => {
        const key = vmWindowKey(hostId, uuid);
        const exists = s.open.some((w) => vmWindowKey(w.hostId, w.uuid) === key);
        const open = exists
          ? s.open.map((w) => (vmWindowKey(w.hostId, w.uuid) === key ? { ...w, page } : w))
          : [...s.open, { hostId, uuid, page }];
        return { open, active: key };
      }),
    setPage: (hostId, uuid, page) =>
      set((s) => ({
        open: s.open.map((w) => (w.hostId === hostId && w.uuid === uuid ? { ...w, page } : w)),
      })),
    close: (hostId, uuid) =>
      set((s) => {
        const key = vmWindowKey(hostId, uuid);
        const open = s.open.filter((w) => vmWindowKey(w.hostId, w.uuid) !== key);
        const last = open[open.length - 1];
        return {
          open,
          active: s.active === key ? (last ? vmWindowKey(last.hostId, last.uuid) : null) : s.active,
        };
      }),
  }));
}

export type VmWindowsStore = ReturnType<typeof createVmWindowsStore>;
