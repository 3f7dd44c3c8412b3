import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/backend-harness';
import { testDriverHostXml } from './testing/node-device-fixtures';

// The real backend and virsh against libvirt's test driver, over a local connection: a host file
// with the IOMMU / SR-IOV fixtures and a VM using some of them. libvirt 9.0's test driver refuses
// `nodedev-list`, so this is also the fallback path.
let h: Harness;
let dir: string;

async function connect(uri: string): Promise<string> {
  const view = await h.call('hosts/add', { transport: 'local', uri, autoconnect: false });
  expect((await h.call('hosts/connect', { hostId: view.config.id })).state).toBe('connected');
  return view.config.id;
}

beforeAll(async () => {
  h = await createHarness();
  dir = mkdtempSync(path.join(tmpdir(), 'vd-b-nodedev-'));
}, 60_000);
afterAll(() => {
  h?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('node devices on the test driver', () => {
  it("says the listing was refused (libvirt's words), reads the file's devices instead, and relates them", async () => {
    const file = path.join(dir, 'host.xml');
    writeFileSync(file, testDriverHostXml());
    const hostId = await connect(`test://${file}`);
    const { devices, groups, listing } = await h.call('nodedevices/list', { hostId });
    expect(listing.complete).toBe(false);
    expect(listing.live).toBe(false);
    expect(listing.notice).toContain(
      'unsupported flags (0x80000000) in function testConnectListAllNodeDevices',
    );
    expect(listing.notice).toContain(`showing the devices named in ${file}`);
    expect(devices).toHaveLength(10);
    expect(
      groups.find((g) => g.number === 1)?.members.map((m) => [m.device, m.usedBy.map((u) => u.name)]),
    ).toEqual([
      ['pci_0000_01_00_0', []],
      ['pci_0000_01_00_1', ['vd-b-passthrough']],
    ]);
    expect(devices.find((d) => d.name === 'pci_0000_02_10_2')).toMatchObject({
      physicalFunctionName: 'pci_0000_02_00_0',
      usedBy: [{ name: 'vd-b-passthrough' }],
    });
  });

  it("quotes the driver's refusal to detach", async () => {
    const file = path.join(dir, 'host2.xml');
    writeFileSync(file, testDriverHostXml());
    const hostId = await connect(`test://${file}`);
    await h.call('nodedevices/list', { hostId });
    await expect(
      h.call('nodedevices/action', { hostId, name: 'pci_0000_01_00_0', action: 'detach' }),
    ).rejects.toThrow(/not supported by the connection driver: virNodeDeviceDettach/);
  });

  it("falls back to libvirt's built-in devices on test:///default", async () => {
    const hostId = await connect('test:///default');
    const { devices, listing } = await h.call('nodedevices/list', { hostId });
    expect(listing.notice).toContain("showing the devices of libvirt's built-in test configuration");
    expect(devices.map((d) => d.name)).toEqual(['computer', 'scsi_host1', 'scsi_host2', 'scsi_host11']);
    expect(devices.map((d) => d.kind)).toEqual(['system', 'scsi_host', 'scsi_host', 'scsi_host']);
  });
});
