import { describe, expect, it } from 'vitest';
import { fixture } from '../node-devices/testing/node-device-fixtures';
import { readHostDevices } from './domain-host-devices';

describe('readHostDevices', () => {
  it('reads PCI, VF-by-interface, USB, mdev and SCSI host devices of a domain', () => {
    expect(readHostDevices(fixture('domain-with-hostdevs.xml'))).toEqual([
      { type: 'pci', address: '0000:01:00.1' },
      { type: 'usb', vendorId: '0x046d', productId: '0xc52b' },
      { type: 'mdev', uuid: '4b20d080-1b54-4048-85b3-a6a62d165c01' },
      { type: 'scsi', adapter: 'scsi_host0', bus: 0, target: 0, unit: 0 },
      { type: 'pci', address: '0000:02:10.2' },
    ]);
  });

  it('is empty for a domain without host devices, and for XML that does not parse', () => {
    expect(readHostDevices("<domain type='kvm'><name>a</name><devices/></domain>")).toEqual([]);
    expect(readHostDevices('<domain><devices><hostdev type="pci">')).toEqual([]);
  });
});
