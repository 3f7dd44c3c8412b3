import { readFileSync } from 'node:fs';

/** Every CPU's busy and idle time so far (ms), from /proc/stat (Linux; figures, never assertions). */
export function machineCpu(): [busy: number, idle: number] {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const tick = 10; // USER_HZ 100
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const busy = fields.slice(0, 8).reduce((a, b) => a + b, 0) - idle;
  return [busy * tick, idle * tick];
}

/** The middle value (NaN for none). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
