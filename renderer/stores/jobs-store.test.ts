import { describe, expect, it } from 'vitest';
import type { JobView } from '../../shared/api/jobs';
import { FakeApi } from '../testing/fake-api';
import { createStores, startStores } from './create-stores';

const upload: JobView = {
  jobId: 'j1',
  hostId: 'h',
  kind: 'volume-upload',
  title: 'Upload a.iso to default',
  state: 'running',
  phase: 'Uploading',
  done: 0,
  total: 100,
  cancellable: true,
  startedAt: 1,
};

describe('jobs store', () => {
  it('follows a job from its events, reloads the pool when a volume job ends, clears finished ones', async () => {
    const api = new FakeApi()
      .handle('jobs/cancel', () => ({}))
      .handle('jobs/clear', () => ({}))
      .handle('volumes/list', () => []);
    const stores = createStores(api);
    const stop = startStores(stores);
    await stores.volumes.getState().load('h', 'default');
    api.emit('jobs/started', upload);
    api.emit('jobs/progress', {
      jobId: 'j1',
      hostId: 'h',
      phase: 'Uploading',
      done: 50,
      total: 100,
      rate: 10,
    });
    expect(stores.jobs.getState().byId['j1']).toMatchObject({ done: 50, rate: 10 });
    await stores.jobs.getState().cancel('j1');
    expect(api.callsOf('jobs/cancel')).toEqual([{ jobId: 'j1' }]);
    api.emit('jobs/finished', { ...upload, state: 'cancelled', message: 'Upload a.iso: cancelled' });
    // A late progress event does not bring a finished job back to life.
    api.emit('jobs/progress', { jobId: 'j1', hostId: 'h', phase: 'Uploading', done: 60 });
    expect(stores.jobs.getState().byId['j1']).toMatchObject({ state: 'cancelled', done: 0 });
    expect(api.callsOf('volumes/list')).toHaveLength(2);
    await stores.jobs.getState().clearFinished();
    expect(stores.jobs.getState().order).toEqual([]);
    stop();
  });
});
