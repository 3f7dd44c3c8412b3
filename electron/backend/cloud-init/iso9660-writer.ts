// A minimal ISO 9660 (ECMA-119) image writer: one root directory of a few small files, no Joliet, no
// Rock Ridge. Enough for a NoCloud seed when the host has no ISO tool: Linux's isofs maps plain ISO
// 9660 names to lower case and drops the `.;1` ending (its default `map=normal`), so the file stored
// as `USER-DATA.;1` reads as `user-data` in the guest. Layout (2048-byte sectors):
//   0-15 system area (zeros) · 16 primary volume descriptor · 17 terminator · 18 L path table ·
//   19 M path table · 20… root directory · then each file's data, sector-aligned · 150 zero sectors.

export interface IsoFile {
  /** Letters, digits, `_` and `-`, with at most one dot; at most 30 characters. */
  name: string;
  data: Buffer;
}

const SECTOR = 2048;
const PVD_SECTOR = 16;
const L_PATH_SECTOR = 18;
const M_PATH_SECTOR = 19;
const ROOT_SECTOR = 20;
const PATH_TABLE_SIZE = 10;
/** Zero sectors at the end, as mkisofs' `-pad` adds (300 KiB against read-ahead errors of CD drives). */
const PAD_SECTORS = 150;

const sectorsFor = (bytes: number) => Math.max(1, Math.ceil(bytes / SECTOR));

/** The ISO 9660 identifier of a file name: upper case, with a dot and version `;1`. */
export function isoIdentifier(name: string): string {
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*)?$/.test(name) || name.length > 30)
    throw new Error(`"${name}" cannot be an ISO 9660 file name here`);
  return `${name.toUpperCase()}${name.includes('.') ? '' : '.'};1`;
}

function both16(buf: Buffer, at: number, value: number): void {
  buf.writeUInt16LE(value, at);
  buf.writeUInt16BE(value, at + 2);
}
function both32(buf: Buffer, at: number, value: number): void {
  buf.writeUInt32LE(value, at);
  buf.writeUInt32BE(value, at + 4);
}
/** Text padded with spaces to `length` (a-/d-characters are ASCII). */
function text(buf: Buffer, at: number, length: number, value: string): void {
  buf.write(value.padEnd(length, ' ').slice(0, length), at, length, 'ascii');
}

/** The 7-byte date of a directory record (UTC). */
function recordDate(date: Date): Buffer {
  return Buffer.from([
    date.getUTCFullYear() - 1900,
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    0,
  ]);
}

/** The 17-byte date of a volume descriptor ("YYYYMMDDHHMMSScc" + GMT offset), UTC. */
function descriptorDate(date: Date | undefined): Buffer {
  if (!date) return Buffer.concat([Buffer.from('0000000000000000', 'ascii'), Buffer.from([0])]);
  const digits = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + '00';
  return Buffer.concat([Buffer.from(digits, 'ascii'), Buffer.from([0])]);
}

function directoryRecord(
  identifier: Buffer,
  extent: number,
  size: number,
  isDirectory: boolean,
  date: Date,
): Buffer {
  const length = 33 + identifier.length + (identifier.length % 2 === 0 ? 1 : 0);
  const rec = Buffer.alloc(length);
  rec[0] = length;
  both32(rec, 2, extent);
  both32(rec, 10, size);
  recordDate(date).copy(rec, 18);
  rec[25] = isDirectory ? 2 : 0;
  both16(rec, 28, 1);
  rec[32] = identifier.length;
  identifier.copy(rec, 33);
  return rec;
}

/** Builds the image. `volumeId` is the label (`cidata`); `date` makes the output reproducible. */
export function writeIso9660(volumeId: string, files: readonly IsoFile[], date = new Date()): Buffer {
  if (!/^[A-Za-z0-9_]{1,32}$/.test(volumeId)) throw new Error(`"${volumeId}" cannot be a volume label`);
  const sorted = files
    .map((f) => ({ ...f, id: isoIdentifier(f.name) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (new Set(sorted.map((f) => f.id)).size !== sorted.length) throw new Error('Two files share a name');

  // The root directory's records; a record never crosses a sector boundary.
  const rootRecords = (rootExtent: number, rootSize: number, extents: number[]) => [
    directoryRecord(Buffer.from([0]), rootExtent, rootSize, true, date),
    directoryRecord(Buffer.from([1]), rootExtent, rootSize, true, date),
    ...sorted.map((f, i) =>
      directoryRecord(Buffer.from(f.id, 'ascii'), extents[i]!, f.data.length, false, date),
    ),
  ];
  const layoutRecords = (records: Buffer[]) => {
    const placed: Array<{ at: number; rec: Buffer }> = [];
    let at = 0;
    for (const rec of records) {
      if ((at % SECTOR) + rec.length > SECTOR) at = Math.ceil(at / SECTOR) * SECTOR;
      placed.push({ at, rec });
      at += rec.length;
    }
    return { placed, sectors: sectorsFor(at) };
  };
  const rootSectors = layoutRecords(
    rootRecords(
      0,
      0,
      sorted.map(() => 0),
    ),
  ).sectors;
  const extents: number[] = [];
  let next = ROOT_SECTOR + rootSectors;
  for (const f of sorted) {
    extents.push(next);
    next += sectorsFor(f.data.length);
  }
  const total = next + PAD_SECTORS;
  const image = Buffer.alloc(total * SECTOR);
  const rootSize = rootSectors * SECTOR;

  const pvd = image.subarray(PVD_SECTOR * SECTOR, (PVD_SECTOR + 1) * SECTOR);
  pvd[0] = 1;
  pvd.write('CD001', 1, 'ascii');
  pvd[6] = 1;
  text(pvd, 8, 32, 'LINUX');
  text(pvd, 40, 32, volumeId);
  both32(pvd, 80, total);
  both16(pvd, 120, 1);
  both16(pvd, 124, 1);
  both16(pvd, 128, SECTOR);
  both32(pvd, 132, PATH_TABLE_SIZE);
  pvd.writeUInt32LE(L_PATH_SECTOR, 140);
  pvd.writeUInt32BE(M_PATH_SECTOR, 148);
  directoryRecord(Buffer.from([0]), ROOT_SECTOR, rootSize, true, date).copy(pvd, 156);
  text(pvd, 190, 128, '');
  text(pvd, 318, 128, '');
  text(pvd, 446, 128, '');
  text(pvd, 574, 128, 'VIRTDESK');
  text(pvd, 702, 37 * 3, '');
  descriptorDate(date).copy(pvd, 813);
  descriptorDate(date).copy(pvd, 830);
  descriptorDate(undefined).copy(pvd, 847);
  descriptorDate(undefined).copy(pvd, 864);
  pvd[881] = 1;

  const terminator = image.subarray(17 * SECTOR);
  terminator[0] = 255;
  terminator.write('CD001', 1, 'ascii');
  terminator[6] = 1;

  const pathEntry = (at: number, bigEndian: boolean) => {
    image[at] = 1; // identifier length (the root's is one zero byte)
    if (bigEndian) image.writeUInt32BE(ROOT_SECTOR, at + 2);
    else image.writeUInt32LE(ROOT_SECTOR, at + 2);
    if (bigEndian) image.writeUInt16BE(1, at + 6);
    else image.writeUInt16LE(1, at + 6);
  };
  pathEntry(L_PATH_SECTOR * SECTOR, false);
  pathEntry(M_PATH_SECTOR * SECTOR, true);

  for (const { at, rec } of layoutRecords(rootRecords(ROOT_SECTOR, rootSize, extents)).placed)
    rec.copy(image, ROOT_SECTOR * SECTOR + at);
  sorted.forEach((f, i) => f.data.copy(image, extents[i]! * SECTOR));
  return image;
}
