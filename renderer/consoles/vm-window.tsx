import { useTranslation } from 'react-i18next';
import { useStoreState, useStores } from '../common/stores-context';
import { useConsoleT } from './console-strings';
import { GraphicsConsole } from './graphics-console';
import { SerialConsole } from './serial-console';
import type { VmPage } from './vm-windows-store';
// issue 14: the Snapshots page, mounted here until the VM window becomes a page registry (issue 12).
import { SnapshotsPage } from '../snapshots/snapshots-page';

export interface VmWindowProps {
  hostId: string;
  uuid: string;
  page: VmPage;
  onPage: (page: VmPage) => void;
  onClose?: () => void;
  /** Opens this VM window on its own (absent when it already is on its own). */
  onDetach?: () => void;
}

/** A VM window: the Console page (graphics) and the Serial console page, following the VM's state. */
export function VmWindow({ hostId, uuid, page, onPage, onClose, onDetach }: VmWindowProps) {
  const t = useConsoleT();
  const { t: tAll } = useTranslation(); // issue 14: the Snapshots tab's label
  const { actions } = useStores();
  const domain = useStoreState('domains', (s) => s.byHost[hostId]?.[uuid]);
  const hostConnected = useStoreState('hosts', (s) => s.byId[hostId]?.status.state === 'connected');
  const name = domain?.name ?? uuid;
  const running = domain?.state === 'running' || domain?.state === 'paused' || domain?.state === 'idle';
  // The one action runner: busy state, a notice, and errors shown — as from the manager's toolbar.
  const run = () => {
    if (domain) void actions.perform('run', [{ ...domain, hostId }]);
  };
  const tabId = (p: VmPage) => `vm-${uuid}-${p}`;
  return (
    <section className="vm-window" aria-label={t('window', { name })}>
      <header className="vm-window-header">
        <div role="tablist" aria-label={t('pages')}>
          {(['console', 'serial', 'snapshots'] as const).map((p) => (
            <button
              key={p}
              type="button"
              role="tab"
              id={tabId(p)}
              aria-selected={page === p}
              tabIndex={page === p ? 0 : -1}
              onClick={() => onPage(p)}
            >
              {p === 'snapshots' ? tAll('snapshots.tab') : t(p)}
            </button>
          ))}
        </div>
        {onDetach && (
          <button type="button" onClick={onDetach}>
            {t('detach')}
          </button>
        )}
        {onClose && (
          <button type="button" aria-label={t('close', { name })} onClick={onClose}>
            ×
          </button>
        )}
      </header>
      <div role="tabpanel" aria-labelledby={tabId(page)} className="vm-window-page">
        {page === 'snapshots' ? (
          // issue 14: re-mount as the registry's `snapshots` entry.
          <SnapshotsPage hostId={hostId} domainName={name} />
        ) : page === 'console' ? (
          <GraphicsConsole
            hostId={hostId}
            uuid={uuid}
            name={name}
            running={running}
            hostConnected={hostConnected}
            onRun={run}
          />
        ) : (
          <SerialConsole
            hostId={hostId}
            uuid={uuid}
            name={name}
            running={running}
            hostConnected={hostConnected}
          />
        )}
      </div>
    </section>
  );
}
