import { createStore } from 'zustand/vanilla';
import type { StatsTick } from '../../shared/api/domains';
import { domainKey, type DomainKey } from './domain-key';
import { appendBounded } from './ring-buffer';

/** The last ≤40 samples of one VM, oldest first. */
export type StatsSeries = { cpuPercent: number[]; memoryKiB: number[] };

export type StatsState = {
  byKey: Record<DomainKey, StatsSeries>;
  applyTick(tick: StatsTick): void;
  forget(keys: DomainKey[]): void;
  forgetHost(hostId: string): void;
};

const emptySeries: StatsSeries = { cpuPercent: [], memoryKiB: [] };

export function createStatsStore() {
  return createStore<StatsState>()((set) => ({
    byKey: {},
    applyTick(tick) {
      set((state) => {
        const byKey = { ...state.byKey };
        for (const sample of tick.stats) {
          const key = domainKey(tick.hostId, sample.uuid);
          const series = byKey[key] ?? emptySeries;
          byKey[key] = {
            cpuPercent: appendBounded(series.cpuPercent, sample.cpuPercent),
            memoryKiB: appendBounded(series.memoryKiB, sample.memoryKiB),
          };
        }
        return { byKey };
      });
    },
    forget(keys) {
      if (keys.length === 0) return;
      set((state) => {
        const byKey = { ...state.byKey };
        for (const key of keys) delete byKey[key];
        return { byKey };
      });
    },
    forgetHost(hostId) {
      const prefix = `${hostId}/`;
      set((state) => ({
        byKey: Object.fromEntries(Object.entries(state.byKey).filter(([key]) => !key.startsWith(prefix))),
      }));
    },
  }));
}

export type StatsStore = ReturnType<typeof createStatsStore>;

export function latestValue(values: readonly number[] | undefined): number | undefined {
  return values && values.length > 0 ? values[values.length - 1] : undefined;
}
