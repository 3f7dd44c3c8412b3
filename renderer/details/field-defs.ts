// Declarative form fields over shared/xml's views: what a pane shows, how a typed value becomes the
// view's value, and the field name edit outcomes use (`memory.currentMemory`, `device:disk:vda.cache`).
import type { EditableView, EditChange, FieldValue } from '../../shared/api/domain-edit';
import { documentRoot, type XmlDocument } from '../../shared/xml/document';
import { DOMAIN_FIELDS } from '../../shared/xml/views/domain-views';
import { readDevice, type KnownDeviceKind } from '../../shared/xml/views/devices/device-views';
import { readFields, type FieldSpec } from '../../shared/xml/views/fields';
import type { DetailsKey } from './details-strings';
import { parseSize, showSize } from '../../shared/domain-edit/size-input';

export type FieldTarget =
  { target: 'domain'; view: EditableView } | { target: 'device'; kind: KnownDeviceKind; key: string };

export type FieldInput =
  | 'text'
  | 'number'
  | 'mib'
  | 'select'
  | 'checkbox'
  | 'textarea'
  | 'password'
  // Performance tuning (issue 13): a size with its unit ("1 GiB"), and on / off / not set.
  | 'size'
  | 'onoff';

export interface FieldDef {
  on: FieldTarget;
  /** The view's field key. */
  key: string;
  label: DetailsKey;
  input: FieldInput;
  options?: readonly string[];
  readOnly?: boolean;
  /** Values for the label's `{{name}}`s (a disk's target in its throttle labels). */
  labelValues?: Record<string, string>;
}

export const fieldId = (def: Pick<FieldDef, 'on' | 'key'>): string =>
  def.on.target === 'domain' ? `${def.on.view}.${def.key}` : `device:${def.on.key}.${def.key}`;

/** The typed value a field has in the document. */
export function readValue(doc: XmlDocument, def: FieldDef): unknown {
  if (def.on.target === 'domain') {
    const spec: FieldSpec = DOMAIN_FIELDS[def.on.view];
    return (readFields(documentRoot(doc), spec) as Record<string, unknown>)[def.key];
  }
  return (readDevice(doc, def.on.kind, def.on.key) as Record<string, unknown> | undefined)?.[def.key];
}

/** What the form control shows for a value. */
export function toInput(def: FieldDef, value: unknown): string | boolean {
  if (def.input === 'checkbox') return value === true;
  if (value === undefined || value === null) return '';
  if (def.input === 'size') return showSize(Number(value));
  if (def.input === 'onoff') return value === true ? 'on' : 'off';
  if (def.input === 'mib') return String(Math.round((Number(value) / 2 ** 20) * 100) / 100);
  return String(value);
}

/** The view value for what was typed; `null` removes; an Error says why it cannot be one. */
export function fromInput(def: FieldDef, input: string | boolean): FieldValue | Error {
  if (def.input === 'checkbox') return input === true;
  const text = String(input).trim();
  if (text === '') return null;
  if (def.input === 'onoff') return text === 'on';
  if (def.input === 'size') return parseSize(text);
  if (def.input === 'number' || def.input === 'mib') {
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0) return new Error('notANumber');
    return def.input === 'mib' ? Math.round(n * 2 ** 20) : Math.round(n);
  }
  return def.input === 'textarea' || def.input === 'password' ? String(input) : text;
}

/** Groups changed field values into the edit's changes, one per view or device. */
export function changesFrom(values: ReadonlyMap<FieldDef, FieldValue>): EditChange[] {
  const byTarget = new Map<string, EditChange>();
  for (const [def, value] of values) {
    const id = def.on.target === 'domain' ? `d:${def.on.view}` : `v:${def.on.key}`;
    let change = byTarget.get(id);
    if (!change) {
      change =
        def.on.target === 'domain'
          ? { target: 'domain', view: def.on.view, patch: {} }
          : { target: 'device', kind: def.on.kind, key: def.on.key, patch: {} };
      byTarget.set(id, change);
    }
    if (change.target === 'domain' || change.target === 'device') change.patch[def.key] = value;
  }
  return [...byTarget.values()];
}
