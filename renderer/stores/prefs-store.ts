import { createStore } from 'zustand/vanilla';
import type { VirtdeskApi } from '../../shared/api/contract';
import { Prefs } from '../../shared/api/prefs';

export type PrefsState = {
  prefs: Prefs;
  loaded: boolean;
  load(): Promise<void>;
  /** Saves a change; throws ApiError so the dialog can show it. */
  save(change: Partial<Prefs>): Promise<void>;
};

export const defaultPrefs: Prefs = Prefs.parse({});

export function createPrefsStore(api: VirtdeskApi) {
  return createStore<PrefsState>()((set) => ({
    prefs: defaultPrefs,
    loaded: false,
    async load() {
      set({ prefs: await api.call('prefs/get', {}), loaded: true });
    },
    async save(change) {
      set({ prefs: await api.call('prefs/set', change), loaded: true });
    },
  }));
}

export type PrefsStore = ReturnType<typeof createPrefsStore>;
