import { ApiError } from '../../../shared/api/errors';
import type { Handlers } from '../api/dispatch';
import type { HostManager } from '../hosts/host-manager';
import type { HostSession } from '../hosts/host-session';
import { updateDhcp } from './network-dhcp-update';
import { readHostInterfaces, readLeases } from './network-queries';
import { defineNetwork, runNetworkAction } from './network-verbs';
import { applyNetworkXmlEdit, readNetworkBase } from './network-xml-edit';

type NetworkCall = Extract<keyof Handlers, `networks/${string}`>;

function requireNetwork(session: HostSession, uuid: string) {
  const network = session.networks.get(uuid);
  if (!network) throw new ApiError('invalid-request', `No network with UUID ${uuid} on this host`);
  return network;
}

/** The networks/* calls → the host's NetworkCollection and verbs. Requests arrive already validated. */
export function networkHandlers(hosts: HostManager): Pick<Handlers, NetworkCall> {
  const at = (hostId: string) => {
    const session = hosts.session(hostId);
    return { session, host: session.live() };
  };
  return {
    'networks/list': async ({ hostId }) => hosts.session(hostId).networks.list(),
    'networks/define': ({ hostId, spec, start, autostart }) => {
      const { session, host } = at(hostId);
      return defineNetwork(host, session.networks, { spec, start, autostart });
    },
    'networks/action': ({ hostId, uuid, action }) => {
      const { session, host } = at(hostId);
      return runNetworkAction(host, session.networks, requireNetwork(session, uuid), action);
    },
    'networks/xml': async ({ hostId, uuid }) => {
      const { session, host } = at(hostId);
      const network = requireNetwork(session, uuid);
      return { xml: await host.shell.run(['net-dumpxml', '--network', network.uuid]) };
    },
    'networks/leases': ({ hostId, uuid }) => {
      const { session, host } = at(hostId);
      return readLeases(host.shell, requireNetwork(session, uuid).uuid);
    },
    'networks/update-dhcp': ({ hostId, uuid, family, range, hosts: entries }) => {
      const { session, host } = at(hostId);
      return updateDhcp(host, session.networks, requireNetwork(session, uuid), {
        family,
        ...(range ? { range } : {}),
        hosts: entries,
      });
    },
    'networks/interfaces': ({ hostId }) => readHostInterfaces(at(hostId).host.shell),
    // A network's XML edited with a diff before apply (issue 10)
    'networks/edit-base': async ({ hostId, uuid }) => {
      const { session, host } = at(hostId);
      return { xml: await readNetworkBase(host, requireNetwork(session, uuid).uuid) };
    },
    'networks/edit-xml': ({ hostId, uuid, baseXml, xml, preview }) => {
      const { session, host } = at(hostId);
      return applyNetworkXmlEdit(host, session.networks, requireNetwork(session, uuid), {
        baseXml,
        xml,
        preview,
      });
    },
  };
}
