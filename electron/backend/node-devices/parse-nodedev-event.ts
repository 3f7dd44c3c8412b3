/**
 * One line of `virsh nodedev-event --loop`, as tools/virsh-nodedev.c prints it:
 * `event 'lifecycle' for node device NAME: Created|Deleted|Defined|Undefined` or
 * `event 'update' for node device NAME`.
 */
export function parseNodedevEventLine(
  line: string,
): { type: 'lifecycle' | 'update'; device: string; detail?: string } | undefined {
  const match = /^event '(lifecycle|update)' for node device ([^\s:]+)(?:: (\S+))?\s*$/.exec(line.trim());
  if (!match) return undefined;
  const [, type, device, detail] = match;
  return { type: type as 'lifecycle' | 'update', device: device!, ...(detail ? { detail } : {}) };
}
