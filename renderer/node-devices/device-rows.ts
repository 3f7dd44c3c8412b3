import type { NodeDevice, NodeDeviceView } from '../../shared/api/node-devices';

/** The order kinds are shown in: what people pass through first. */
const KIND_ORDER = [
  'pci',
  'usb_device',
  'net',
  'storage',
  'mdev',
  'scsi',
  'scsi_host',
  'scsi_target',
  'scsi_generic',
];

const rank = (kind: string) => {
  const i = KIND_ORDER.indexOf(kind);
  return i === -1 ? KIND_ORDER.length : i;
};

export function compareKinds(a: string, b: string): number {
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** Where the device sits: PCI address, USB bus.device, interface, block device, SCSI h:b:t:l, mdev UUID. */
export function deviceAddress(device: NodeDevice): string | undefined {
  if (device.pci) return device.pci.address;
  if (device.usb) return `${device.usb.bus}.${device.usb.device}`;
  if (device.net) return device.net.interface;
  if (device.storage?.block) return device.storage.block;
  if (device.scsi) return `${device.scsi.host}:${device.scsi.bus}:${device.scsi.target}:${device.scsi.lun}`;
  return device.mdev?.uuid;
}

/** What the device is, in words: product and vendor names (ids where the host has no names), etc. */
export function deviceDescription(device: NodeDevice): string | undefined {
  const product = device.product?.name ?? device.product?.id;
  const vendor = device.vendor?.name ?? device.vendor?.id;
  const named = [product, vendor].filter(Boolean).join(' — ');
  if (named && device.kind !== 'storage') return named;
  if (device.net) return device.net.mac;
  if (device.storage) return device.storage.model ?? named;
  if (device.mdev) return device.mdev.type;
  return named || undefined;
}

/** The devices of one kind (or every kind) whose name, description, address or driver contains `text`. */
export function filterDevices<T extends NodeDevice>(devices: readonly T[], kind: string, text: string): T[] {
  const needle = text.trim().toLowerCase();
  return devices.filter(
    (d) =>
      (kind === 'all' || d.kind === kind) &&
      (needle === '' ||
        [d.name, deviceDescription(d), deviceAddress(d), d.driver].some((v) =>
          v?.toLowerCase().includes(needle),
        )),
  );
}

/** Devices in sections by kind (known kinds first), each sorted by address, then name. */
export function groupByKind(
  devices: readonly NodeDeviceView[],
): { kind: string; devices: NodeDeviceView[] }[] {
  const byKind = new Map<string, NodeDeviceView[]>();
  for (const device of devices) byKind.set(device.kind, [...(byKind.get(device.kind) ?? []), device]);
  return [...byKind.entries()]
    .sort(([a], [b]) => compareKinds(a, b))
    .map(([kind, list]) => ({
      kind,
      devices: list.sort(
        (a, b) =>
          (deviceAddress(a) ?? '').localeCompare(deviceAddress(b) ?? '') || a.name.localeCompare(b.name),
      ),
    }));
}

/** Every kind present with its count, in display order. */
export function kindCounts(devices: readonly NodeDevice[]): { kind: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const d of devices) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => compareKinds(a, b))
    .map(([kind, count]) => ({ kind, count }));
}
