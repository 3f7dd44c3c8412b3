/**
 * `virsh domstats --raw` → one record per domain:
 *   Domain: 'name'
 *     state.state=1
 *     cpu.time=123
 * The name is everything between the first and the last quote of the header line.
 */
export interface DomstatsRecord {
  name: string;
  fields: Map<string, string>;
}

export function parseDomstats(output: string): DomstatsRecord[] {
  const records: DomstatsRecord[] = [];
  let current: DomstatsRecord | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith("Domain: '") && line.trimEnd().endsWith("'")) {
      const trimmed = line.trimEnd();
      current = { name: trimmed.slice("Domain: '".length, -1), fields: new Map() };
      records.push(current);
      continue;
    }
    const m = /^\s+([A-Za-z0-9_.-]+)=(.*)$/.exec(line);
    if (m && current) current.fields.set(m[1]!, m[2]!);
  }
  return records;
}

export function numberField(fields: Map<string, string>, key: string): number | undefined {
  const raw = fields.get(key);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}
