import { ApiError } from '../../../shared/api/errors';
import type { Handlers } from '../api/dispatch';
import type { HostManager } from '../hosts/host-manager';
import type { JobManager } from '../jobs/job-manager';
import { migrateDomain } from './migrate-domain';

/** Migrate to another connected host. Requests arrive already validated against the contract. */
export function migrateHandlers(hosts: HostManager, jobs: JobManager): Pick<Handlers, 'domains/migrate'> {
  return {
    'domains/migrate': async (request) => {
      const session = hosts.session(request.hostId);
      const source = session.live();
      const domain = session.domains.get(request.uuid);
      if (!domain) throw new ApiError('domain-not-found', `No VM with UUID ${request.uuid} on this host`);
      const destSession = hosts.session(request.destHostId);
      if (destSession.getStatus().state !== 'connected')
        throw new ApiError(
          'invalid-request',
          `${destSession.config.name || destSession.config.host} is not connected: connect to it first.`,
        );
      const dest = destSession.live();
      try {
        return await migrateDomain(
          {
            source,
            dest,
            destConfig: destSession.config,
            destHasName: (name) => destSession.domains.find((d) => d.name === name) !== undefined,
            sourcePools: () => session.pools.list(),
            destPools: () => destSession.pools.list(),
          },
          jobs,
          domain,
          request,
        );
      } finally {
        // Events bring both lists up to date; these reads make sure even when an event is missed.
        await Promise.all([
          session.domains.refresh(source, domain.uuid).catch(() => undefined),
          destSession.domains.refresh(dest, domain.uuid).catch(() => undefined),
        ]);
      }
    },
  };
}
