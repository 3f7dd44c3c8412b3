import { describe, expect, it } from 'vitest';
import { memoryAmount } from './format-memory';

describe('memoryAmount', () => {
  it('picks binary units', () => {
    expect(memoryAmount(512)).toEqual({ value: '512', unit: 'KiB' });
    expect(memoryAmount(2048)).toEqual({ value: '2', unit: 'MiB' });
    expect(memoryAmount(1024 * 1024)).toEqual({ value: '1', unit: 'GiB' });
    expect(memoryAmount(1.5 * 1024 * 1024)).toEqual({ value: '1.5', unit: 'GiB' });
    expect(memoryAmount(3 * 1024 ** 3)).toEqual({ value: '3', unit: 'TiB' });
    expect(memoryAmount(0)).toEqual({ value: '0', unit: 'KiB' });
  });

  it('writes the value with the locale’s digits (issue 15)', () => {
    expect(memoryAmount(1.5 * 1024 * 1024, 'zh-CN')).toEqual({ value: '1.5', unit: 'GiB' });
    expect(memoryAmount(1.5 * 1024 * 1024, 'de')).toEqual({ value: '1,5', unit: 'GiB' });
    expect(memoryAmount(1536 * 1024 * 1024, 'en')).toEqual({ value: '1.5', unit: 'TiB' });
  });
});
