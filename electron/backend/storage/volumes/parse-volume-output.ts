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

/** `virsh domblklist DOMAIN --details` → the sources of its disks (file paths, volume names, …). */
export function parseDomBlkSources(output: string): string[] {
  const sources: string[] = [];
  const lines = output.split('\n');
  const start = lines.findIndex((l) => /^-{5,}$/.test(l.trim()));
  for (const line of lines.slice(start + 1)) {
    const m = /^\s*\S+\s+\S+\s+\S+\s+(.*)$/.exec(line);
    const source = m?.[1]?.trimEnd();
    if (source && source !== '-') sources.push(source);
  }
  return sources;
}
