import { createStore } from 'zustand/vanilla';
import type { VirtdeskApi } from '../../shared/api/contract';
import type { JobProgress, JobView } from '../../shared/api/jobs';

export type JobsState = {
  byId: Record<string, JobView>;
  /** Job ids, oldest first. */
  order: string[];
  load(): Promise<void>;
  /** jobs/started and jobs/finished: the whole view. */
  apply(view: JobView): void;
  applyProgress(progress: JobProgress): void;
  cancel(jobId: string): Promise<void>;
  clearFinished(): Promise<void>;
};

/** Every job of the backend (save, restore, upload, download, clone, wipe), kept fresh by its events. */
export function createJobsStore(api: VirtdeskApi) {
  return createStore<JobsState>()((set, get) => ({
    byId: {},
    order: [],
    async load() {
      const list = await api.call('jobs/list', {});
      set({
        byId: Object.fromEntries(list.map((job) => [job.jobId, job])),
        order: [...list].sort((a, b) => a.startedAt - b.startedAt).map((job) => job.jobId),
      });
    },
    apply(view) {
      set((state) => ({
        byId: { ...state.byId, [view.jobId]: view },
        order: state.byId[view.jobId] ? state.order : [...state.order, view.jobId],
      }));
    },
    applyProgress(progress) {
      const job = get().byId[progress.jobId];
      if (!job || job.state !== 'running') return;
      set((state) => ({ byId: { ...state.byId, [progress.jobId]: { ...job, ...progress } } }));
    },
    async cancel(jobId) {
      await api.call('jobs/cancel', { jobId });
    },
    async clearFinished() {
      await api.call('jobs/clear', {});
      set((state) => {
        const byId = Object.fromEntries(
          Object.entries(state.byId).filter(([, job]) => job.state === 'running'),
        );
        return { byId, order: state.order.filter((id) => byId[id]) };
      });
    },
  }));
}

export type JobsStore = ReturnType<typeof createJobsStore>;
