// Typed changes → the nodes they own in a parsed domain document, and nothing else.
import type { EditChange, FieldValue, ViewPatch } from '../api/domain-edit';
import { DOMAIN_FIELDS } from '../xml/views/domain-views';
import { DEVICE_FIELDS, updateDevice, type KnownDeviceKind } from '../xml/views/devices/device-views';
import { findDevice } from '../xml/views/devices/device-list';
import { writeFields, type FieldSpec } from '../xml/views/fields';
import { documentRoot, type XmlDocument } from '../xml/document';
import { writeFirmware } from './firmware';

export class EditInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Field names one change writes (`memory.currentMemory`, `device:disk:hdc.sourceFile`, …). */
export function changedFields(change: EditChange): string[] {
  switch (change.target) {
    case 'domain':
      return Object.keys(change.patch).map((k) => `${change.view}.${k}`);
    case 'device':
      return Object.keys(change.patch).map((k) => `device:${change.key}.${k}`);
    default:
      return [change.target];
  }
}

function fromWire(value: FieldValue): unknown {
  if (value === null) return undefined;
  if (Array.isArray(value))
    return value.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? undefined : v])),
    );
  return value;
}

/** A wire patch checked against the view's spec: unknown keys are refused, null becomes "remove". */
export function patchFor(spec: FieldSpec, patch: ViewPatch, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.prototype.hasOwnProperty.call(spec, key))
      throw new EditInputError(`${prefix}.${key}`, `Unknown field ${key}`);
    out[key] = fromWire(value);
  }
  return out;
}

/** Applies the XML changes of an edit to `doc` (autostart and rename are not XML; they are skipped). */
export function applyChanges(doc: XmlDocument, changes: readonly EditChange[]): void {
  for (const change of changes) {
    if (change.target === 'firmware') writeFirmware(doc, change.firmware);
    else if (change.target === 'domain') {
      const spec = DOMAIN_FIELDS[change.view];
      const patch = patchFor(spec, change.patch, change.view);
      if (change.view === 'general' && ('name' in patch || 'uuid' in patch || 'type' in patch))
        throw new EditInputError(`general.name`, 'Name, UUID and type are not changed through the XML');
      try {
        writeFields(documentRoot(doc), spec, patch as never);
      } catch (error) {
        throw new EditInputError(change.view, (error as Error).message);
      }
    } else if (change.target === 'device') {
      const spec = (DEVICE_FIELDS as Record<string, FieldSpec>)[change.kind];
      if (!spec) throw new EditInputError(`device:${change.key}`, `No view for <${change.kind}> devices`);
      const el = findDevice(doc, change.key);
      if (!el || el.name !== change.kind)
        throw new EditInputError(`device:${change.key}`, `The VM has no ${change.kind} ${change.key}`);
      const patch = patchFor(spec, change.patch, `device:${change.key}`);
      try {
        updateDevice(doc, change.kind as KnownDeviceKind, change.key, patch as never);
      } catch (error) {
        throw new EditInputError(`device:${change.key}`, (error as Error).message);
      }
    }
  }
}
