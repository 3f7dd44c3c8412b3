import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from '../../shared/api/networks';
import { useStores } from '../common/stores-context';
import { XmlViewDialog } from '../common/xml-view-dialog';

/** The network's XML as libvirt has it (read only). */
export function NetworkXmlDialog(props: { hostId: string; network: NetworkSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { networks } = useStores();
  const { hostId } = props;
  const { uuid } = props.network;
  const read = useCallback(() => networks.getState().xml(hostId, uuid), [networks, hostId, uuid]);
  return (
    <XmlViewDialog
      title={t('networks.xmlTitle', { name: props.network.name })}
      read={read}
      onClose={props.onClose}
    />
  );
}
