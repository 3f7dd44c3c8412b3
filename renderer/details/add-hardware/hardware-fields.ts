// The form rows of each kind of hardware: what the Add Hardware dialog asks for a new device, and
// what the device's pane edits afterwards (the same rows, over shared/xml's device views).
import type { HardwareKind } from '../../../shared/domain-edit/hardware/hardware-kinds';
import { ELEMENT_OF } from '../../../shared/domain-edit/hardware/hardware-kinds';
import type { KnownDeviceKind } from '../../../shared/xml/views/devices/device-views';
import type { DetailsKey } from '../details-strings';
import type { FieldDef, FieldInput } from '../field-defs';

export type Row = [key: string, label: DetailsKey, input: FieldInput, options?: readonly string[]];

const CHAR_TYPES = ['pty', 'unix', 'spicevmc', 'file', 'tcp', 'udp', 'dev', 'null', 'qemu-vdagent'];

/** Rows of the kinds the dialog and the panes show as plain fields (storage, network and host devices have their own parts). */
export const ROWS: Partial<Record<HardwareKind, Row[]>> = {
  controller: [
    [
      'type',
      'hwControllerType',
      'select',
      ['usb', 'scsi', 'sata', 'virtio-serial', 'ccid', 'pci', 'ide', 'fdc'],
    ],
    ['index', 'hwIndex', 'number'],
    ['model', 'controllerModel', 'text'],
    ['ports', 'controllerPorts', 'number'],
  ],
  input: [
    ['type', 'inputType', 'select', ['tablet', 'mouse', 'keyboard', 'evdev']],
    ['bus', 'inputBus', 'select', ['usb', 'virtio', 'ps2']],
  ],
  graphics: [
    ['type', 'displayType', 'select', ['vnc', 'spice']],
    ['autoport', 'autoport', 'checkbox'],
    ['port', 'port', 'number'],
    ['keymap', 'keymap', 'text'],
  ],
  sound: [['model', 'soundModel', 'select', ['ich9', 'ich6', 'ac97', 'es1370', 'sb16', 'usb', 'ich7']]],
  serial: [
    ['type', 'charType', 'select', CHAR_TYPES],
    ['sourcePath', 'charPath', 'text'],
    ['logFile', 'charLog', 'text'],
  ],
  parallel: [
    ['type', 'charType', 'select', CHAR_TYPES],
    ['sourcePath', 'charPath', 'text'],
    ['logFile', 'charLog', 'text'],
  ],
  console: [
    ['type', 'charType', 'select', CHAR_TYPES],
    ['targetType', 'hwTargetType', 'select', ['virtio', 'serial']],
    ['logFile', 'charLog', 'text'],
  ],
  channel: [
    ['type', 'charType', 'select', CHAR_TYPES],
    ['sourceMode', 'hwSourceMode', 'select', ['bind', 'connect']],
    ['sourcePath', 'charPath', 'text'],
    ['targetName', 'hwTargetName', 'text'],
    ['logFile', 'charLog', 'text'],
  ],
  video: [
    ['modelType', 'videoModel', 'select', ['virtio', 'qxl', 'vga', 'bochs', 'ramfb', 'cirrus', 'none']],
    ['heads', 'heads', 'number'],
    ['vram', 'vram', 'number'],
    ['accel3d', 'accel3d', 'checkbox'],
  ],
  watchdog: [
    ['model', 'hwModel', 'select', ['i6300esb', 'ib700', 'itco', 'diag288']],
    [
      'action',
      'hwAction',
      'select',
      ['reset', 'shutdown', 'poweroff', 'pause', 'none', 'dump', 'inject-nmi'],
    ],
  ],
  filesystem: [
    ['driverType', 'hwDriver', 'select', ['virtiofs', 'path', 'handle']],
    ['accessmode', 'hwAccessMode', 'select', ['passthrough', 'mapped', 'squash']],
    ['sourceDir', 'hwSourceDir', 'text'],
    ['targetDir', 'hwTargetDir', 'text'],
    ['readonly', 'hwReadonly', 'checkbox'],
  ],
  smartcard: [
    ['mode', 'hwMode', 'select', ['passthrough', 'host', 'host-certificates']],
    ['type', 'hwType', 'select', ['spicevmc', 'tcp']],
  ],
  'usb-redir': [
    ['type', 'hwType', 'select', ['spicevmc', 'tcp']],
    ['sourceHost', 'hwSourceHost', 'text'],
    ['sourceService', 'hwSourceService', 'text'],
  ],
  tpm: [
    ['model', 'hwModel', 'select', ['tpm-crb', 'tpm-tis']],
    ['backendType', 'hwBackendType', 'select', ['emulator', 'passthrough']],
    ['backendVersion', 'hwBackendVersion', 'select', ['2.0', '1.2']],
    ['devicePath', 'hwDevicePath', 'text'],
  ],
  rng: [
    ['model', 'hwModel', 'select', ['virtio', 'virtio-transitional', 'virtio-non-transitional']],
    ['backendModel', 'hwBackendModel', 'select', ['random', 'builtin', 'egd']],
    ['backendDevice', 'hwBackendDevice', 'text'],
    ['rateBytes', 'hwRateBytes', 'number'],
    ['ratePeriod', 'hwRatePeriod', 'number'],
  ],
  panic: [['model', 'hwModel', 'select', ['isa', 'hyperv', 'pvpanic']]],
  vsock: [
    ['cidAuto', 'hwCidAuto', 'checkbox'],
    ['cidAddress', 'hwCidAddress', 'number'],
  ],
  memballoon: [
    ['model', 'hwModel', 'select', ['virtio', 'virtio-transitional', 'virtio-non-transitional', 'none']],
    ['autodeflate', 'hwAutodeflate', 'checkbox'],
    ['statsPeriod', 'hwStatsPeriod', 'number'],
  ],
  iommu: [
    ['model', 'hwModel', 'select', ['intel', 'smmuv3', 'virtio']],
    ['intremap', 'hwIntremap', 'checkbox'],
    ['cachingMode', 'hwCachingMode', 'checkbox'],
    ['eim', 'hwEim', 'checkbox'],
    ['iotlb', 'hwIotlb', 'checkbox'],
  ],
  'pci-host': [
    ['sourcePci', 'hwPciAddress', 'text'],
    ['managed', 'hwManaged', 'checkbox'],
    ['romBar', 'hwRomBar', 'checkbox'],
    ['bootOrder', 'hwBootIndex', 'number'],
  ],
  'usb-host': [
    ['usbVendor', 'hwUsbVendor', 'text'],
    ['usbProduct', 'hwUsbProduct', 'text'],
    ['managed', 'hwManaged', 'checkbox'],
    ['bootOrder', 'hwBootIndex', 'number'],
  ],
  mdev: [
    ['mdevUuid', 'hwMdevUuid', 'text'],
    ['mdevModel', 'hwModel', 'select', ['vfio-pci', 'vfio-ccw', 'vfio-ap']],
    ['display', 'hwDisplay', 'checkbox'],
  ],
};

/** The pane's fields of an existing device of this kind. */
export function paneFields(kind: HardwareKind, deviceKey: string): FieldDef[] | undefined {
  const rows = ROWS[kind];
  if (!rows) return undefined;
  const element: KnownDeviceKind = ELEMENT_OF[kind];
  return rows.map(([key, label, input, options]) => ({
    on: { target: 'device', kind: element, key: deviceKey },
    key,
    label,
    input,
    ...(options ? { options } : {}),
  }));
}
