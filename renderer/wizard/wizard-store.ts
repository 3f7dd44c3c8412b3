import { createStore } from 'zustand/vanilla';

export type PendingInstall = {
  hostId: string;
  uuid: string;
  name: string;
  /** What Cancel installation removes besides the definition (known once read from the host). */
  created?: Array<{ pool: string; volume: string }>;
};

export type WizardStoreState = {
  /** The New VM wizard is open (for a host, or asking which). */
  open: { hostId: string | undefined } | null;
  /**
   * VMs defined by "Customize before install", waiting for Begin / Cancel installation (by
   * `hostId/uuid`): set by the wizard at Finish and by reading a VM window's VM from its host (the
   * record lives in the VM's metadata, so it survives restarts and shows on every desktop).
   */
  pendingInstalls: Record<string, PendingInstall>;
  show(hostId?: string): void;
  close(): void;
  awaitInstall(pending: PendingInstall): void;
  installSettled(hostId: string, uuid: string): void;
};

/** Whether the New VM wizard is open (the toolbar and each host row open it), and VMs awaiting their install. */
export function createWizardStore() {
  return createStore<WizardStoreState>()((set) => ({
    open: null,
    pendingInstalls: {},
    show: (hostId) => set({ open: { hostId } }),
    close: () => set({ open: null }),
    awaitInstall: (p) =>
      set((s) => ({ pendingInstalls: { ...s.pendingInstalls, [`${p.hostId}/${p.uuid}`]: p } })),
    installSettled: (hostId, uuid) =>
      set((s) => {
        const { [`${hostId}/${uuid}`]: _gone, ...rest } = s.pendingInstalls;
        return { pendingInstalls: rest };
      }),
  }));
}

export type WizardStore = ReturnType<typeof createWizardStore>;
