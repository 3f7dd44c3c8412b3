import { useTranslation } from 'react-i18next';
import { useStoreState } from '../common/stores-context';
import { hostStateText } from '../hosts/host-state-text';
import { HostFacts } from './host-facts';
import { HostPerformance } from './host-performance';

/** What the connection knows about the host (URI, hypervisor, CPUs, state), then what the host says. */
export function HostOverview({ hostId }: { hostId: string }) {
  const { t, i18n } = useTranslation();
  const view = useStoreState('hosts', (state) => state.byId[hostId]);
  if (!view) return null;
  const { status } = view;
  return (
    <>
      <dl className="host-overview">
        <dt>{t('hostDetails.uri')}</dt>
        <dd className="mono">{view.config.uri}</dd>
        <dt>{t('hostDetails.hypervisor')}</dt>
        <dd className="mono">{status.hypervisor ?? t('list.noValue')}</dd>
        <dt>{t('hostDetails.cpus')}</dt>
        <dd>{status.hostCpus ?? t('list.noValue')}</dd>
        <dt>{t('hostDetails.state')}</dt>
        <dd>{hostStateText(t, status, i18n.language)}</dd>
      </dl>
      {status.state === 'connected' && <HostPerformance hostId={hostId} />}
      {status.state === 'connected' && <HostFacts hostId={hostId} />}
    </>
  );
}
