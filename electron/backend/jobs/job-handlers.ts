import type { Handlers } from '../api/dispatch';
import type { JobManager } from './job-manager';

type JobCall = Extract<keyof Handlers, `jobs/${string}`>;

/** The jobs/* calls → JobManager. Requests arrive already validated. */
export function jobHandlers(jobs: JobManager): Pick<Handlers, JobCall> {
  return {
    'jobs/list': async () => jobs.list(),
    'jobs/cancel': async ({ jobId }) => {
      jobs.cancel(jobId);
      return {};
    },
    'jobs/clear': async ({ hostId }) => {
      jobs.clear(hostId);
      return {};
    },
  };
}
