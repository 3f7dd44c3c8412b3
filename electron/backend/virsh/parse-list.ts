/** `virsh list --all --uuid --name` → one `{ uuid, name }` per line ("<uuid> <name>"). */
export function parseUuidNameList(output: string): Array<{ uuid: string; name: string }> {
  const rows: Array<{ uuid: string; name: string }> = [];
  for (const line of output.split('\n')) {
    const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}) (.*)$/i.exec(line);
    if (m) rows.push({ uuid: m[1]!.toLowerCase(), name: m[2]! });
  }
  return rows;
}

/** `virsh list … --uuid` → the set of UUIDs printed, one per line. */
export function parseUuidSet(output: string): Set<string> {
  const set = new Set<string>();
  for (const line of output.split('\n')) {
    const value = line.trim().toLowerCase();
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) set.add(value);
  }
  return set;
}

/** `virsh dominfo` → its "Key: value" fields. */
export function parseKeyValues(output: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of output.split('\n')) {
    const at = line.indexOf(':');
    if (at <= 0) continue;
    fields.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return fields;
}
