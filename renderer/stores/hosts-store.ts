import { createStore } from 'zustand/vanilla';
import type { VirtdeskApi } from '../../shared/api/contract';
import type { HostInput, HostStatus, HostView } from '../../shared/api/hosts';
import { toApiError } from '../api/api-error-from';
import { hostDisplayName } from './display-names';
import type { ActivityStore } from './activity-store';

export type HostOperation = 'connect' | 'disconnect' | 'remove';

export type HostsState = {
  byId: Record<string, HostView>;
  /** Display order: as the backend lists them. */
  order: string[];
  loaded: boolean;
  busy: Record<string, HostOperation>;
  load(): Promise<void>;
  applyList(list: HostView[]): void;
  applyStatus(status: HostStatus): void;
  /** Saves a connection; throws ApiError so the dialog can show it. */
  add(input: HostInput): Promise<HostView>;
  connect(hostId: string): Promise<void>;
  disconnect(hostId: string): Promise<void>;
  remove(hostId: string): Promise<void>;
};

export function createHostsStore(api: VirtdeskApi, activity: ActivityStore) {
  return createStore<HostsState>()((set, get) => {
    const nameOf = (hostId: string): string => {
      const view = get().byId[hostId];
      return view ? hostDisplayName(view.config) : hostId;
    };
    const setBusy = (hostId: string, operation: HostOperation | null): void =>
      set((state) => {
        const busy = { ...state.busy };
        if (operation) busy[hostId] = operation;
        else delete busy[hostId];
        return { busy };
      });
    const applyList = (list: HostView[]): void =>
      set({
        byId: Object.fromEntries(list.map((view) => [view.config.id, view])),
        order: list.map((view) => view.config.id),
        loaded: true,
      });

    return {
      byId: {},
      order: [],
      loaded: false,
      busy: {},
      async load() {
        applyList(await api.call('hosts/list', {}));
      },
      applyList,
      applyStatus(status) {
        set((state) => {
          const view = state.byId[status.hostId];
          if (!view) return state;
          return { byId: { ...state.byId, [status.hostId]: { ...view, status } } };
        });
      },
      async add(input) {
        const view = await api.call('hosts/add', input);
        set((state) => ({
          byId: { ...state.byId, [view.config.id]: view },
          order: state.order.includes(view.config.id) ? state.order : [...state.order, view.config.id],
        }));
        activity.getState().post('success', 'activity.hostAdded', { host: hostDisplayName(view.config) });
        return view;
      },
      async connect(hostId) {
        const host = nameOf(hostId);
        setBusy(hostId, 'connect');
        const notice = activity.getState().post('progress', 'activity.connecting', { host });
        try {
          const status = await api.call('hosts/connect', { hostId });
          get().applyStatus(status);
          if (status.state === 'connected')
            activity.getState().finish(notice, 'success', 'activity.connected', { host });
          else if (status.error) {
            activity
              .getState()
              .finish(notice, 'error', 'activity.connectFailed', { host, message: status.error.message });
          } else activity.getState().finish(notice, 'info', 'activity.connectPending', { host });
        } catch (error) {
          const apiError = toApiError(error);
          get().applyStatus({ hostId, state: 'failed', error: apiError.toShape() });
          activity
            .getState()
            .finish(notice, 'error', 'activity.connectFailed', { host, message: apiError.message });
        } finally {
          setBusy(hostId, null);
        }
      },
      async disconnect(hostId) {
        const host = nameOf(hostId);
        setBusy(hostId, 'disconnect');
        try {
          get().applyStatus(await api.call('hosts/disconnect', { hostId }));
          activity.getState().post('info', 'activity.disconnected', { host });
        } catch (error) {
          activity
            .getState()
            .post('error', 'activity.disconnectFailed', { host, message: toApiError(error).message });
        } finally {
          setBusy(hostId, null);
        }
      },
      async remove(hostId) {
        const host = nameOf(hostId);
        setBusy(hostId, 'remove');
        try {
          await api.call('hosts/remove', { hostId });
          set((state) => {
            const byId = { ...state.byId };
            delete byId[hostId];
            return { byId, order: state.order.filter((id) => id !== hostId) };
          });
          activity.getState().post('info', 'activity.hostRemoved', { host });
        } catch (error) {
          activity
            .getState()
            .post('error', 'activity.removeFailed', { host, message: toApiError(error).message });
        } finally {
          setBusy(hostId, null);
        }
      },
    };
  });
}

export type HostsStore = ReturnType<typeof createHostsStore>;
