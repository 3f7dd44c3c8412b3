import { useTranslation } from 'react-i18next';
import { useStoreState, useStores } from '../common/stores-context';
import { VmPerformancePane } from '../domains/performance/vm-performance-pane';
import { useConsoleT } from './console-strings';
import { GraphicsConsole } from './graphics-console';
import { SerialConsole } from './serial-console';
import type { VmPage } from './vm-windows-store';

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
// ---- TEMPORARY mount of the Performance pane (issue 12, branch issue-charts) ----------------------
// Until the VM window's Details page exists, the pane is a page of its own here. When Details lands:
// mount <VmPerformancePane hostId={…} domainName={…} /> as Details → Performance, drop 'performance'
// from PAGES, from VmPage (vm-windows-store.ts) and the branch below, and point e2e/pages/vm-window-page.ts
// `openPerformance` at the Details item.
const PAGES = ['console', 'serial', 'performance'] as const;
// ---------------------------------------------------------------------------------------------------

export function VmWindow({ hostId, uuid, page, onPage, onClose, onDetach }: VmWindowProps) {
  const t = useConsoleT();
  const { t: tr } = useTranslation();
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
          {PAGES.map((p) => (
            <button
              key={p}
              type="button"
              role="tab"
              id={tabId(p)}
              aria-selected={page === p}
              tabIndex={page === p ? 0 : -1}
              onClick={() => onPage(p)}
            >
              {p === 'performance' ? tr('performance.title') : t(p)}
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
        {page === 'performance' ? (
          <VmPerformancePane hostId={hostId} domainName={name} />
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
