// Stable identity for devices, so a pane can say "this disk" across re-reads of the XML.
// Preference: a user alias (ua-*), then the device's natural identity (disk target, MAC, controller
// type+index, host device address, …), then a live alias, then its position among its kind.
import type { XmlElement } from '../../document';
import { findChild, getAttr } from '../../node-ops';
import { resolve } from '../../view-path';

const at = (el: XmlElement, path: string, name: string): string | undefined => {
  const node = resolve(el, path);
  return node && getAttr(node, name);
};

function hostdevId(el: XmlElement): string | undefined {
  const type = getAttr(el, 'type');
  const addr = resolve(el, 'source/address');
  if (type === 'pci' && addr) {
    const hex = (name: string, width: number): string =>
      (getAttr(addr, name) ?? '0').replace(/^0x/i, '').padStart(width, '0').toLowerCase();
    return `pci/${hex('domain', 4)}:${hex('bus', 2)}:${hex('slot', 2)}.${hex('function', 1)}`;
  }
  if (type === 'usb') {
    const vendor = at(el, 'source/vendor', 'id');
    const product = at(el, 'source/product', 'id');
    if (vendor && product) return `usb/${vendor}:${product}`;
    if (addr) return `usb/${getAttr(addr, 'bus') ?? ''}.${getAttr(addr, 'device') ?? ''}`;
  }
  if (type === 'mdev' && addr) return `mdev/${getAttr(addr, 'uuid') ?? ''}`;
  return undefined;
}

/** The natural identity of a device element, if its kind has one. */
function naturalId(el: XmlElement): string | undefined {
  switch (el.name) {
    case 'disk':
      return at(el, 'target', 'dev');
    case 'interface':
      return at(el, 'mac', 'address');
    case 'controller': {
      const type = getAttr(el, 'type');
      const index = getAttr(el, 'index');
      return type && index !== undefined ? `${type}/${index}` : undefined;
    }
    case 'hostdev':
      return hostdevId(el);
    case 'graphics':
      return getAttr(el, 'type');
    case 'serial':
    case 'console':
    case 'parallel': {
      const port = at(el, 'target', 'port');
      return port === undefined ? undefined : `port${port}`;
    }
    case 'channel':
      return at(el, 'target', 'name');
    case 'filesystem':
      return at(el, 'target', 'dir');
    case 'input': {
      const type = getAttr(el, 'type');
      return type ? `${type}/${getAttr(el, 'bus') ?? 'default'}` : undefined;
    }
    case 'tpm':
    case 'memballoon':
    case 'watchdog':
    case 'vsock':
    case 'iommu':
      return 'only';
    default:
      return undefined;
  }
}

/** Keys for all devices, in document order. Duplicates get `#2`, `#3` … in order of appearance. */
export function deviceKeys(devices: XmlElement[]): string[] {
  const seen = new Map<string, number>();
  const ordinals = new Map<string, number>();
  return devices.map((el) => {
    const ordinal = ordinals.get(el.name) ?? 0;
    ordinals.set(el.name, ordinal + 1);
    const aliasEl = findChild(el, 'alias');
    const alias = aliasEl && getAttr(aliasEl, 'name');
    let key: string;
    if (alias?.startsWith('ua-')) key = `${el.name}:${alias}`;
    else {
      const id = naturalId(el);
      key = id !== undefined ? `${el.name}:${id}` : alias ? `${el.name}:${alias}` : `${el.name}:#${ordinal}`;
    }
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}
