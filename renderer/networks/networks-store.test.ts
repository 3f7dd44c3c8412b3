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
});
