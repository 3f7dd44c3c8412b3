import type uPlot from 'uplot';

/**
 * Times (ms) and the series' values → uPlot's aligned columns (time in seconds; null for "no value").
 * Where two samples are further apart than `maxGapMs` (nobody was watching, the host was away, the
 * VM was shut off) a point of nulls goes between them, so the line breaks instead of bridging hours
 * with a straight line.
 */
export function toChartData(
  times: ArrayLike<number>,
  series: readonly ArrayLike<number>[],
  maxGapMs: number,
): uPlot.AlignedData {
  const x: number[] = [];
  const ys: (number | null)[][] = series.map(() => []);
  for (let i = 0; i < times.length; i++) {
    const at = times[i]!;
    if (i > 0 && at - times[i - 1]! > maxGapMs) {
      x.push((times[i - 1]! + at) / 2000);
      for (const y of ys) y.push(null);
    }
    x.push(at / 1000);
    series.forEach((values, s) => {
      const value = values[i]!;
      ys[s]!.push(Number.isFinite(value) ? value : null);
    });
  }
  return [x, ...ys];
}

/** The newest value (if the newest sample has one), the average and the peak of a series. */
export interface SeriesSummary {
  current: number | undefined;
  average: number | undefined;
  peak: number | undefined;
}

export function summarise(values: ArrayLike<number>): SeriesSummary {
  let sum = 0;
  let count = 0;
  let peak = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isFinite(value)) continue;
    sum += value;
    count++;
    peak = Math.max(peak, value);
  }
  const last = values.length > 0 ? values[values.length - 1]! : NaN;
  return {
    current: Number.isFinite(last) ? last : undefined,
    average: count > 0 ? sum / count : undefined,
    peak: count > 0 ? peak : undefined,
  };
}
