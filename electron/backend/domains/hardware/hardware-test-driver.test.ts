import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, pollUntil, type Harness } from '../../testing/backend-harness';
import { testDriverHostXml } from '../../node-devices/testing/node-device-fixtures';

// PCI host devices cannot be handed to a guest in session mode, so the real backend and virsh run
// against libvirt's test driver with the IOMMU / SR-IOV fixtures (unit project: a local connection).
// The VM vd-b-passthrough (running, as test-driver file domains are) holds 0000:01:00.1 and VF 0000:02:10.2.
let h: Harness;
let dir: string;
let hostId: string;
let uuid: string;
const base = async () => (await h.call('domains/edit-base', { hostId, uuid })).xml;

beforeAll(async () => {
  h = await createHarness();
  dir = mkdtempSync(path.join(tmpdir(), 'vd-hw-testdriver-'));
  const file = path.join(dir, 'host.xml');
  const second = `<domain type='test'><name>vd-hw-guest</name><memory unit='MiB'>64</memory><os><type arch='x86_64' machine='pc'>hvm</type></os><devices/></domain>`;
  writeFileSync(file, testDriverHostXml().replace('<node>\n', `<node>\n${second}\n`));
  const view = await h.call('hosts/add', { transport: 'local', uri: `test://${file}`, autoconnect: false });
  hostId = view.config.id;
  await h.call('hosts/connect', { hostId });
  const list = await pollUntil(
    () => h.call('domains/list', { hostId }),
    (l) => l.some((d) => d.name === 'vd-hw-guest'),
  );
  uuid = list.find((d) => d.name === 'vd-hw-guest')!.uuid;
}, 60_000);
afterAll(() => {
  h?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const pci = (address: string) => ({
  kind: 'pci-host' as const,
  settings: { mode: 'subsystem', type: 'pci', managed: true, sourcePci: address },
});

describe('PCI host devices and SR-IOV VFs on the test driver', () => {
  it('refuses the GPU alone: its audio function is held by the running vd-b-passthrough', async () => {
    const result = await h.call('domains/add-device', {
      hostId,
      uuid,
      baseXml: await base(),
      devices: [pci('0000:01:00.0')],
    });
    expect(result).toMatchObject({
      outcome: 'invalid',
      problems: [{ code: 'iommu-in-use', message: expect.stringContaining('used by vd-b-passthrough') }],
    });
  });

  it('refuses a VF already attached to the running VM', async () => {
    const result = await h.call('domains/add-device', {
      hostId,
      uuid,
      baseXml: await base(),
      devices: [{ kind: 'network', settings: { type: 'hostdev', managed: true, sourcePci: '0000:02:10.2' } }],
    });
    expect(result).toMatchObject({ outcome: 'invalid', problems: [{ code: 'hostdev-in-use' }] });
  });

  it('adds a free VF as an <interface type="hostdev">, edits it, removes it', async () => {
    const added = await h.call('domains/add-device', {
      hostId,
      uuid,
      baseXml: await base(),
      devices: [
        {
          kind: 'network',
          settings: {
            type: 'hostdev',
            managed: true,
            sourcePci: '0000:02:10.0',
            mac: '52:54:00:hw:00:01'.replace('hw', 'a1'),
          },
        },
      ],
    });
    expect(added).toMatchObject({
      outcome: 'applied',
      fields: [{ field: 'device:interface:52:54:00:a1:00:01' }],
    });
    let xml = await base();
    expect(xml).toMatch(
      /<interface type='hostdev' managed='yes'>[\s\S]*?<address type='pci' domain='0x0000' bus='0x02' slot='0x10' function='0x0'\/>/,
    );
    const edited = await h.call('domains/edit', {
      hostId,
      uuid,
      baseXml: xml,
      changes: [
        {
          target: 'device',
          kind: 'interface',
          key: 'interface:52:54:00:a1:00:01',
          patch: { model: 'e1000' },
        },
      ],
    });
    expect(edited.outcome).toBe('applied');
    xml = await base();
    expect(xml).toMatch(/<model type='e1000'\/>/);
    const removed = await h.call('domains/remove-device', {
      hostId,
      uuid,
      baseXml: xml,
      key: 'interface:52:54:00:a1:00:01',
    });
    expect(removed.result.outcome).toBe('applied');
    expect(await base()).not.toContain('<interface');
  });

  it('adds a PCI function with the rest of its group once nobody else holds it, and says it waits for the next boot', async () => {
    // The PF pair of group 14: both functions together.
    const result = await h.call('domains/add-device', {
      hostId,
      uuid,
      baseXml: await base(),
      devices: [pci('0000:02:00.0'), pci('0000:02:00.1')],
    });
    // The VM runs; the test driver cannot attach live, so both wait for the next boot, with libvirt's words.
    expect(result).toMatchObject({
      outcome: 'applied',
      fields: [
        {
          field: 'device:hostdev:pci/0000:02:00.0',
          applied: 'next-boot',
          message: expect.stringContaining('virDomainAttachDeviceFlags'),
        },
        { field: 'device:hostdev:pci/0000:02:00.1', applied: 'next-boot' },
      ],
    });
    const xml = await base();
    expect(xml.match(/<hostdev mode='subsystem' type='pci' managed='yes'>/g)).toHaveLength(2);
  });

  // Issue 13: "in use by" reads every VM's definition too, from the XML the list already read.
  it('"in use by" tells attached to a running VM from in its definition for the next boot', async () => {
    const list = await pollUntil(
      () => h.call('domains/list', { hostId }),
      (l) => (l.find((d) => d.uuid === uuid)?.definedHostDevices?.length ?? 0) === 2,
    );
    const guest = list.find((d) => d.uuid === uuid)!;
    expect(guest.hostDevices).toEqual([]);
    const { devices } = await h.call('nodedevices/list', { hostId });
    const usedBy = (name: string) => devices.find((d) => d.name === name)?.usedBy;
    expect(usedBy('pci_0000_02_00_0')).toEqual([
      { uuid, name: 'vd-hw-guest', running: true, attached: false },
    ]);
    expect(usedBy('pci_0000_01_00_1')).toEqual([
      expect.objectContaining({ name: 'vd-b-passthrough', running: true, attached: true }),
    ]);
    // Another running VM may still take the pair: the guest does not hold it until its next boot.
    const other = list.find((d) => d.name === 'vd-b-passthrough')!;
    const check = await h.call('domains/add-device', {
      hostId,
      uuid: other.uuid,
      baseXml: (await h.call('domains/edit-base', { hostId, uuid: other.uuid })).xml,
      preview: true,
      devices: [pci('0000:02:00.0'), pci('0000:02:00.1')],
    });
    expect(check.outcome).toBe('preview');
  });
});
