// Field specs for the remaining device kinds.
import { getAttr } from '../../node-ops';
import {
  attr,
  flag,
  intAttr,
  intText,
  text,
  yesNoAttr,
  onOffAttr,
  type Field,
  type FieldValues,
} from '../fields';
import { pciAddress } from './address-field';

export const controllerFields = {
  type: attr<'usb' | 'pci' | 'scsi' | 'sata' | 'ide' | 'virtio-serial' | 'fdc' | 'ccid' | 'xenbus'>(
    '',
    'type',
  ),
  index: intAttr('', 'index'),
  model: attr('', 'model'),
  ports: intAttr('', 'ports'),
  vectors: intAttr('', 'vectors'),
  driverQueues: intAttr('driver', 'queues'),
  masterStartport: intAttr('master', 'startport'),
};

export const videoFields = {
  modelType: attr<'vga' | 'cirrus' | 'qxl' | 'virtio' | 'bochs' | 'ramfb' | 'none'>('model', 'type'),
  vram: intAttr('model', 'vram'),
  ram: intAttr('model', 'ram'),
  vgamem: intAttr('model', 'vgamem'),
  heads: intAttr('model', 'heads'),
  primary: yesNoAttr('model', 'primary'),
  accel3d: yesNoAttr('model/acceleration', 'accel3d'),
};

export const soundFields = {
  model: attr<'ich6' | 'ich9' | 'ac97' | 'es1370' | 'sb16' | 'usb' | 'ich7'>('', 'model'),
};

/** serial, parallel, console and channel share one shape. */
export const charDeviceFields = {
  type: attr<
    'pty' | 'unix' | 'spicevmc' | 'file' | 'tcp' | 'udp' | 'dev' | 'null' | 'stdio' | 'qemu-vdagent'
  >('', 'type'),
  sourcePath: attr('source', 'path'),
  sourceMode: attr<'bind' | 'connect'>('source', 'mode'),
  sourceHost: attr('source', 'host'),
  sourceService: attr('source', 'service'),
  protocol: attr<'raw' | 'telnet' | 'telnets' | 'tls'>('protocol', 'type'),
  logFile: attr('log', 'file'),
  targetType: attr('target', 'type'),
  targetPort: intAttr('target', 'port'),
  targetName: attr('target', 'name'),
  targetModel: attr('target/model', 'name'),
};

export const inputFields = {
  type: attr<'mouse' | 'tablet' | 'keyboard' | 'passthrough' | 'evdev'>('', 'type'),
  bus: attr<'ps2' | 'usb' | 'virtio' | 'xen'>('', 'bus'),
};

type HostdevType = 'pci' | 'usb' | 'scsi' | 'mdev';

/** PCI and USB host devices both keep their source in `<source><address>`, with different meanings. */
function onlyFor<T>(type: HostdevType, field: Field<T>): Field<T> {
  return {
    read: (base) => (getAttr(base, 'type') === type ? field.read(base) : undefined),
    write(base, value, depth) {
      if (getAttr(base, 'type') === type) field.write(base, value, depth);
      else if (value !== undefined) throw new Error(`only a ${type} host device has this setting`);
    },
  };
}

export const hostdevFields = {
  mode: attr<'subsystem' | 'capabilities'>('', 'mode'),
  type: attr<HostdevType>('', 'type'),
  managed: yesNoAttr('', 'managed'),
  driverName: attr<'vfio' | 'kvm'>('driver', 'name'),
  sourcePci: onlyFor('pci', pciAddress('source/address', false)),
  usbVendor: attr('source/vendor', 'id'),
  usbProduct: attr('source/product', 'id'),
  usbBus: onlyFor('usb', intAttr('source/address', 'bus')),
  usbDevice: onlyFor('usb', intAttr('source/address', 'device')),
  bootOrder: intAttr('boot', 'order'),
  romBar: onOffAttr('rom', 'bar'),
  // Add Hardware (issue 13): mediated devices.
  mdevModel: onlyFor('mdev', attr<'vfio-pci' | 'vfio-ccw' | 'vfio-ap'>('', 'model')),
  mdevUuid: onlyFor('mdev', attr('source/address', 'uuid')),
  display: onlyFor('mdev', onOffAttr('', 'display')),
};

export const rngFields = {
  model: attr<'virtio' | 'virtio-transitional' | 'virtio-non-transitional'>('', 'model'),
  backendModel: attr<'random' | 'egd' | 'builtin'>('backend', 'model'),
  backendDevice: text('backend'),
  rateBytes: intAttr('rate', 'bytes'),
  ratePeriod: intAttr('rate', 'period'),
};

export const tpmFields = {
  model: attr<'tpm-tis' | 'tpm-crb' | 'tpm-spapr' | 'spapr-tpm-proxy'>('', 'model'),
  backendType: attr<'passthrough' | 'emulator' | 'external'>('backend', 'type'),
  backendVersion: attr<'1.2' | '2.0'>('backend', 'version'),
  devicePath: attr('backend/device', 'path'),
};

export const watchdogFields = {
  model: attr<'i6300esb' | 'ib700' | 'diag288' | 'itco'>('', 'model'),
  action: attr<'reset' | 'shutdown' | 'poweroff' | 'pause' | 'none' | 'dump' | 'inject-nmi'>('', 'action'),
};

export const memballoonFields = {
  model: attr<'virtio' | 'virtio-transitional' | 'virtio-non-transitional' | 'xen' | 'none'>('', 'model'),
  autodeflate: onOffAttr('', 'autodeflate'),
  freePageReporting: onOffAttr('', 'freePageReporting'),
  statsPeriod: intAttr('stats', 'period'),
};

export const filesystemFields = {
  type: attr<'mount' | 'block' | 'file' | 'template' | 'ram' | 'bind'>('', 'type'),
  accessmode: attr<'passthrough' | 'mapped' | 'squash'>('', 'accessmode'),
  driverType: attr<'path' | 'handle' | 'loop' | 'nbd' | 'ploop' | 'virtiofs'>('driver', 'type'),
  sourceDir: attr('source', 'dir'),
  sourceFile: attr('source', 'file'),
  targetDir: attr('target', 'dir'),
  readonly: flag('readonly'),
};

export const redirdevFields = {
  bus: attr<'usb'>('', 'bus'),
  type: attr<'spicevmc' | 'tcp'>('', 'type'),
  sourceHost: attr('source', 'host'),
  sourceService: attr('source', 'service'),
};

export const smartcardFields = {
  mode: attr<'host' | 'host-certificates' | 'passthrough'>('', 'mode'),
  type: attr<'spicevmc' | 'tcp'>('', 'type'),
  database: text('database'),
};

export const panicFields = {
  model: attr<'isa' | 'pseries' | 'hyperv' | 's390' | 'pvpanic'>('', 'model'),
};

export const vsockFields = {
  model: attr<'virtio' | 'virtio-transitional' | 'virtio-non-transitional'>('', 'model'),
  cidAuto: yesNoAttr('cid', 'auto'),
  cidAddress: intAttr('cid', 'address'),
};

export const shmemFields = {
  name: attr('', 'name'),
  modelType: attr('model', 'type'),
  size: intText('size'),
};

export type ControllerSettings = FieldValues<typeof controllerFields>;
export type CharDeviceSettings = FieldValues<typeof charDeviceFields>;
export type HostdevSettings = FieldValues<typeof hostdevFields>;
