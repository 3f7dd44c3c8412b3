import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors';
import type { JobKind, JobView } from '../../../shared/api/jobs';
import type { EventBus } from '../events/event-bus';

/** What a running job's work is handed. */
export interface JobContext {
  /** Aborted when the user cancels (or the backend shuts down). */
  readonly signal: AbortSignal;
  /** Reports progress; throttled here, so call it as often as is convenient. */
  progress(done: number, total?: number, phase?: string): void;
}

export interface JobSpec<R> {
  hostId: string;
  kind: JobKind;
  title: string;
  /** First phase, for people ("Saving", "Uploading"). */
  phase: string;
  /** Whether Cancel is offered (the work must then honour `signal`). */
  cancellable: boolean;
  run: (context: JobContext) => Promise<{ message: string; result?: R }>;
}

const PROGRESS_EVERY_MS = 200;
const RATE_WINDOW_MS = 3000;

/**
 * Every job of this backend: starts each one, throttles and pushes its progress, cancels it on
 * request, keeps the finished ones until cleared. The work itself runs on its own channel of the
 * host's connection, never on the shared virsh shell.
 */
export class JobManager {
  private readonly jobs = new Map<string, { view: JobView; abort: AbortController }>();

  constructor(private readonly bus: EventBus) {}

  list(): JobView[] {
    return [...this.jobs.values()].map((j) => j.view);
  }

  /** Starts a job; `finished` settles with its result (or its error) when it ends. */
  start<R>(spec: JobSpec<R>): { job: JobView; finished: Promise<{ message: string; result?: R }> } {
    const jobId = randomUUID();
    const abort = new AbortController();
    const view: JobView = {
      jobId,
      hostId: spec.hostId,
      kind: spec.kind,
      title: spec.title,
      state: 'running',
      phase: spec.phase,
      done: 0,
      cancellable: spec.cancellable,
      startedAt: Date.now(),
    };
    const entry = { view, abort };
    this.jobs.set(jobId, entry);
    this.bus.emit('jobs/started', view);
    const context = this.context(entry);
    const finished = spec.run(context).then(
      (outcome) => {
        this.finish(entry, { state: 'done', message: outcome.message });
        return outcome;
      },
      (error: unknown) => {
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError('internal', error instanceof Error ? error.message : String(error));
        const cancelled = abort.signal.aborted;
        // A job that says what its cancel undid (code 'cancelled') keeps its own words.
        const cancelMessage = apiError.code === 'cancelled' ? apiError.message : `${spec.title}: cancelled`;
        this.finish(entry, {
          state: cancelled ? 'cancelled' : 'failed',
          message: cancelled ? cancelMessage : apiError.message,
          ...(cancelled ? {} : { error: apiError.toShape() }),
        });
        throw cancelled ? new ApiError('cancelled', cancelMessage) : apiError;
      },
    );
    finished.catch(() => undefined); // the caller may not wait; the finished event tells the UI
    return { job: view, finished };
  }

  cancel(jobId: string): void {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new ApiError('invalid-request', 'No such job');
    if (entry.view.state !== 'running') return;
    if (!entry.view.cancellable)
      throw new ApiError('invalid-request', `${entry.view.title} cannot be cancelled`);
    entry.abort.abort();
  }

  clear(hostId?: string): void {
    for (const [id, { view }] of this.jobs)
      if (view.state !== 'running' && (hostId === undefined || view.hostId === hostId)) this.jobs.delete(id);
  }

  /** Cancels every running job (the backend is shutting down). */
  dispose(): void {
    for (const { abort } of this.jobs.values()) abort.abort();
  }

  private context(entry: { view: JobView; abort: AbortController }): JobContext {
    let lastSent = 0;
    const samples: Array<{ at: number; done: number }> = [];
    return {
      signal: entry.abort.signal,
      progress: (done, total, phase) => {
        const now = Date.now();
        // A new phase is always sent: throttled away, the last one would stay on screen while a
        // step that reports nothing more (a download that hangs) runs.
        const phaseChanged = phase !== undefined && phase !== entry.view.phase;
        samples.push({ at: now, done });
        while (samples.length > 2 && now - samples[0]!.at > RATE_WINDOW_MS) samples.shift();
        const first = samples[0]!;
        const rate = now > first.at ? ((done - first.done) * 1000) / (now - first.at) : undefined;
        entry.view = {
          ...entry.view,
          done,
          ...(total !== undefined ? { total } : {}),
          ...(phase ? { phase } : {}),
          ...(rate !== undefined ? { rate: Math.max(0, rate) } : {}),
        };
        const complete = total !== undefined && done >= total;
        if (now - lastSent < PROGRESS_EVERY_MS && !complete && !phaseChanged) return;
        lastSent = now;
        const { jobId, hostId, phase: p, done: d, total: t, rate: r } = entry.view;
        this.bus.emit('jobs/progress', {
          jobId,
          hostId,
          phase: p,
          done: d,
          ...(t !== undefined ? { total: t } : {}),
          ...(r !== undefined ? { rate: r } : {}),
        });
      },
    };
  }

  private finish(entry: { view: JobView }, outcome: Pick<JobView, 'state' | 'message' | 'error'>): void {
    entry.view = { ...entry.view, ...outcome, finishedAt: Date.now() };
    this.bus.emit('jobs/finished', entry.view);
  }
}
