import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolSummary } from '../../../shared/api/pools';
import { toApiError } from '../../api/api-error-from';
import { Dialog } from '../../common/dialog';
import { FormError } from '../../common/form-error';
import { useStores } from '../../common/stores-context';

/** Delete (undefine) a pool; deleting its storage too is a checkbox plus a second, explicit confirmation. */
export function DeletePoolDialog({
  hostId,
  pool,
  onClose,
}: {
  hostId: string;
  pool: PoolSummary;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { poolCalls, ui } = useStores();
  const [alsoStorage, setAlsoStorage] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const params = { name: pool.name, target: pool.targetPath ?? pool.type };

  const confirm = async () => {
    if (
      alsoStorage &&
      !(await ui.getState().confirm({
        titleKey: 'pools.delete.storageTitle',
        messageKey: 'pools.delete.storageMessage',
        confirmKey: 'pools.delete.storageConfirm',
        params,
      }))
    )
      return;
    setBusy(true);
    setError(null);
    try {
      await poolCalls.remove({ hostId, uuid: pool.uuid, deleteStorage: alsoStorage });
      onClose();
    } catch (err) {
      setError(toApiError(err).message);
      setBusy(false);
    }
  };

  return (
    <Dialog
      role="alertdialog"
      title={t('pools.delete.title', params)}
      onCancel={onClose}
      initialFocus=".dialog-cancel"
      describedBy="delete-pool-message"
    >
      <p id="delete-pool-message">{t('pools.delete.message', params)}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={alsoStorage}
          onChange={(event) => setAlsoStorage(event.target.checked)}
        />
        {t('pools.delete.alsoStorage')}
      </label>
      <FormError message={error} />
      <div className="dialog-buttons">
        <button type="button" className="dialog-cancel" onClick={onClose}>
          {t('actions.cancel')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          {t('pools.delete.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
