// Typed read/update/create for every device kind, by key. The field specs live next to this file.
import { createElement, type XmlDocument, type XmlElement } from '../../document';
import { readFields, writeFields, type FieldSpec, type FieldValues } from '../fields';
import { addDevice, findDevice, nextDiskTarget } from './device-list';
import { diskFields } from './disk';
import { graphicsFields } from './graphics';
import { interfaceFields, randomMac } from './interface';
import * as other from './other-devices';
import { iommuFields } from './iommu';

export const DEVICE_FIELDS = {
  disk: diskFields,
  interface: interfaceFields,
  graphics: graphicsFields,
  controller: other.controllerFields,
  video: other.videoFields,
  sound: other.soundFields,
  serial: other.charDeviceFields,
  parallel: other.charDeviceFields,
  console: other.charDeviceFields,
  channel: other.charDeviceFields,
  input: other.inputFields,
  hostdev: other.hostdevFields,
  rng: other.rngFields,
  tpm: other.tpmFields,
  watchdog: other.watchdogFields,
  memballoon: other.memballoonFields,
  filesystem: other.filesystemFields,
  redirdev: other.redirdevFields,
  smartcard: other.smartcardFields,
  panic: other.panicFields,
  vsock: other.vsockFields,
  shmem: other.shmemFields,
  // Add Hardware (issue 13)
  iommu: iommuFields,
} satisfies Record<string, FieldSpec>;

export type KnownDeviceKind = keyof typeof DEVICE_FIELDS;
export type DeviceSettings<K extends KnownDeviceKind> = FieldValues<(typeof DEVICE_FIELDS)[K]>;

/** Depth of a device element in a domain document (domain → devices → device). */
const DEVICE_DEPTH = 2;

function specFor(kind: string): FieldSpec {
  const spec = (DEVICE_FIELDS as Record<string, FieldSpec>)[kind];
  if (!spec) throw new Error(`no typed view for <${kind}> devices`);
  return spec;
}

export function readDeviceElement<K extends KnownDeviceKind>(kind: K, el: XmlElement): DeviceSettings<K> {
  return readFields(el, specFor(kind)) as DeviceSettings<K>;
}

/** Read a device's typed settings by key; undefined if there is no such device. */
export function readDevice<K extends KnownDeviceKind>(
  doc: XmlDocument,
  kind: K,
  key: string,
): DeviceSettings<K> | undefined {
  const el = findDevice(doc, key);
  if (!el) return undefined;
  if (el.name !== kind) throw new Error(`device '${key}' is a <${el.name}>, not a <${kind}>`);
  return readDeviceElement(kind, el);
}

/** Change some settings of a device; returns its key (which changes if e.g. the target changes). */
export function updateDevice<K extends KnownDeviceKind>(
  doc: XmlDocument,
  kind: K,
  key: string,
  patch: DeviceSettings<K>,
): void {
  const el = findDevice(doc, key);
  if (!el) throw new Error(`no device '${key}'`);
  if (el.name !== kind) throw new Error(`device '${key}' is a <${el.name}>, not a <${kind}>`);
  writeFields(el, specFor(kind), patch as FieldValues<FieldSpec>, DEVICE_DEPTH);
}

/** A detached device element built from settings (attributes and children in libvirt's order). */
export function createDevice<K extends KnownDeviceKind>(kind: K, settings: DeviceSettings<K>): XmlElement {
  const el = createElement(kind);
  writeFields(el, specFor(kind), settings as FieldValues<FieldSpec>, DEVICE_DEPTH);
  return el;
}

/**
 * Add a new device and return its key. Disks without a target get the first free name for their bus;
 * NICs without a MAC get a random 52:54:00 one. PCI/drive addresses are left to libvirt.
 */
export function addNewDevice<K extends KnownDeviceKind>(
  doc: XmlDocument,
  kind: K,
  settings: DeviceSettings<K>,
  random?: () => number,
): string {
  let filled = settings;
  if (kind === 'disk') {
    const disk = settings as DeviceSettings<'disk'>;
    if (!disk.targetDev) {
      const bus = disk.targetBus ?? 'virtio';
      filled = { ...disk, targetBus: bus, targetDev: nextDiskTarget(doc, bus) } as DeviceSettings<K>;
    }
  } else if (kind === 'interface') {
    const nic = settings as DeviceSettings<'interface'>;
    if (!nic.mac) filled = { ...nic, mac: randomMac(random) } as DeviceSettings<K>;
  }
  return addDevice(doc, createDevice(kind, filled));
}
