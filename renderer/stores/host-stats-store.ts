import { createStore } from 'zustand/vanilla';
import type { HostStatsTick } from '../../shared/api/host-stats';
import { withSample, type History } from './ring-buffer';
import { statsHistorySamples } from './stats-store';

export const hostStatsFields = ['cpuPercent', 'memoryUsedKiB'] as const;
export type HostStatsField = (typeof hostStatsFields)[number];

/** One host's CPU and memory history while the app runs (gathered while its Overview is open). */
export type HostStatsSeries = History<HostStatsField> & { memoryTotalKiB: number };

export type HostStatsState = {
  byHost: Record<string, HostStatsSeries>;
  applyTick(tick: HostStatsTick): void;
  forgetHost(hostId: string): void;
};

export function createHostStatsStore(capacity = statsHistorySamples) {
  return createStore<HostStatsState>()((set) => ({
    byHost: {},
    applyTick(tick) {
      set((state) => ({
        byHost: {
          ...state.byHost,
          [tick.hostId]: {
            ...withSample(state.byHost[tick.hostId], hostStatsFields, capacity, tick.at, tick),
            memoryTotalKiB: tick.memoryTotalKiB,
          },
        },
      }));
    },
    forgetHost(hostId) {
      set((state) => {
        const byHost = { ...state.byHost };
        delete byHost[hostId];
        return { byHost };
      });
    },
  }));
}

export type HostStatsStore = ReturnType<typeof createHostStatsStore>;
