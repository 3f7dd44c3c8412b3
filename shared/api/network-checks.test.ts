import { describe, expect, it } from 'vitest';
import { checkEnglish, type CheckMessage } from '../checks/check-message';
import { networkConflict, networkSpecProblem } from './network-checks';
import type { NetworkSpec } from './network-spec';
import type { NetworkSummary } from './networks';

const isolated = (
  ipv4: Partial<NonNullable<Extract<NetworkSpec, { kind: 'isolated' }>['ipv4']>>,
): NetworkSpec => ({
  kind: 'isolated',
  name: 'n',
  ipv4: { address: '10.0.0.1', prefix: 24, hosts: [], ...ipv4 },
});

const existing: NetworkSummary = {
  uuid: 'u',
  name: 'default',
  active: true,
  autostart: false,
  persistent: true,
  forwardMode: 'nat',
  forwardDevices: [],
  bridge: 'virbr0',
  ips: [{ family: 'ipv4', address: '192.168.122.1', prefix: 24, dhcpRanges: [], hosts: [] }],
};

/** The English text users of an English window read (the key + values are checked below). */
const english = (message: CheckMessage | undefined) => message && checkEnglish(message);

describe('network spec checks', () => {
  it('accepts a sound subnet with DHCP and a static host', () => {
    expect(
      networkSpecProblem(
        isolated({
          dhcp: { start: '10.0.0.100', end: '10.0.0.200' },
          hosts: [{ mac: '52:54:00:00:00:01', ip: '10.0.0.5' }],
        }),
      ),
    ).toBeUndefined();
  });

  it.each([
    [{ address: '10.0.0.256' }, '“10.0.0.256” is not an IPv4 address'],
    [{ address: 'fd00::1' }, '“fd00::1” is not an IPv4 address'],
    [{ prefix: 31 }, 'The IPv4 prefix must be between 8 and 30 (got /31)'],
    [{ address: '10.0.0.0' }, '10.0.0.0/24 is the subnet’s network address'],
    [{ address: '10.0.0.255' }, '10.0.0.255/24 is the subnet’s broadcast address'],
    [
      { dhcp: { start: '10.0.1.2', end: '10.0.0.9' } },
      'The DHCP range start 10.0.1.2 is outside the subnet 10.0.0.1/24',
    ],
    [
      { dhcp: { start: '10.0.0.9', end: '10.0.0.2' } },
      'The DHCP range starts after it ends (10.0.0.9 > 10.0.0.2)',
    ],
    [{ dhcp: { start: '10.0.0.1', end: '10.0.0.9' } }, 'contains the network’s own address 10.0.0.1'],
    [
      { hosts: [{ mac: '52:54:00:00:00:01', ip: '10.9.0.5' }] },
      'The static host address 10.9.0.5 is outside',
    ],
    [{ hosts: [{ ip: '10.0.0.5' }] }, 'The static host 10.0.0.5 needs a MAC address or a name'],
    [{ hosts: [{ mac: '52:54:00', ip: '10.0.0.5' }] }, '“52:54:00” is not a MAC address'],
  ])('refuses %j', (ipv4, message) => {
    expect(english(networkSpecProblem(isolated(ipv4)))).toContain(message);
  });

  it('checks IPv6 the same way', () => {
    const spec: NetworkSpec = {
      kind: 'nat',
      name: 'v6',
      ipv6: { address: 'fd00:1::1', prefix: 64, dhcp: { start: 'fd00:2::10', end: 'fd00:2::20' }, hosts: [] },
    };
    expect(english(networkSpecProblem(spec))).toBe(
      'The DHCP range start fd00:2::10 is outside the subnet fd00:1::1/64',
    );
  });

  it('refuses duplicate names, overlapping subnets and used bridges', () => {
    expect(
      english(networkConflict({ kind: 'sriov', name: 'default', pf: 'eno2' }, [existing], undefined)),
    ).toBe('A network named “default” already exists on this host');
    expect(
      english(networkConflict(isolated({ address: '192.168.0.1', prefix: 16 }), [existing], undefined)),
    ).toBe('192.168.0.1/16 overlaps the network “default” (192.168.122.1/24)');
    expect(
      english(networkConflict({ kind: 'isolated', name: 'x', bridge: 'virbr0' }, [existing], undefined)),
    ).toBe('The bridge virbr0 is already used by another network');
  });

  it('refuses a bridge or interface the host does not have (when its interfaces are known)', () => {
    const interfaces = [{ name: 'eth1', source: 'iface-list' as const }];
    expect(english(networkConflict({ kind: 'bridge', name: 'b', bridge: 'br0' }, [], interfaces))).toBe(
      'The host has no bridge named “br0”',
    );
    expect(
      english(
        networkConflict(
          { kind: 'macvtap', name: 'm', mode: 'vepa', interfaces: ['eth1', 'eno9'] },
          [],
          interfaces,
        ),
      ),
    ).toBe('The host has no interface named “eno9”');
    expect(networkConflict({ kind: 'bridge', name: 'b', bridge: 'br0' }, [], undefined)).toBeUndefined();
  });

  it('says which text and which values, for the UI to translate (issue 15)', () => {
    expect(networkSpecProblem(isolated({ prefix: 31 }))).toEqual({
      key: 'network.prefixRange',
      values: { family: 'IPv4', max: 30, prefix: 31 },
    });
    expect(networkSpecProblem(isolated({ dhcp: { start: '10.0.1.2', end: '10.0.0.9' } }))).toEqual({
      key: 'network.fieldOutside',
      values: { field: { key: 'networkField.dhcpStart' }, text: '10.0.1.2', cidr: '10.0.0.1/24' },
    });
    expect(networkSpecProblem(isolated({ address: '10.0.0.255' }))).toEqual({
      key: 'network.broadcastAddress',
      values: { cidr: '10.0.0.255/24' },
    });
    expect(networkConflict(isolated({ address: '192.168.0.1', prefix: 16 }), [existing], undefined)).toEqual({
      key: 'network.subnetOverlap',
      values: { cidr: '192.168.0.1/16', other: 'default', theirs: '192.168.122.1/24' },
    });
  });
});
