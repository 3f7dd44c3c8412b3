import type { DeviceId, NodeDevice, SriovRelations } from '../../../shared/api/node-devices';
import { formatPciAddress, parseLibvirtNumber } from '../../../shared/api/pci-address';
import { documentRoot, type XmlElement } from '../../../shared/xml/document';
import { findChild, findChildren, getAttr, getText } from '../../../shared/xml/node-ops';
import { parseXml } from '../../../shared/xml/parse';

const text = (el: XmlElement | undefined, name: string): string | undefined => {
  const child = el && findChild(el, name);
  const value = child && getText(child).trim();
  return value ? value : undefined;
};

const number = (el: XmlElement | undefined, name: string) => parseLibvirtNumber(text(el, name));

/** `<vendor id='0x8086'>Intel Corporation</vendor>` → { id, name }. */
function deviceId(el: XmlElement | undefined): DeviceId | undefined {
  if (!el) return undefined;
  const id = getAttr(el, 'id');
  const name = getText(el).trim();
  if (!id && !name) return undefined;
  return { ...(id ? { id } : {}), ...(name ? { name } : {}) };
}

/** `<address domain='0x0000' bus='0x02' slot='0x10' function='0x7'/>` → `0000:02:10.7`. */
function addressOf(el: XmlElement): string | undefined {
  return formatPciAddress({
    domain: getAttr(el, 'domain'),
    bus: getAttr(el, 'bus'),
    slot: getAttr(el, 'slot'),
    function: getAttr(el, 'function'),
  });
}

const addresses = (el: XmlElement | undefined) =>
  (el ? findChildren(el, 'address') : []).map(addressOf).filter((a): a is string => a !== undefined);

/** Every capability type, nested ones included (virt_functions, phys_function, mdev_types, …). */
function capabilityTypes(el: XmlElement, into: string[] = []): string[] {
  for (const cap of findChildren(el, 'capability')) {
    const type = getAttr(cap, 'type');
    if (type && !into.includes(type)) into.push(type);
    capabilityTypes(cap, into);
  }
  return into;
}

function readSriov(cap: XmlElement): SriovRelations | undefined {
  const pf = findChild(cap, 'capability', ['type', 'phys_function']);
  const vfs = findChild(cap, 'capability', ['type', 'virt_functions']);
  if (!pf && !vfs) return undefined;
  const physicalFunction = addresses(pf)[0];
  const max = parseLibvirtNumber(vfs && getAttr(vfs, 'maxCount'));
  return {
    ...(physicalFunction ? { physicalFunction } : {}),
    virtualFunctions: addresses(vfs),
    ...(max !== undefined ? { maxVirtualFunctions: max } : {}),
  };
}

function readPci(cap: XmlElement): NodeDevice['pci'] {
  const address = formatPciAddress({
    domain: text(cap, 'domain'),
    bus: text(cap, 'bus'),
    slot: text(cap, 'slot'),
    function: text(cap, 'function'),
  });
  if (!address) return undefined;
  const group = findChild(cap, 'iommuGroup');
  const groupNumber = parseLibvirtNumber(group && getAttr(group, 'number'));
  const pciClass = text(cap, 'class');
  const sriov = readSriov(cap);
  return {
    address,
    ...(pciClass ? { class: pciClass } : {}),
    ...(groupNumber !== undefined ? { iommuGroup: { number: groupNumber, members: addresses(group) } } : {}),
    ...(sriov ? { sriov } : {}),
  };
}

/** The fields of the first capability that matter for its kind. */
function kindFields(kind: string, cap: XmlElement): Partial<NodeDevice> {
  switch (kind) {
    case 'pci': {
      const pci = readPci(cap);
      return pci ? { pci } : {};
    }
    case 'usb_device': {
      const bus = number(cap, 'bus');
      const device = number(cap, 'device');
      return bus !== undefined && device !== undefined ? { usb: { bus, device } } : {};
    }
    case 'net': {
      const iface = text(cap, 'interface');
      if (!iface) return {};
      const mac = text(cap, 'address');
      const link = findChild(cap, 'link');
      const state = link && getAttr(link, 'state');
      return { net: { interface: iface, ...(mac ? { mac } : {}), ...(state ? { link: state } : {}) } };
    }
    case 'storage': {
      const block = text(cap, 'block');
      const model = text(cap, 'model');
      const size = number(cap, 'size');
      return {
        storage: {
          ...(block ? { block } : {}),
          ...(model ? { model } : {}),
          ...(size !== undefined ? { sizeBytes: size } : {}),
        },
      };
    }
    case 'scsi': {
      const [host, bus, target, lun] = ['host', 'bus', 'target', 'lun'].map((n) => number(cap, n));
      return host !== undefined && bus !== undefined && target !== undefined && lun !== undefined
        ? { scsi: { host, bus, target, lun } }
        : {};
    }
    case 'mdev': {
      const type = findChild(cap, 'type');
      const typeId = type && getAttr(type, 'id');
      const uuid = text(cap, 'uuid');
      return { mdev: { ...(uuid ? { uuid } : {}), ...(typeId ? { type: typeId } : {}) } };
    }
    default:
      return {};
  }
}

/** One `virsh nodedev-dumpxml` document → what VirtDesk shows and matches on. Throws on other XML. */
export function parseNodeDeviceXml(xml: string): NodeDevice {
  const root = documentRoot(parseXml(xml, 'node device XML'));
  if (root.name !== 'device') throw new Error(`Not a node device XML document (root <${root.name}>)`);
  const name = text(root, 'name');
  if (!name) throw new Error('A node device XML document without <name>');
  const first = findChild(root, 'capability');
  const kind = (first && getAttr(first, 'type')) ?? 'unknown';
  const parent = text(root, 'parent');
  const path = text(root, 'path');
  const driver = text(findChild(root, 'driver'), 'name');
  const vendor = deviceId(first && findChild(first, 'vendor'));
  const product = deviceId(first && findChild(first, 'product'));
  return {
    name,
    ...(parent ? { parent } : {}),
    ...(path ? { path } : {}),
    kind,
    capabilities: capabilityTypes(root),
    ...(driver ? { driver } : {}),
    ...(vendor ? { vendor } : {}),
    ...(product ? { product } : {}),
    ...(first ? kindFields(kind, first) : {}),
  };
}
