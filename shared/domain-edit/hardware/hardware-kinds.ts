// The kinds of hardware the Add Hardware dialog offers, the device element each one becomes, and
// virt-install's defaults for the guest at hand (checked against `virt-xml --add-device --print-diff`).
import type { HardwareKind } from '../../api/domain-hardware';
import type { XmlDocument } from '../../xml/document';
import { getAttr } from '../../xml/node-ops';
import { listDevices } from '../../xml/views/devices/device-list';
import type { DeviceSettings, KnownDeviceKind } from '../../xml/views/devices/device-views';
import { readOs } from '../../xml/views/domain-os';

export { HARDWARE_KINDS, type HardwareKind } from '../../api/domain-hardware';

/** The device element each kind adds. */
export const ELEMENT_OF = {
  storage: 'disk',
  controller: 'controller',
  network: 'interface',
  input: 'input',
  graphics: 'graphics',
  sound: 'sound',
  serial: 'serial',
  parallel: 'parallel',
  console: 'console',
  channel: 'channel',
  'usb-host': 'hostdev',
  'pci-host': 'hostdev',
  mdev: 'hostdev',
  video: 'video',
  watchdog: 'watchdog',
  filesystem: 'filesystem',
  smartcard: 'smartcard',
  'usb-redir': 'redirdev',
  tpm: 'tpm',
  rng: 'rng',
  panic: 'panic',
  vsock: 'vsock',
  memballoon: 'memballoon',
  iommu: 'iommu',
} as const satisfies Record<HardwareKind, KnownDeviceKind>;

/** Variants a kind offers (the first is the default). */
export const VARIANTS: Partial<Record<HardwareKind, readonly string[]>> = {
  storage: ['disk', 'cdrom', 'floppy'],
  channel: ['guest-agent', 'spicevmc', 'custom'],
  tpm: ['emulated', 'passthrough'],
  filesystem: ['virtiofs', '9p'],
  network: ['network', 'bridge', 'direct', 'hostdev'],
};

/** Devices a VM can have only one of: adding a second is refused, the pane edits the first. */
export const SINGLE_INSTANCE: ReadonlySet<string> = new Set(['tpm', 'memballoon', 'vsock', 'iommu']);

/** What the defaults depend on: the machine type, and whether the VM shows SPICE. */
export interface GuestFacts {
  q35: boolean;
  spice: boolean;
}

export function guestFacts(doc: XmlDocument): GuestFacts {
  const machine = readOs(doc).machine ?? '';
  return {
    q35: machine.includes('q35'),
    spice: listDevices(doc, 'graphics').some((d) => getAttr(d.element, 'type') === 'spice'),
  };
}

/** The next free `index` for a controller type (libvirt wants type+index unique). */
export function nextControllerIndex(doc: XmlDocument, type: string): number {
  const used = listDevices(doc, 'controller')
    .filter((d) => getAttr(d.element, 'type') === type)
    .map((d) => Number(getAttr(d.element, 'index') ?? '0'));
  return used.length === 0 ? 0 : Math.max(...used) + 1;
}

type AnySettings = Record<string, unknown>;

/** virt-install's choices for a new device of this kind on this guest (the dialog's initial values). */
export function defaultSettings(kind: HardwareKind, doc: XmlDocument, variant?: string): AnySettings {
  const { q35, spice } = guestFacts(doc);
  const v = variant ?? VARIANTS[kind]?.[0];
  switch (kind) {
    case 'storage':
      if (v === 'cdrom')
        return {
          type: 'file',
          device: 'cdrom',
          driverName: 'qemu',
          format: 'raw',
          targetBus: q35 ? 'sata' : 'ide',
          readonly: true,
        } satisfies DeviceSettings<'disk'>;
      if (v === 'floppy')
        return {
          type: 'file',
          device: 'floppy',
          driverName: 'qemu',
          format: 'raw',
          targetBus: 'fdc',
        } satisfies DeviceSettings<'disk'>;
      return {
        type: 'file',
        device: 'disk',
        driverName: 'qemu',
        format: 'qcow2',
        targetBus: 'virtio',
      } satisfies DeviceSettings<'disk'>;
    case 'controller':
      return {
        type: 'usb',
        index: nextControllerIndex(doc, 'usb'),
        model: 'qemu-xhci',
        ports: 15,
      } satisfies DeviceSettings<'controller'>;
    case 'network':
      if (v === 'bridge') return { type: 'bridge', sourceBridge: 'br0', model: 'virtio' };
      if (v === 'direct') return { type: 'direct', sourceDev: '', sourceMode: 'bridge', model: 'virtio' };
      if (v === 'hostdev') return { type: 'hostdev', managed: true, sourcePci: '' };
      return {
        type: 'network',
        sourceNetwork: 'default',
        model: 'virtio',
      } satisfies DeviceSettings<'interface'>;
    case 'input':
      return { type: 'tablet', bus: 'usb' } satisfies DeviceSettings<'input'>;
    case 'graphics':
      return { type: 'vnc', port: -1, autoport: true } satisfies DeviceSettings<'graphics'>;
    case 'sound':
      return { model: q35 ? 'ich9' : 'ich6' } satisfies DeviceSettings<'sound'>;
    case 'serial':
    case 'parallel':
      return { type: 'pty' } satisfies DeviceSettings<'serial'>;
    case 'console':
      // A second console cannot be a serial port: virt-manager adds a virtio console.
      return { type: 'pty', targetType: 'virtio' } satisfies DeviceSettings<'console'>;
    case 'channel':
      if (v === 'spicevmc')
        return { type: 'spicevmc', targetType: 'virtio', targetName: 'com.redhat.spice.0' };
      if (v === 'custom') return { type: 'pty', targetType: 'virtio', targetName: '' };
      return {
        type: 'unix',
        sourceMode: 'bind',
        targetType: 'virtio',
        targetName: 'org.qemu.guest_agent.0',
      } satisfies DeviceSettings<'channel'>;
    case 'usb-host':
      return { mode: 'subsystem', type: 'usb', managed: true, usbVendor: '', usbProduct: '' };
    case 'pci-host':
      return { mode: 'subsystem', type: 'pci', managed: true, sourcePci: '' };
    case 'mdev':
      return { mode: 'subsystem', type: 'mdev', mdevModel: 'vfio-pci', mdevUuid: '' };
    case 'video':
      // Only virtio and qxl can be a second video device.
      if (listDevices(doc, 'video').length > 0) return { modelType: spice ? 'qxl' : 'virtio' };
      return { modelType: spice ? 'qxl' : q35 ? 'virtio' : 'vga' } satisfies DeviceSettings<'video'>;
    case 'watchdog':
      return { model: 'i6300esb', action: 'reset' } satisfies DeviceSettings<'watchdog'>;
    case 'filesystem':
      if (v === '9p') return { type: 'mount', accessmode: 'mapped', sourceDir: '', targetDir: '' };
      return { type: 'mount', driverType: 'virtiofs', sourceDir: '', targetDir: '' };
    case 'smartcard':
      return { mode: 'passthrough', type: 'spicevmc' } satisfies DeviceSettings<'smartcard'>;
    case 'usb-redir':
      return { bus: 'usb', type: 'spicevmc' } satisfies DeviceSettings<'redirdev'>;
    case 'tpm':
      if (v === 'passthrough')
        return { model: 'tpm-tis', backendType: 'passthrough', devicePath: '/dev/tpm0' };
      return {
        model: 'tpm-crb',
        backendType: 'emulator',
        backendVersion: '2.0',
      } satisfies DeviceSettings<'tpm'>;
    case 'rng':
      return {
        model: 'virtio',
        backendModel: 'random',
        backendDevice: '/dev/urandom',
      } satisfies DeviceSettings<'rng'>;
    case 'panic':
      return { model: 'isa' } satisfies DeviceSettings<'panic'>;
    case 'vsock':
      return { model: 'virtio', cidAuto: true } satisfies DeviceSettings<'vsock'>;
    case 'memballoon':
      return { model: 'virtio' } satisfies DeviceSettings<'memballoon'>;
    case 'iommu':
      return { model: 'intel' };
  }
}

/** Which kind of the dialog an existing device element is (for the pane's title). */
export function hardwareKindOf(doc: XmlDocument, key: string): HardwareKind | undefined {
  const ref = listDevices(doc).find((d) => d.key === key);
  if (!ref) return undefined;
  if (ref.kind === 'hostdev') {
    const type = getAttr(ref.element, 'type');
    return type === 'pci' ? 'pci-host' : type === 'usb' ? 'usb-host' : type === 'mdev' ? 'mdev' : undefined;
  }
  const found = (Object.entries(ELEMENT_OF) as [HardwareKind, string][]).find(([, el]) => el === ref.kind);
  return found?.[0];
}
