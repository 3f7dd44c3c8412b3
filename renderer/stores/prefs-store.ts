import { createStore } from 'zustand/vanilla';
import type { VirtdeskApi } from '../../shared/api/contract';
import { Prefs, type PrefsChange } from '../../shared/api/prefs';

export type PrefsState = {
  prefs: Prefs;
  loaded: boolean;
  load(): Promise<void>;
  /** Saves a change (groups merged field by field); throws ApiError so the dialog can show it. */
  save(change: PrefsChange): Promise<void>;
  /** The backend's `prefs/changed`: a change made in this window or another. */
  apply(prefs: Prefs): void;
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
    apply(prefs) {
      set({ prefs, loaded: true });
    },
  }));
}

export type PrefsStore = ReturnType<typeof createPrefsStore>;
