import type { HostDeviceRef } from './host-device-ref';
import type { DeviceUser, IommuGroup, NodeDevice, NodeDeviceView } from './node-devices';

/**
 * What a VM contributes to "in use by": its name, state, the host devices its XML assigns (live XML
 * when running, else its definition) and, when running, those of its inactive definition.
 */
export interface DeviceUsingDomain {
  uuid: string;
  name: string;
  state?: string | undefined;
  hostDevices?: readonly HostDeviceRef[] | undefined;
  definedHostDevices?: readonly HostDeviceRef[] | undefined;
}

/** Running as far as host devices go: it holds what its live XML assigns. */
export const holdsDevices = (state: string | undefined): boolean =>
  state !== undefined && state !== 'shut off' && state !== 'crashed';

const sameId = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && parseInt(a, 16) === parseInt(b, 16);

/** Whether one `<hostdev>` entry names this node device. */
export function refersTo(ref: HostDeviceRef, device: NodeDevice): boolean {
  switch (ref.type) {
    case 'pci':
      return device.pci?.address === ref.address;
    case 'usb': {
      if (!device.usb) return false;
      if (ref.bus !== undefined && ref.device !== undefined)
        return ref.bus === device.usb.bus && ref.device === device.usb.device;
      return sameId(ref.vendorId, device.vendor?.id) && sameId(ref.productId, device.product?.id);
    }
    case 'mdev':
      return device.mdev?.uuid?.toLowerCase() === ref.uuid.toLowerCase();
    case 'scsi':
      return (
        device.scsi !== undefined &&
        ref.adapter === `scsi_host${device.scsi.host}` &&
        ref.bus === device.scsi.bus &&
        ref.target === device.scsi.target &&
        ref.unit === device.scsi.lun
      );
  }
}

/**
 * The VMs whose XML assigns this device: attached to a running VM now, or in the definition of a
 * shut-off VM or of a running VM's next boot (`running` / `attached` say which when the state is known).
 */
export function usersOf(device: NodeDevice, domains: readonly DeviceUsingDomain[]): DeviceUser[] {
  const users: DeviceUser[] = [];
  for (const d of domains) {
    const inXml = d.hostDevices?.some((ref) => refersTo(ref, device)) ?? false;
    const running = holdsDevices(d.state);
    const nextBoot = running && (d.definedHostDevices?.some((ref) => refersTo(ref, device)) ?? false);
    if (!inXml && !nextBoot) continue;
    users.push(
      d.state === undefined
        ? { uuid: d.uuid, name: d.name }
        : { uuid: d.uuid, name: d.name, running, attached: running && inXml },
    );
  }
  return users;
}

/**
 * The host's devices joined with each other and with the VMs: who uses each device, the SR-IOV
 * partners by node device name, and every IOMMU group with all its members (a member the host did
 * not list is still shown, by address).
 */
export function relateNodeDevices(
  devices: readonly NodeDevice[],
  domains: readonly DeviceUsingDomain[],
): { devices: NodeDeviceView[]; groups: IommuGroup[] } {
  const byAddress = new Map<string, NodeDevice>();
  for (const device of devices) if (device.pci) byAddress.set(device.pci.address, device);
  const users = new Map(devices.map((d) => [d.name, usersOf(d, domains)]));
  const nameAt = (address: string) => byAddress.get(address)?.name;

  const views: NodeDeviceView[] = devices.map((device) => {
    const sriov = device.pci?.sriov;
    const pf = sriov?.physicalFunction ? nameAt(sriov.physicalFunction) : undefined;
    return {
      ...device,
      usedBy: users.get(device.name) ?? [],
      ...(pf ? { physicalFunctionName: pf } : {}),
      virtualFunctionNames: (sriov?.virtualFunctions ?? [])
        .map(nameAt)
        .filter((n): n is string => n !== undefined),
    };
  });

  const groups = new Map<number, Set<string>>();
  for (const device of devices) {
    const group = device.pci?.iommuGroup;
    if (!group) continue;
    const members = groups.get(group.number) ?? new Set<string>();
    for (const address of [device.pci!.address, ...group.members]) members.add(address);
    groups.set(group.number, members);
  }
  return {
    devices: views,
    groups: [...groups.entries()]
      .sort(([a], [b]) => a - b)
      .map(([number, members]) => ({
        number,
        members: [...members].sort().map((address) => {
          const device = byAddress.get(address);
          return {
            address,
            ...(device ? { device: device.name } : {}),
            ...(device?.product?.name ? { product: device.product.name } : {}),
            ...(device?.driver ? { driver: device.driver } : {}),
            usedBy: device ? (users.get(device.name) ?? []) : [],
          };
        }),
      })),
  };
}
