import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostProcesses, hostVirsh } from '../../../e2e/host/test-host';
import { connectByKey, createHarness, type Harness } from '../testing/backend-harness';
import { eventStreamCommand } from '../events/virsh-event-stream';

// The real session host (libvirt 9.0, qemu:///session, no IOMMU on this machine): its real node
// devices listed and parsed, "in use by" from a VM defined with a <hostdev>, and detach refused.
const host = inject('testHost');
const VM = 'vd-b-nodedev-user';
let h: Harness;
let hostId: string;

const realNames = async () =>
  (await hostVirsh(['nodedev-list'])).stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

beforeAll(async () => {
  await hostVirsh(['undefine', VM]); // a leftover of a killed run
  h = await createHarness();
  hostId = await connectByKey(h, host);
});
afterAll(async () => {
  h?.dispose();
  await hostVirsh(['undefine', VM]);
});

describe('node devices of the real session host', () => {
  it('lists every device virsh lists, each parsed from its XML, and listens through the daemon reader (no virsh)', async () => {
    const { devices, groups, listing } = await h.call('nodedevices/list', { hostId });
    expect(devices.map((d) => d.name).sort()).toEqual((await realNames()).sort());
    expect(listing).toEqual({ complete: true, live: true });
    expect(devices.find((d) => d.name === 'computer')?.kind).toBe('system');
    const pci = devices.filter((d) => d.name.startsWith('pci_'));
    expect(pci.length).toBeGreaterThan(0);
    for (const device of pci) {
      expect(device.kind).toBe('pci');
      expect(device.name).toBe(`pci_${device.pci!.address.replace(/[:.]/g, '_')}`);
      expect(device.vendor?.id).toMatch(/^0x[0-9a-f]{4}$/);
    }
    // Every net device names an interface; this machine has no IOMMU groups.
    for (const device of devices.filter((d) => d.kind === 'net')) expect(device.net?.interface).toBeTruthy();
    expect(groups).toEqual([]);
    expect(await hostProcesses([eventStreamCommand('nodedev-event')])).toEqual([]);
  });

  it('says a device is in use by a VM whose XML has a <hostdev> for it', async () => {
    const { devices } = await h.call('nodedevices/list', { hostId });
    const target = devices.find((d) => d.pci && d.name !== 'pci_0000_00_00_0')!;
    const [domain, bus, slotFn] = target.pci!.address.split(':');
    const [slot, fn] = slotFn!.split('.');
    const dir = mkdtempSync(path.join(tmpdir(), 'vd-b-'));
    chmodSync(dir, 0o755);
    const file = path.join(dir, 'vm.xml');
    writeFileSync(
      file,
      `<domain type='qemu'><name>${VM}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>` +
        `<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>` +
        `<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x${domain}' ` +
        `bus='0x${bus}' slot='0x${slot}' function='0x${fn}'/></source></hostdev></devices></domain>`,
    );
    chmodSync(file, 0o644);
    try {
      expect((await hostVirsh(['define', file])).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The domain collection reads the new VM's XML (pushed by libvirt's event).
    const seen = await h.waitFor('domains/delta', (delta) =>
      delta.upsert.some((d) => d.name === VM && d.detailsLoaded),
    );
    const uuid = seen.upsert.find((d) => d.name === VM)!.uuid;
    const after = await h.call('nodedevices/list', { hostId });
    expect(after.devices.find((d) => d.name === target.name)?.usedBy).toEqual([
      { uuid, name: VM, running: false, attached: false }, // "in its definition; shut off"
    ]);
  });

  it("quotes libvirt's refusal to detach a device in session mode, and the device stays as it was", async () => {
    const { devices } = await h.call('nodedevices/list', { hostId });
    const target = devices.find((d) => d.kind === 'pci' && d.driver)!;
    await expect(
      h.call('nodedevices/action', { hostId, name: target.name, action: 'detach' }),
    ).rejects.toMatchObject({
      code: 'virsh-error',
      message: expect.stringContaining('VFIO device assignment is currently not supported on this system'),
    });
    const again = await h.call('nodedevices/list', { hostId, refresh: true });
    expect(again.devices.find((d) => d.name === target.name)?.driver).toBe(target.driver);
  });

  it('says which device is unknown', async () => {
    await expect(h.call('nodedevices/xml', { hostId, name: 'pci_9999_99_99_9' })).rejects.toThrow(
      'No node device named pci_9999_99_99_9 on this host',
    );
  });
});
