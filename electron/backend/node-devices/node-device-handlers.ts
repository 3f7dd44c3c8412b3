import { ApiError } from '../../../shared/api/errors';
import { relateNodeDevices } from '../../../shared/api/node-device-relations';
import type { NodeDeviceAction } from '../../../shared/api/node-devices';
import type { Handlers } from '../api/dispatch';
import type { HostManager } from '../hosts/host-manager';
import type { HostSession } from '../hosts/host-session';

type NodeDeviceCall = Extract<keyof Handlers, `nodedevices/${string}`>;

const VERBS: Record<NodeDeviceAction, { verb: string; done: string }> = {
  detach: { verb: 'nodedev-detach', done: 'detached from its host driver' },
  reattach: { verb: 'nodedev-reattach', done: 'reattached to its host driver' },
};

function requireDevice(session: HostSession, name: string) {
  const device = session.nodeDevices.get(name);
  if (!device) throw new ApiError('invalid-request', `No node device named ${name} on this host`);
  return device;
}

/** The nodedevices/* calls → the host's NodeDeviceCollection. Requests arrive already validated. */
export function nodeDeviceHandlers(hosts: HostManager): Pick<Handlers, NodeDeviceCall> {
  const at = (hostId: string) => {
    const session = hosts.session(hostId);
    return { session, host: session.live() };
  };
  return {
    'nodedevices/list': async ({ hostId, refresh }) => {
      const { session, host } = at(hostId);
      const devices = await session.nodeDevices.ensure(host, refresh);
      return { ...relateNodeDevices(devices, session.domains.list()), listing: session.nodeDevices.listing };
    },
    'nodedevices/xml': async ({ hostId, name }) => {
      const { session, host } = at(hostId);
      await session.nodeDevices.ensure(host);
      return {
        xml: await host.shell.run(['nodedev-dumpxml', '--device', requireDevice(session, name).name]),
      };
    },
    'nodedevices/action': async ({ hostId, name, action }) => {
      const { session, host } = at(hostId);
      await session.nodeDevices.ensure(host);
      const device = requireDevice(session, name);
      const { verb, done } = VERBS[action];
      await host.shell.run([verb, '--device', device.name]);
      // The driver of every function in the group may have changed with it.
      const group = device.pci?.iommuGroup?.members ?? [];
      const others = session.nodeDevices
        .list()
        .filter((d) => d.name !== device.name && d.pci && group.includes(d.pci.address))
        .map((d) => d.name);
      const devices = await session.nodeDevices.refresh(host, [device.name, ...others]);
      return { message: `${device.name} ${done}`, devices };
    },
  };
}
