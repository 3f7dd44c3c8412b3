import { describe, expect, it } from 'vitest';
import { parseNodeDeviceXml } from './node-device-xml';
import { fixture, fixtureDevices } from './testing/node-device-fixtures';
import { readHostDevices } from '../domains/domain-host-devices';
import { relateNodeDevices } from '../../../shared/api/node-device-relations';

const devices = fixtureDevices('iommu-sriov').map(parseNodeDeviceXml);
const vm = {
  uuid: '5d1e1a5c-6a38-4a8e-9d0e-8b1f6c0e2a11',
  name: 'vd-b-passthrough',
  hostDevices: readHostDevices(fixture('domain-with-hostdevs.xml')),
};
const other = { uuid: 'b0c1', name: 'no-devices', hostDevices: [] };
const user = { uuid: vm.uuid, name: vm.name };

describe('relateNodeDevices', () => {
  const { devices: views, groups } = relateNodeDevices(devices, [vm, other]);
  const view = (name: string) => views.find((d) => d.name === name)!;

  it('gathers every IOMMU group with all its members, who uses each, and members the host did not list', () => {
    expect(groups.map((g) => g.number)).toEqual([1, 14, 40, 41]);
    expect(groups[0]).toEqual({
      number: 1,
      members: [
        {
          address: '0000:01:00.0',
          device: 'pci_0000_01_00_0',
          product: 'GP104 [GeForce GTX 1080]',
          driver: 'nouveau',
          usedBy: [],
        },
        {
          address: '0000:01:00.1',
          device: 'pci_0000_01_00_1',
          product: 'GP104 High Definition Audio Controller',
          driver: 'snd_hda_intel',
          usedBy: [user],
        },
      ],
    });
    expect(groups[1]!.members.map((m) => m.device)).toEqual(['pci_0000_02_00_0', 'pci_0000_02_00_1']);
  });

  it('names SR-IOV partners by node device', () => {
    expect(view('pci_0000_02_00_0').virtualFunctionNames).toEqual(['pci_0000_02_10_0', 'pci_0000_02_10_2']);
    expect(view('pci_0000_02_10_0').physicalFunctionName).toBe('pci_0000_02_00_0');
    expect(view('pci_0000_02_00_1').virtualFunctionNames).toEqual([]);
  });

  it('says which VM uses a device: PCI hostdev, a VF through <interface type=hostdev>, USB, mdev, SCSI', () => {
    for (const name of [
      'pci_0000_01_00_1',
      'pci_0000_02_10_2',
      'usb_1_4',
      'mdev_4b20d080_1b54_4048_85b3_a6a62d165c01',
      'scsi_0_0_0_0',
    ])
      expect(view(name).usedBy, name).toEqual([user]);
    for (const name of ['pci_0000_01_00_0', 'pci_0000_02_10_0', 'pci_0000_02_00_0'])
      expect(view(name).usedBy, name).toEqual([]);
  });

  // Issue 13: every VM's definition counts, told apart from what a running VM holds now.
  it('tells attached to a running VM, in the next boot definition of a running VM, and in a shut-off VM', () => {
    const refs = vm.hostDevices;
    const usedBy = (domain: Parameters<typeof relateNodeDevices>[1][number]) =>
      relateNodeDevices(devices, [domain]).devices.find((d) => d.name === 'pci_0000_01_00_1')!.usedBy;
    expect(usedBy({ ...vm, state: 'running' })).toEqual([{ ...user, running: true, attached: true }]);
    expect(usedBy({ ...vm, state: 'running', hostDevices: [], definedHostDevices: refs })).toEqual([
      { ...user, running: true, attached: false },
    ]);
    expect(usedBy({ ...vm, state: 'shut off' })).toEqual([{ ...user, running: false, attached: false }]);
    // A shut-off VM's list entry has no separate definition: what it has is its definition.
    expect(usedBy({ ...vm, state: 'shut off', hostDevices: [], definedHostDevices: refs })).toEqual([]);
  });

  it('matches USB by bus and device when the hostdev gives an address', () => {
    const usb = devices.find((d) => d.name === 'usb_1_4')!;
    const at = (bus: number, device: number) =>
      relateNodeDevices([usb], [{ uuid: 'u', name: 'u', hostDevices: [{ type: 'usb', bus, device }] }])
        .devices[0]!.usedBy;
    expect(at(1, 4)).toHaveLength(1);
    expect(at(1, 5)).toHaveLength(0);
  });
});
