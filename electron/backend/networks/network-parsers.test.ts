import { describe, expect, it } from 'vitest';
import { parseNetEventLine } from './parse-net-event';
import { parseIfaceList, parseLeases, parseNetNodedev } from './network-queries';
import { summarizeNetworkXml } from './network-xml-summary';

describe('network output parsers', () => {
  it("reads net-event lifecycle lines (names with colons and spaces) and ignores virsh's noise", () => {
    expect(parseNetEventLine("event 'lifecycle' for network lab: net 2: Started")).toEqual({
      network: 'lab: net 2',
      detail: 'Started',
    });
    expect(parseNetEventLine("event 'lifecycle' for network default: Undefined\r")).toEqual({
      network: 'default',
      detail: 'Undefined',
    });
    expect(parseNetEventLine('events received: 0')).toBeUndefined();
  });

  it('reads net-dhcp-leases rows as libvirt prints them', () => {
    const output = [
      ' Expiry Time           MAC address         Protocol   IP address           Hostname   Client ID or DUID',
      '-----------------------------------------------------------------------------------------------------------',
      ' 2026-11-30 10:00:01   52:54:00:aa:bb:cc   ipv4       192.168.122.50/24    guest1     01:52:54:00:aa:bb:cc',
      ' 2026-11-30 10:05:00   52:54:00:aa:bb:cd   ipv4       192.168.122.51/24    -          -',
    ].join('\n');
    expect(parseLeases(output)).toEqual([
      {
        expiry: '2026-11-30 10:00:01',
        mac: '52:54:00:aa:bb:cc',
        protocol: 'ipv4',
        address: '192.168.122.50/24',
        hostname: 'guest1',
        clientId: '01:52:54:00:aa:bb:cc',
      },
      {
        expiry: '2026-11-30 10:05:00',
        mac: '52:54:00:aa:bb:cd',
        protocol: 'ipv4',
        address: '192.168.122.51/24',
        hostname: '',
        clientId: '',
      },
    ]);
  });

  it('reads iface-list and net node devices with their link state', () => {
    expect(
      parseIfaceList(
        ' Name   State      MAC Address\n---\n eth1   active     aa:bb:cc:dd:ee:ff\n lo     inactive   00:00:00:00:00:00',
      ),
    ).toEqual([
      { name: 'eth1', up: true, mac: 'aa:bb:cc:dd:ee:ff', source: 'iface-list' },
      { name: 'lo', up: false, mac: '00:00:00:00:00:00', source: 'iface-list' },
    ]);
    const nodedev =
      "<device><name>net_eno1_52_54_00_01_02_03</name><capability type='net'><interface>eno1</interface>" +
      "<address>52:54:00:01:02:03</address><link speed='1000' state='up'/></capability></device>";
    expect(parseNetNodedev(nodedev)).toEqual({
      name: 'eno1',
      up: true,
      mac: '52:54:00:01:02:03',
      source: 'nodedev',
    });
  });

  it('summarises network XML: netmask as prefix, IPv6, hostdev pool devices', () => {
    const facts = summarizeNetworkXml(
      "<network><name>n</name><uuid>DD8FE884-6C02-601E-7551-CCA97DF1C5DF</uuid><forward mode='hostdev' managed='yes'>" +
        "<pf dev='eno2'/></forward><ip address='10.0.0.1' netmask='255.255.0.0'/>" +
        "<ip family='ipv6' address='fd00::1' prefix='64'><dhcp><host name='db' ip='fd00::5'/></dhcp></ip></network>",
    );
    expect(facts).toEqual({
      uuid: 'dd8fe884-6c02-601e-7551-cca97df1c5df',
      name: 'n',
      forwardMode: 'hostdev',
      forwardDevices: ['eno2'],
      ips: [
        { family: 'ipv4', address: '10.0.0.1', prefix: 16, dhcpRanges: [], hosts: [] },
        {
          family: 'ipv6',
          address: 'fd00::1',
          prefix: 64,
          dhcpRanges: [],
          hosts: [{ name: 'db', ip: 'fd00::5' }],
        },
      ],
    });
  });
});
