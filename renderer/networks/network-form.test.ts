import { describe, expect, it } from 'vitest';
import { checkForm, formToSpec, newNetworkForm, parseStaticHosts, withIpv4 } from './network-form';

describe('the Create Network form', () => {
  it("turns virt-manager's defaults into a NAT spec with DHCP", () => {
    expect(formToSpec(newNetworkForm())).toEqual({
      spec: {
        kind: 'nat',
        name: 'network',
        ipv4: {
          address: '192.168.100.1',
          prefix: 24,
          dhcp: { start: '192.168.100.128', end: '192.168.100.254' },
          hosts: [],
        },
      },
    });
  });

  it('splits static hosts by family and reads MAC, name and address in any order', () => {
    expect(parseStaticHosts('52:54:00:00:00:01 db 192.168.100.10\n  web,fd00::10 \n')).toEqual([
      { mac: '52:54:00:00:00:01', name: 'db', ip: '192.168.100.10' },
      { name: 'web', ip: 'fd00::10' },
    ]);
    const result = formToSpec({
      ...newNetworkForm(),
      kind: 'isolated',
      ipv6: 'fd00::1/64',
      staticHosts: '52:54:00:00:00:01 192.168.100.10\nweb fd00::10',
    });
    expect(result).toMatchObject({
      spec: {
        ipv4: { hosts: [{ ip: '192.168.100.10' }] },
        ipv6: { address: 'fd00::1', prefix: 64, hosts: [{ name: 'web' }] },
      },
    });
  });

  it('says what is wrong before anything is sent: a key + values the dialog translates', () => {
    expect(formToSpec({ ...newNetworkForm(), name: ' ' })).toEqual({
      problem: { key: 'network.nameNeeded' },
    });
    expect(formToSpec({ ...newNetworkForm(), name: 'a/b' })).toEqual({
      problem: { key: 'network.nameSlash' },
    });
    expect(formToSpec({ ...newNetworkForm(), ipv4: '10.0.0.1' })).toEqual({
      problem: { key: 'network.needsPrefix', values: { text: '10.0.0.1' } },
    });
    expect(formToSpec({ ...newNetworkForm(), dhcp4Start: '10.0.0.5' })).toEqual({
      problem: {
        key: 'network.fieldOutside',
        values: { field: { key: 'networkField.dhcpStart' }, text: '10.0.0.5', cidr: '192.168.100.1/24' },
      },
    });
    expect(formToSpec({ ...newNetworkForm(), kind: 'macvtap' })).toEqual({
      problem: { key: 'network.chooseInterface' },
    });
    expect(formToSpec({ ...newNetworkForm(), kind: 'bridge' })).toEqual({
      problem: { key: 'network.chooseBridge' },
    });
    expect(formToSpec({ ...newNetworkForm(), kind: 'sriov' })).toEqual({
      problem: { key: 'network.choosePf' },
    });
    expect(formToSpec({ ...newNetworkForm(), staticHosts: 'db' })).toEqual({
      problem: { key: 'network.hostNeedsAddress' },
    });
    expect(
      checkForm(
        { ...newNetworkForm(), kind: 'sriov', devices: 'eno2' },
        [],
        [{ name: 'eno1', source: 'nodedev' }],
      ),
    ).toEqual({
      problem: { key: 'network.noInterface', values: { name: 'eno2' } },
    });
  });

  it('builds macvtap and SR-IOV specs from the chosen devices', () => {
    expect(formToSpec({ ...newNetworkForm(), kind: 'macvtap', mode: 'vepa', devices: 'eno1, eno3' })).toEqual(
      {
        spec: { kind: 'macvtap', name: 'network', mode: 'vepa', interfaces: ['eno1', 'eno3'] },
      },
    );
    expect(
      formToSpec({ ...newNetworkForm(), kind: 'sriov', name: 'eno2_sriov_pool', devices: 'eno2' }),
    ).toEqual({
      spec: { kind: 'sriov', name: 'eno2_sriov_pool', pf: 'eno2' },
    });
  });

  it('moves the suggested DHCP range with the subnet, but never a range the user typed', () => {
    const moved = withIpv4(newNetworkForm(), '10.99.0.1/24');
    expect([moved.dhcp4Start, moved.dhcp4End]).toEqual(['10.99.0.128', '10.99.0.254']);
    expect(withIpv4(moved, '10.98.0.1/16')).toMatchObject({
      dhcp4Start: '10.98.128.0',
      dhcp4End: '10.98.255.254',
    });
    // Typed one keystroke at a time: the range follows once the subnet is whole again.
    expect(withIpv4(withIpv4(moved, '10.9'), '10.97.0.1/24')).toMatchObject({ dhcp4Start: '10.97.0.128' });
    const typed = { ...moved, dhcp4Start: '10.99.0.10', dhcp4End: '10.99.0.20', dhcp4Auto: false };
    expect(withIpv4(typed, '10.97.0.1/24')).toMatchObject({ ipv4: '10.97.0.1/24', dhcp4Start: '10.99.0.10' });
  });
});
