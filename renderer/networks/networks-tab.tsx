import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-error-from';
import { useStoreState, useStores } from '../common/stores-context';
import { CreateNetworkDialog } from './create-network-dialog';
import { NetworkDhcpDialog } from './network-dhcp-dialog';
import { NetworkLeasesDialog } from './network-leases-dialog';
import { NetworkTable } from './network-table';
import { NetworkToolbar, type NetworkDialog } from './network-toolbar';
import { NetworkXmlDialog } from './network-xml-dialog';

/**
 * The host details window's Networks tab: every virtual network of the host, live by
 * networks/delta, with the action table's actions, Create, XML and DHCP leases.
 */
export function NetworksTab({ hostId }: { hostId: string }) {
  const { t } = useTranslation();
  const { networks: store, activity } = useStores();
  const byUuid = useStoreState('networks', (state) => state.byHost[hostId]);
  const listed = useStoreState('networks', (state) => state.listedHosts[hostId] === true);
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<NetworkDialog>(null);
  const networks = useMemo(
    () => Object.values(byUuid ?? {}).sort((a, b) => a.name.localeCompare(b.name)),
    [byUuid],
  );
  const network = selected ? byUuid?.[selected] : undefined;

  useEffect(() => {
    store
      .getState()
      .load(hostId)
      .catch((error: unknown) =>
        activity.getState().post('error', 'networks.actionFailed', {
          action: t('networks.list'),
          name: hostId,
          message: toApiError(error).message,
        }),
      );
  }, [store, activity, hostId, t]);

  return (
    <div className="networks-tab">
      <NetworkToolbar hostId={hostId} network={network} onDialog={setDialog} />
      {!listed ? (
        <p className="loading">{t('networks.loading')}</p>
      ) : networks.length === 0 ? (
        <p>{t('networks.none')}</p>
      ) : (
        <NetworkTable networks={networks} selected={network?.uuid ?? null} onSelect={setSelected} />
      )}
      {dialog === 'add' && (
        <CreateNetworkDialog hostId={hostId} onClose={() => setDialog(null)} onCreated={setSelected} />
      )}
      {dialog === 'xml' && network && (
        <NetworkXmlDialog hostId={hostId} network={network} onClose={() => setDialog(null)} />
      )}
      {dialog === 'dhcp' && network && (
        <NetworkDhcpDialog hostId={hostId} network={network} onClose={() => setDialog(null)} />
      )}
      {dialog === 'leases' && network && (
        <NetworkLeasesDialog hostId={hostId} network={network} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
