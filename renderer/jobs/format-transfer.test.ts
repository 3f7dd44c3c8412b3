import { describe, expect, it } from 'vitest';
import { formatDuration, transferFigures } from './format-transfer';

describe('transfer figures', () => {
  it('shows bytes, rate and time left', () => {
    expect(transferFigures({ done: 512 * 2 ** 20, total: 2 ** 30, rate: 64 * 2 ** 20 })).toEqual({
      done: '512 MiB',
      total: '1 GiB',
      rate: '64 MiB',
      eta: '8 s',
    });
    expect(transferFigures({ done: 0 })).toEqual({ done: '0 bytes' });
  });

  it('reads durations as people do', () => {
    expect(formatDuration(185)).toBe('3 min 5 s');
    expect(formatDuration(3720)).toBe('1 h 2 min');
  });
});
