import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from '../../shared/api/networks';
import { toApiError } from '../api/api-error-from';
import { Dialog } from '../common/dialog';
import { useStores } from '../common/stores-context';

/** The network's XML as libvirt has it (read only). */
export function NetworkXmlDialog(props: { hostId: string; network: NetworkSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { api } = useStores();
  const [text, setText] = useState<{ xml?: string; error?: string }>({});
  useEffect(() => {
    api.call('networks/xml', { hostId: props.hostId, uuid: props.network.uuid }).then(
      ({ xml }) => setText({ xml }),
      (error: unknown) => setText({ error: toApiError(error).message }),
    );
  }, [api, props.hostId, props.network.uuid]);
  return (
    <Dialog title={t('networks.xmlTitle', { name: props.network.name })} onCancel={props.onClose}>
      {text.error ? (
        <p role="alert">{text.error}</p>
      ) : (
        <textarea
          readOnly
          aria-label={t('networks.xmlTitle', { name: props.network.name })}
          className="mono xml-view"
          rows={20}
          cols={80}
          value={text.xml ?? t('networks.loading')}
        />
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={props.onClose}>
          {t('actions.close')}
        </button>
      </div>
    </Dialog>
  );
}
