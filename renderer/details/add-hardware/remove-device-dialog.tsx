import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainDisk } from '../../../shared/api/domain-storage';
import { Dialog } from '../../common/dialog';
import { useStores } from '../../common/stores-context';

/**
 * Remove a device. A disk asks whether to delete its storage volume, with the other VMs that use it
 * (read like Delete-with-storage does); checked by default only when nobody else uses it.
 */
export function RemoveDeviceDialog({
  hostId,
  uuid,
  name,
  deviceKey,
  deviceLabel,
  running,
  onClose,
}: {
  hostId: string;
  uuid: string;
  name: string;
  deviceKey: string;
  deviceLabel: string;
  running: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { hardwareCalls } = useStores();
  const target = deviceKey.startsWith('disk:') ? deviceKey.slice('disk:'.length) : undefined;
  const [disk, setDisk] = useState<DomainDisk | 'loading' | undefined>(target ? 'loading' : undefined);
  const [deleteStorage, setDeleteStorage] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!target) return;
    void hardwareCalls.disks(hostId, uuid).then((list) => {
      const found = 'error' in list ? undefined : list.find((d) => d.target === target);
      setDisk(found);
      setDeleteStorage(found?.suggested ?? false);
    });
  }, [hardwareCalls, hostId, uuid, target]);
  const remove = async () => {
    setBusy(true);
    const answer = await hardwareCalls.remove(hostId, uuid, deviceKey, deleteStorage);
    setBusy(false);
    if ('error' in answer) return setError(answer.error);
    if (answer.result.outcome !== 'applied')
      return setError(
        answer.result.outcome === 'invalid'
          ? answer.result.problems.map((p) => p.message).join(' ')
          : answer.result.outcome,
      );
    const failed = answer.volumes.filter((v) => !v.ok);
    if (failed.length > 0) return setError(failed.map((v) => v.message).join(' '));
    onClose();
  };
  const info = disk && disk !== 'loading' ? disk : undefined;
  return (
    <Dialog title={t('hardware.remove.title', { device: deviceLabel })} onCancel={onClose} role="alertdialog">
      <p>{t('hardware.remove.confirm', { device: deviceLabel, name })}</p>
      {running && <p className="field-note">{t('hardware.remove.running')}</p>}
      {disk === 'loading' && <p role="status">{t('hardware.remove.reading')}</p>}
      {info?.path && !info.notDeletable && (
        <label>
          <input
            type="checkbox"
            checked={deleteStorage}
            onChange={(e) => setDeleteStorage(e.target.checked)}
          />{' '}
          {t('hardware.remove.deleteStorage', { path: info.path })}
        </label>
      )}
      {info?.notDeletable && <p>{t('hardware.remove.notDeletable', { why: info.notDeletable })}</p>}
      {info && info.sharedWith.length > 0 && (
        <p className="form-warnings">
          {t('hardware.remove.sharedWith', { names: info.sharedWith.join(', ') })}
        </p>
      )}
      {error && (
        <p role="alert" className="form-problems">
          {error}
        </p>
      )}
      <div className="form-buttons">
        <button type="button" disabled={busy || disk === 'loading'} onClick={() => void remove()}>
          {busy ? t('hardware.remove.removing') : t('hardware.remove.button')}
        </button>
        <button type="button" onClick={onClose}>
          {t('hardware.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
