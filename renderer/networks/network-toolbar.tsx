import { useTranslation } from 'react-i18next';
import { networkActionTable } from '../../shared/api/network-action-table';
import { NetworkAction, type NetworkSummary } from '../../shared/api/networks';
import { toApiError } from '../api/api-error-from';
import { useStoreState, useStores } from '../common/stores-context';

export type NetworkDialog = 'add' | 'xml' | 'leases' | 'dhcp' | null;

const CONFIRM: Partial<Record<NetworkAction, { titleKey: string; messageKey: string }>> = {
  stop: { titleKey: 'networks.confirm.stopTitle', messageKey: 'networks.confirm.stopMessage' },
  undefine: { titleKey: 'networks.confirm.undefineTitle', messageKey: 'networks.confirm.undefineMessage' },
};

/** Add, the action table's actions for the selected network (destructive ones ask first), XML, leases. */
export function NetworkToolbar({
  hostId,
  network,
  onDialog,
}: {
  hostId: string;
  network: NetworkSummary | undefined;
  onDialog: (dialog: NetworkDialog) => void;
}) {
  const { t } = useTranslation();
  const { networks, activity, ui } = useStores();
  const busy = useStoreState('networks', (s) => (network ? s.busy[`${hostId}/${network.uuid}`] : undefined));

  const run = async (action: NetworkAction) => {
    if (!network) return;
    const confirm = networkActionTable[action].destructive ? CONFIRM[action] : undefined;
    if (confirm) {
      const ok = await ui.getState().confirm({
        ...confirm,
        confirmKey: `networks.actions.${action}`,
        params: { name: network.name },
      });
      if (!ok) return;
    }
    try {
      const message = await networks.getState().act(hostId, network.uuid, action);
      activity.getState().post('success', 'networks.done', { message });
    } catch (error) {
      activity.getState().post('error', 'networks.actionFailed', {
        action: t(`networks.actions.${action}`),
        name: network.name,
        message: toApiError(error).message,
      });
    }
  };

  return (
    <div role="toolbar" aria-label={t('networks.toolbar')} className="network-toolbar">
      <button type="button" onClick={() => onDialog('add')}>
        {t('networks.actions.add')}
      </button>
      {NetworkAction.options.map((action) => (
        <button
          key={action}
          type="button"
          className={networkActionTable[action].destructive ? 'danger' : undefined}
          disabled={!network || busy !== undefined || !networkActionTable[action].allowed(network)}
          aria-busy={busy === action ? true : undefined}
          onClick={() => void run(action)}
        >
          {t(`networks.actions.${action}`)}
        </button>
      ))}
      <button type="button" disabled={!network} onClick={() => onDialog('xml')}>
        {t('networks.actions.xml')}
      </button>
      <button type="button" disabled={!network || network.ips.length === 0} onClick={() => onDialog('dhcp')}>
        {t('networks.actions.dhcp')}
      </button>
      <button type="button" disabled={!network?.active} onClick={() => onDialog('leases')}>
        {t('networks.actions.leases')}
      </button>
    </div>
  );
}
