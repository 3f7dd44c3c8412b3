// The <devices> list: enumerate with stable keys, find, add (canonical order), remove, replace,
// and device XML in/out for virsh attach-device / detach-device / update-device.
import { documentRoot, type XmlDocument, type XmlElement } from '../../document';
import {
  elementChildren,
  findChild,
  getAttr,
  indentSubtree,
  insertChild,
  removeChild,
  replaceChild,
} from '../../node-ops';
import { DEVICE_ORDER } from '../../order';
import { parseXml } from '../../parse';
import { ensure } from '../../view-path';
import { reindentElement } from '../../reindent';
import { serializeNode } from '../../serialize';
import { deviceKeys } from './device-keys';

export type DeviceKind = Exclude<(typeof DEVICE_ORDER)[number], 'emulator'>;

export interface DeviceRef {
  kind: string;
  key: string;
  element: XmlElement;
}

function devicesOf(doc: XmlDocument): XmlElement | undefined {
  return findChild(documentRoot(doc), 'devices');
}

/** Every device (not `<emulator>`) with its key, in document order. */
export function listDevices(doc: XmlDocument, kind?: string): DeviceRef[] {
  const devices = devicesOf(doc);
  if (!devices) return [];
  const els = elementChildren(devices).filter((e) => e.name !== 'emulator');
  const keys = deviceKeys(els);
  const refs = els.map((element, i) => ({ kind: element.name, key: keys[i]!, element }));
  return kind ? refs.filter((r) => r.kind === kind) : refs;
}

export function findDevice(doc: XmlDocument, key: string): XmlElement | undefined {
  return listDevices(doc).find((d) => d.key === key)?.element;
}

function mustFind(doc: XmlDocument, key: string): XmlElement {
  const el = findDevice(doc, key);
  if (!el) throw new Error(`no device '${key}'`);
  return el;
}

/** Insert a device element in libvirt's device order; returns its key. */
export function addDevice(doc: XmlDocument, device: XmlElement): string {
  const devices = ensure(documentRoot(doc), 'devices');
  insertChild(devices, device, 1, DEVICE_ORDER);
  return listDevices(doc).find((d) => d.element === device)!.key;
}

export function removeDevice(doc: XmlDocument, key: string): void {
  removeChild(devicesOf(doc)!, mustFind(doc, key));
}

/** The XML of one device, at column 0: what `virsh attach-device`/`detach-device` take. */
export function deviceXml(doc: XmlDocument, key: string): string {
  return serializeNode(reindentElement(mustFind(doc, key), 0)) + '\n';
}

/** Parse one device's XML (e.g. from the XML editor) into a detached element. */
export function parseDeviceXml(xml: string): XmlElement {
  const root = parseXml(xml, 'Device XML').children.find((c): c is XmlElement => c.kind === 'element')!;
  if (!(DEVICE_ORDER as readonly string[]).includes(root.name) || root.name === 'emulator') {
    throw new Error(`<${root.name}> is not a device element`);
  }
  return root;
}

/** Replace a device with new XML (update-device), keeping its place; returns the new key. */
export function replaceDeviceXml(doc: XmlDocument, key: string, xml: string): string {
  const old = mustFind(doc, key);
  const next = reindentElement(parseDeviceXml(xml), 4);
  indentSubtree(next, 2);
  replaceChild(devicesOf(doc)!, old, next);
  return listDevices(doc).find((d) => d.element === next)!.key;
}

const TARGET_PREFIX: Record<string, string> = { virtio: 'vd', xen: 'xvd', ide: 'hd', fdc: 'fd' };

/** `a`, `b`, … `z`, `aa`, `ab`, … like libvirt's virDiskNameToIndex in reverse. */
export function diskSuffix(index: number): string {
  let s = '';
  let i = index;
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}

/** First free disk target name for `bus` (vda…, sda…, hda…). */
export function nextDiskTarget(doc: XmlDocument, bus: string): string {
  const prefix = TARGET_PREFIX[bus] ?? 'sd';
  const used = new Set(
    listDevices(doc, 'disk').map((d) => getAttr(findChild(d.element, 'target') ?? d.element, 'dev')),
  );
  for (let i = 0; ; i++) {
    const name = prefix + diskSuffix(i);
    if (!used.has(name)) return name;
  }
}
