// The Boot options pane's order: what the list shows and the changes it makes. A VM with disks or
// NICs gets virt-manager's list of devices, written as per-device `<boot order='N'>` (a `<boot dev>`
// list the VM had is read into that order and removed on Apply: libvirt refuses the two mixed). A VM
// without such devices keeps the `<boot dev>` list.
import type { EditChange } from '../../shared/api/domain-edit';
import type { XmlDocument } from '../../shared/xml/document';
import { listDevices } from '../../shared/xml/views/devices/device-list';
import { readDeviceElement } from '../../shared/xml/views/devices/device-views';
import { readOs, type BootDevice } from '../../shared/xml/views/domain-os';
import { hardwareItems } from './hardware-items';
import type { DetailsKey } from './details-strings';

export interface BootEntry {
  /** `dev:hd` for `<boot dev>` entries, the device key for per-device boot order. */
  id: string;
  /** The entry's label: a hardware item's (a device) or a boot device's string. */
  label: DetailsKey;
  values?: Record<string, string>;
  enabled: boolean;
}

export interface BootList {
  perDevice: boolean;
  entries: BootEntry[];
}

export const DEV_LABELS: Record<BootDevice, DetailsKey> = {
  hd: 'bootDevHd',
  cdrom: 'bootDevCdrom',
  network: 'bootDevNetwork',
  fd: 'bootDevFd',
};

/** Which `<boot dev>` a device answers to. */
function devOf(kind: string, device: string | undefined): BootDevice | undefined {
  if (kind === 'interface') return 'network';
  if (device === 'cdrom') return 'cdrom';
  if (device === 'floppy') return 'fd';
  return kind === 'disk' ? 'hd' : undefined;
}

export function readBootList(doc: XmlDocument): BootList {
  const items = new Map(hardwareItems(doc).map((i) => [i.deviceKey, i]));
  const devices = listDevices(doc)
    .filter((d) => d.kind === 'disk' || d.kind === 'interface')
    .map((d) => {
      const settings =
        d.kind === 'disk' ? readDeviceElement('disk', d.element) : readDeviceElement('interface', d.element);
      const device = 'device' in settings ? settings.device : undefined;
      return { key: d.key, order: settings.bootOrder, dev: devOf(d.kind, device) };
    });
  const os = readOs(doc);
  const listed = (os.boot ?? []).map((b) => b.dev).filter((d): d is BootDevice => d !== undefined);
  if (devices.length > 0) {
    const anyOrder = devices.some((d) => d.order !== undefined);
    // Without per-device order, the `<boot dev>` list ranks the devices (each kind in device order).
    const rank = (d: (typeof devices)[number]) =>
      anyOrder ? (d.order ?? Infinity) : d.dev && listed.includes(d.dev) ? listed.indexOf(d.dev) : Infinity;
    const sorted = devices.map((d, i) => ({ d, i, r: rank(d) })).sort((a, b) => a.r - b.r || a.i - b.i);
    return {
      perDevice: true,
      entries: sorted.map(({ d, r }) => {
        const item = items.get(d.key);
        return {
          id: d.key,
          label: item?.label ?? 'itemOther',
          ...(item?.values ? { values: item.values } : { values: { kind: '', key: d.key } }),
          enabled: r !== Infinity,
        };
      }),
    };
  }
  const all: BootDevice[] = [
    ...listed,
    ...(['hd', 'cdrom', 'network', 'fd'] as const).filter((d) => !listed.includes(d)),
  ];
  return {
    perDevice: false,
    entries: all.map((d) => ({ id: `dev:${d}`, label: DEV_LABELS[d], enabled: listed.includes(d) })),
  };
}

/** The changes that give the VM `entries`' order (enabled entries boot, in list order). */
export function bootOrderChanges(doc: XmlDocument, list: BootList): EditChange[] {
  if (!list.perDevice)
    return [
      {
        target: 'domain',
        view: 'os',
        patch: { boot: list.entries.filter((e) => e.enabled).map((e) => ({ dev: e.id.slice(4) })) },
      },
    ];
  const kinds = new Map(listDevices(doc).map((d) => [d.key, d.kind]));
  let next = 1;
  const changes: EditChange[] = list.entries.map((e) => ({
    target: 'device',
    kind: kinds.get(e.id) === 'disk' ? 'disk' : 'interface',
    key: e.id,
    patch: { bootOrder: e.enabled ? next++ : null },
  }));
  if ((readOs(doc).boot ?? []).length > 0)
    changes.push({ target: 'domain', view: 'os', patch: { boot: [] } });
  return changes;
}

/** `entries` with the entry at `from` moved to `to`. */
export function moveEntry<T>(entries: readonly T[], from: number, to: number): T[] {
  const next = [...entries];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [entry] = next.splice(from, 1);
  next.splice(to, 0, entry!);
  return next;
}
