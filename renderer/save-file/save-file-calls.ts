import type { CallRequest, VirtdeskApi } from '../../shared/api/contract';
import { callAsJob } from '../stores/call-as-job';

/** The Save to file / Restore from file dialog's calls, built with the stores. */
export function createSaveFileCalls(api: VirtdeskApi) {
  return {
    /** `virsh save` as a job; `started` once the path passed the host's checks. */
    save: (request: CallRequest<'domains/save-to-file'>) =>
      callAsJob(
        api,
        (job) => job.kind === 'domain-save' && job.hostId === request.hostId,
        () => api.call('domains/save-to-file', request),
      ),
    /** `virsh restore` as a job; `started` once the path passed the host's checks. */
    restore: (request: CallRequest<'domains/restore-from-file'>) =>
      callAsJob(
        api,
        (job) => job.kind === 'domain-restore' && job.hostId === request.hostId,
        () => api.call('domains/restore-from-file', request),
      ),
  };
}

export type SaveFileCalls = ReturnType<typeof createSaveFileCalls>;
