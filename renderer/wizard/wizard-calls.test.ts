import { describe, expect, it } from 'vitest';
import type { HostCapabilities } from '../../shared/api/wizard';
import { createStores } from '../stores/create-stores';
import { FakeApi } from '../testing/fake-api';
import { hostView } from '../testing/fixtures';

const caps = { arch: 'x86_64' } as HostCapabilities;
const osList = {
  entries: [{ id: 'http://libosinfo.org/linux/2022', shortId: 'linux2022', name: 'Linux 2022', eol: false }],
};

function setup() {
  let failOsList = false;
  const api = new FakeApi()
    .handle('hosts/capabilities', () => caps)
    .handle('wizard/os-list', () => {
      if (failOsList) throw new Error('osinfo-db unreadable');
      return osList;
    })
    .handle('wizard/os-details', ({ osId }) => ({ id: osId }) as never)
    .handle('wizard/check-url', () => ({ ok: true }))
    .handle('cloud-image/seed-tool', () => ({ tool: 'xorriso' as const }));
  const stores = createStores(api);
  stores.hosts.getState().applyList([hostView('h1'), hostView('h2')]);
  return { api, calls: stores.wizardCalls, stores, failOsList: (v: boolean) => (failOsList = v) };
}

describe('the wizard calls', () => {
  it('ask the host once per connection for what does not change', async () => {
    const { api, calls } = setup();
    calls.prefetch('h1');
    expect(await calls.capabilities('h1')).toBe(caps);
    expect(await calls.capabilities('h1', { arch: undefined, machine: '' })).toBe(caps);
    expect(await calls.osList('h1')).toEqual(osList);
    await calls.osDetails('h1', 'x', 'x86_64');
    await calls.osDetails('h1', 'x', 'x86_64');
    await calls.seedTool('h1');
    await calls.seedTool('h1');
    expect(api.callsOf('hosts/capabilities')).toEqual([{ hostId: 'h1' }]);
    expect(api.callsOf('wizard/os-list')).toEqual([{ hostId: 'h1' }]);
    expect(api.callsOf('wizard/os-details')).toEqual([{ hostId: 'h1', osId: 'x', arch: 'x86_64' }]);
    expect(api.callsOf('cloud-image/seed-tool')).toHaveLength(1);
    // another query, another host: asked
    await calls.capabilities('h1', { machine: 'pc' });
    await calls.capabilities('h2');
    expect(api.callsOf('hosts/capabilities')).toEqual([
      { hostId: 'h1' },
      { hostId: 'h1', machine: 'pc' },
      { hostId: 'h2' },
    ]);
  });

  it('ask again after the host left "connected" (a reconnect may find an upgraded host)', async () => {
    const { api, calls, stores } = setup();
    await calls.osList('h1');
    await calls.osList('h2');
    stores.hosts.getState().applyStatus({ hostId: 'h1', state: 'connecting' });
    stores.hosts.getState().applyStatus({ hostId: 'h1', state: 'connected' });
    await calls.osList('h1');
    await calls.osList('h2');
    expect(api.callsOf('wizard/os-list')).toEqual([{ hostId: 'h1' }, { hostId: 'h2' }, { hostId: 'h1' }]);
  });

  it('do not keep a failure, and ask every time what depends on the moment', async () => {
    const { api, calls, failOsList } = setup();
    failOsList(true);
    await expect(calls.osList('h1')).rejects.toThrow('osinfo-db unreadable');
    failOsList(false);
    expect(await calls.osList('h1')).toEqual(osList);
    await calls.checkUrl('h1', 'http://127.0.0.1/');
    await calls.checkUrl('h1', 'http://127.0.0.1/');
    expect(api.callsOf('wizard/os-list')).toHaveLength(2);
    expect(api.callsOf('wizard/check-url')).toHaveLength(2);
  });

  it('take the host’s newer OS list when the backend replaces a stale kept one, and say so', async () => {
    const { api, calls } = setup();
    const seen: string[] = [];
    const stop = calls.watchOsList((hostId) => seen.push(hostId));
    expect(await calls.osList('h1')).toEqual(osList);
    const newer = { entries: [...osList.entries, { ...osList.entries[0]!, id: 'x', shortId: 'x' }] };
    api.emit('wizard/os-list-changed', { hostId: 'h1', ...newer });
    expect(seen).toEqual(['h1']);
    expect(await calls.osList('h1')).toEqual(newer);
    expect(api.callsOf('wizard/os-list')).toHaveLength(1);
    stop();
    api.emit('wizard/os-list-changed', { hostId: 'h1', ...osList });
    expect(seen).toEqual(['h1']);
  });
});
