import type { HostDeviceRef } from '../../../shared/api/host-device-ref';
import { formatPciAddress, parseLibvirtNumber } from '../../../shared/api/pci-address';
import { documentRoot, type XmlElement } from '../../../shared/xml/document';
import { findChild, findChildren, getAttr } from '../../../shared/xml/node-ops';
import { parseXml } from '../../../shared/xml/parse';

function pciRef(address: XmlElement | undefined): HostDeviceRef | undefined {
  if (!address) return undefined;
  const formatted = formatPciAddress({
    domain: getAttr(address, 'domain'),
    bus: getAttr(address, 'bus'),
    slot: getAttr(address, 'slot'),
    function: getAttr(address, 'function'),
  });
  return formatted ? { type: 'pci', address: formatted } : undefined;
}

function hostdevRef(hostdev: XmlElement): HostDeviceRef | undefined {
  const source = findChild(hostdev, 'source');
  if (!source || getAttr(hostdev, 'mode') === 'capabilities') return undefined;
  const address = findChild(source, 'address');
  switch (getAttr(hostdev, 'type')) {
    case 'pci':
      return pciRef(address);
    case 'usb': {
      const vendor = findChild(source, 'vendor');
      const product = findChild(source, 'product');
      const vendorId = vendor && getAttr(vendor, 'id');
      const productId = product && getAttr(product, 'id');
      const bus = parseLibvirtNumber(address && getAttr(address, 'bus'));
      const device = parseLibvirtNumber(address && getAttr(address, 'device'));
      return {
        type: 'usb',
        ...(vendorId ? { vendorId } : {}),
        ...(productId ? { productId } : {}),
        ...(bus !== undefined && device !== undefined ? { bus, device } : {}),
      };
    }
    case 'mdev': {
      const uuid = address && getAttr(address, 'uuid');
      return uuid ? { type: 'mdev', uuid } : undefined;
    }
    case 'scsi': {
      const adapter = findChild(source, 'adapter');
      const name = adapter && getAttr(adapter, 'name');
      const [bus, target, unit] = ['bus', 'target', 'unit'].map((n) =>
        parseLibvirtNumber(address && getAttr(address, n)),
      );
      return name && bus !== undefined && target !== undefined && unit !== undefined
        ? { type: 'scsi', adapter: name, bus, target, unit }
        : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The host devices a domain's XML assigns: `<hostdev>` entries (PCI, USB, mdev, SCSI) and
 * `<interface type='hostdev'>` (a PCI function, usually an SR-IOV VF). A NIC from an SR-IOV pool
 * network (`<interface type='network'>`) names its VF only in the daemon's status XML, so it is not
 * seen here. The XML is parsed only when it mentions a hostdev at all.
 */
export function readHostDevices(xml: string): HostDeviceRef[] {
  if (!xml.includes('hostdev')) return [];
  let devices: XmlElement | undefined;
  try {
    devices = findChild(documentRoot(parseXml(xml, 'domain XML')), 'devices');
  } catch {
    return []; // libvirt's own XML always parses; the list's other fields come from their own reader.
  }
  if (!devices) return [];
  const refs: (HostDeviceRef | undefined)[] = [
    ...findChildren(devices, 'hostdev').map(hostdevRef),
    ...findChildren(devices, 'interface')
      .filter((i) => getAttr(i, 'type') === 'hostdev')
      .map((i) => {
        const source = findChild(i, 'source');
        return pciRef(source && findChild(source, 'address'));
      }),
  ];
  return refs.filter((r): r is HostDeviceRef => r !== undefined);
}
