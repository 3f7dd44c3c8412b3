import { describe, expect, it } from 'vitest';
import { fixture, fixtureDevices } from './testing/node-device-fixtures';
import { parseNodeDeviceXml } from './node-device-xml';

describe('parseNodeDeviceXml', () => {
  it('reads a PCI function with its IOMMU group of two members (GPU + its audio function)', () => {
    expect(parseNodeDeviceXml(fixture('iommu-sriov/pci_0000_01_00_0.xml'))).toEqual({
      name: 'pci_0000_01_00_0',
      parent: 'pci_0000_00_01_0',
      path: '/sys/devices/pci0000:00/0000:00:01.0/0000:01:00.0',
      kind: 'pci',
      capabilities: ['pci'],
      driver: 'nouveau',
      vendor: { id: '0x10de', name: 'NVIDIA Corporation' },
      product: { id: '0x1b80', name: 'GP104 [GeForce GTX 1080]' },
      pci: {
        address: '0000:01:00.0',
        class: '0x030000',
        iommuGroup: { number: 1, members: ['0000:01:00.0', '0000:01:00.1'] },
      },
    });
  });

  it('reads SR-IOV: a physical function with its VFs and maximum, a VF with its PF (slot 16 → 0x10)', () => {
    const pf = parseNodeDeviceXml(fixture('iommu-sriov/pci_0000_02_00_0.xml'));
    expect(pf.capabilities).toEqual(['pci', 'virt_functions']);
    expect(pf.pci?.sriov).toEqual({
      virtualFunctions: ['0000:02:10.0', '0000:02:10.2'],
      maxVirtualFunctions: 7,
    });
    const vf = parseNodeDeviceXml(fixture('iommu-sriov/pci_0000_02_10_2.xml'));
    expect(vf.pci).toMatchObject({
      address: '0000:02:10.2',
      iommuGroup: { number: 41, members: ['0000:02:10.2'] },
      sriov: { physicalFunction: '0000:02:00.0', virtualFunctions: [] },
    });
  });

  it('reads USB, mdev and SCSI devices', () => {
    expect(parseNodeDeviceXml(fixture('iommu-sriov/usb_1_4.xml'))).toMatchObject({
      kind: 'usb_device',
      usb: { bus: 1, device: 4 },
      vendor: { id: '0x046d', name: 'Logitech, Inc.' },
      product: { id: '0xc52b', name: 'Unifying Receiver' },
    });
    expect(
      parseNodeDeviceXml(fixture('iommu-sriov/mdev_4b20d080_1b54_4048_85b3_a6a62d165c01.xml')),
    ).toMatchObject({
      kind: 'mdev',
      parent: 'pci_0000_00_02_0',
      mdev: { uuid: '4b20d080-1b54-4048-85b3-a6a62d165c01', type: 'i915-GVTg_V5_4' },
    });
    expect(parseNodeDeviceXml(fixture('iommu-sriov/scsi_0_0_0_0.xml'))).toMatchObject({
      kind: 'scsi',
      scsi: { host: 0, bus: 0, target: 0, lun: 0 },
    });
  });

  it("reads the test host's real devices (libvirt 9.0, session mode: no IOMMU groups)", () => {
    const devices = fixtureDevices('real-host').map(parseNodeDeviceXml);
    expect(devices.map((d) => [d.name, d.kind])).toEqual([
      ['block_vda', 'storage'],
      ['computer', 'system'],
      ['net_eth0_02_fc_00_00_00_01', 'net'],
      ['pci_0000_00_02_0', 'pci'],
      ['pci_0000_00_03_0', 'pci'],
    ]);
    expect(devices[0]).toMatchObject({
      parent: 'pci_0000_00_02_0',
      storage: { block: '/dev/vda', sizeBytes: 274877906944 },
    });
    expect(devices[2]).toMatchObject({ net: { interface: 'eth0', mac: '02:fc:00:00:00:01', link: 'up' } });
    expect(devices[4]).toMatchObject({
      driver: 'virtio-pci',
      product: { id: '0x1041', name: 'Virtio 1.0 network device' },
      pci: { address: '0000:00:03.0' },
    });
    expect(devices.some((d) => d.pci?.iommuGroup)).toBe(false);
  });

  it('refuses what is not a node device', () => {
    expect(() => parseNodeDeviceXml('<network><name>x</name></network>')).toThrow(/Not a node device/);
    expect(() => parseNodeDeviceXml('<device><name>x</name>')).toThrow();
  });
});
