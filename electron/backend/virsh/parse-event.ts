/**
 * One line of `virsh event --all --loop`:
 *   event 'lifecycle' for domain 'vm name': Started Booted
 *   event 'reboot' for domain 'vm'
 * Domain names may contain quotes and colons, so the name ends at the last `'` before the detail.
 */
export interface DomainEventLine {
  event: string;
  domain: string;
  detail: string;
}

export function parseEventLine(line: string): DomainEventLine | undefined {
  const m = /^(?:.*?: )?event '([^']+)' for domain '(.*)$/.exec(line.trimEnd());
  if (!m) return undefined;
  const event = m[1]!;
  const rest = m[2]!;
  const withDetail = rest.lastIndexOf("': ");
  if (withDetail >= 0 && !rest.endsWith("'")) {
    return { event, domain: rest.slice(0, withDetail), detail: rest.slice(withDetail + 3) };
  }
  if (rest.endsWith("'")) return { event, domain: rest.slice(0, -1), detail: '' };
  if (withDetail >= 0)
    return { event, domain: rest.slice(0, withDetail), detail: rest.slice(withDetail + 3) };
  return undefined;
}
