import { describe, expect, it } from 'vitest';
import type { JobView } from '../../shared/api/jobs';
import { createCloneCalls } from '../clone/clone-calls';
import { createMigrateCalls } from '../migrate/migrate-calls';
import { createSaveFileCalls } from '../save-file/save-file-calls';
import { createSnapshotCalls } from '../snapshots/snapshot-calls';
import { FakeApi } from '../testing/fake-api';

// issue 14: the calls the Snapshots page and the Clone / Save to file / Migrate dialogs make.
const job = (over: Partial<JobView>): JobView => ({
  jobId: 'j1',
  hostId: 'h1',
  kind: 'domain-migrate',
  title: 't',
  state: 'running',
  phase: 'p',
  done: 0,
  cancellable: true,
  startedAt: 0,
  ...over,
});

/** A call that stays open until `finish` is called, like a job's call does. */
function pending<T>() {
  let finish!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { promise, finish, fail };
}

describe('calls that run as jobs', () => {
  it('say "started" when their job appears, before the call answers, and stop listening', async () => {
    const api = new FakeApi();
    const answer = pending<{ message: string; path: 'peer-to-peer-ssh' }>();
    api.handle('domains/migrate', () => answer.promise);
    const { started, finished } = createMigrateCalls(api).migrate({
      hostId: 'h1',
      uuid: 'u1',
      destHostId: 'h2',
    });
    let didStart = false;
    void started.then(() => (didStart = true));
    api.emit('jobs/started', job({ hostId: 'other' }));
    await Promise.resolve();
    expect(didStart).toBe(false);
    api.emit('jobs/started', job({}));
    await started;
    expect(api.listenerCount('jobs/started')).toBe(0);
    answer.finish({ message: 'migrated', path: 'peer-to-peer-ssh' });
    expect((await finished).message).toBe('migrated');
    expect(api.callsOf('domains/migrate')).toEqual([{ hostId: 'h1', uuid: 'u1', destHostId: 'h2' }]);
  });

  it('reject "started" with the refusal when the checks fail before any job', async () => {
    const api = new FakeApi();
    api.handle('domains/save-to-file', () => Promise.reject(new Error('/root is not writable on the host')));
    const { started, finished } = createSaveFileCalls(api).save({
      hostId: 'h1',
      uuid: 'u1',
      path: '/root/x',
    });
    await expect(started).rejects.toThrow(/not writable/);
    await expect(finished).rejects.toThrow(/not writable/);
    expect(api.listenerCount('jobs/started')).toBe(0);
  });

  it('tell a clone by its title and a restore by its kind', async () => {
    const api = new FakeApi();
    api.handle('domains/clone', () => pending<{ message: string; uuid: string }>().promise);
    api.handle('domains/restore-from-file', () => pending<{ message: string }>().promise);
    const clone = createCloneCalls(api).clone({ hostId: 'h1', uuid: 'u1', name: 'web-2', disks: [] }, 'web');
    api.emit('jobs/started', job({ kind: 'domain-clone', title: 'Clone db to web-2' }));
    api.emit('jobs/started', job({ kind: 'domain-clone', title: 'Clone web to web-2' }));
    await clone.started;
    const restore = createSaveFileCalls(api).restore({ hostId: 'h1', path: '/tmp/a.save' });
    api.emit('jobs/started', job({ kind: 'domain-restore' }));
    await restore.started;
  });
});

describe('snapshot calls', () => {
  it('send the VM reference with each verb and hear only this VM’s changes', async () => {
    const api = new FakeApi()
      .handle('snapshots/revert', () => ({ message: 'ok' }))
      .handle('snapshots/delete', () => ({ message: 'ok' }))
      .handle('snapshots/describe', () => ({ message: 'ok' }));
    const calls = createSnapshotCalls(api);
    const ref = { hostId: 'h1', uuid: 'u1' };
    await calls.revert(ref, 'a', 'paused');
    await calls.remove(ref, 'a', true);
    await calls.describe(ref, 'a', 'text');
    expect(api.calls.map((c) => c.request)).toEqual([
      { ...ref, name: 'a', then: 'paused' },
      { ...ref, name: 'a', children: true },
      { ...ref, name: 'a', description: 'text' },
    ]);
    let heard = 0;
    const stop = calls.onChanged(ref, () => heard++);
    api.emit('snapshots/changed', { hostId: 'h1', uuid: 'other' });
    api.emit('snapshots/changed', ref);
    stop();
    api.emit('snapshots/changed', ref);
    expect(heard).toBe(1);
  });
});
