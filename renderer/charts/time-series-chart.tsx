import { useEffect, useId, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './charts.css';
import { toChartData } from './chart-data';
import { formatChartTime, formatChartValue, type ChartUnit } from './chart-format';
import { ChartSummary, type ChartSeries } from './chart-summary';
import { useChartWords } from './use-chart-words';
import { usePrefersDark } from './use-prefers-dark';

export type { ChartSeries } from './chart-summary';

export interface TimeSeriesChartProps {
  title: string;
  unit: ChartUnit;
  /** Sample times in ms since the epoch, oldest first. */
  times: ArrayLike<number>;
  /** Up to four lines, each with a value (or NaN) per time. */
  series: readonly ChartSeries[];
  /** The value axis reaches at least this high (100 for percent, a VM's memory). */
  max?: number;
  /** Samples further apart than this are not joined by a line (nobody was watching then). */
  maxGapMs: number;
  height?: number;
}

/**
 * A time-series graph (uPlot on a canvas) with locale-aware axes, colours from the theme's CSS
 * variables (`--chart-*`, redrawn when the system switches light/dark), and the same numbers in text
 * for screen readers (ChartSummary).
 */
export function TimeSeriesChart({
  title,
  unit,
  times,
  series,
  max,
  maxGapMs,
  height = 140,
}: TimeSeriesChartProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const { words, locale } = useChartWords();
  const dark = usePrefersDark();
  const data = useMemo(
    () =>
      toChartData(
        times,
        series.map((s) => s.values),
        maxGapMs,
      ),
    [times, series, maxGapMs],
  );
  const latestData = useRef(data);
  latestData.current = data;
  const labels = series.map((s) => s.label).join('\n');

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const format = (v: number) => formatChartValue(unit, v, locale, words);
    const css = getComputedStyle(el);
    const color = (name: string) => css.getPropertyValue(name).trim();
    const axis = {
      stroke: color('--chart-axis'),
      grid: { stroke: color('--chart-grid'), width: 1 },
      ticks: { show: false },
    };
    const options: uPlot.Options = {
      width: Math.max(100, el.clientWidth),
      height,
      legend: { show: true, live: true },
      cursor: { y: false },
      scales: {
        x: { time: true },
        y: {
          range: (_u, _min, dataMax) => [
            0,
            unit === 'percent' ? 100 : Math.max(max ?? 0, (dataMax ?? 0) * 1.1, 1024),
          ],
        },
      },
      axes: [
        { ...axis, space: 90, values: (_u, splits) => splits.map((s) => formatChartTime(s * 1000, locale)) },
        { ...axis, size: 80, values: (_u, splits) => splits.map(format) },
      ],
      series: [
        { value: (_u, v) => (v == null ? '—' : formatChartTime(v * 1000, locale)) },
        ...labels.split('\n').map((label, index) => ({
          label,
          stroke: color(`--chart-${index + 1}`),
          fill: series.length === 1 ? color(`--chart-${index + 1}-fill`) : undefined,
          width: 1.5,
          spanGaps: false,
          points: { show: false },
          value: (_u: uPlot, v: number | null) => (v == null ? '—' : format(v)),
        })),
      ],
    };
    const chart = new uPlot(options, latestData.current, el);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(100, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // Rebuilt only when what it draws with changes; new data goes through setData below.
  }, [unit, locale, words, dark, labels, max, height]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      <div ref={box} className="chart-plot" aria-hidden="true" data-points={times.length} />
      <ChartSummary unit={unit} times={times} series={series} />
    </figure>
  );
}
