import { useStore } from 'zustand';
import { useStoreState } from '../common/stores-context';
import { useConsoleT } from './console-strings';
import './consoles.css';
import { VmWindow } from './vm-window';
import { detachedUrl } from './detached-location';
import { vmWindowKey, type VmWindowsStore } from './vm-windows-store';

/** The open VM windows as tabs beside the manager; one in front at a time, each keeps its console. */
export function VmWindowsDock({ store }: { store: VmWindowsStore }) {
  const t = useConsoleT();
  const open = useStore(store, (s) => s.open);
  const active = useStore(store, (s) => s.active);
  const domains = useStoreState('domains', (s) => s.byHost);
  if (open.length === 0) return null;
  return (
    <div className="vm-windows-dock">
      <div role="tablist" aria-label={t('openConsole')} className="vm-windows-tabs">
        {open.map((w) => {
          const key = vmWindowKey(w.hostId, w.uuid);
          return (
            <button
              key={key}
              type="button"
              role="tab"
              aria-selected={key === active}
              onClick={() => store.setState({ active: key })}
            >
              {domains[w.hostId]?.[w.uuid]?.name ?? w.uuid}
            </button>
          );
        })}
      </div>
      {open.map((w) => {
        const key = vmWindowKey(w.hostId, w.uuid);
        return (
          <div key={key} hidden={key !== active} className="vm-windows-slot">
            <VmWindow
              hostId={w.hostId}
              uuid={w.uuid}
              page={w.page}
              onPage={(page) => store.getState().setPage(w.hostId, w.uuid, page)}
              onClose={() => store.getState().close(w.hostId, w.uuid)}
              onDetach={() => {
                const opened = window.open(
                  detachedUrl(w.hostId, w.uuid, w.page),
                  '_blank',
                  'popup,width=1024,height=800',
                );
                if (opened) store.getState().close(w.hostId, w.uuid);
              }}
            />
          </div>
        );
      })}
    </div>
  );
}
