import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainSummary } from '../../../shared/api/domains';
import { TimeSeriesChart, type ChartSeries } from '../../charts/time-series-chart';
import { useStoreState } from '../../common/stores-context';
import { useStatsGapMs, useStatsWatch } from '../../common/use-stats-watch';
import { domainKey } from '../../stores/domain-key';
import type { StatsSeries, VmStatsField } from '../../stores/stats-store';

const ACTIVE_STATES = new Set(['running', 'paused', 'idle', 'in_shutdown']);

/**
 * A VM's Performance pane: CPU, memory, disk I/O and network I/O over the time the app has been
 * watching (history kept per VM while the app runs). Fed by the host's one `domstats` per tick; while
 * mounted it counts as a watcher of that host, so the numbers flow even with the list hidden.
 */
export function VmPerformancePane({ hostId, domainName }: { hostId: string; domainName: string }) {
  const { t } = useTranslation();
  const domain = useStoreState('domains', (s) => findByName(s.byHost[hostId], domainName));
  const connected = useStoreState('hosts', (s) => s.byId[hostId]?.status.state === 'connected');
  useStatsWatch('stats/watch', hostId, connected);
  const series = useStoreState('stats', (s) =>
    domain ? s.byKey[domainKey(hostId, domain.uuid)] : undefined,
  );
  if (!domain) return <p role="status">{t('performance.noVm', { name: domainName })}</p>;
  return (
    <section className="vm-performance" aria-label={t('performance.vmTitle', { name: domain.name })}>
      {!connected && <p role="status">{t('performance.hostDown')}</p>}
      {connected && !ACTIVE_STATES.has(domain.state) && (
        <p role="status">{t('performance.notRunning', { name: domain.name })}</p>
      )}
      <VmCharts
        series={series}
        maxMemoryKiB={series?.memoryMaxKiB ?? domain.maxMemoryKiB ?? domain.memoryKiB}
      />
    </section>
  );
}

function VmCharts({ series, maxMemoryKiB }: { series: StatsSeries | undefined; maxMemoryKiB?: number }) {
  const { t } = useTranslation();
  const maxGapMs = useStatsGapMs();
  // New arrays on every tick (the entry's revision changes); an hour of one VM is ~1800 × 6 numbers.
  const data = useMemo(() => {
    const history = series?.history;
    const values = (field: VmStatsField) => (history ? history.series(field) : new Float32Array(0));
    return {
      times: history ? history.timeline() : new Float64Array(0),
      cpu: [{ label: t('performance.cpuSeries'), values: values('cpuPercent') }],
      memory: [
        { label: t('performance.memorySeries'), values: values('memoryKiB').map((kib) => kib * 1024) },
      ],
      disk: [
        { label: t('performance.read'), values: values('diskReadBps') },
        { label: t('performance.write'), values: values('diskWriteBps') },
      ],
      network: [
        { label: t('performance.received'), values: values('netRxBps') },
        { label: t('performance.sent'), values: values('netTxBps') },
      ],
    };
  }, [series, t]);
  const common = { times: data.times, maxGapMs };
  return (
    <div className="chart-grid">
      <TimeSeriesChart {...common} title={t('performance.cpu')} unit="percent" series={data.cpu} />
      <TimeSeriesChart
        {...common}
        title={t('performance.memory')}
        unit="bytes"
        series={data.memory}
        {...(maxMemoryKiB ? { max: maxMemoryKiB * 1024 } : {})}
      />
      <IoChart {...common} title={t('performance.disk')} series={data.disk} />
      <IoChart {...common} title={t('performance.network')} series={data.network} />
    </div>
  );
}

/** A rate chart, with a note when the VM reports no such counters at all (a disk-less VM, user networking). */
function IoChart(props: { title: string; times: Float64Array; maxGapMs: number; series: ChartSeries[] }) {
  const { t } = useTranslation();
  const none =
    props.times.length > 1 && props.series.every((s) => Array.prototype.every.call(s.values, Number.isNaN));
  return (
    <div>
      <TimeSeriesChart {...props} unit="bytesPerSecond" />
      {none && <p className="chart-note">{t('performance.noCounters')}</p>}
    </div>
  );
}

function findByName(
  domains: Record<string, DomainSummary> | undefined,
  name: string,
): DomainSummary | undefined {
  if (!domains) return undefined;
  for (const domain of Object.values(domains)) if (domain.name === name) return domain;
  return undefined;
}
