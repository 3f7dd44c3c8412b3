import type { Handlers } from '../../api/dispatch';
import type { HostManager } from '../host-manager';
import { readHostOverview } from './read-overview';
import { readReadiness } from './readiness';

/** hosts/overview and hosts/readiness: read on demand (the host details window asks). */
export function overviewHandlers(hosts: HostManager): Pick<Handlers, 'hosts/overview' | 'hosts/readiness'> {
  return {
    'hosts/overview': async ({ hostId }) => {
      const host = hosts.session(hostId).live();
      return readHostOverview(host.shell, host.uri);
    },
    'hosts/readiness': async ({ hostId }) => readReadiness(hosts.session(hostId).live().transport),
  };
}
