import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../common/dialog';
import { useStoreState, useStores } from '../common/stores-context';
import { hostDisplayName } from '../stores/display-names';
import { NetworksTab } from '../networks/networks-tab';
import { DevicesTab } from '../node-devices/devices-tab';
import { StorageTab } from '../storage/pools/storage-tab';
import type { HostTab } from '../stores/host-windows-store';
import { HostOverview } from './host-overview';

const TABS: readonly HostTab[] = ['overview', 'storage', 'networks', 'devices'];

/** A connection's details: Overview, Storage (pools and their volumes), Networks, Devices. */
export function HostDetailsWindow() {
  const { t } = useTranslation();
  const { hostWindows } = useStores();
  const open = useStoreState('hostWindows', (state) => state.open);
  const view = useStoreState('hosts', (state) => (open ? state.byId[open.hostId] : undefined));
  const baseId = useId();
  const tabRefs = useRef<Partial<Record<HostTab, HTMLButtonElement | null>>>({});
  if (!open || !view) return null;
  const name = hostDisplayName(view.config);
  const connected = view.status.state === 'connected';

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step === undefined && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const index = TABS.indexOf(open.tab);
    const next =
      event.key === 'Home'
        ? TABS[0]!
        : event.key === 'End'
          ? TABS[TABS.length - 1]!
          : TABS[(index + (step ?? 0) + TABS.length) % TABS.length]!;
    hostWindows.getState().setTab(next);
    tabRefs.current[next]?.focus();
  };

  let panel;
  if (open.tab === 'overview') panel = <HostOverview hostId={open.hostId} />;
  else if (!connected) panel = <p>{t('hostDetails.notConnected', { name })}</p>;
  else if (open.tab === 'storage') panel = <StorageTab hostId={open.hostId} />;
  else if (open.tab === 'networks') panel = <NetworksTab hostId={open.hostId} />;
  else panel = <DevicesTab hostId={open.hostId} />;

  return (
    <Dialog
      title={t('hostDetails.title', { name })}
      onCancel={() => hostWindows.getState().close()}
      className="host-details"
      initialFocus="[role=tab][aria-selected=true]"
    >
      <div role="tablist" aria-label={t('hostDetails.tabs')} className="tabs" onKeyDown={onTabKey}>
        {TABS.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              tabRefs.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={`${baseId}-${tab}`}
            aria-selected={open.tab === tab}
            aria-controls={`${baseId}-panel`}
            tabIndex={open.tab === tab ? 0 : -1}
            onClick={() => hostWindows.getState().setTab(tab)}
          >
            {t(`hostDetails.${tab}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-${open.tab}`}
        className="tab-panel"
      >
        {panel}
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={() => hostWindows.getState().close()}>
          {t('actions.close')}
        </button>
      </div>
    </Dialog>
  );
}
