import { ApiError, refusal } from '../../../../shared/api/errors';
import { check } from '../../../../shared/checks/check-message';
import { poolSpecProblem, type PoolSpec, type PoolSummary } from '../../../../shared/api/pools';
import { newPoolXml } from '../../../../shared/xml/build/new-pool';
import type { LiveHost } from '../../hosts/host-connection';
import type { JobManager } from '../../jobs/job-manager';
import { putXmlOn, XML_FILE } from '../../virsh/put-xml';
import { readPoolCapabilities } from './pool-queries';
import type { PoolCollection } from './pool-collection';
import { buildPool } from './pool-verbs';

export interface DefineRequest {
  spec: PoolSpec;
  build: boolean;
  start: boolean;
  autostart: boolean;
}

/** Types whose `pool-delete` removes only what `pool-build` made (a directory). */
const BUILD_UNDONE_BY_DELETE = new Set(['dir', 'fs', 'netfs']);

/** Everything that can be checked before anything runs: the spec, the host's types, the name. */
async function refuseBadRequest(host: LiveHost, pools: PoolCollection, spec: PoolSpec): Promise<void> {
  const problem = poolSpecProblem(spec);
  if (problem) throw refusal(problem);
  if (pools.findByName(spec.name)) throw refusal(check('pool.nameTaken', { name: spec.name }));
  const capabilities = await readPoolCapabilities(host);
  const support = capabilities.types.find((t) => t.type === spec.type);
  if (capabilities.known && !support?.supported)
    throw new ApiError(
      'invalid-request',
      `This host’s libvirt cannot run ${spec.type} pools (pool-capabilities says it lacks the driver)`,
    );
}

/**
 * Defines a pool from its spec (XML from the shared builder, through putXml), then builds (a job),
 * starts and marks it autostart as asked. If build or start fails, the pool is removed again
 * (pool-delete when our build made its directory, then undefine) and the message says so; if that
 * fails too, it says exactly what is left.
 */
export async function definePool(
  host: LiveHost,
  pools: PoolCollection,
  jobs: JobManager,
  request: DefineRequest,
): Promise<{ summary?: PoolSummary; message: string }> {
  const { spec } = request;
  await refuseBadRequest(host, pools, spec);
  await putXmlOn(host, ['pool-define', XML_FILE], newPoolXml(spec));
  let built = false;
  let step = 'build';
  try {
    if (request.build) {
      await buildPool(host, jobs, spec.name, spec.name);
      built = true;
    }
    step = 'start';
    if (request.start) await host.shell.run(['pool-start', '--pool', spec.name]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const left = await rollBack(host, spec, built);
    await pools.refresh(host, spec.name).catch(() => undefined);
    throw new ApiError(
      error instanceof ApiError ? error.code : 'virsh-error',
      `Could not ${step} the pool “${spec.name}”: ${reason}\n${left}`,
    );
  }
  let note = '';
  if (request.autostart) {
    try {
      await host.shell.run(['pool-autostart', '--pool', spec.name]);
    } catch (error) {
      note = ` It does not start with the host: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const summary = await pools.refresh(host, spec.name);
  const done = request.start ? 'defined and started' : 'defined';
  const message = `Pool “${spec.name}” ${done}.${note}`;
  return summary ? { summary, message } : { message };
}

async function rollBack(host: LiveHost, spec: PoolSpec, built: boolean): Promise<string> {
  const removed: string[] = [];
  try {
    if (built && BUILD_UNDONE_BY_DELETE.has(spec.type)) {
      await host.shell.run(['pool-delete', '--pool', spec.name]);
      removed.push(`its target ${'targetPath' in spec ? spec.targetPath : ''} was deleted`.trim());
    }
    await host.shell.run(['pool-undefine', '--pool', spec.name]);
    return `The pool was removed again (${[...removed, 'undefined'].join(', ')}): nothing is left of it.`;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `Removing it again failed too (${why}): the pool “${spec.name}” is left defined and inactive${
      built ? ', with what Build made' : ''
    }.`;
  }
}
