import { useTranslation } from 'react-i18next';
import { summarise } from './chart-data';
import { formatChartTime, formatChartValue, formatSpan, type ChartUnit } from './chart-format';
import { useChartWords } from './use-chart-words';

export interface ChartSeries {
  label: string;
  values: ArrayLike<number>;
}

/**
 * What the graph shows, in words, one line per series: the newest value and when it was read, the
 * average and the peak over the history. Screen readers read this instead of the canvas; it also
 * names each line's colour for everyone.
 */
export function ChartSummary({
  unit,
  times,
  series,
}: {
  unit: ChartUnit;
  times: ArrayLike<number>;
  series: readonly ChartSeries[];
}) {
  const { t } = useTranslation();
  const { words, locale } = useChartWords();
  const value = (v: number | undefined) =>
    v === undefined ? t('charts.noValue') : formatChartValue(unit, v, locale, words);
  const last = times.length > 0 ? times[times.length - 1]! : undefined;
  return (
    <ul className="chart-summary">
      {series.map((s, index) => {
        const summary = summarise(s.values);
        return (
          <li key={s.label} className={`chart-series-${index + 1}`}>
            {last === undefined || summary.average === undefined
              ? t('charts.noData', { label: s.label })
              : t('charts.summary', {
                  label: s.label,
                  current: value(summary.current),
                  time: formatChartTime(last, locale),
                  average: value(summary.average),
                  peak: value(summary.peak),
                  span: formatSpan(last - times[0]!, locale),
                })}
          </li>
        );
      })}
    </ul>
  );
}
