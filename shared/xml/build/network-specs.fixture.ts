// One spec per Create Network kind (plus the seeds' SR-IOV pool), for the builder's tests.
import type { NetworkSpec } from '../../api/network-spec';

export const networkSpecs: Record<string, NetworkSpec> = {
  nat: {
    kind: 'nat',
    name: 'lab-nat',
    bridge: 'virbr42',
    forwardDev: 'eth0',
    domain: 'lab.example',
    ipv4: {
      address: '192.168.150.1',
      prefix: 24,
      dhcp: { start: '192.168.150.100', end: '192.168.150.200' },
      hosts: [{ mac: '52:54:00:12:34:56', name: 'db', ip: '192.168.150.10' }],
    },
    ipv6: {
      address: 'fd00:150::1',
      prefix: 64,
      dhcp: { start: 'fd00:150::100', end: 'fd00:150::1ff' },
      hosts: [{ name: 'db', ip: 'fd00:150::10' }],
    },
  },
  routed: { kind: 'routed', name: 'lab-routed', ipv4: { address: '10.20.0.1', prefix: 16, hosts: [] } },
  open: {
    kind: 'open',
    name: 'lab-open',
    bridge: 'virbr43',
    ipv4: { address: '10.30.0.1', prefix: 24, hosts: [] },
  },
  isolated: {
    kind: 'isolated',
    name: 'lab isolated “quoted” <&>',
    ipv4: { address: '10.40.0.1', prefix: 24, dhcp: { start: '10.40.0.2', end: '10.40.0.254' }, hosts: [] },
  },
  bridge: { kind: 'bridge', name: 'host-bridge', bridge: 'br0' },
  macvtapBridge: { kind: 'macvtap', name: 'macvtap-eno1', mode: 'bridge', interfaces: ['eno1'] },
  macvtapPassthrough: {
    kind: 'macvtap',
    name: 'macvtap-pt',
    mode: 'passthrough',
    interfaces: ['eno3', 'eno4'],
  },
  sriov: { kind: 'sriov', name: 'eno2_sriov_pool', pf: 'eno2' },
};
