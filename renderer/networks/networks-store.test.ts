import { describe, expect, it } from 'vitest';
import type { NetworkSummary } from '../../shared/api/networks';
import { FakeApi } from '../testing/fake-api';
import { createNetworksStore } from './networks-store';

const net = (uuid: string, patch: Partial<NetworkSummary> = {}): NetworkSummary => ({
  uuid,
  name: uuid,
  active: false,
  autostart: false,
  persistent: true,
  forwardMode: 'none',
  forwardDevices: [],
  ips: [],
  ...patch,
});

describe('the networks store', () => {
  it('keeps deltas pushed while the list is read (a started network stays started)', async () => {
    let answer!: (list: NetworkSummary[]) => void;
    const api = new FakeApi().handle('networks/list', () => new Promise((resolve) => (answer = resolve)));
    const store = createNetworksStore(api);
    const loading = store.getState().load('h');
    store
      .getState()
      .applyDelta({ hostId: 'h', reset: false, upsert: [net('a', { active: true })], remove: [] });
    answer([net('a'), net('b')]);
    await loading;
    expect(store.getState().byHost.h).toEqual({ a: net('a', { active: true }), b: net('b') });
    expect(store.getState().listedHosts.h).toBe(true);
  });

  it('applies the summary an action returns, removes a deleted network and clears busy', async () => {
    const api = new FakeApi().handle('networks/action', ({ action }) =>
      action === 'undefine'
        ? { message: 'deleted' }
        : { summary: net('a', { active: true }), message: 'started' },
    );
    const store = createNetworksStore(api);
    store.getState().applyDelta({ hostId: 'h', reset: true, upsert: [net('a')], remove: [] });
    expect(await store.getState().act('h', 'a', 'start')).toBe('started');
    expect(store.getState().byHost.h?.a?.active).toBe(true);
    await store.getState().act('h', 'a', 'undefine');
    expect(store.getState().byHost.h).toEqual({});
    expect(store.getState().busy).toEqual({});
    store.getState().forgetHost('h');
    expect(store.getState().listedHosts.h).toBeUndefined();
  });

  it('reads XML and leases, and applies the summary a DHCP update returns (issue 8: for the dialogs)', async () => {
    const updated = net('a', {
      ips: [
        {
          family: 'ipv4',
          address: '10.0.0.1',
          prefix: 24,
          dhcpRanges: [{ start: '10.0.0.5', end: '10.0.0.9' }],
          hosts: [],
        },
      ],
    });
    const lease = {
      expiry: '2026-11-30 12:00:00',
      mac: '52:54:00:00:00:01',
      protocol: 'ipv4',
      address: '10.0.0.5/24',
      hostname: 'db',
      clientId: '-',
    };
    const api = new FakeApi()
      .handle('networks/xml', ({ uuid }) => ({ xml: `<network><uuid>${uuid}</uuid></network>` }))
      .handle('networks/leases', () => [lease])
      .handle('networks/update-dhcp', () => ({ summary: updated, message: 'DHCP of “a” updated (now)' }));
    const store = createNetworksStore(api);
    store.getState().applyDelta({ hostId: 'h', reset: true, upsert: [net('a')], remove: [] });
    expect(await store.getState().xml('h', 'a')).toBe('<network><uuid>a</uuid></network>');
    expect(await store.getState().leases('h', 'a')).toEqual([lease]);
    const request = {
      hostId: 'h',
      uuid: 'a',
      family: 'ipv4' as const,
      range: { start: '10.0.0.5', end: '10.0.0.9' },
      hosts: [],
    };
    expect(await store.getState().updateDhcp(request)).toBe('DHCP of “a” updated (now)');
    expect(api.callsOf('networks/update-dhcp')).toEqual([request]);
    expect(store.getState().byHost.h?.a).toEqual(updated);
  });
});
