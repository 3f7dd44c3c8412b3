import { createStore } from 'zustand/vanilla';
import type { StatsTick } from '../../shared/api/domains';
import { domainKey, type DomainKey } from './domain-key';
import { withSample, type History } from './ring-buffer';

/** What each VM's history keeps per tick (the one `domstats` per host gives all of it). */
export const vmStatsFields = [
  'cpuPercent',
  'memoryKiB',
  'diskReadBps',
  'diskWriteBps',
  'netRxBps',
  'netTxBps',
] as const;
export type VmStatsField = (typeof vmStatsFields)[number];

/** Samples kept per VM and per host: one hour at the default 2 s tick (bench/stats-history-bench.ts). */
export const statsHistorySamples = 1800;

/**
 * One VM's history while the app runs. `history` is mutated in place; a new entry object (with the
 * next revision) is stored on every tick, which is what components re-render on.
 */
export type StatsSeries = History<VmStatsField> & {
  /** The VM's memory (balloon maximum) at the newest tick: the top of its memory graph. */
  memoryMaxKiB?: number;
};

export type StatsState = {
  byKey: Record<DomainKey, StatsSeries>;
  applyTick(tick: StatsTick): void;
  forget(keys: DomainKey[]): void;
  forgetHost(hostId: string): void;
};

export function createStatsStore(capacity = statsHistorySamples) {
  return createStore<StatsState>()((set) => ({
    byKey: {},
    applyTick(tick) {
      set((state) => {
        const byKey = { ...state.byKey };
        for (const sample of tick.stats) {
          const key = domainKey(tick.hostId, sample.uuid);
          const before = byKey[key];
          byKey[key] = {
            ...withSample(before, vmStatsFields, capacity, tick.at, sample),
            memoryMaxKiB: sample.memoryMaxKiB ?? before?.memoryMaxKiB,
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

/** The newest value of one field of a VM's history. */
export function latestValue(series: StatsSeries | undefined, field: VmStatsField): number | undefined {
  return series?.history.latest(field);
}
