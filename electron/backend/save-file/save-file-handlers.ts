import { ApiError } from '../../../shared/api/errors';
import type { Handlers } from '../api/dispatch';
import type { HostManager } from '../hosts/host-manager';
import type { JobManager } from '../jobs/job-manager';
import { restoreFromFile, saveToFile } from './save-file';

type SaveFileCall = 'domains/save-to-file' | 'domains/restore-from-file';

/** Save to / restore from a file. Requests arrive already validated against the contract. */
export function saveFileHandlers(hosts: HostManager, jobs: JobManager): Pick<Handlers, SaveFileCall> {
  return {
    'domains/save-to-file': async (request) => {
      const session = hosts.session(request.hostId);
      const host = session.live();
      const domain = session.domains.get(request.uuid);
      if (!domain) throw new ApiError('domain-not-found', `No VM with UUID ${request.uuid} on this host`);
      try {
        return await saveToFile(host, jobs, domain, request);
      } finally {
        await session.domains.refresh(host, domain.uuid).catch(() => undefined);
      }
    },
    'domains/restore-from-file': async (request) => {
      const session = hosts.session(request.hostId);
      return restoreFromFile(session.live(), jobs, request);
    },
  };
}
