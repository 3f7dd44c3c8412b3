import { describe, expect, it } from 'vitest';
import type { NetworkSummary } from '../../shared/api/networks';
import { nicSourceOptions } from './nic-source-options';

const net = (name: string, active: boolean, forwardMode = 'nat'): NetworkSummary => ({
  uuid: name,
  name,
  active,
  autostart: false,
  persistent: true,
  forwardMode,
  forwardDevices: [],
  ips: [],
});

describe('the NIC source choices', () => {
  it('lists the host’s networks (sorted, inactive said), a bridge, macvtap per interface', () => {
    const options = nicSourceOptions(
      [net('vd-b', false, 'none'), net('default', true)],
      [
        { name: 'eth0', source: 'iface-list' },
        { name: 'lo', source: 'iface-list' },
      ],
      { kind: 'network', network: 'default' },
    );
    expect(options.map((o) => [o.value, o.label])).toEqual([
      ['network:default', 'nicNetworkItem'],
      ['network:vd-b', 'nicNetworkInactive'],
      ['bridge', 'nicBridgeItem'],
      ['direct:eth0', 'nicDirectItem'],
      ['direct', 'nicDirectOther'],
    ]);
  });

  it('keeps the NIC’s own source when the host does not list it, and a type it does not choose', () => {
    const gone = nicSourceOptions([], [], { kind: 'network', network: 'old' }).map((o) => o.value);
    expect(gone).toContain('network:old');
    const direct = nicSourceOptions([], [], { kind: 'direct', dev: 'eno9', mode: 'vepa' }).map(
      (o) => o.value,
    );
    expect(direct).toContain('direct:eno9');
    expect(nicSourceOptions([], [], { kind: 'other', type: 'user' }).at(-1)).toMatchObject({
      value: 'other',
      values: { type: 'user' },
    });
  });
});
