import type { OsDetails, OsEntry } from '../../../shared/api/wizard';
import { documentRoot, type XmlElement } from '../../../shared/xml/document';
import { findChild, findChildren, getAttr, getText } from '../../../shared/xml/node-ops';
import { parseXml } from '../../../shared/xml/parse';

/** The fields `osinfo-query os` is asked for, in this order. */
export const OSINFO_QUERY_FIELDS = [
  'short-id',
  'name',
  'version',
  'family',
  'vendor',
  'release-date',
  'eol-date',
  'id',
] as const;

/**
 * `LC_ALL=C osinfo-query os --fields=…`: a `|`-separated fixed-width table with a header and a
 * dashes line. `today` (YYYY-MM-DD) decides which entries are past their end of life.
 */
export function parseOsinfoQuery(output: string, today: string): OsEntry[] {
  const entries: OsEntry[] = [];
  for (const line of output.split('\n')) {
    if (!line.includes('|') || /^-+\+/.test(line)) continue;
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < OSINFO_QUERY_FIELDS.length || cells[0] === 'Short ID') continue;
    const [shortId, name, version, family, vendor, releaseDate, eolDate, id] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!id || !shortId) continue;
    const entry: OsEntry = { id, shortId, name: name || shortId, eol: eolDate !== '' && eolDate <= today };
    if (version) entry.version = version;
    if (family) entry.family = family;
    if (vendor) entry.vendor = vendor;
    if (releaseDate) entry.releaseDate = releaseDate;
    if (eolDate) entry.eolDate = eolDate;
    entries.push(entry);
  }
  return entries;
}

/**
 * `osinfo-detect PATH` prints prose: "Media is bootable." and, when it recognises the media,
 * "Media is an installer for OS 'NAME (ID)'" (or "a live image"). Returns the OS id if any.
 */
export function parseOsinfoDetect(output: string): { bootable: boolean; osId?: string; osName?: string } {
  const bootable = /Media is bootable/i.test(output);
  const m = /for OS '(.*) \(([^()]+)\)'/.exec(output);
  return m ? { bootable, osName: m[1]!, osId: m[2]! } : { bootable };
}

const DEVICE = {
  virtioDisk: ['http://pcisig.com/pci/1af4/1001', 'http://pcisig.com/pci/1af4/1042'],
  virtioNet: ['http://pcisig.com/pci/1af4/1000', 'http://pcisig.com/pci/1af4/1041'],
  virtio1Net: ['http://pcisig.com/pci/1af4/1041'],
  virtioRng: ['http://pcisig.com/pci/1af4/1005', 'http://pcisig.com/pci/1af4/1044'],
  usb3: ['http://pcisig.com/pci/1b36/0004'],
  q35: ['http://qemu.org/chipset/x86/q35'],
};

/** One `<os>` of the db, split out of the host script's output (`=== FILE` then the file). */
export function splitOsinfoChain(output: string): Array<{ file: string; os: XmlElement }> {
  const out: Array<{ file: string; os: XmlElement }> = [];
  for (const part of output.split(/^=== /m).slice(1)) {
    const nl = part.indexOf('\n');
    const file = part.slice(0, nl).trim();
    const xml = part.slice(nl + 1);
    const root = documentRoot(parseXml(xml, `osinfo-db file ${file}`));
    const os = findChild(root, 'os');
    if (os) out.push({ file, os });
  }
  return out;
}

function firstText(el: XmlElement, name: string): string | undefined {
  const e = findChildren(el, name).find((x) => getAttr(x, 'xml:lang') === undefined);
  return e ? getText(e).trim() : undefined;
}

type ResourceKind = 'minimum' | 'recommended';

/**
 * What libosinfo would answer for an OS, from its chain of db entries (the OS first, then what it
 * derives from or clones): devices — the nearest entry that names a device decides, `supported="false"`
 * removes it; resources — per value, the nearest entry for the arch or "all"; firmware — the OS's own
 * `<firmware>` entries (nearest wins).
 */
export function osDetailsFromChain(chain: Array<{ file: string; os: XmlElement }>, arch: string): OsDetails {
  const first = chain[0];
  if (!first) throw new Error('empty osinfo chain');
  const devices = new Map<string, boolean>();
  for (const { os } of chain) {
    for (const list of findChildren(os, 'devices'))
      for (const d of findChildren(list, 'device')) {
        const id = getAttr(d, 'id');
        if (id && !devices.has(id)) devices.set(id, getAttr(d, 'supported') !== 'false');
      }
  }
  const has = (ids: readonly string[]) => ids.some((id) => devices.get(id) === true);
  const resource = (kind: ResourceKind, name: string): number | undefined => {
    for (const { os } of chain) {
      for (const r of findChildren(os, 'resources')) {
        const a = getAttr(r, 'arch') ?? 'all';
        if (a !== arch && a !== 'all') continue;
        const k = findChild(r, kind);
        const v = k && findChild(k, name);
        if (v) {
          const n = Number(getText(v).trim());
          if (Number.isFinite(n) && n > 0) return n;
        }
      }
    }
    return undefined;
  };
  const resources = (kind: ResourceKind) => {
    const ram = resource(kind, 'ram');
    const cpus = resource(kind, 'n-cpus');
    const storage = resource(kind, 'storage');
    return {
      ...(ram !== undefined ? { ramBytes: ram } : {}),
      ...(cpus !== undefined ? { cpus } : {}),
      ...(storage !== undefined ? { storageBytes: storage } : {}),
    };
  };
  const firmware = (type: string, fallback: boolean): boolean => {
    for (const { os } of chain)
      for (const f of findChildren(os, 'firmware')) {
        if (getAttr(f, 'type') !== type) continue;
        const a = getAttr(f, 'arch');
        if (a && a !== arch) continue;
        return getAttr(f, 'supported') !== 'false';
      }
    return fallback;
  };
  const family = firstText(first.os, 'family');
  const shortId = firstText(first.os, 'short-id');
  const virtioNet = has(DEVICE.virtioNet);
  return {
    id: getAttr(first.os, 'id') ?? '',
    ...(shortId ? { shortId } : {}),
    name: firstText(first.os, 'name') ?? shortId ?? '',
    ...(family ? { family } : {}),
    minimum: resources('minimum'),
    recommended: resources('recommended'),
    efiRequired: firmware('efi', false) && !firmware('bios', true),
    windows: family === 'winnt' || family === 'win9x' || family === 'win16',
    virtioDisk: has(DEVICE.virtioDisk),
    virtioNet,
    virtioRng: has(DEVICE.virtioRng),
    usb3: has(DEVICE.usb3),
    // virt-install: q35 needs the q35 chipset entry, and virtio 1.0 where virtio-net is known.
    q35: has(DEVICE.q35) && (!virtioNet || has(DEVICE.virtio1Net)),
    sources: chain.map((c) => c.file),
  };
}
