// Test-only: every typed view of a domain document behind one interface, so the properties in
// view-properties.ts can read, write and edit each one the same way.
import { documentRoot, type XmlDocument, type XmlElement } from '../document';
import { elementChildren, findChild } from '../node-ops';
import { getMetadata, listMetadata, setMetadata } from '../views/domain-metadata';
import { DOMAIN_FIELDS } from '../views/domain-views';
import { listDevices } from '../views/devices/device-list';
import { DEVICE_FIELDS } from '../views/devices/device-views';
import { readFields, writeFields, type FieldSpec, type FieldValues } from '../views/fields';

export type Values = Record<string, unknown>;

/** One typed view of one document: a domain view, the metadata, or the view of one device. */
export interface ViewUnderTest {
  name: string;
  read(doc: XmlDocument): Values;
  write(doc: XmlDocument, patch: Values): void;
  /** Other values for a field, for one-field edits. */
  edits(key: string, value: unknown): unknown[];
  /** Whether a value reads back as written (metadata XML is re-indented on write). */
  same(a: unknown, b: unknown): boolean;
  /** Whether a change at `path` (as `changedPaths` names it) can show in this view. */
  sees(path: string): boolean;
}

const DEVICE_DEPTH = 2;
const PCI = /^([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.)([0-7])$/;

/** Values that differ from `value` and are still of its kind (a PCI address stays one). */
export function otherValues(value: unknown): unknown[] {
  if (typeof value === 'boolean') return [!value];
  if (typeof value === 'number') return [value + 1];
  if (typeof value === 'string') {
    const pci = PCI.exec(value);
    return [pci ? `${pci[1]}${(Number(pci[2]) + 1) % 8}` : `${value}-edited`];
  }
  if (Array.isArray(value) && value.length > 0) {
    const items = value as Values[];
    const first = items[0]!;
    const changedFirst = Object.keys(first).flatMap((k) =>
      otherValues(first[k]).map((v) => [{ ...first, [k]: v }, ...items.slice(1)]),
    );
    const shorter = items.length > 1 ? [items.slice(0, -1)] : [];
    return [...changedFirst, ...shorter, [...items, { ...items[items.length - 1]! }]];
  }
  return [];
}

export const signature = (v: unknown): string => JSON.stringify(sortKeys(v));
const deepEqual = (a: unknown, b: unknown): boolean => a === b || signature(a) === signature(b);

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Values).filter(([, x]) => x !== undefined);
    return Object.fromEntries(
      entries.sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)]),
    );
  }
  return v;
}

function fieldView(
  name: string,
  spec: FieldSpec,
  base: (doc: XmlDocument) => XmlElement,
  depth: number,
  sees: (path: string) => boolean,
): ViewUnderTest {
  return {
    name,
    sees,
    read: (doc: XmlDocument) => readFields(base(doc), spec) as Values,
    write: (doc: XmlDocument, patch: Values) =>
      writeFields(base(doc), spec, patch as FieldValues<FieldSpec>, depth),
    edits: (_key: string, value: unknown) => otherValues(value),
    same: deepEqual,
  };
}

const withoutIndent = (xml: unknown) => String(xml).replace(/>\s+</g, '><');

const metadataView: Omit<ViewUnderTest, 'sees'> = {
  name: 'metadata',
  read: (doc) =>
    Object.fromEntries(listMetadata(doc).map((m) => [m.namespace, getMetadata(doc, m.namespace)])),
  write: (doc, patch) => {
    for (const [ns, xml] of Object.entries(patch)) setMetadata(doc, ns, xml as string | undefined);
  },
  // An extra attribute on the application's element: still its namespace, still well-formed.
  edits: (_key, xml) => [String(xml).replace(/^<([^\s/>]+)/, '<$1 virtdesk-edit="1"')],
  same: (a, b) => withoutIndent(a) === withoutIndent(b),
};

/** Every typed view of a domain document: domain views, metadata, and each device with a view. */
export function domainViews(doc: XmlDocument): ViewUnderTest[] {
  const root = documentRoot(doc);
  const devices = findChild(root, 'devices');
  const devicesPath = `${root.name}/devices[${devices ? root.children.indexOf(devices) : -1}]`;
  // No domain view reads below <devices>; a device view reads inside its own element.
  const outsideDevices = (path: string) => !path.startsWith(`${devicesPath}/`);
  const views: ViewUnderTest[] = Object.entries(DOMAIN_FIELDS).map(([name, spec]) =>
    fieldView(name, spec, documentRoot, 0, outsideDevices),
  );
  views.push({ ...metadataView, sees: outsideDevices });
  listDevices(doc).forEach((device, i) => {
    const spec = (DEVICE_FIELDS as Record<string, FieldSpec>)[device.kind];
    const at = `${devicesPath}/${device.kind}[${devices!.children.indexOf(device.element)}]`;
    const sees = (path: string) => path === at || path.startsWith(`${at}/`) || at.startsWith(`${path}/`);
    // Devices are found by position: an edit may change a device's key (e.g. its target).
    if (spec) views.push(fieldView(device.key, spec, (d) => deviceElements(d)[i]!, DEVICE_DEPTH, sees));
  });
  return views;
}

/** The device elements in document order, as `listDevices` has them (without computing keys). */
function deviceElements(doc: XmlDocument): XmlElement[] {
  const devices = findChild(documentRoot(doc), 'devices');
  return devices ? elementChildren(devices).filter((e) => e.name !== 'emulator') : [];
}
