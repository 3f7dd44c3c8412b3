// New devices into a parsed domain document, through the typed device views: the settings are
// checked against the view (unknown fields refused), what each kind cannot do without is asked for
// by name, and virtiofs gets the shared memory it needs.
import type { EditProblem } from '../../api/domain-edit';
import type { NewHardware } from '../../api/domain-hardware';
import { documentRoot, type XmlDocument } from '../../xml/document';
import { getAttr } from '../../xml/node-ops';
import { addNewDevice, DEVICE_FIELDS, type KnownDeviceKind } from '../../xml/views/devices/device-views';
import { listDevices, removeDevice } from '../../xml/views/devices/device-list';
import { memoryBackingFields } from '../../xml/views/domain-memory';
import { readFields, writeFields, type FieldSpec } from '../../xml/views/fields';
import { EditInputError, patchFor } from '../apply-changes';
import { check, checkEnglish, type CheckValue } from '../../checks/check-message';
import type { CheckKey } from '../../checks/check-texts';
import { macProblem } from '../edit-checks';
import { ELEMENT_OF, guestFacts, SINGLE_INSTANCE } from './hardware-kinds';

/** Field names of a device being added: `new.sourceFile`, `new.sourcePci`, … (the dialog marks them). */
export const newField = (key: string) => `new.${key}`;

type Settings = Record<string, unknown>;

/** A problem's English message and its check (key + values), for the dialog's language (issue 15). */
const hardwareCheck = (key: CheckKey, values?: Record<string, CheckValue>) => {
  const problem = check(key, values);
  return { message: checkEnglish(problem), check: problem };
};

const blank = (v: unknown) => v === undefined || v === null || v === '';

/** The settings without empty values (an empty control means "not set"). */
export function cleanSettings(settings: NewHardware['settings']): NewHardware['settings'] {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => !blank(v)));
}

/** What a device of this kind cannot be added without, as problems on its fields. */
export function newDeviceProblems(hw: NewHardware): EditProblem[] {
  const s = cleanSettings(hw.settings) as Settings;
  const problems: EditProblem[] = [];
  const need = (key: string, text: CheckKey) => {
    if (blank(s[key])) problems.push({ field: newField(key), code: 'required', ...hardwareCheck(text) });
  };
  switch (hw.kind) {
    case 'storage':
      if (
        s['device'] !== 'cdrom' &&
        s['device'] !== 'floppy' &&
        blank(s['sourceFile']) &&
        blank(s['sourceDev'])
      )
        problems.push({
          field: newField('sourceFile'),
          code: 'required',
          ...hardwareCheck('hardware.diskStorage'),
        });
      break;
    case 'network':
      if (s['type'] === 'network') need('sourceNetwork', 'hardware.chooseNetwork');
      if (s['type'] === 'bridge') need('sourceBridge', 'hardware.nameBridge');
      if (s['type'] === 'direct') need('sourceDev', 'hardware.nameMacvtap');
      if (s['type'] === 'hostdev') need('sourcePci', 'hardware.chooseVf');
      if (typeof s['mac'] === 'string') {
        const problem = macProblem(s['mac']);
        if (problem)
          problems.push({
            field: newField('mac'),
            code: 'bad-mac',
            message: checkEnglish(problem),
            check: problem,
          });
      }
      break;
    case 'pci-host':
      need('sourcePci', 'hardware.choosePci');
      break;
    case 'usb-host':
      need('usbVendor', 'hardware.chooseUsb');
      need('usbProduct', 'hardware.chooseUsb');
      break;
    case 'mdev':
      need('mdevUuid', 'hardware.chooseMdev');
      break;
    case 'filesystem':
      need('sourceDir', 'hardware.nameSourceDir');
      need('targetDir', 'hardware.nameMountTag');
      break;
    case 'channel':
      if (s['targetType'] === 'virtio') need('targetName', 'hardware.nameChannel');
      break;
    case 'tpm':
      if (s['backendType'] === 'passthrough') need('devicePath', 'hardware.nameTpm');
      break;
    case 'rng':
      if (s['backendModel'] === 'random') need('backendDevice', 'hardware.nameEntropy');
      break;
    default:
      break;
  }
  return problems;
}

/** Refusals that depend on the VM: SPICE-only devices without SPICE, an Intel IOMMU off q35, a second TPM, balloon, VSOCK or IOMMU. */
export function singleInstanceProblem(doc: XmlDocument, hw: NewHardware): EditProblem | undefined {
  const facts = guestFacts(doc);
  const s = hw.settings;
  if (!facts.spice && (s['type'] === 'spicevmc' || (hw.kind === 'smartcard' && s['type'] === undefined)))
    return {
      field: 'new',
      code: 'needs-spice',
      ...hardwareCheck('hardware.needsSpice'),
    };
  if (hw.kind === 'iommu' && s['model'] === 'intel' && !facts.q35)
    return { field: 'new.model', code: 'needs-q35', ...hardwareCheck('hardware.needsQ35') };
  const element = ELEMENT_OF[hw.kind];
  if (!SINGLE_INSTANCE.has(element)) return undefined;
  const existing = listDevices(doc, element).filter(
    // A balloon switched off (`model='none'`) is replaced by the new one.
    (d) => !(element === 'memballoon' && getAttr(d.element, 'model') === 'none'),
  );
  if (existing.length === 0) return undefined;
  return {
    field: 'new',
    code: 'single-instance',
    ...hardwareCheck('hardware.singleInstance', { element: `<${element}>` }),
  };
}

/**
 * Adds one device; returns its key. Throws EditInputError (field `new.KEY`) for a setting the view
 * cannot take. Check `newDeviceProblems` and `singleInstanceProblem` first.
 */
export function addHardware(doc: XmlDocument, hw: NewHardware, random?: () => number): string {
  const element: KnownDeviceKind = ELEMENT_OF[hw.kind];
  const spec = (DEVICE_FIELDS as Record<string, FieldSpec>)[element]!;
  const settings = patchFor(spec, cleanSettings(hw.settings), 'new');
  if (element === 'memballoon')
    for (const d of listDevices(doc, 'memballoon'))
      if (getAttr(d.element, 'model') === 'none') removeDevice(doc, d.key);
  let key: string;
  try {
    key = addNewDevice(doc, element, settings as never, random);
  } catch (error) {
    throw new EditInputError('new', (error as Error).message);
  }
  if (hw.kind === 'filesystem' && settings['driverType'] === 'virtiofs') shareMemory(doc);
  return key;
}

/** virtiofs needs the guest's memory shared with virtiofsd (memfd, shared): set unless already chosen. */
function shareMemory(doc: XmlDocument): void {
  const root = documentRoot(doc);
  const backing = readFields(root, memoryBackingFields);
  if (backing.access === 'shared') return;
  writeFields(
    root,
    memoryBackingFields,
    { ...(backing.source ? {} : { source: 'memfd' }), access: 'shared' },
    0,
  );
}
