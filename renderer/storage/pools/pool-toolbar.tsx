import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PoolAction, poolActionAllowed, poolDeletable, type PoolSummary } from '../../../shared/api/pools';
import { toApiError } from '../../api/api-error-from';
import { useStores } from '../../common/stores-context';
import type { PoolDialog } from './storage-tab';

/** Add, the table's actions for the selected pool (enabled as its state allows), Delete, XML. */
export function PoolToolbar({
  hostId,
  pool,
  onDialog,
}: {
  hostId: string;
  pool: PoolSummary | undefined;
  onDialog: (dialog: PoolDialog) => void;
}) {
  const { t } = useTranslation();
  const { poolCalls, activity } = useStores();
  const [busy, setBusy] = useState<PoolAction | null>(null);

  const run = async (action: PoolAction) => {
    if (!pool) return;
    setBusy(action);
    try {
      await poolCalls.act({ hostId, uuid: pool.uuid, action });
    } catch (error) {
      activity.getState().post('error', 'pools.actionFailed', {
        action: t(`pools.actions.${action}`),
        name: pool.name,
        message: toApiError(error).message,
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div role="toolbar" aria-label={t('pools.toolbar')} className="pool-toolbar">
      <button type="button" onClick={() => onDialog('add')}>
        {t('pools.actions.add')}
      </button>
      {PoolAction.options.map((action) => (
        <button
          key={action}
          type="button"
          disabled={!pool || busy !== null || !poolActionAllowed(action, pool)}
          aria-busy={busy === action ? true : undefined}
          onClick={() => void run(action)}
        >
          {t(`pools.actions.${action}`)}
        </button>
      ))}
      <button
        type="button"
        className="danger"
        disabled={!pool || busy !== null || !poolDeletable(pool)}
        onClick={() => onDialog('delete')}
      >
        {t('pools.actions.delete')}
      </button>
      <button type="button" disabled={!pool} onClick={() => onDialog('xml')}>
        {t('pools.actions.xml')}
      </button>
    </div>
  );
}
