// PCI addresses as `dddd:bb:ss.f` strings over `<address type='pci' domain= bus= slot= function=/>`.
import { getAttr, setAttr } from '../../node-ops';
import { ensure, removeAt, resolve } from '../../view-path';
import type { Field } from '../fields';

const PCI_RE = /^(?:([0-9a-fA-F]{1,4}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\.([0-7])$/;

/** `withType`: write `type='pci'` too (interfaces want it; hostdev sources must not have it). */
export function pciAddress(path: string, withType = true): Field<string> {
  return {
    read(base) {
      const node = resolve(base, path);
      if (!node || (getAttr(node, 'type') ?? 'pci') !== 'pci') return undefined;
      const part = (name: string, width: number): string =>
        (getAttr(node, name) ?? '0').replace(/^0x/i, '').padStart(width, '0').toLowerCase();
      if (getAttr(node, 'bus') === undefined) return undefined;
      return `${part('domain', 4)}:${part('bus', 2)}:${part('slot', 2)}.${part('function', 1)}`;
    },
    write(base, value, depth) {
      if (value === undefined) {
        removeAt(base, path);
        return;
      }
      const m = PCI_RE.exec(value);
      if (!m) throw new RangeError(`not a PCI address: '${value}'`);
      const node = ensure(base, path, depth);
      const hex = (s: string | undefined, width: number): string =>
        '0x' + (s ?? '0').toLowerCase().padStart(width, '0');
      if (
        this.read(base) ===
        `${hex(m[1], 4).slice(2)}:${hex(m[2], 2).slice(2)}:${hex(m[3], 2).slice(2)}.${m[4]}`
      ) {
        return;
      }
      if (withType) setAttr(node, 'type', 'pci');
      setAttr(node, 'domain', hex(m[1], 4));
      setAttr(node, 'bus', hex(m[2], 2));
      setAttr(node, 'slot', hex(m[3], 2));
      setAttr(node, 'function', `0x${m[4]}`);
    },
  };
}
