import type { CallRequest, VirtdeskApi } from '../../shared/api/contract';
import { callAsJob } from '../stores/call-as-job';

/** The Clone dialog's calls, built with the stores (components never hold the API). */
export function createCloneCalls(api: VirtdeskApi) {
  return {
    /** What Clone offers for a VM: a free name, UEFI, and each disk's choices. */
    plan: (hostId: string, uuid: string) => api.call('domains/clone-plan', { hostId, uuid }),
    /** Clones as a job; `started` once its checks passed (the job's title names source and clone). */
    clone: (request: CallRequest<'domains/clone'>, sourceName: string) =>
      callAsJob(
        api,
        (job) =>
          job.kind === 'domain-clone' &&
          job.hostId === request.hostId &&
          job.title === `Clone ${sourceName} to ${request.name}`,
        () => api.call('domains/clone', request),
      ),
  };
}

export type CloneCalls = ReturnType<typeof createCloneCalls>;
