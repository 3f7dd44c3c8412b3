import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IommuGroup, NodeDeviceAction, NodeDeviceView } from '../../shared/api/node-devices';
import { toApiError } from '../api/api-error-from';
import { Dialog } from '../common/dialog';
import { useStoreState, useStores } from '../common/stores-context';
import { useDeviceUsersText } from './device-users-text';

/**
 * Confirms a detach / reattach, naming everything else in the device's IOMMU group (which goes with
 * it) and the VMs that use any of it. libvirt's refusal is quoted in the dialog, which stays open.
 */
export function DeviceActionDialog({
  hostId,
  device,
  group,
  action,
  onClose,
}: {
  hostId: string;
  device: NodeDeviceView;
  group: IommuGroup | undefined;
  action: NodeDeviceAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const usersText = useDeviceUsersText();
  const { nodeDevices, activity } = useStores();
  const busy = useStoreState('nodeDevices', (s) => s.busy[`${hostId}/${device.name}`] !== undefined);
  const [error, setError] = useState<string | null>(null);
  const others = group?.members.filter((m) => m.device !== device.name) ?? [];
  const users = [
    ...new Set([...device.usedBy, ...(group?.members.flatMap((m) => m.usedBy) ?? [])].map((u) => u.name)),
  ];
  const empty = t('nodeDevices.emptyValue');

  const run = async () => {
    setError(null);
    try {
      const message = await nodeDevices.getState().act(hostId, device.name, action);
      activity.getState().post('success', 'nodeDevices.confirm.done', { message });
      onClose();
    } catch (failure) {
      setError(toApiError(failure).message);
    }
  };

  return (
    <Dialog
      role="alertdialog"
      title={t(`nodeDevices.confirm.${action}Title`, { name: device.name })}
      onCancel={onClose}
      initialFocus=".dialog-cancel"
      describedBy="device-action-body"
    >
      <div id="device-action-body">
        <p>
          {t(`nodeDevices.confirm.${action}Body`, {
            name: device.name,
            product: device.product?.name ?? device.product?.id ?? empty,
            driver: device.driver ?? t('nodeDevices.details.noDriver'),
          })}
        </p>
        {!group ? (
          <p>{t('nodeDevices.confirm.noGroup')}</p>
        ) : others.length === 0 ? (
          <p>{t('nodeDevices.confirm.groupAlone', { number: group.number })}</p>
        ) : (
          <>
            <p>{t('nodeDevices.confirm.groupOthers', { number: group.number })}</p>
            <ul aria-label={t('nodeDevices.details.groupTitle', { number: group.number })}>
              {others.map((m) => (
                <li key={m.address}>
                  <span className="mono">{m.device ?? m.address}</span>
                  {` (${m.address})`}
                  {m.product ? ` — ${m.product}` : ''}
                  {m.driver ? ` — ${m.driver}` : ''}
                  {m.usedBy.length > 0
                    ? ` — ${t('nodeDevices.confirm.memberUsedBy', { vms: usersText(m.usedBy) })}`
                    : ''}
                </li>
              ))}
            </ul>
          </>
        )}
        {users.length > 0 && (
          <p>
            {t('nodeDevices.confirm.usedByTitle')} <strong>{users.join(', ')}</strong>
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="form-error libvirt-message">
          {t('nodeDevices.confirm.failed', { message: error })}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="dialog-cancel" onClick={onClose}>
          {t('actions.cancel')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void run()}>
          {t(`nodeDevices.confirm.${action}`)}
        </button>
      </div>
    </Dialog>
  );
}
