// Host devices handed to a VM, checked against the host's node devices before anything is defined:
// a PCI function another running VM holds, and an IOMMU group passed in part (the group is the unit
// of isolation: every endpoint in it goes to the same VM, or stays detached from its host driver).
import type { EditProblem } from '../../api/domain-edit';
import type { HostDeviceRef } from '../../api/host-device-ref';
import type { IommuGroup, NodeDeviceView } from '../../api/node-devices';
import type { XmlDocument } from '../../xml/document';
import { listDevices } from '../../xml/views/devices/device-list';
import { readDeviceElement } from '../../xml/views/devices/device-views';

/** Another VM of the host, as the checks need it. */
export interface OtherDomain {
  uuid: string;
  name: string;
  running: boolean;
  /** Its live XML's host devices when running, else its definition's. */
  hostDevices?: readonly HostDeviceRef[] | undefined;
  /** A running VM's inactive definition's host devices (its next boot). */
  definedHostDevices?: readonly HostDeviceRef[] | undefined;
}

const assigns = (refs: readonly HostDeviceRef[] | undefined, address: string) =>
  refs?.some((r) => r.type === 'pci' && r.address === address) ?? false;

export interface HostDeviceFacts {
  devices: readonly NodeDeviceView[];
  groups: readonly IommuGroup[];
  /** Every other VM of the host (not the one being edited). */
  others: readonly OtherDomain[];
}

export interface HostDeviceCheck {
  /** Refusals: nothing is defined. */
  problems: EditProblem[];
  /** Worth saying, not refused (a shut-off VM also uses it, an unmanaged device still on its driver). */
  warnings: string[];
}

/** Host drivers that leave a function free for a guest. */
const GUEST_DRIVERS = new Set(['vfio-pci', 'pci-stub']);
/** PCI bridges (class 0x0604xx) do not need to go with the group. */
const isBridge = (pciClass: string | undefined) => pciClass !== undefined && /^0x0604/i.test(pciClass);

const describe = (address: string, product?: string, driver?: string) =>
  `${address}${product ? ` (${product}` : ''}${product && driver ? `, driver ${driver}` : ''}${product ? ')' : driver ? ` (driver ${driver})` : ''}`;

/**
 * Checks the PCI functions a VM will have once the edit is applied (`assigned`, every hostdev and
 * hostdev NIC of the new document) for those being added (`added`). `field` names the problem's field.
 */
export function checkPciAssignment(
  added: readonly { address: string; managed: boolean; field: string }[],
  assigned: ReadonlySet<string>,
  facts: HostDeviceFacts,
): HostDeviceCheck {
  const problems: EditProblem[] = [];
  const warnings: string[] = [];
  const byAddress = new Map(facts.devices.filter((d) => d.pci).map((d) => [d.pci!.address, d]));
  /** Every VM whose XML names it: attached to a running VM, or in a (next boot's) definition. */
  const usersOf = (address: string) =>
    facts.others.filter(
      (vm) => assigns(vm.hostDevices, address) || (vm.running && assigns(vm.definedHostDevices, address)),
    );
  const attachedTo = (address: string) =>
    facts.others.filter((vm) => vm.running && assigns(vm.hostDevices, address));
  for (const { address, managed, field } of added) {
    const device = byAddress.get(address);
    const users = usersOf(address);
    const running = attachedTo(address);
    if (running.length > 0)
      problems.push({
        field,
        code: 'hostdev-in-use',
        message: `${address} is already attached to the running VM ${running.map((u) => u.name).join(', ')}: shut that VM down or remove the device from it first`,
      });
    const stopped = users.filter((u) => !u.running);
    if (stopped.length > 0)
      warnings.push(
        `${address} is also assigned to ${stopped.map((u) => u.name).join(', ')} (shut off): only one of them can run at a time`,
      );
    const nextBoot = users.filter((u) => u.running && !assigns(u.hostDevices, address));
    if (nextBoot.length > 0)
      warnings.push(
        `${address} is in the definition of the running VM ${nextBoot.map((u) => u.name).join(', ')} (not attached now; it takes it at its next boot): only one of them can run with it`,
      );
    if (!managed && device?.driver && !GUEST_DRIVERS.has(device.driver))
      warnings.push(
        `${address} is unmanaged and still bound to ${device.driver}: detach it from the host before starting the VM`,
      );
    const group = facts.groups.find((g) => g.members.some((m) => m.address === address));
    if (!group) continue;
    const missing = group.members.filter((m) => {
      if (m.address === address || assigned.has(m.address)) return false;
      if (isBridge(byAddress.get(m.address)?.pci?.class)) return false;
      return true;
    });
    const heldElsewhere = missing.filter((m) => attachedTo(m.address).length > 0);
    if (heldElsewhere.length > 0) {
      problems.push({
        field,
        code: 'iommu-in-use',
        message: `${address} shares IOMMU group ${group.number} with ${heldElsewhere
          .map(
            (m) =>
              `${describe(m.address, m.product)} used by ${attachedTo(m.address)
                .map((u) => u.name)
                .join(', ')}`,
          )
          .join('; ')}: a group can only go to one running VM`,
      });
      continue;
    }
    const onHostDrivers = missing.filter((m) => !m.driver || !GUEST_DRIVERS.has(m.driver));
    if (onHostDrivers.length > 0)
      problems.push({
        field,
        code: 'iommu-partial',
        message: `${address} is in IOMMU group ${group.number} with ${onHostDrivers
          .map((m) => describe(m.address, m.product, m.driver))
          .join(
            ', ',
          )}: passing one function needs the whole group — add ${onHostDrivers.length === 1 ? 'it' : 'them'} too, or detach ${onHostDrivers.length === 1 ? 'it' : 'them'} from the host first`,
      });
  }
  return { problems, warnings };
}

/** The other endpoints of an address's IOMMU group (not bridges): what "Add the whole group" adds. */
export function groupPartners(address: string, facts: Pick<HostDeviceFacts, 'devices' | 'groups'>): string[] {
  const group = facts.groups.find((g) => g.members.some((m) => m.address === address));
  if (!group) return [];
  const byAddress = new Map(facts.devices.filter((d) => d.pci).map((d) => [d.pci!.address, d]));
  return group.members
    .map((m) => m.address)
    .filter((a) => a !== address && !isBridge(byAddress.get(a)?.pci?.class));
}

/** The PCI functions a domain document hands to its guest: hostdevs and hostdev NICs. */
export function assignedPciAddresses(doc: XmlDocument): Set<string> {
  const out = new Set<string>();
  for (const { kind, element } of listDevices(doc)) {
    const address =
      kind === 'hostdev'
        ? readDeviceElement('hostdev', element).sourcePci
        : kind === 'interface'
          ? readDeviceElement('interface', element).sourcePci
          : undefined;
    if (address) out.add(address);
  }
  return out;
}
