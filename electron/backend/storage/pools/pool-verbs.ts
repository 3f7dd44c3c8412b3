import { ApiError } from '../../../../shared/api/errors';
import {
  poolActionAllowed,
  poolActionById,
  type PoolAction,
  type PoolSummary,
} from '../../../../shared/api/pools';
import { longRunner } from '../../hosts/host-session';
import type { LiveHost } from '../../hosts/host-connection';
import type { JobManager } from '../../jobs/job-manager';
import type { PoolCollection } from './pool-collection';

/** `pool-build` as a job, on its own channel (it can format a disk or create a volume group). */
export async function buildPool(host: LiveHost, jobs: JobManager, ref: string, name: string): Promise<void> {
  const runner = longRunner(host);
  await jobs.start({
    hostId: host.hostId,
    kind: 'pool-build',
    title: `Build pool ${name}`,
    phase: 'Building',
    cancellable: false,
    run: async () => {
      await runner.run(['pool-build', '--pool', ref]);
      return { message: `Pool ${name} built` };
    },
  }).finished;
}

/** One action of the shared table, refused unless the pool's state allows it. */
export async function runPoolAction(
  host: LiveHost,
  pools: PoolCollection,
  jobs: JobManager,
  uuid: string,
  action: PoolAction,
): Promise<{ summary?: PoolSummary; message: string }> {
  const pool = pools.get(uuid);
  if (!pool) throw new ApiError('storage-error', `No storage pool with UUID ${uuid} on this host`);
  if (!poolActionAllowed(action, pool))
    throw new ApiError('invalid-request', `Pool “${pool.name}” is ${pool.state}: “${action}” does not apply`);
  const spec = poolActionById(action);
  if (spec.job) await buildPool(host, jobs, uuid, pool.name);
  else await host.shell.run([spec.verb[0], '--pool', uuid, ...spec.verb.slice(1)]);
  const summary = await pools.refresh(host, uuid);
  const message = `Pool “${pool.name}” ${spec.done}`;
  return summary ? { summary, message } : { message };
}

/**
 * Delete: stop it if active, `pool-delete` when asked (the directory, the volume group, …), then
 * undefine. A failure says which steps were done and what is left.
 */
export async function deletePool(
  host: LiveHost,
  pools: PoolCollection,
  uuid: string,
  deleteStorage: boolean,
): Promise<{ message: string }> {
  const pool = pools.get(uuid);
  if (!pool) throw new ApiError('storage-error', `No storage pool with UUID ${uuid} on this host`);
  const done: string[] = [];
  const step = async (argv: string[], what: string) => {
    try {
      await host.shell.run(argv);
      done.push(what);
    } catch (error) {
      await pools.refresh(host, uuid).catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      const sofar = done.length > 0 ? ` (already ${done.join(', ')})` : '';
      throw new ApiError('virsh-error', `Could not delete pool “${pool.name}”${sofar}: ${reason}`);
    }
  };
  if (pool.state !== 'inactive') await step(['pool-destroy', '--pool', uuid], 'stopped');
  if (deleteStorage) await step(['pool-delete', '--pool', uuid], 'its storage deleted');
  if (pool.persistent) await step(['pool-undefine', '--pool', uuid], 'undefined');
  pools.forget(uuid);
  return {
    message: deleteStorage
      ? `Pool “${pool.name}” and its storage deleted`
      : `Pool “${pool.name}” removed (its storage is kept)`,
  };
}
