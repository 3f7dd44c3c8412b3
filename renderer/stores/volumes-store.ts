import { createStore } from 'zustand/vanilla';
import type { CallRequest } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { RendererApi } from '../api/renderer-api';
import type { VolumeView } from '../../shared/api/volumes';
import { toApiError } from '../api/api-error-from';
import { VolumeDetailsQueue } from './volume-details-queue';

export type PoolVolumes = { volumes: VolumeView[]; loading: boolean; error?: string };

/** A pool's rows as last listed, with the XML-read rows of the same load put in their place. */
export function withDetails(
  rows: readonly VolumeView[],
  details: ReadonlyMap<string, VolumeView>,
): VolumeView[] {
  return rows.map((v) => {
    const read = details.get(v.name);
    return read ? { ...read, usedBy: v.usedBy } : v;
  });
}

export type VolumesState = {
  /** `poolKey(hostId, pool)` → that pool's volumes, read when the pool is opened. */
  byPool: Record<string, PoolVolumes>;
  /**
   * Reads a pool's list: names and paths (the table fills at once), then the XML (format, exact
   * sizes) of every row behind it, the rows in view first (`ensureDetails`).
   */
  load(hostId: string, pool: string, refresh?: boolean): Promise<void>;
  /** Reads the XML of the named rows not read yet (the rows in view) before the rest of the pool. */
  ensureDetails(hostId: string, pool: string, names: readonly string[]): void;
  /** Re-reads every open pool of a host (after a job there finished). */
  reloadHost(hostId: string): void;
  create(request: CallRequest<'volumes/create'>): Promise<void>;
  remove(request: CallRequest<'volumes/delete'>): Promise<void>;
  resize(request: CallRequest<'volumes/resize'>): Promise<void>;
  /** The volume's XML as libvirt prints it. */
  xml(request: CallRequest<'volumes/xml'>): Promise<string>;
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
    /**
     * Each load of a pool is a generation: replies of an older one are dropped, and the XML read
     * during it (by name) is laid over its lists.
     */
    const generations = new Map<string, VolumeDetailsQueue>();
    return {
      byPool: {},
      async load(hostId, pool, refresh = false) {
        const key = poolKey(hostId, pool);
        generations.get(key)?.stop();
        const generation: VolumeDetailsQueue = new VolumeDetailsQueue(
          // "Used by" stays as the list read it (`withDetails`): no second read of every VM's disks.
          (names) => api.call('volumes/details', { hostId, pool, names, users: false }),
          () => patch(key, { volumes: withDetails(get().byPool[key]?.volumes ?? [], generation.details) }),
        );
        generations.set(key, generation);
        patch(key, { loading: true });
        // Names and paths only (one quick command whatever the number of volumes): the table fills
        // at once; then every row's XML, the rows in view first (they ask with `ensureDetails`).
        try {
          const rows = await api.call('volumes/list', { hostId, pool, refresh });
          if (generations.get(key) !== generation) return;
          patch(key, { volumes: withDetails(rows, generation.details), loading: false, error: undefined });
          generation.readAll(rows.filter((v) => v.detail !== 'xml').map((v) => v.name));
        } catch (error) {
          if (generations.get(key) === generation)
            patch(key, { loading: false, error: toApiError(error).message });
        }
      },
      ensureDetails(hostId, pool, names) {
        generations.get(poolKey(hostId, pool))?.readFirst(names);
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
      async xml(request) {
        return (await api.call('volumes/xml', request)).xml;
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
