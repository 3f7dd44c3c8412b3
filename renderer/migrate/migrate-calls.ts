import type { CallRequest, VirtdeskApi } from '../../shared/api/contract';
import { callAsJob } from '../stores/call-as-job';

/** The Migrate dialog's call, built with the stores (components never hold the API). */
export function createMigrateCalls(api: VirtdeskApi) {
  return {
    /** Migrates as a job of the source host; `started` once its checks passed and the job runs. */
    migrate: (request: CallRequest<'domains/migrate'>) =>
      callAsJob(
        api,
        (job) => job.kind === 'domain-migrate' && job.hostId === request.hostId,
        () => api.call('domains/migrate', request),
      ),
  };
}

export type MigrateCalls = ReturnType<typeof createMigrateCalls>;
