import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useStores } from '../common/stores-context';
import { XmlViewDialog } from '../common/xml-view-dialog';

/** A node device's XML as libvirt prints it (read only). */
export function DeviceXmlDialog(props: { hostId: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { nodeDevices } = useStores();
  const { hostId, name } = props;
  const read = useCallback(() => nodeDevices.getState().xml(hostId, name), [nodeDevices, hostId, name]);
  return (
    <XmlViewDialog
      title={t('nodeDevices.details.xmlTitle', { name })}
      read={read}
      onClose={props.onClose}
      className="pool-xml"
    />
  );
}
