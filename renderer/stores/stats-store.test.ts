import { describe, expect, it } from 'vitest';
import { appendBounded, statsHistoryLength } from './ring-buffer';
import { createStatsStore, latestValue } from './stats-store';

describe('appendBounded', () => {
  it('keeps at most the newest `capacity` values, oldest first', () => {
    let values: number[] = [];
    for (let i = 1; i <= 5; i++) values = appendBounded(values, i, 3);
    expect(values).toEqual([3, 4, 5]);
  });

  it('does not change the input', () => {
    const before = [1, 2];
    expect(appendBounded(before, 3, 2)).toEqual([2, 3]);
    expect(before).toEqual([1, 2]);
  });
});

describe('stats store', () => {
  it('keeps the last 40 points per VM and host', () => {
    const store = createStatsStore();
    for (let i = 0; i < 50; i++) {
      store
        .getState()
        .applyTick({ hostId: 'h', at: i, stats: [{ uuid: 'a', cpuPercent: i, memoryKiB: i * 1024 }] });
    }
    store
      .getState()
      .applyTick({ hostId: 'other', at: 0, stats: [{ uuid: 'a', cpuPercent: 99, memoryKiB: 1 }] });
    const series = store.getState().byKey['h/a']!;
    expect(series.cpuPercent).toHaveLength(statsHistoryLength);
    expect(series.cpuPercent[0]).toBe(10);
    expect(latestValue(series.cpuPercent)).toBe(49);
    expect(latestValue(series.memoryKiB)).toBe(49 * 1024);
    expect(latestValue(store.getState().byKey['other/a']!.cpuPercent)).toBe(99);
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
