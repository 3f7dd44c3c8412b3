import { describe, expect, it } from 'vitest';
import { inSubnet, netmaskPrefix, parseIp, subnetsOverlap } from './ip-address';

describe('IP addresses', () => {
  it('parses IPv4 and IPv6 (with ::) and refuses the rest', () => {
    expect(parseIp('192.168.1.1')).toEqual({ family: 'ipv4', value: 0xc0a80101n });
    expect(parseIp('::1')).toEqual({ family: 'ipv6', value: 1n });
    expect(parseIp('fd00::')?.value).toBe(0xfd00n << 112n);
    for (const bad of ['1.2.3', '1.2.3.04', '256.1.1.1', '1::2::3', 'fd00:1:2:3:4:5:6:7:8', 'g::1', ''])
      expect(parseIp(bad)).toBeUndefined();
  });

  it('knows subnets and overlaps', () => {
    const net = parseIp('10.0.0.1')!;
    expect(inSubnet(parseIp('10.0.0.255')!, net, 24)).toBe(true);
    expect(inSubnet(parseIp('10.0.1.0')!, net, 24)).toBe(false);
    expect(subnetsOverlap(net, 24, parseIp('10.0.0.129')!, 25)).toBe(true);
    expect(subnetsOverlap(net, 24, parseIp('10.0.1.1')!, 24)).toBe(false);
    expect(subnetsOverlap(net, 8, parseIp('fd00::1')!, 8)).toBe(false);
  });

  it('turns netmasks into prefixes', () => {
    expect(netmaskPrefix('255.255.255.0')).toBe(24);
    expect(netmaskPrefix('255.255.255.255')).toBe(32);
    expect(netmaskPrefix('255.0.255.0')).toBeUndefined();
  });
});
