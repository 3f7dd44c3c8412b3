import { describe, expect, it } from 'vitest';
import type { NodeDeviceView } from '../../shared/api/node-devices';
import { deviceAddress, deviceDescription, filterDevices, groupByKind, kindCounts } from './device-rows';

const view = (d: Partial<NodeDeviceView> & { name: string; kind: string }): NodeDeviceView => ({
  capabilities: [d.kind],
  usedBy: [],
  virtualFunctionNames: [],
  ...d,
});
const gpu = view({
  name: 'pci_0000_01_00_0',
  kind: 'pci',
  driver: 'nouveau',
  vendor: { id: '0x10de', name: 'NVIDIA Corporation' },
  product: { id: '0x1b80', name: 'GP104 [GeForce GTX 1080]' },
  pci: { address: '0000:01:00.0' },
});
const nic = view({
  name: 'pci_0000_00_03_0',
  kind: 'pci',
  product: { id: '0x1041' },
  pci: { address: '0000:00:03.0' },
});
const eth = view({ name: 'net_eth0', kind: 'net', net: { interface: 'eth0', mac: '02:fc:00:00:00:01' } });
const usb = view({
  name: 'usb_1_4',
  kind: 'usb_device',
  usb: { bus: 1, device: 4 },
  product: { name: 'Receiver' },
});
const odd = view({ name: 'ap_card07', kind: 'ap_card' });

describe('device rows', () => {
  it('describe a device by product and vendor names, else ids, MAC or type', () => {
    expect(deviceDescription(gpu)).toBe('GP104 [GeForce GTX 1080] — NVIDIA Corporation');
    expect(deviceDescription(nic)).toBe('0x1041');
    expect(deviceDescription(eth)).toBe('02:fc:00:00:00:01');
    expect(deviceAddress(usb)).toBe('1.4');
    expect(deviceAddress(eth)).toBe('eth0');
  });

  it('group by kind, PCI first and unknown kinds last, sorted by address', () => {
    const groups = groupByKind([odd, eth, gpu, usb, nic]);
    expect(groups.map((g) => g.kind)).toEqual(['pci', 'usb_device', 'net', 'ap_card']);
    expect(groups[0]!.devices.map((d) => d.name)).toEqual(['pci_0000_00_03_0', 'pci_0000_01_00_0']);
    expect(kindCounts([odd, eth, gpu, usb, nic])).toEqual([
      { kind: 'pci', count: 2 },
      { kind: 'usb_device', count: 1 },
      { kind: 'net', count: 1 },
      { kind: 'ap_card', count: 1 },
    ]);
  });

  it('filter by kind and by any shown text (name, product, address, driver)', () => {
    const all = [odd, eth, gpu, usb, nic];
    expect(filterDevices(all, 'pci', '').map((d) => d.name)).toEqual([
      'pci_0000_01_00_0',
      'pci_0000_00_03_0',
    ]);
    expect(filterDevices(all, 'all', 'geforce').map((d) => d.name)).toEqual(['pci_0000_01_00_0']);
    expect(filterDevices(all, 'all', 'NOUVEAU').map((d) => d.name)).toEqual(['pci_0000_01_00_0']);
    expect(filterDevices(all, 'all', '01:00').map((d) => d.name)).toEqual(['pci_0000_01_00_0']);
    expect(filterDevices(all, 'net', 'geforce')).toEqual([]);
  });
});
