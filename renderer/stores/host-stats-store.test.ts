import { describe, expect, it } from 'vitest';
import { createHostStatsStore } from './host-stats-store';

describe('host stats store', () => {
  it('keeps each host’s CPU and memory history, bounded, and forgets a removed host', () => {
    const store = createHostStatsStore(3);
    for (let i = 0; i < 5; i++)
      store.getState().applyTick({
        hostId: 'h',
        at: i,
        ...(i > 0 ? { cpuPercent: i * 10 } : {}),
        memoryUsedKiB: i,
        memoryTotalKiB: 100,
      });
    const series = store.getState().byHost['h']!;
    expect([...series.history.series('cpuPercent')]).toEqual([20, 30, 40]);
    expect(series.memoryTotalKiB).toBe(100);
    expect(series.revision).toBe(5);
    store.getState().forgetHost('h');
    expect(store.getState().byHost).toEqual({});
  });
});
