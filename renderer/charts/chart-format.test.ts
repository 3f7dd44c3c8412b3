import { describe, expect, it } from 'vitest';
import { formatChartTime, formatChartValue, formatSpan, type UnitWords } from './chart-format';

const words: UnitWords = {
  percent: (v) => `${v} %`,
  amount: (v, u) => `${v} ${u}`,
  rate: (v, u) => `${v} ${u}/s`,
};

describe('chart formatting', () => {
  it('formats percent, memory and rates with binary units', () => {
    expect(formatChartValue('percent', 12.345, 'en', words)).toBe('12 %');
    expect(formatChartValue('percent', 2.345, 'en', words)).toBe('2.3 %');
    expect(formatChartValue('bytes', 1.5 * 1024 ** 3, 'en', words)).toBe('1.5 GiB');
    expect(formatChartValue('bytesPerSecond', 320 * 1024, 'en', words)).toBe('320 KiB/s');
    expect(formatChartValue('bytesPerSecond', 0, 'en', words)).toBe('0 B/s');
  });

  it('follows the locale for numbers and clock times', () => {
    expect(formatChartValue('bytes', 1.5 * 1024 ** 2, 'de', words)).toBe('1,5 MiB');
    const at = new Date(2026, 10, 30, 14, 5, 9).getTime();
    expect(formatChartTime(at, 'de')).toBe('14:05:09');
    expect(formatChartTime(at, 'en-US')).toMatch(/^2:05:09\sPM$/);
  });

  it('says how long a history spans', () => {
    expect(formatSpan(30_000, 'en')).toBe('30 seconds');
    expect(formatSpan(5 * 60_000, 'en')).toBe('5 minutes');
    expect(formatSpan(3 * 3_600_000, 'en')).toBe('3 hours');
  });
});
