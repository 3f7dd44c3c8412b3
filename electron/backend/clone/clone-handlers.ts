import { ApiError } from '../../../shared/api/errors';
import type { Handlers } from '../api/dispatch';
import type { HostManager } from '../hosts/host-manager';
import type { JobManager } from '../jobs/job-manager';
import { cloneDomain } from './clone-domain';
import { readClonePlan } from './clone-plan';

type CloneCall = 'domains/clone-plan' | 'domains/clone';

/** The Clone calls. Requests arrive already validated against the contract. */
export function cloneHandlers(hosts: HostManager, jobs: JobManager): Pick<Handlers, CloneCall> {
  const at = (hostId: string, uuid: string) => {
    const session = hosts.session(hostId);
    const host = session.live();
    const all = session.domains.list();
    const domain = all.find((d) => d.uuid === uuid);
    if (!domain) throw new ApiError('domain-not-found', `No VM with UUID ${uuid} on this host`);
    return { session, host, domain, others: all.filter((d) => d.uuid !== uuid) };
  };
  return {
    'domains/clone-plan': ({ hostId, uuid }) => {
      const { host, domain, others } = at(hostId, uuid);
      return readClonePlan(host.shell, domain, others);
    },
    'domains/clone': async (request) => {
      const { session, host, domain, others } = at(request.hostId, request.uuid);
      const result = await cloneDomain(host, jobs, domain, others, request);
      if (result.uuid) await session.domains.refresh(host, result.uuid).catch(() => undefined);
      return result;
    },
  };
}
