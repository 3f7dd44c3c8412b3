import { describe, expect, it } from 'vitest';
import { defaultRetryDelay } from './host-connection';

describe('defaultRetryDelay', () => {
  it('retries a drop almost at once, then backs off from 1 s to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(defaultRetryDelay)).toEqual([
      100, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });
});
