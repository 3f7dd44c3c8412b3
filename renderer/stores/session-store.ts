import { createStore } from 'zustand/vanilla';
import type { CallResponse } from '../../shared/api/contract';
import type { TransportState } from '../api/renderer-api';

export type AppInfo = CallResponse<'app/info'>;

export type SessionState = {
  info: AppInfo | null;
  /** Whether the backend is reachable (only serve mode can lose it). */
  transport: TransportState;
  /** Bumped after each reconnect to the backend, so watchers re-subscribe. */
  epoch: number;
  /** The first read failed: the message to show instead of the list. */
  startupError: string | null;
  setInfo(info: AppInfo): void;
  setTransport(state: TransportState): void;
  setStartupError(message: string | null): void;
};

export function createSessionStore() {
  return createStore<SessionState>()((set) => ({
    info: null,
    transport: 'up',
    epoch: 0,
    startupError: null,
    setInfo: (info) => set({ info }),
    setTransport: (transport) =>
      set((state) =>
        transport === 'up' && state.transport === 'down'
          ? { transport, epoch: state.epoch + 1 }
          : { transport },
      ),
    setStartupError: (startupError) => set({ startupError }),
  }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;
