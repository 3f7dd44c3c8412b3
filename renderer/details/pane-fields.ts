// The fields of each simple pane, over shared/xml's views.
import type { KnownDeviceKind } from '../../shared/xml/views/devices/device-views';
import type { FieldDef, FieldInput } from './field-defs';
import type { DetailsKey } from './details-strings';

type Row = [key: string, label: DetailsKey, input: FieldInput, options?: readonly string[]];

const device = (kind: KnownDeviceKind, deviceKey: string, rows: Row[]): FieldDef[] =>
  rows.map(([key, label, input, options]) => ({
    on: { target: 'device', kind, key: deviceKey },
    key,
    label,
    input,
    ...(options ? { options } : {}),
  }));

export const overviewFields: FieldDef[] = [
  { on: { target: 'domain', view: 'general' }, key: 'title', label: 'title', input: 'text' },
  { on: { target: 'domain', view: 'general' }, key: 'description', label: 'description', input: 'textarea' },
];

export const memoryPaneFields: FieldDef[] = [
  { on: { target: 'domain', view: 'memory' }, key: 'currentMemory', label: 'currentMemory', input: 'mib' },
  { on: { target: 'domain', view: 'memory' }, key: 'memory', label: 'maxMemory', input: 'mib' },
];

export const vcpuPaneFields: FieldDef[] = [
  { on: { target: 'domain', view: 'vcpu' }, key: 'current', label: 'vcpus', input: 'number' },
  { on: { target: 'domain', view: 'vcpu' }, key: 'count', label: 'maxVcpus', input: 'number' },
];

export const topologyFields: FieldDef[] = (['sockets', 'dies', 'cores', 'threads'] as const).map((key) => ({
  on: { target: 'domain', view: 'cpu' },
  key,
  label: key,
  input: 'number',
}));

export const kernelFields: FieldDef[] = (
  [
    ['kernel', 'kernel'],
    ['initrd', 'initrd'],
    ['cmdline', 'cmdline'],
    ['dtb', 'dtb'],
  ] as const
).map(([key, label]) => ({ on: { target: 'domain', view: 'os' }, key, label, input: 'text' }));

export const diskFieldsFor = (key: string, cdrom: boolean): FieldDef[] =>
  device('disk', key, [
    ['device', 'deviceType', 'select', ['disk', 'cdrom', 'floppy', 'lun']],
    ['targetBus', 'bus', 'select', ['virtio', 'sata', 'scsi', 'ide', 'usb', 'fdc']],
    ['format', 'format', 'select', ['raw', 'qcow2', 'vmdk', 'vdi', 'iso']],
    ['cache', 'cache', 'select', ['default', 'none', 'writethrough', 'writeback', 'directsync', 'unsafe']],
    ['io', 'io', 'select', ['threads', 'native', 'io_uring']],
    ['discard', 'discard', 'select', ['unmap', 'ignore']],
    ['detectZeroes', 'detectZeroes', 'select', ['off', 'on', 'unmap']],
    ['readonly', 'readonly', 'checkbox'],
    ['shareable', 'shareable', 'checkbox'],
    ...(cdrom ? [] : ([['serial', 'serial', 'text']] as Row[])),
    ['bootOrder', 'bootIndex', 'number'],
  ]);

/** A disk's `<iotune>`: limits, bursts and their lengths (its Disk pane; live with blkdeviotune). */
export const iotuneFieldsFor = (key: string): FieldDef[] =>
  device('disk', key, [
    ['totalBytesSec', 'tnIotuneTotalBytesSec', 'number'],
    ['readBytesSec', 'tnIotuneReadBytesSec', 'number'],
    ['writeBytesSec', 'tnIotuneWriteBytesSec', 'number'],
    ['totalIopsSec', 'tnIotuneTotalIopsSec', 'number'],
    ['readIopsSec', 'tnIotuneReadIopsSec', 'number'],
    ['writeIopsSec', 'tnIotuneWriteIopsSec', 'number'],
    ['totalBytesSecMax', 'tnIotuneTotalBytesSecMax', 'number'],
    ['readBytesSecMax', 'tnIotuneReadBytesSecMax', 'number'],
    ['writeBytesSecMax', 'tnIotuneWriteBytesSecMax', 'number'],
    ['totalIopsSecMax', 'tnIotuneTotalIopsSecMax', 'number'],
    ['readIopsSecMax', 'tnIotuneReadIopsSecMax', 'number'],
    ['writeIopsSecMax', 'tnIotuneWriteIopsSecMax', 'number'],
    ['totalBytesSecMaxLength', 'tnIotuneTotalBytesSecMaxLength', 'number'],
    ['readBytesSecMaxLength', 'tnIotuneReadBytesSecMaxLength', 'number'],
    ['writeBytesSecMaxLength', 'tnIotuneWriteBytesSecMaxLength', 'number'],
    ['totalIopsSecMaxLength', 'tnIotuneTotalIopsSecMaxLength', 'number'],
    ['readIopsSecMaxLength', 'tnIotuneReadIopsSecMaxLength', 'number'],
    ['writeIopsSecMaxLength', 'tnIotuneWriteIopsSecMaxLength', 'number'],
    ['sizeIopsSec', 'tnIotuneSizeIopsSec', 'number'],
    ['iotuneGroup', 'tnIotuneGroup', 'text'],
  ]);

export const nicFieldsFor = (key: string): FieldDef[] =>
  device('interface', key, [
    ['model', 'model', 'select', ['virtio', 'e1000', 'e1000e', 'rtl8139', 'vmxnet3']],
    ['mac', 'mac', 'text'],
    ['bootOrder', 'bootIndex', 'number'],
  ]);

export const displayFieldsFor = (key: string): FieldDef[] =>
  device('graphics', key, [
    ['type', 'displayType', 'select', ['vnc', 'spice']],
    ['autoport', 'autoport', 'checkbox'],
    ['port', 'port', 'number'],
    ['keymap', 'keymap', 'text'],
    ['gl', 'opengl', 'checkbox'],
  ]);

export const videoFieldsFor = (key: string): FieldDef[] =>
  device('video', key, [
    ['modelType', 'videoModel', 'select', ['vga', 'cirrus', 'qxl', 'virtio', 'bochs', 'ramfb', 'none']],
    ['vram', 'vram', 'number'],
    ['heads', 'heads', 'number'],
    ['accel3d', 'accel3d', 'checkbox'],
  ]);

export const soundFieldsFor = (key: string): FieldDef[] =>
  device('sound', key, [
    ['model', 'soundModel', 'select', ['ich6', 'ich9', 'ac97', 'es1370', 'sb16', 'usb', 'ich7']],
  ]);

export const inputFieldsFor = (key: string): FieldDef[] =>
  device('input', key, [
    ['type', 'inputType', 'select', ['mouse', 'tablet', 'keyboard', 'passthrough', 'evdev']],
    ['bus', 'inputBus', 'select', ['ps2', 'usb', 'virtio', 'xen']],
  ]);

export const charFieldsFor = (kind: 'serial' | 'parallel' | 'console' | 'channel', key: string): FieldDef[] =>
  device(kind, key, [
    [
      'type',
      'charType',
      'select',
      ['pty', 'unix', 'spicevmc', 'file', 'tcp', 'udp', 'dev', 'null', 'qemu-vdagent'],
    ],
    ['sourcePath', 'charPath', 'text'],
    ['targetType', 'charTargetType', 'text'],
    ['targetName', 'charTargetName', 'text'],
    ['logFile', 'charLog', 'text'],
  ]);

export const controllerFieldsFor = (key: string): FieldDef[] =>
  device('controller', key, [
    ['model', 'controllerModel', 'text'],
    ['ports', 'controllerPorts', 'number'],
  ]);
