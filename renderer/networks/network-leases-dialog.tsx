import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkLease, NetworkSummary } from '../../shared/api/networks';
import { toApiError } from '../api/api-error-from';
import { Dialog } from '../common/dialog';
import { useStores } from '../common/stores-context';

/** Active DHCP leases (`net-dhcp-leases`), or libvirt's reason why there are none to show. */
export function NetworkLeasesDialog(props: { hostId: string; network: NetworkSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { networks } = useStores();
  const [leases, setLeases] = useState<NetworkLease[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    networks
      .getState()
      .leases(props.hostId, props.network.uuid)
      .then(setLeases, (e: unknown) => setError(toApiError(e).message));
  }, [networks, props.hostId, props.network.uuid]);
  const title = t('networks.leasesTitle', { name: props.network.name });
  return (
    <Dialog title={title} onCancel={props.onClose}>
      {error ? (
        <p role="alert">{error}</p>
      ) : !leases ? (
        <p>{t('networks.loading')}</p>
      ) : leases.length === 0 ? (
        <p>{t('networks.leasesNone')}</p>
      ) : (
        <table aria-label={title}>
          <thead>
            <tr>
              {(['expiry', 'mac', 'address', 'hostname'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`networks.leaseColumns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {leases.map((lease) => (
              <tr key={`${lease.mac}-${lease.address}`}>
                <td>{lease.expiry}</td>
                <td className="mono">{lease.mac}</td>
                <td className="mono">{lease.address}</td>
                <td>{lease.hostname}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={props.onClose}>
          {t('actions.close')}
        </button>
      </div>
    </Dialog>
  );
}
