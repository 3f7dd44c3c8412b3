import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TickPoller } from './tick-poller';

describe('TickPoller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ticks at once and then every interval while watched, never when nobody watches', async () => {
    const tick = vi.fn(async () => undefined);
    const poller = new TickPoller(tick, () => 1000);
    poller.watch(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(tick).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(tick).toHaveBeenCalledTimes(3);
    poller.watch(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(tick).toHaveBeenCalledTimes(3);
  });

  it('runs one loop when a watcher leaves and another comes during a tick', async () => {
    let finish: () => void = () => undefined;
    let running = 0;
    let most = 0;
    const tick = vi.fn(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => (finish = resolve));
      running--;
    });
    const poller = new TickPoller(tick, () => 1000);
    poller.watch(true);
    await vi.advanceTimersByTimeAsync(0);
    poller.watch(false);
    poller.watch(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(tick).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(tick).toHaveBeenCalledTimes(2);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(most).toBe(1);
    poller.stop();
  });
});
