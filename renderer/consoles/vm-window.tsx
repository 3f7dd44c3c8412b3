import { useStoreState, useStores } from '../common/stores-context';
import { Suspense } from 'react';
import { useConsoleT } from './console-strings';
import type { VmPage } from './vm-page-ids';
import { VM_PAGES } from './vm-pages';
import { PendingInstallBar } from '../wizard/pending-install-bar';

export interface VmWindowProps {
  hostId: string;
  uuid: string;
  page: VmPage;
  onPage: (page: VmPage) => void;
  onClose?: () => void;
  /** Opens this VM window on its own (absent when it already is on its own). */
  onDetach?: () => void;
}

/** A VM window: the pages of VM_PAGES (console, serial console, details, …), following the VM's state. */
export function VmWindow({ hostId, uuid, page, onPage, onClose, onDetach }: VmWindowProps) {
  const t = useConsoleT();
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
          {VM_PAGES.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={tabId(id)}
              aria-selected={page === id}
              tabIndex={page === id ? 0 : -1}
              onClick={() => onPage(id)}
            >
              {t(label)}
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
      {/* Customize before install (issue 11): Begin / Cancel installation */}
      <PendingInstallBar hostId={hostId} uuid={uuid} />
      <div role="tabpanel" aria-labelledby={tabId(page)} className="vm-window-page">
        <Suspense fallback={null}>
          {(VM_PAGES.find((p) => p.id === page) ?? VM_PAGES[0]).render({
            hostId,
            uuid,
            domainName: name,
            running,
            hostConnected,
            onRun: run,
          })}
        </Suspense>
      </div>
    </section>
  );
}
