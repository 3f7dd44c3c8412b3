// @vitest-environment happy-dom
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewHardware } from '../../../shared/api/domain-hardware';
import type { NodeDeviceView } from '../../../shared/api/node-devices';
import { HARDWARE_KINDS, type HardwareKind } from '../../../shared/domain-edit/hardware/hardware-kinds';
import { parseDomainXml } from '../../../shared/xml/objects';
import { StoresProvider } from '../../common/stores-context';
import { createI18n } from '../../i18n/create-i18n';
import { en } from '../../i18n/en';
import { createStores } from '../../stores/create-stores';
import { mount, type Mounted } from '../../testing/dom';
import { FakeApi } from '../../testing/fake-api';
import { AddHardwareDialog } from './add-hardware-dialog';

// The Add Hardware dialog in a DOM (happy-dom) over a scripted API: each kind shows its fields with
// virt-install's defaults for this guest (q35, SPICE, one qxl video, a USB controller 0), and Finish
// sends that device through `domains/add-device`. The backend's half is add-hardware.int.test.ts.
const GUEST = `<domain type='kvm'>
  <name>g</name>
  <memory unit='KiB'>1048576</memory>
  <os><type arch='x86_64' machine='pc-q35-7.2'>hvm</type></os>
  <devices>
    <controller type='usb' index='0' model='qemu-xhci'/>
    <graphics type='spice' autoport='yes'/>
    <video><model type='qxl'/></video>
  </devices>
</domain>
`;
const HOST = 'h1';
const UUID = 'u-1';

const pci = (address: string, group: number): NodeDeviceView => ({
  name: `pci_${address.replace(/[:.]/g, '_')}`,
  kind: 'pci',
  capabilities: ['pci'],
  driver: 'e1000e',
  product: { id: '0x10d3', name: '82574L Gigabit Network Connection' },
  vendor: { id: '0x8086', name: 'Intel Corporation' },
  pci: { address, iommuGroup: { number: group, members: [address] } },
  usedBy: [],
  virtualFunctionNames: [],
});
const DEVICES: NodeDeviceView[] = [
  pci('0000:00:03.0', 3),
  {
    name: 'usb_1_4',
    kind: 'usb_device',
    capabilities: ['usb_device'],
    vendor: { id: '0x046d', name: 'Logitech, Inc.' },
    product: { id: '0xc52b', name: 'Unifying Receiver' },
    usb: { bus: 1, device: 4 },
    usedBy: [],
    virtualFunctionNames: [],
  },
  {
    name: 'mdev_4b20d080_1b54_4048_85b3_a6a62d165c01',
    kind: 'mdev',
    capabilities: ['mdev'],
    mdev: { uuid: '4b20d080-1b54-4048-85b3-a6a62d165c01', type: 'nvidia-63' },
    usedBy: [],
    virtualFunctionNames: [],
  },
];

const POOL = {
  uuid: 'p-1',
  name: 'vd-images',
  type: 'dir',
  state: 'running' as const,
  autostart: true,
  persistent: true,
  capacity: 2 ** 40,
  allocation: 0,
  available: 2 ** 40,
};

interface Case {
  kind: HardwareKind;
  /** What the person does beyond choosing the kind (a host device, a path). */
  fill?: (m: Mounted) => Promise<void>;
  /** The device Finish sends: virt-install's defaults for this guest plus what was filled in. */
  sent: NewHardware['settings'];
}

const field = (key: string) => document.body.querySelector<HTMLInputElement>(`#hw-field-${key}`);
const pick = (name: string) => async (m: Mounted) =>
  m.click(
    [...document.body.querySelectorAll('.host-device-row')]
      .find((row) => row.textContent?.includes(name))
      ?.querySelector('input'),
  );

const CASES: Case[] = [
  {
    kind: 'storage',
    fill: async (m) => {
      await m.click(radio(en.hardware.storage.path));
      await m.type(document.body.querySelector('#hw-path'), '/var/lib/images/data.qcow2');
    },
    sent: {
      type: 'file',
      device: 'disk',
      driverName: 'qemu',
      format: 'qcow2',
      targetBus: 'virtio',
      sourceFile: '/var/lib/images/data.qcow2',
    },
  },
  { kind: 'controller', sent: { type: 'usb', index: 1, model: 'qemu-xhci', ports: 15 } },
  { kind: 'network', sent: { type: 'network', sourceNetwork: 'default', model: 'virtio' } },
  { kind: 'input', sent: { type: 'tablet', bus: 'usb' } },
  { kind: 'graphics', sent: { type: 'vnc', port: -1, autoport: true } },
  { kind: 'sound', sent: { model: 'ich9' } },
  { kind: 'serial', sent: { type: 'pty' } },
  { kind: 'parallel', sent: { type: 'pty' } },
  { kind: 'console', sent: { type: 'pty', targetType: 'virtio' } },
  {
    kind: 'channel',
    sent: { type: 'unix', sourceMode: 'bind', targetType: 'virtio', targetName: 'org.qemu.guest_agent.0' },
  },
  {
    kind: 'usb-host',
    fill: pick('usb_1_4'),
    sent: { mode: 'subsystem', type: 'usb', managed: true, usbVendor: '0x046d', usbProduct: '0xc52b' },
  },
  {
    kind: 'pci-host',
    fill: pick('pci_0000_00_03_0'),
    sent: { mode: 'subsystem', type: 'pci', managed: true, sourcePci: '0000:00:03.0' },
  },
  {
    kind: 'mdev',
    fill: pick('mdev_4b20d080'),
    sent: {
      mode: 'subsystem',
      type: 'mdev',
      mdevModel: 'vfio-pci',
      mdevUuid: '4b20d080-1b54-4048-85b3-a6a62d165c01',
    },
  },
  // Only virtio and qxl can be a second video device; SPICE guests get qxl.
  { kind: 'video', sent: { modelType: 'qxl' } },
  { kind: 'watchdog', sent: { model: 'i6300esb', action: 'reset' } },
  {
    kind: 'filesystem',
    fill: async (m) => {
      await m.type(field('sourceDir'), '/srv/share');
      await m.type(field('targetDir'), 'share');
    },
    sent: { type: 'mount', driverType: 'virtiofs', sourceDir: '/srv/share', targetDir: 'share' },
  },
  { kind: 'smartcard', sent: { mode: 'passthrough', type: 'spicevmc' } },
  { kind: 'usb-redir', sent: { bus: 'usb', type: 'spicevmc' } },
  { kind: 'tpm', sent: { model: 'tpm-crb', backendType: 'emulator', backendVersion: '2.0' } },
  { kind: 'rng', sent: { model: 'virtio', backendModel: 'random', backendDevice: '/dev/urandom' } },
  { kind: 'panic', sent: { model: 'isa' } },
  { kind: 'vsock', sent: { model: 'virtio', cidAuto: true } },
  { kind: 'memballoon', sent: { model: 'virtio' } },
  { kind: 'iommu', sent: { model: 'intel' } },
];

function radio(label: string) {
  return [...document.body.querySelectorAll('label')]
    .find((l) => l.textContent?.trim() === label)
    ?.querySelector('input');
}

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

async function openDialog(onClose: () => void = () => undefined, xml = GUEST) {
  const api = new FakeApi()
    .handle('domains/edit-base', () => ({ xml, autostart: false }))
    .handle('nodedevices/list', () => ({
      devices: DEVICES,
      groups: [],
      listing: { complete: true, live: true },
    }))
    .handle('pools/list', () => [POOL])
    .handle('networks/list', () => [])
    .handle('domains/add-device', () => ({ outcome: 'applied', diff: '', xml: GUEST, fields: [] }));
  const stores = createStores(api);
  await stores.details.getState().load(HOST, UUID);
  mounted = await mount(
    <I18nextProvider i18n={createI18n('en')}>
      <StoresProvider stores={stores}>
        <AddHardwareDialog
          hostId={HOST}
          uuid={UUID}
          name="g"
          doc={parseDomainXml(xml)}
          running={false}
          onClose={onClose}
        />
      </StoresProvider>
    </I18nextProvider>,
  );
  await mounted.settle();
  return { api, m: mounted };
}

const kindButton = (kind: HardwareKind) =>
  [...document.body.querySelectorAll('nav button')].find(
    (b) => b.textContent === (en.hardware.kind as Record<string, string>)[kind],
  );
const button = (text: string) =>
  [...document.body.querySelectorAll('button')].find((b) => b.textContent === text);

describe('the Add Hardware dialog', () => {
  it('offers every kind of the issue, Storage chosen first', async () => {
    await openDialog();
    const offered = [...document.body.querySelectorAll('nav button')].map((b) => b.textContent);
    expect(offered).toEqual(HARDWARE_KINDS.map((k) => (en.hardware.kind as Record<string, string>)[k]));
    expect(offered).toHaveLength(24);
    expect(kindButton('storage')?.getAttribute('aria-pressed')).toBe('true');
  });

  it.each(CASES.map((c) => [c.kind, c] as const))(
    '%s: shows virt-install’s defaults and Finish sends that device',
    async (kind, c) => {
      let closed = false;
      const { api, m } = await openDialog(() => (closed = true));
      await m.click(kindButton(kind));
      expect(kindButton(kind)?.getAttribute('aria-pressed')).toBe('true');
      // Each default shows in its field (host-device addresses are chosen from the list instead).
      for (const [key, value] of Object.entries(c.sent)) {
        const control = field(key);
        if (!control || c.fill) continue;
        if (typeof value === 'boolean') expect(control.checked, key).toBe(value);
        else expect(control.value, key).toBe(String(value));
      }
      await c.fill?.(m);
      await m.click(button(en.hardware.finish));
      const calls = api.calls.filter((call) => call.name === 'domains/add-device');
      expect(calls).toHaveLength(1);
      expect(calls[0]!.request).toMatchObject({ hostId: HOST, uuid: UUID, baseXml: GUEST, preview: false });
      expect((calls[0]!.request as { devices: NewHardware[] }).devices).toEqual([{ kind, settings: c.sent }]);
      expect(closed).toBe(true);
    },
  );

  it('storage: a new qcow2 volume of 20 GiB named after the VM, in the host’s first pool', async () => {
    const { api, m } = await openDialog();
    expect(radio(en.hardware.storage.newVolume)?.checked).toBe(true);
    expect(document.body.querySelector<HTMLSelectElement>('#hw-pool')?.value).toBe('vd-images');
    expect(document.body.querySelector<HTMLInputElement>('#hw-volume-name')?.value).toBe('g-1.qcow2');
    expect(document.body.querySelector<HTMLInputElement>('#hw-volume-size')?.value).toBe('20');
    await m.click(button(en.hardware.finish));
    const [call] = api.calls.filter((c) => c.name === 'domains/add-device');
    expect(call?.request).toMatchObject({
      devices: [
        {
          kind: 'storage',
          settings: {
            type: 'file',
            device: 'disk',
            driverName: 'qemu',
            format: 'qcow2',
            targetBus: 'virtio',
          },
        },
      ],
      newVolume: { pool: 'vd-images', name: 'g-1.qcow2', format: 'qcow2', capacityBytes: 20 * 2 ** 30 },
    });
  });

  it('refuses a second TPM before anything is sent', async () => {
    const withTpm = GUEST.replace(
      '</devices>',
      "<tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm></devices>",
    );
    const { api, m } = await openDialog(undefined, withTpm);
    await m.click(kindButton('tpm'));
    await m.click(button(en.hardware.finish));
    expect(api.calls.some((c) => c.name === 'domains/add-device')).toBe(false);
    expect(document.body.querySelector('[role="alert"]')?.textContent).toContain(
      'already has a <tpm> device',
    );
  });
});
