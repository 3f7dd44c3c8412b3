import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolSummary } from '../../../shared/api/pools';
import { useStoreState, useStores } from '../../common/stores-context';
import { VolumesPane } from '../volumes/volumes-pane';
import { AddPoolDialog } from './add-pool-dialog';
import { DeletePoolDialog } from './delete-pool-dialog';
import { PoolTable } from './pool-table';
import { PoolToolbar } from './pool-toolbar';
import { PoolXmlDialog } from './pool-xml-dialog';

export type PoolDialog = 'add' | 'delete' | 'xml' | null;

/** Every pool of the host, live by pools/delta, with its actions; the selected pool's volumes below. */
export function StorageTab({ hostId }: { hostId: string }) {
  const { t } = useTranslation();
  const { pools: store, activity } = useStores();
  const byUuid = useStoreState('pools', (state) => state.byHost[hostId]);
  const listed = useStoreState('pools', (state) => state.listedHosts[hostId] === true);
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<PoolDialog>(null);
  const pools = useMemo(
    () => Object.values(byUuid ?? {}).sort((a, b) => a.name.localeCompare(b.name)),
    [byUuid],
  );
  const pool: PoolSummary | undefined = selected ? byUuid?.[selected] : undefined;

  useEffect(() => {
    store
      .getState()
      .load(hostId)
      .catch((error: unknown) =>
        activity.getState().post('error', 'pools.actionFailed', {
          action: t('pools.list'),
          name: hostId,
          message: error instanceof Error ? error.message : String(error),
        }),
      );
  }, [store, activity, hostId, t]);

  return (
    <div className="storage-tab">
      <PoolToolbar hostId={hostId} pool={pool} onDialog={setDialog} />
      {!listed ? (
        <p className="loading">{t('pools.loading')}</p>
      ) : pools.length === 0 ? (
        <p>{t('pools.none')}</p>
      ) : (
        <PoolTable pools={pools} selected={pool?.uuid ?? null} onSelect={setSelected} />
      )}
      {pool ? (
        <VolumesPane hostId={hostId} poolName={pool.name} />
      ) : (
        <p className="field-hint">{t('pools.selectHint')}</p>
      )}
      {dialog === 'add' && (
        <AddPoolDialog
          hostId={hostId}
          onClose={() => setDialog(null)}
          onCreated={(uuid) => setSelected(uuid)}
        />
      )}
      {dialog === 'delete' && pool && (
        <DeletePoolDialog hostId={hostId} pool={pool} onClose={() => setDialog(null)} />
      )}
      {dialog === 'xml' && pool && (
        <PoolXmlDialog hostId={hostId} pool={pool} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
