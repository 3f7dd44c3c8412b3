/**
 * Parsers for the virsh tables the volumes list reads. virsh pads its columns by display width,
 * which is not character width for non-ASCII names, so columns are found by content instead.
 */

/**
 * `virsh vol-list POOL` → `{ name, path }` rows. A volume name cannot contain "/" and a local path
 * starts with it, so the path begins at the first "/"; the name is the text before it (the volume's
 * XML, read next, has the exact name). Rows without an absolute path keep the name only.
 */
export function parseVolList(output: string): Array<{ name: string; path: string }> {
  const rows: Array<{ name: string; path: string }> = [];
  const lines = output.split('\n');
  const start = lines.findIndex((l) => /^-{5,}$/.test(l.trim()));
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') continue;
    const body = line.startsWith(' ') ? line.slice(1) : line;
    const slash = body.indexOf('/');
    if (slash === -1) rows.push({ name: body.trim(), path: '' });
    else rows.push({ name: body.slice(0, slash).trimEnd(), path: body.slice(slash).trimEnd() });
  }
  return rows;
}

const UNITS: Record<string, number> = {
  B: 1,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
  PiB: 2 ** 50,
  EiB: 2 ** 60,
};
const DETAILS_TAIL =
  /\s+(\S+)\s+(?:(\d+(?:\.\d+)?) (B|KiB|MiB|GiB|TiB|PiB|EiB)|unknown)\s+(?:(\d+(?:\.\d+)?) (B|KiB|MiB|GiB|TiB|PiB|EiB)|unknown)\s*$/;

export interface VolListDetailsRow {
  name: string;
  path: string;
  type?: string;
  /** Bytes as virsh prints them ("1.50 GiB": three significant figures), absent when "unknown". */
  capacity?: number;
  allocation?: number;
}

/**
 * `virsh vol-list POOL --details` → rows with type and approximate sizes. The last columns (type,
 * capacity, allocation: virsh's own words) are read from the end of the line; the rest is name and
 * path as in `parseVolList`. A row whose tail does not match keeps its name and path only.
 */
export function parseVolListDetails(output: string): VolListDetailsRow[] {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => /^-{5,}$/.test(l.trim()));
  const rows: VolListDetailsRow[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') continue;
    const tail = DETAILS_TAIL.exec(line);
    const head = tail ? line.slice(0, tail.index) : line;
    const [row] = parseVolList(`-----\n${head}`);
    if (!row) continue;
    if (!tail) {
      rows.push(row);
      continue;
    }
    const bytes = (value?: string, unit?: string) =>
      value !== undefined && unit !== undefined ? Math.round(Number(value) * UNITS[unit]!) : undefined;
    const capacity = bytes(tail[2], tail[3]);
    const allocation = bytes(tail[4], tail[5]);
    rows.push({
      ...row,
      type: tail[1]!,
      ...(capacity !== undefined ? { capacity } : {}),
      ...(allocation !== undefined ? { allocation } : {}),
    });
  }
  return rows;
}
