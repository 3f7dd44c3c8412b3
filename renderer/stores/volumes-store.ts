import { createStore } from 'zustand/vanilla';
import type { CallRequest } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { RendererApi } from '../api/renderer-api';
import type { VolumeView } from '../../shared/api/volumes';
import { toApiError } from '../api/api-error-from';

export type PoolVolumes = { volumes: VolumeView[]; loading: boolean; error?: string };

export type VolumesState = {
  /** `poolKey(hostId, pool)` → that pool's volumes, read when the pool is opened. */
  byPool: Record<string, PoolVolumes>;
  load(hostId: string, pool: string, refresh?: boolean): Promise<void>;
  /** Re-reads every open pool of a host (after a job there finished). */
  reloadHost(hostId: string): void;
  create(request: CallRequest<'volumes/create'>): Promise<void>;
  remove(request: CallRequest<'volumes/delete'>): Promise<void>;
  resize(request: CallRequest<'volumes/resize'>): Promise<void>;
  /** Starts the upload job; in the browser the page then streams the file (progress comes as job events). */
  upload(target: { hostId: string; pool: string; name: string }, file: File): Promise<{ jobId: string }>;
  /** Starts the download job (the desktop app first asks where to save). */
  download(target: { hostId: string; pool: string; name: string }): Promise<void>;
};

export const poolKey = (hostId: string, pool: string): string => `${hostId}\n${pool}`;

/** Volumes per pool; loaded lazily (a pool's list is read only when someone opens it). */
export function createVolumesStore(api: RendererApi) {
  return createStore<VolumesState>()((set, get) => {
    const patch = (key: string, value: Partial<PoolVolumes>) =>
      set((state) => ({
        byPool: {
          ...state.byPool,
          [key]: { ...(state.byPool[key] ?? { volumes: [], loading: false }), ...value },
        },
      }));
    const reload = (hostId: string, pool: string) => get().load(hostId, pool);
    return {
      byPool: {},
      async load(hostId, pool, refresh = false) {
        const key = poolKey(hostId, pool);
        patch(key, { loading: true });
        try {
          const volumes = await api.call('volumes/list', { hostId, pool, refresh });
          set((state) => ({ byPool: { ...state.byPool, [key]: { volumes, loading: false } } }));
        } catch (error) {
          patch(key, { loading: false, error: toApiError(error).message });
        }
      },
      reloadHost(hostId) {
        for (const key of Object.keys(get().byPool)) {
          const [host, pool] = key.split('\n') as [string, string];
          if (host === hostId) void reload(host, pool);
        }
      },
      async create(request) {
        await api.call('volumes/create', request);
        await reload(request.hostId, request.pool);
      },
      async remove(request) {
        await api.call('volumes/delete', request);
        await reload(request.hostId, request.pool);
      },
      async upload(target, file) {
        const transfers = needTransfers(api);
        const source = transfers.uploadSource(file);
        const started = await api.call('volumes/upload', { ...target, size: file.size, source });
        if (started.uploadId) void transfers.sendFile(started.uploadId, file);
        await reload(target.hostId, target.pool);
        return { jobId: started.jobId };
      },
      async download(target) {
        const transfers = needTransfers(api);
        const where = await transfers.downloadTarget(target.name);
        if (!where) return;
        const started = await api.call('volumes/download', { ...target, target: where });
        if (started.downloadId) transfers.receive(started.downloadId);
      },
      async resize(request) {
        await api.call('volumes/resize', request);
        await reload(request.hostId, request.pool);
      },
    };
  });
}

export type VolumesStore = ReturnType<typeof createVolumesStore>;

function needTransfers(api: RendererApi) {
  if (!api.transfers) throw new ApiError('internal', 'File transfers are not available here');
  return api.transfers;
}
