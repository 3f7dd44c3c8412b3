import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostOverview, ReadinessCheck } from '../../shared/api/host-overview';
import { useFormatBytes } from '../i18n/use-format-bytes';
import { useStoreState, useStores } from '../common/stores-context';

/** Host details → Overview, read from the host: versions, CPU and memory, NUMA cells, readiness checks. */
export function HostFacts({ hostId }: { hostId: string }) {
  const { t } = useTranslation();
  const { hostOverview } = useStores();
  const entry = useStoreState('hostOverview', (s) => s.byHost[hostId]);
  useEffect(() => {
    void hostOverview.getState().load(hostId);
  }, [hostOverview, hostId]);
  if (entry?.error) return <p role="alert">{t('hostOverview.failed', { message: entry.error })}</p>;
  if (!entry?.overview) return <p role="status">{t('hostOverview.loading')}</p>;
  return (
    <div className="host-facts">
      <Facts overview={entry.overview} />
      <NumaCells overview={entry.overview} />
      <Readiness checks={entry.readiness ?? []} />
      <button
        type="button"
        onClick={() => void hostOverview.getState().load(hostId)}
        disabled={entry.loading}
      >
        {t('hostOverview.refresh')}
      </button>
    </div>
  );
}

function Facts({ overview: o }: { overview: HostOverview }) {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes(); // issue 15: sizes in the window's language
  const kib = (value: number | undefined) => (value === undefined ? '—' : formatBytes(value * 1024));
  const rows: Array<[string, string | undefined]> = [
    ['hostname', o.hostname],
    ['uri', o.uri],
    ['libvirt', o.libvirtVersion],
    ['hypervisor', o.hypervisor],
    ['cpu', [o.cpuVendor, o.cpuModel, o.arch].filter(Boolean).join(' ') || undefined],
    [
      'topology',
      o.cpus === undefined
        ? undefined
        : t('hostOverview.topologyValue', {
            cpus: o.cpus,
            sockets: o.sockets ?? '?',
            cores: o.cores ?? '?',
            threads: o.threads ?? '?',
          }),
    ],
    ['memory', t('hostOverview.memoryValue', { total: kib(o.memoryKiB), free: kib(o.freeMemoryKiB) })],
  ];
  return (
    <section aria-labelledby="host-overview-facts">
      <h3 id="host-overview-facts">{t('hostOverview.title')}</h3>
      <dl className="facts">
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`hostOverview.${key}`)}</dt>
            <dd>{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function NumaCells({ overview }: { overview: HostOverview }) {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes(); // issue 15: sizes in the window's language
  if (overview.numaCells.length === 0) return null;
  return (
    <section aria-labelledby="host-overview-numa">
      <h3 id="host-overview-numa">{t('hostOverview.numa')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('hostOverview.cell')}</th>
            <th scope="col">{t('hostOverview.cpus')}</th>
            <th scope="col">{t('hostOverview.memory')}</th>
            <th scope="col">{t('hostOverview.hugepages')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.numaCells.map((cell) => (
            <tr key={cell.id}>
              <td>{cell.id}</td>
              <td>{cell.cpus.join(', ')}</td>
              <td>
                {cell.memoryKiB === undefined ? '—' : formatBytes(cell.memoryKiB * 1024)}
                {cell.freeKiB === undefined
                  ? ''
                  : ` (${t('hostOverview.free', { free: formatBytes(cell.freeKiB * 1024) })})`}
              </td>
              <td>
                {cell.pages
                  .filter((p) => p.sizeKiB > 4)
                  .map((p) =>
                    t('hostOverview.pagesValue', {
                      size: formatBytes(p.sizeKiB * 1024),
                      total: p.total,
                      free: p.free ?? '?',
                    }),
                  )
                  .join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Readiness({ checks }: { checks: ReadinessCheck[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="host-overview-readiness">
      <h3 id="host-overview-readiness">{t('hostOverview.readiness')}</h3>
      <ul className="readiness" aria-label={t('hostOverview.readiness')}>
        {checks.map((check) => (
          <li key={check.id} className={`readiness-${check.status}`}>
            <strong>{t(`hostOverview.status.${check.status}`)}</strong> {check.title}: {check.detail}
            {check.advice && <div className="readiness-advice">{check.advice}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
