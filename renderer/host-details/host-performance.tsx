import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TimeSeriesChart } from '../charts/time-series-chart';
import { useStoreState } from '../common/stores-context';
import { useStatsGapMs, useStatsWatch } from '../common/use-stats-watch';

/**
 * Host details → Overview: the host's CPU and memory over time. The host is polled (`nodecpustats` +
 * `nodememstats`, one round trip per tick) only while this is on screen; what was gathered stays for
 * the next time it opens, as long as the app runs.
 */
export function HostPerformance({ hostId }: { hostId: string }) {
  const { t } = useTranslation();
  useStatsWatch('stats/watch-host', hostId);
  const series = useStoreState('hostStats', (s) => s.byHost[hostId]);
  const maxGapMs = useStatsGapMs();
  const data = useMemo(() => {
    const history = series?.history;
    return {
      times: history ? history.timeline() : new Float64Array(0),
      cpu: [
        {
          label: t('hostPerformance.cpuSeries'),
          values: history ? history.series('cpuPercent') : new Float32Array(0),
        },
      ],
      memory: [
        {
          label: t('hostPerformance.memorySeries'),
          values: history ? history.series('memoryUsedKiB').map((kib) => kib * 1024) : new Float32Array(0),
        },
      ],
    };
  }, [series, t]);
  return (
    <section aria-labelledby="host-performance-title" className="host-performance">
      <h3 id="host-performance-title">{t('hostPerformance.title')}</h3>
      <div className="chart-grid">
        <TimeSeriesChart
          title={t('hostPerformance.cpu')}
          unit="percent"
          times={data.times}
          series={data.cpu}
          maxGapMs={maxGapMs}
        />
        <TimeSeriesChart
          title={t('hostPerformance.memory')}
          unit="bytes"
          times={data.times}
          series={data.memory}
          maxGapMs={maxGapMs}
          {...(series?.memoryTotalKiB ? { max: series.memoryTotalKiB * 1024 } : {})}
        />
      </div>
    </section>
  );
}
