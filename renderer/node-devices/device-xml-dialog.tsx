import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/api-error-from';
import { Dialog } from '../common/dialog';
import { useStores } from '../common/stores-context';

/** A node device's XML as libvirt prints it (read only). */
export function DeviceXmlDialog(props: { hostId: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { api } = useStores();
  const [text, setText] = useState<{ xml?: string; error?: string }>({});
  useEffect(() => {
    api.call('nodedevices/xml', { hostId: props.hostId, name: props.name }).then(
      ({ xml }) => setText({ xml }),
      (error: unknown) => setText({ error: toApiError(error).message }),
    );
  }, [api, props.hostId, props.name]);
  const title = t('nodeDevices.details.xmlTitle', { name: props.name });
  return (
    <Dialog title={title} onCancel={props.onClose} className="pool-xml">
      {text.error ? (
        <p role="alert">{text.error}</p>
      ) : (
        <textarea
          readOnly
          aria-label={title}
          className="mono xml-view"
          rows={20}
          cols={80}
          value={text.xml ?? t('nodeDevices.loading')}
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
