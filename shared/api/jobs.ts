import { z } from 'zod';
import { ApiErrorShape } from './errors';
import { hostRef } from './refs';

/**
 * Jobs: anything that can take more than a second or two (save, restore, upload, download, clone,
 * volume creation with allocation, …). A job has an id, typed progress events, a cancel call and a
 * finished event. Nothing polls for progress.
 */
export const JobKind = z.enum([
  'domain-save',
  'domain-restore',
  'volume-upload',
  'volume-download',
  'volume-create',
  'volume-clone',
  'volume-wipe',
  'volume-delete',
  'pool-build',
  // issue 14: snapshots and clone
  'snapshot-create',
  'domain-clone',
  // issue 14: migrate
  'domain-migrate',
  // New VM wizard (issue 11)
  'vm-create',
  'cloud-image-prepare',
]);
export type JobKind = z.infer<typeof JobKind>;

export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

export const JobProgress = z.object({
  jobId: z.string(),
  hostId: z.string(),
  /** What the job is doing now, for people ("Uploading", "Saving memory", …). */
  phase: z.string(),
  /** Units done so far (bytes for transfers); `total` absent: no measure of progress. */
  done: z.number().nonnegative(),
  total: z.number().nonnegative().optional(),
  /** Units per second over the last seconds (bytes/s for transfers). */
  rate: z.number().nonnegative().optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const JobView = JobProgress.extend({
  kind: JobKind,
  /** What runs, for people ("Upload debian.iso to default"). */
  title: z.string(),
  state: JobState,
  cancellable: z.boolean(),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  /** The outcome for people, once finished ("vd-tiny saved", "Uploaded 1.2 GiB"). */
  message: z.string().optional(),
  error: ApiErrorShape.optional(),
});
export type JobView = z.infer<typeof JobView>;

const jobRef = z.object({ jobId: z.string().min(1).max(64) });

export const jobCalls = {
  /** Every job of this backend session, running and finished. */
  'jobs/list': { request: z.object({}), response: z.array(JobView) },
  'jobs/cancel': { request: jobRef, response: z.object({}) },
  /** Finished jobs of a host (or all) leave the list. */
  'jobs/clear': { request: hostRef.partial(), response: z.object({}) },
} as const;

export const jobEvents = {
  'jobs/started': JobView,
  'jobs/progress': JobProgress,
  'jobs/finished': JobView,
} as const;
