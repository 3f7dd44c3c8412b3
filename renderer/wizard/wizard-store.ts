import { createStore } from 'zustand/vanilla';

export type WizardStoreState = {
  /** The New VM wizard is open (for a host, or asking which). */
  open: { hostId: string | undefined } | null;
  show(hostId?: string): void;
  close(): void;
};

/** Whether the New VM wizard is open; the toolbar and each host row open it. */
export function createWizardStore() {
  return createStore<WizardStoreState>()((set) => ({
    open: null,
    show: (hostId) => set({ open: { hostId } }),
    close: () => set({ open: null }),
  }));
}

export type WizardStore = ReturnType<typeof createWizardStore>;
