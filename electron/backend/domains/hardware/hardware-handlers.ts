import { relateNodeDevices } from '../../../../shared/api/node-device-relations';
import type { HostDeviceFacts } from '../../../../shared/domain-edit/hardware/host-device-checks';
import type { Handlers } from '../../api/dispatch';
import type { HostManager } from '../../hosts/host-manager';
import { editTarget } from '../edit/edit-target';
import { isRunning } from '../disk-references';
import { addDevices } from './add-device';
import { removeDeviceFromDomain } from './remove-device';

type HardwareCall = 'domains/add-device' | 'domains/remove-device';

/** Add Hardware and Remove → the one edit path. Requests arrive already validated. */
export function hardwareHandlers(hosts: HostManager): Pick<Handlers, HardwareCall> {
  const at = (hostId: string, uuid: string) => editTarget(hosts, hostId, uuid);
  const refreshed = async (hostId: string, uuid: string) => {
    const session = hosts.session(hostId);
    const host = session.live();
    const refresh = session.domains.refresh(host, uuid).catch(() => undefined);
    if (host.uri.startsWith('test:')) await refresh;
  };
  return {
    'domains/add-device': async ({ hostId, uuid, baseXml, preview, devices, newVolume }) => {
      const { session, host, target, domain } = at(hostId, uuid);
      // The node-device list is read only when a host device is being added.
      const facts = async (): Promise<HostDeviceFacts> => {
        const listed = await session.nodeDevices.ensure(host);
        const domains = session.domains.list();
        return {
          ...relateNodeDevices(listed, domains),
          others: domains
            .filter((d) => d.uuid !== uuid)
            .map((d) => ({
              uuid: d.uuid,
              name: d.name,
              running: isRunning(d),
              hostDevices: d.hostDevices,
              definedHostDevices: d.definedHostDevices,
            })),
        };
      };
      const result = await addDevices(target, domain, { baseXml, preview, devices, newVolume }, facts);
      if (result.outcome === 'applied') await refreshed(hostId, uuid);
      return result;
    },
    'domains/remove-device': async ({ hostId, uuid, baseXml, preview, key, deleteStorage }) => {
      const { session, target, domain } = at(hostId, uuid);
      const answer = await removeDeviceFromDomain(
        target,
        domain,
        { baseXml, preview, key, deleteStorage },
        () => session.disks(uuid),
      );
      if (answer.result.outcome === 'applied') await refreshed(hostId, uuid);
      return answer;
    },
  };
}
