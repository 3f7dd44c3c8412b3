import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/api/contract';
import { EventBus } from '../events/event-bus';
import { JobManager } from './job-manager';

function recorder() {
  const bus = new EventBus();
  const events: Array<{ name: EventName; payload: Record<string, unknown> }> = [];
  bus.subscribe((name, payload) => events.push({ name, payload: payload as Record<string, unknown> }));
  return { bus, events };
}

describe('JobManager', () => {
  it('announces a job, pushes its progress and its outcome', async () => {
    const { bus, events } = recorder();
    const jobs = new JobManager(bus);
    const { job, finished } = jobs.start({
      hostId: 'h',
      kind: 'volume-upload',
      title: 'Upload a.iso to default',
      phase: 'Uploading',
      cancellable: true,
      run: async ({ progress }) => {
        progress(0, 100);
        progress(100, 100);
        return { message: 'Uploaded 100 bytes' };
      },
    });
    expect(job).toMatchObject({ state: 'running', title: 'Upload a.iso to default' });
    await expect(finished).resolves.toMatchObject({ message: 'Uploaded 100 bytes' });
    expect(events.map((e) => e.name)).toEqual([
      'jobs/started',
      'jobs/progress',
      'jobs/progress',
      'jobs/finished',
    ]);
    expect(events[2]!.payload).toMatchObject({ done: 100, total: 100 });
    expect(jobs.list()).toEqual([expect.objectContaining({ state: 'done', message: 'Uploaded 100 bytes' })]);
    jobs.clear();
    expect(jobs.list()).toEqual([]);
  });

  it('sends every new phase at once, however quickly the phases follow each other', async () => {
    const { bus, events } = recorder();
    const jobs = new JobManager(bus);
    const { finished } = jobs.start({
      hostId: 'h',
      kind: 'vm-create',
      title: 'Create vm',
      phase: 'Starting',
      cancellable: true,
      run: async ({ progress }) => {
        progress(0, 5, 'Checking the name');
        progress(1, 5, 'Creating the disk');
        progress(1, 5, 'Creating the disk');
        progress(2, 5, 'Fetching the installer kernel');
        return { message: 'done' };
      },
    });
    await finished;
    const phases = events.filter((e) => e.name === 'jobs/progress').map((e) => e.payload['phase']);
    expect(phases).toEqual(['Checking the name', 'Creating the disk', 'Fetching the installer kernel']);
  });

  it('cancels through the signal and reports the job as cancelled, not failed', async () => {
    const { bus, events } = recorder();
    const jobs = new JobManager(bus);
    const { job, finished } = jobs.start({
      hostId: 'h',
      kind: 'domain-save',
      title: 'Save vm',
      phase: 'Saving',
      cancellable: true,
      run: ({ signal }) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('operation aborted'))),
        ),
    });
    jobs.cancel(job.jobId);
    await expect(finished).rejects.toMatchObject({ code: 'cancelled' });
    expect(events.at(-1)).toMatchObject({ name: 'jobs/finished', payload: { state: 'cancelled' } });
  });

  it('reports a failure with its reason and refuses to cancel what cannot be cancelled', async () => {
    const jobs = new JobManager(new EventBus());
    let release!: () => void;
    const { job, finished } = jobs.start({
      hostId: 'h',
      kind: 'volume-create',
      title: 'Create disk',
      phase: 'Allocating',
      cancellable: false,
      run: () => new Promise((_r, reject) => (release = () => reject(new Error('pool is full')))),
    });
    expect(() => jobs.cancel(job.jobId)).toThrow(/cannot be cancelled/);
    release();
    await expect(finished).rejects.toThrow('pool is full');
    expect(jobs.list()[0]).toMatchObject({
      state: 'failed',
      error: { code: 'internal', message: 'pool is full' },
    });
  });
});
