import { useStore } from 'zustand';
import { useStoreState } from '../common/stores-context';
import { useConsoleT } from './console-strings';
import './consoles.css';
import { VmWindow } from './vm-window';
import { vmWindowKey, type VmWindowsStore } from './vm-windows-store';

/** Where a detached VM window opens: the app's own page with `?vm=HOST/UUID&page=…`. */
export function detachedUrl(hostId: string, uuid: string, page: string): string {
  const url = new URL(window.location.href);
  url.search = '';
  url.searchParams.set('vm', vmWindowKey(hostId, uuid));
  url.searchParams.set('page', page);
  return url.toString();
}

/** `?vm=HOST/UUID` of a detached window, if this page is one. */
export function detachedVmFromLocation(): {
  hostId: string;
  uuid: string;
  page: 'console' | 'serial';
} | null {
  const params = new URLSearchParams(window.location.search);
  const [hostId, uuid] = (params.get('vm') ?? '').split('/');
  if (!hostId || !uuid) return null;
  return { hostId, uuid, page: params.get('page') === 'serial' ? 'serial' : 'console' };
}

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
