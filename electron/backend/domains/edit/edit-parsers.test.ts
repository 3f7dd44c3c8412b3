import { describe, expect, it } from 'vitest';
import { parseDomcapsCpu } from './cpu-choices';
import { parseDomifaddr } from './guest-addresses';

describe('domifaddr', () => {
  it('reads rows, continuing an interface over its extra addresses', () => {
    const out = [
      ' Name       MAC address          Protocol     Address',
      '-------------------------------------------------------------------------------',
      ' vnet0      52:54:00:e1:00:01    ipv4         192.168.122.5/24',
      ' -          -                    ipv6         fe80::5054:ff:fee1:1/64',
      ' lo         00:00:00:00:00:00    ipv4         127.0.0.1/8',
      '',
    ].join('\n');
    expect(parseDomifaddr(out, 'agent')).toEqual([
      { interface: 'vnet0', mac: '52:54:00:e1:00:01', address: '192.168.122.5/24', source: 'agent' },
      { interface: 'vnet0', mac: '52:54:00:e1:00:01', address: 'fe80::5054:ff:fee1:1/64', source: 'agent' },
      { interface: 'lo', mac: '00:00:00:00:00:00', address: '127.0.0.1/8', source: 'agent' },
    ]);
  });
});

describe('domcapabilities', () => {
  it('offers the supported modes and the usable models', () => {
    const xml = `<domainCapabilities><cpu>
      <mode name='host-passthrough' supported='yes'/>
      <mode name='maximum' supported='no'/>
      <mode name='host-model' supported='yes'><model fallback='forbid'>Skylake</model></mode>
      <mode name='custom' supported='yes'>
        <model usable='yes' vendor='Intel'>qemu64</model>
        <model usable='no' vendor='Intel'>Icelake-Server</model>
        <model usable='yes' vendor='AMD'>EPYC</model>
      </mode></cpu></domainCapabilities>`;
    expect(parseDomcapsCpu(xml)).toEqual({
      modes: ['host-passthrough', 'host-model', 'custom'],
      models: ['qemu64', 'EPYC'],
    });
  });
});
