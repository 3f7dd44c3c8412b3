import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../common/dialog';
import { useStores } from '../../common/stores-context';
import { toApiError } from '../../api/api-error-from';

/** The volume's XML as libvirt describes it (read only). */
export function VolumeXmlDialog(props: { hostId: string; pool: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { volumes } = useStores();
  const [text, setText] = useState<string>(t('app.loading'));
  useEffect(() => {
    volumes
      .getState()
      .xml({ hostId: props.hostId, pool: props.pool, name: props.name })
      .then(
        (xml) => setText(xml),
        (e: unknown) => setText(toApiError(e).message),
      );
  }, [volumes, props.hostId, props.pool, props.name]);
  return (
    <Dialog title={t('volumes.xmlTitle', { name: props.name })} onCancel={props.onClose}>
      <pre className="volume-xml" tabIndex={0}>
        {text}
      </pre>
      <div className="dialog-buttons">
        <button type="button" onClick={props.onClose}>
          {t('actions.close')}
        </button>
      </div>
    </Dialog>
  );
}
