import { describe, expect, it } from 'vitest';
import { summarise, toChartData } from './chart-data';

describe('toChartData', () => {
  it('gives uPlot seconds and nulls for missing values', () => {
    expect(toChartData([1000, 3000], [[5, NaN], new Float32Array([1, 2])], 10_000)).toEqual([
      [1, 3],
      [5, null],
      [1, 2],
    ]);
  });

  it('breaks the line where samples are further apart than the gap (nobody was watching)', () => {
    const [x, y] = toChartData([0, 2000, 3_602_000, 3_604_000], [[1, 2, 3, 4]], 6000);
    expect(x).toEqual([0, 2, 1802, 3602, 3604]);
    expect(y).toEqual([1, 2, null, 3, 4]);
  });
});

describe('summarise', () => {
  it('reads the newest value, the average and the peak, skipping samples without a value', () => {
    expect(summarise([10, NaN, 30, 20])).toEqual({ current: 20, average: 20, peak: 30 });
    expect(summarise([10, NaN])).toEqual({ current: undefined, average: 10, peak: 10 });
    expect(summarise([])).toEqual({ current: undefined, average: undefined, peak: undefined });
  });
});
