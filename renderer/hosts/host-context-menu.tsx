import { useTranslation } from 'react-i18next';
import { Menu } from '../common/menu';
import { useStoreState, useStores } from '../common/stores-context';
import { hostDisplayName } from '../stores/display-names';

/** Connect, Disconnect, Details (the host details window), Remove connection (asks first). */
export function HostContextMenu({
  hostId,
  position,
  onClose,
}: {
  hostId: string;
  position: { x: number; y: number };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { hosts, ui, hostWindows } = useStores();
  const view = useStoreState('hosts', (state) => state.byId[hostId]);
  if (!view) return null;
  const name = hostDisplayName(view.config);
  const state = view.status.state;
  const connectable = state === 'disconnected' || state === 'failed' || state === 'retrying';

  const remove = async () => {
    const confirmed = await ui.getState().confirm({
      titleKey: 'confirm.removeHost.title',
      messageKey: 'confirm.removeHost.message',
      confirmKey: 'confirm.removeHost.confirm',
      params: { name },
    });
    if (confirmed) await hosts.getState().remove(hostId);
  };

  return (
    <Menu
      label={t('menus.host', { name })}
      position={position}
      onClose={onClose}
      items={[
        {
          id: 'connect',
          label: t('hosts.connect'),
          disabled: !connectable,
          onSelect: () => void hosts.getState().connect(hostId),
        },
        {
          id: 'disconnect',
          label: t('hosts.disconnect'),
          disabled: state === 'disconnected' || state === 'failed',
          onSelect: () => void hosts.getState().disconnect(hostId),
        },
        {
          id: 'details',
          label: t('hostDetails.open'),
          onSelect: () => hostWindows.getState().show(hostId),
        },
        // issue 14: restore a VM saved to a file
        {
          id: 'restore-file',
          label: t('saveFile.restoreAction'),
          disabled: state !== 'connected',
          onSelect: () => ui.getState().openVmDialog({ kind: 'restore-file', hostId }),
        },
        // Import a VM from XML (issue 13)
        {
          id: 'import-xml',
          label: t('importXml.open'),
          disabled: state !== 'connected',
          onSelect: () => ui.getState().openVmDialog({ kind: 'import-xml', hostId }),
        },
        { id: 'remove', label: t('hosts.remove'), onSelect: () => void remove() },
      ]}
    />
  );
}
