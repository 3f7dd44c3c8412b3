import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolSummary } from '../../../shared/api/pools';
import { toApiError } from '../../api/api-error-from';
import { Dialog } from '../../common/dialog';
import { FormError } from '../../common/form-error';
import { useStores } from '../../common/stores-context';

/** The pool's XML as libvirt prints it (read only). */
export function PoolXmlDialog({
  hostId,
  pool,
  onClose,
}: {
  hostId: string;
  pool: PoolSummary;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { poolCalls } = useStores();
  const [xml, setXml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    poolCalls.xml(hostId, pool.uuid).then(
      (text) => live && setXml(text),
      (err: unknown) => live && setError(toApiError(err).message),
    );
    return () => {
      live = false;
    };
  }, [poolCalls, hostId, pool.uuid]);

  const title = t('pools.xmlTitle', { name: pool.name });
  return (
    <Dialog title={title} onCancel={onClose} className="pool-xml">
      {error ? (
        <FormError message={error} />
      ) : (
        <textarea
          readOnly
          aria-label={title}
          className="mono xml-view"
          rows={18}
          value={xml ?? t('app.loading')}
        />
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('actions.close')}
        </button>
      </div>
    </Dialog>
  );
}
