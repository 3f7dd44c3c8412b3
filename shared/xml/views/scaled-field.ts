// A libvirt scaled integer (`<memory unit='KiB'>…</memory>`, `<page size= unit=>`) read and written
// in bytes. Writing keeps the element's current unit when the value is a whole number of it.
import { getAttr, setAttr, getText, setText } from '../node-ops';
import { ensure, prune, removeAt, resolve } from '../view-path';
import { fromBytes, toBytes, type ScaledSize } from '../units';
import type { Field } from './fields';

/** The raw value and unit of a scaled element's text (or of a `valueAttr` attribute). */
export function readScaled(
  node: Parameters<typeof getAttr>[0] | undefined,
  defaultUnit: string,
  valueAttr?: string,
  unitAttr = 'unit',
): ScaledSize | undefined {
  if (!node) return undefined;
  const raw = (valueAttr ? getAttr(node, valueAttr) : getText(node))?.trim();
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  return { value: Number(raw), unit: getAttr(node, unitAttr) ?? defaultUnit };
}

/** Element text in bytes (`unit` attribute on the same element, default `defaultUnit`). */
export function scaledText(path: string, defaultUnit = 'KiB'): Field<number> {
  return {
    read(base) {
      const size = readScaled(resolve(base, path), defaultUnit);
      return size && toBytes(size);
    },
    write(base, bytes, depth) {
      if (bytes === undefined) {
        removeAt(base, path);
        return;
      }
      const node = ensure(base, path, depth);
      const current = readScaled(node, defaultUnit);
      if (current && toBytes(current) === bytes) return;
      const unitNow = getAttr(node, 'unit');
      const size = fromBytes(bytes, unitNow ?? defaultUnit);
      if (!current || unitNow !== undefined || size.unit !== defaultUnit) setAttr(node, 'unit', size.unit);
      setText(node, String(size.value));
    },
  };
}

/** A size held in attributes (`<page size='2048' unit='KiB'/>`), in bytes. */
export function scaledAttr(
  path: string,
  valueAttr: string,
  defaultUnit = 'KiB',
  unitAttr = 'unit',
): Field<number> {
  return {
    read(base) {
      const size = readScaled(resolve(base, path), defaultUnit, valueAttr, unitAttr);
      return size && toBytes(size);
    },
    write(base, bytes, depth) {
      if (bytes === undefined) {
        const node = resolve(base, path);
        if (!node) return;
        setAttr(node, valueAttr, undefined);
        setAttr(node, unitAttr, undefined);
        prune(base, path);
        return;
      }
      const node = ensure(base, path, depth);
      const current = readScaled(node, defaultUnit, valueAttr, unitAttr);
      if (current && toBytes(current) === bytes) return;
      const size = fromBytes(bytes, getAttr(node, unitAttr) ?? defaultUnit);
      setAttr(node, valueAttr, String(size.value));
      setAttr(node, unitAttr, size.unit);
    },
  };
}
