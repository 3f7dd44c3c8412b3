/**
 * IPv4 and IPv6 addresses as numbers, for the checks a network form needs before anything is
 * defined: is it an address at all, which subnet it is in, do two subnets overlap.
 */
export type IpFamily = 'ipv4' | 'ipv6';

export interface ParsedIp {
  family: IpFamily;
  value: bigint;
}

const BITS: Record<IpFamily, number> = { ipv4: 32, ipv6: 128 };

export function familyBits(family: IpFamily): number {
  return BITS[family];
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups = text.split(':');
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return groups.map((g) => parseInt(g, 16));
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-f:]+$/i.test(text) || text.split('::').length > 2) return undefined;
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = parseGroups(head);
  const right = tail === undefined ? [] : parseGroups(tail);
  if (!left || !right) return undefined;
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<number>(tail === undefined ? 0 : missing).fill(0), ...right];
  return groups.reduce((value, g) => (value << 16n) | BigInt(g), 0n);
}

/** An IPv4 dotted quad or an IPv6 address (no zone, no embedded IPv4); undefined otherwise. */
export function parseIp(text: string): ParsedIp | undefined {
  const trimmed = text.trim();
  const v4 = parseIpv4(trimmed);
  if (v4 !== undefined) return { family: 'ipv4', value: v4 };
  const v6 = parseIpv6(trimmed);
  if (v6 !== undefined) return { family: 'ipv6', value: v6 };
  return undefined;
}

/** The first and last address of the subnet `address/prefix`. */
export function subnetBounds(ip: ParsedIp, prefix: number): { first: bigint; last: bigint } {
  const hostBits = BigInt(BITS[ip.family] - prefix);
  const size = 1n << hostBits;
  const first = (ip.value >> hostBits) << hostBits;
  return { first, last: first + size - 1n };
}

export function inSubnet(ip: ParsedIp, subnet: ParsedIp, prefix: number): boolean {
  if (ip.family !== subnet.family) return false;
  const { first, last } = subnetBounds(subnet, prefix);
  return ip.value >= first && ip.value <= last;
}

export function subnetsOverlap(a: ParsedIp, aPrefix: number, b: ParsedIp, bPrefix: number): boolean {
  if (a.family !== b.family) return false;
  const x = subnetBounds(a, aPrefix);
  const y = subnetBounds(b, bPrefix);
  return x.first <= y.last && y.first <= x.last;
}

/** The prefix length a dotted netmask stands for; undefined for a netmask with holes. */
export function netmaskPrefix(netmask: string): number | undefined {
  const mask = parseIpv4(netmask);
  if (mask === undefined) return undefined;
  const bits = mask.toString(2).padStart(32, '0');
  return /^1*0*$/.test(bits) ? (bits.indexOf('0') === -1 ? 32 : bits.indexOf('0')) : undefined;
}

export function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
}
