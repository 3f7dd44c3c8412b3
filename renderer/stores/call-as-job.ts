import type { VirtdeskApi } from '../../shared/api/contract';
import type { JobView } from '../../shared/api/jobs';

export interface JobCall<T> {
  /** Settles once the job has started (its checks passed) — or, failing that, as the call settles. */
  started: Promise<void>;
  /** The call's own answer, when the job has finished. */
  finished: Promise<T>;
}

/**
 * Makes a call that runs as a job (clone, save to file, migrate, …): dialogs close on `started`
 * and show a refusal from `started`'s rejection; the outcome arrives with `finished`.
 */
export function callAsJob<T>(
  api: Pick<VirtdeskApi, 'on'>,
  isTheJob: (job: JobView) => boolean,
  call: () => Promise<T>,
): JobCall<T> {
  let stop: () => void = () => undefined;
  const appeared = new Promise<void>((resolve) => {
    stop = api.on('jobs/started', (job) => {
      if (isTheJob(job)) resolve();
    });
  });
  const finished = call();
  const started = Promise.race([appeared, finished.then(() => undefined)]);
  void started.then(stop, stop);
  return { started, finished };
}
