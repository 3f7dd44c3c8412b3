import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkDeadline } from './network-deadline';

describe('NetworkDeadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('expires when the network is silent for its whole window', () => {
    const expired = vi.fn();
    new NetworkDeadline(1000, expired).start();
    vi.advanceTimersByTime(999);
    expect(expired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expired).toHaveBeenCalledOnce();
  });

  it('does not run while a person answers, however long, then gives the network a fresh window', async () => {
    const expired = vi.fn();
    const deadline = new NetworkDeadline(1000, expired);
    deadline.start();
    vi.advanceTimersByTime(900);
    let answer!: (v: string) => void;
    const asked = deadline.whilePersonAnswers(() => new Promise<string>((r) => (answer = r)));
    vi.advanceTimersByTime(60 * 60_000); // an hour comparing fingerprints
    expect(expired).not.toHaveBeenCalled();
    answer('trust');
    await expect(asked).resolves.toBe('trust');
    vi.advanceTimersByTime(999);
    expect(expired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expired).toHaveBeenCalledOnce();
  });

  it('never fires after stop()', () => {
    const expired = vi.fn();
    const deadline = new NetworkDeadline(10, expired);
    deadline.start();
    deadline.stop();
    vi.advanceTimersByTime(100);
    expect(expired).not.toHaveBeenCalled();
  });
});
