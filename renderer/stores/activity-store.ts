import { createStore } from 'zustand/vanilla';

export type NoticeTone = 'progress' | 'success' | 'error' | 'info';
export type NoticeParams = Record<string, string | number>;

/** One entry of the action log. `key` is an i18n key; components translate it with `params`. */
export type Notice = {
  id: number;
  tone: NoticeTone;
  key: string;
  params: NoticeParams;
  at: number;
  /** Errors stay visible as alerts until the user dismisses them. */
  dismissed: boolean;
};

export type ActivityState = {
  notices: Notice[];
  /** Adds an entry; returns its id so a progress entry can later be finished. */
  post(tone: NoticeTone, key: string, params?: NoticeParams): number;
  finish(id: number, tone: NoticeTone, key: string, params?: NoticeParams): void;
  dismiss(id: number): void;
};

export const activityLogLength = 200;

export function createActivityStore(now: () => number = Date.now) {
  let nextId = 1;
  return createStore<ActivityState>()((set) => ({
    notices: [],
    post(tone, key, params = {}) {
      const id = nextId++;
      const notice: Notice = { id, tone, key, params, at: now(), dismissed: false };
      set((state) => ({ notices: [...state.notices, notice].slice(-activityLogLength) }));
      return id;
    },
    finish(id, tone, key, params = {}) {
      set((state) => ({
        notices: state.notices.map((notice) =>
          notice.id === id ? { ...notice, tone, key, params, at: now() } : notice,
        ),
      }));
    },
    dismiss(id) {
      set((state) => ({
        notices: state.notices.map((notice) => (notice.id === id ? { ...notice, dismissed: true } : notice)),
      }));
    },
  }));
}

export type ActivityStore = ReturnType<typeof createActivityStore>;
