import { describe, expect, it } from 'vitest';
import { sparklineLength } from './ring-buffer';
import { createStatsStore, latestValue } from './stats-store';

describe('stats store', () => {
  it('keeps each VM’s history per host, bounded, with a new entry on every tick', () => {
    const store = createStatsStore(100);
    const seen: unknown[] = [];
    for (let i = 0; i < 150; i++) {
      store.getState().applyTick({
        hostId: 'h',
        at: i * 2000,
        stats: [{ uuid: 'a', cpuPercent: i, memoryKiB: i * 1024, memoryMaxKiB: 4096, diskReadBps: i * 10 }],
      });
      seen.push(store.getState().byKey['h/a']);
    }
    store
      .getState()
      .applyTick({ hostId: 'other', at: 0, stats: [{ uuid: 'a', cpuPercent: 99, memoryKiB: 1 }] });
    const series = store.getState().byKey['h/a']!;
    expect(series.history.length).toBe(100);
    expect(series.history.series('cpuPercent')[0]).toBe(50);
    expect(series.history.tail('cpuPercent', sparklineLength)).toHaveLength(sparklineLength);
    expect(latestValue(series, 'cpuPercent')).toBe(149);
    expect(latestValue(series, 'diskReadBps')).toBe(1490);
    expect(latestValue(series, 'netRxBps')).toBeUndefined();
    expect(series.memoryMaxKiB).toBe(4096);
    expect(series.revision).toBe(150);
    expect(new Set(seen).size).toBe(150);
    expect(latestValue(store.getState().byKey['other/a'], 'cpuPercent')).toBe(99);
  });

  it('forgets removed VMs and hosts', () => {
    const store = createStatsStore();
    store.getState().applyTick({
      hostId: 'h',
      at: 0,
      stats: [
        { uuid: 'a', cpuPercent: 1, memoryKiB: 1 },
        { uuid: 'b', cpuPercent: 1, memoryKiB: 1 },
      ],
    });
    store.getState().forget(['h/a']);
    expect(Object.keys(store.getState().byKey)).toEqual(['h/b']);
    store.getState().forgetHost('h');
    expect(store.getState().byKey).toEqual({});
  });
});
