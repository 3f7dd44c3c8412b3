// The Details page's hardware list: fixed items first, then one per device, as virt-manager orders them.
import type { XmlDocument } from '../../shared/xml/document';
import { listDevices } from '../../shared/xml/views/devices/device-list';
import { readDeviceElement, type KnownDeviceKind } from '../../shared/xml/views/devices/device-views';
import type { DetailsKey } from './details-strings';

export type ItemKind =
  | 'overview'
  | 'os-info'
  | 'performance'
  | 'cpus'
  | 'memory'
  | 'boot'
  // Performance tuning (issue 13)
  | 'cpu-tuning'
  | 'memory-tuning'
  | 'io-tuning'
  | 'features'
  | 'clock-power'
  | 'disk'
  | 'interface'
  | 'graphics'
  | 'video'
  | 'sound'
  | 'input'
  | 'char'
  | 'controller'
  | 'other';

export interface HardwareItem {
  id: string;
  kind: ItemKind;
  label: DetailsKey;
  values?: Record<string, string>;
  /** The device's key (device items). */
  deviceKey?: string;
  deviceKind?: string;
}

const FIXED: HardwareItem[] = [
  { id: 'overview', kind: 'overview', label: 'itemOverview' },
  { id: 'os-info', kind: 'os-info', label: 'itemOsInfo' },
  { id: 'performance', kind: 'performance', label: 'itemPerformance' },
  { id: 'cpus', kind: 'cpus', label: 'itemCpus' },
  { id: 'memory', kind: 'memory', label: 'itemMemory' },
  { id: 'boot', kind: 'boot', label: 'itemBoot' },
  // Performance tuning (issue 13)
  { id: 'cpu-tuning', kind: 'cpu-tuning', label: 'itemCpuTuning' },
  { id: 'memory-tuning', kind: 'memory-tuning', label: 'itemMemoryTuning' },
  { id: 'io-tuning', kind: 'io-tuning', label: 'itemIoTuning' },
  { id: 'features', kind: 'features', label: 'itemFeatures' },
  { id: 'clock-power', kind: 'clock-power', label: 'itemClockPower' },
];

const ORDER: Record<string, number> = {
  disk: 0,
  interface: 1,
  graphics: 2,
  video: 3,
  sound: 4,
  input: 5,
  serial: 6,
  parallel: 6,
  console: 6,
  channel: 6,
  controller: 8,
};

const CHAR_KINDS = new Set(['serial', 'parallel', 'console', 'channel']);

export function hardwareItems(doc: XmlDocument): HardwareItem[] {
  const devices = listDevices(doc)
    .map((ref, i) => ({ ref, i }))
    .sort((a, b) => (ORDER[a.ref.kind] ?? 9) - (ORDER[b.ref.kind] ?? 9) || a.i - b.i)
    .map(({ ref }): HardwareItem => {
      const base = { id: `device:${ref.key}`, deviceKey: ref.key, deviceKind: ref.kind };
      const read = <K extends KnownDeviceKind>(kind: K) => readDeviceElement(kind, ref.element);
      switch (ref.kind) {
        case 'disk': {
          const d = read('disk');
          return {
            ...base,
            kind: 'disk',
            label: 'itemDisk',
            values: {
              device: d.device === 'cdrom' ? 'CD-ROM' : d.device === 'floppy' ? 'Floppy' : 'Disk',
              target: d.targetDev ?? '',
            },
          };
        }
        case 'interface':
          return {
            ...base,
            kind: 'interface',
            label: 'itemNic',
            values: { mac: read('interface').mac ?? '' },
          };
        case 'graphics':
          return {
            ...base,
            kind: 'graphics',
            label: 'itemDisplay',
            values: { type: (read('graphics').type ?? '').toUpperCase() },
          };
        case 'video':
          return {
            ...base,
            kind: 'video',
            label: 'itemVideo',
            values: { model: read('video').modelType ?? '' },
          };
        case 'sound':
          return { ...base, kind: 'sound', label: 'itemSound', values: { model: read('sound').model ?? '' } };
        case 'input': {
          const d = read('input');
          return {
            ...base,
            kind: 'input',
            label: 'itemInput',
            values: { type: `${d.type ?? ''} ${d.bus ?? ''}`.trim() },
          };
        }
        case 'controller': {
          const d = read('controller');
          return {
            ...base,
            kind: 'controller',
            label: 'itemController',
            values: { type: d.type ?? '', index: String(d.index ?? '') },
          };
        }
        default:
          if (CHAR_KINDS.has(ref.kind)) {
            const d = read('serial');
            const port = d.targetName ?? (d.targetPort !== undefined ? String(d.targetPort) : '');
            const kind = ref.kind[0]!.toUpperCase() + ref.kind.slice(1);
            return { ...base, kind: 'char', label: 'itemChar', values: { kind, port } };
          }
          return {
            ...base,
            kind: 'other',
            label: 'itemOther',
            values: { kind: ref.kind, key: ref.key.replace(/^[^:]*:/, '') },
          };
      }
    });
  return [...FIXED, ...devices];
}
