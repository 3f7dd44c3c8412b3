import type { Handlers } from '../../api/dispatch';
import type { HostManager } from '../../hosts/host-manager';
import type { JobManager } from '../../jobs/job-manager';
import { definePool } from './pool-define';
import { findPoolSources, readPoolCapabilities, readPoolXml } from './pool-queries';
import { deletePool, runPoolAction } from './pool-verbs';

type PoolCall = Extract<keyof Handlers, `pools/${string}`>;

/** The pools/* calls. Requests arrive already validated against the contract. */
export function poolHandlers(hosts: HostManager, jobs: JobManager): Pick<Handlers, PoolCall> {
  const on = (hostId: string) => {
    const session = hosts.session(hostId);
    return { host: session.live(), pools: session.pools };
  };
  return {
    'pools/list': async ({ hostId }) => hosts.session(hostId).pools.list(),
    'pools/capabilities': ({ hostId }) => readPoolCapabilities(on(hostId).host),
    'pools/find-sources': ({ hostId, ...request }) => findPoolSources(on(hostId).host, request),
    'pools/define': ({ hostId, ...request }) => {
      const { host, pools } = on(hostId);
      return definePool(host, pools, jobs, request);
    },
    'pools/action': ({ hostId, uuid, action }) => {
      const { host, pools } = on(hostId);
      return runPoolAction(host, pools, jobs, uuid, action);
    },
    'pools/delete': ({ hostId, uuid, deleteStorage }) => {
      const { host, pools } = on(hostId);
      return deletePool(host, pools, uuid, deleteStorage);
    },
    'pools/xml': async ({ hostId, uuid }) => ({ xml: await readPoolXml(on(hostId).host, uuid) }),
  };
}
