import { useTranslation } from 'react-i18next';
import { actionShortcuts } from '../domains/action-shortcuts';
import { useActionItems } from '../domains/use-action-items';
import { useSelectedTargets } from '../domains/use-selected-targets';
import { OpenConsoleButton } from '../consoles/open-console-button';
import { useStoreState, useStores } from '../common/stores-context';

/** Add connection, the VM actions for the selection, Preferences. */
export function Toolbar({
  onAddConnection,
  onPreferences,
}: {
  onAddConnection: () => void;
  onPreferences: () => void;
}) {
  const { t } = useTranslation();
  const selected = useSelectedTargets();
  const items = useActionItems(selected);
  const { wizard, ui } = useStores();
  const firstConnected = useStoreState('hosts', (s) =>
    s.order.find((id) => s.byId[id]?.status.state === 'connected'),
  );
  return (
    <div role="toolbar" aria-label={t('app.toolbar')} className="toolbar">
      <button type="button" className="primary" onClick={onAddConnection}>
        {t('app.addConnection')}
      </button>
      <button
        type="button"
        disabled={!firstConnected}
        onClick={() => wizard.getState().show(selected[0]?.hostId ?? firstConnected)}
      >
        {t('wizard.open')}
      </button>
      {/* Import a VM from XML (issue 13) */}
      <button
        type="button"
        disabled={!firstConnected}
        onClick={() => {
          const hostId = selected[0]?.hostId ?? firstConnected;
          if (hostId) ui.getState().openVmDialog({ kind: 'import-xml', hostId });
        }}
      >
        {t('importXml.open')}
      </button>
      <span className="toolbar-separator" aria-hidden="true" />
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          className={`action-${item.id}${item.id === 'delete' || item.id === 'destroy' ? ' danger-text' : ''}`}
          disabled={!item.enabled}
          aria-pressed={item.checked}
          aria-busy={item.busy || undefined}
          aria-keyshortcuts={actionShortcuts[item.id]}
          onClick={item.run}
        >
          {item.label}
        </button>
      ))}
      <OpenConsoleButton targets={selected} />
      <span className="toolbar-spacer" />
      <button type="button" onClick={onPreferences}>
        {t('app.preferences')}
      </button>
    </div>
  );
}
