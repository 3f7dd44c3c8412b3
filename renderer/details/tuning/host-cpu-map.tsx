import { useFormatBytes } from '../../i18n/use-format-bytes';
import type { XmlDocument } from '../../../shared/xml/document';
import { useDetailsT } from '../details-strings';
import { cpuMap } from './cpu-map-model';
import { useHostTopology } from './use-host-topology';

/** The host's NUMA nodes with their CPUs (and what this VM pins to each) and page sizes. */
export function HostCpuMap({ hostId, doc }: { hostId: string; doc: XmlDocument }) {
  const formatBytes = useFormatBytes(); // issue 15: sizes in the window's language
  const t = useDetailsT();
  const { cells } = useHostTopology(hostId);
  if (cells.length === 0) return <p className="field-hint">{t('tnNoTopology')}</p>;
  const pinText = (code: string) => {
    const [kind, n] = code.split(':');
    return kind === 'vcpu'
      ? t('tnPinVcpu', { n })
      : kind === 'iothread'
        ? t('tnPinIothread', { n })
        : t('tnPinEmulator');
  };
  return (
    <section className="host-cpu-map" aria-label={t('tnHostCpuMap')}>
      <h4>{t('tnHostCpuMap')}</h4>
      {cpuMap(cells, doc).map((node) => (
        <div key={node.id} className="numa-node" role="group" aria-label={t('tnNumaNode', { id: node.id })}>
          <p>
            {t('tnNumaNode', { id: node.id })}
            {node.memoryKiB !== undefined && ` · ${formatBytes(node.memoryKiB * 1024)}`}
            {node.pages.length > 0 &&
              ` · ${t('tnPageSizes', {
                sizes: node.pages.map((p) => `${formatBytes(p.sizeKiB * 1024)} × ${p.total}`).join(', '),
              })}`}
          </p>
          <ul className="cpu-cells">
            {node.cpus.map((cpu) => (
              <li key={cpu.id} className={cpu.pinned.length > 0 ? 'pinned' : undefined}>
                <span className="cpu-id">{t('tnHostCpu', { id: cpu.id })}</span>
                {cpu.pinned.length > 0 && (
                  <span className="cpu-pins">{cpu.pinned.map(pinText).join(', ')}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
