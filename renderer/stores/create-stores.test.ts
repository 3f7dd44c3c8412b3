import { describe, expect, it } from 'vitest';
import { FakeApi } from '../testing/fake-api';
import { flush, hostView, summary } from '../testing/fixtures';
import { createStores, startStores, syncStores } from './create-stores';
import { Prefs } from '../../shared/api/prefs';

function setup() {
  const api = new FakeApi()
    .handle('app/info', () => ({
      version: '1',
      firstRun: false,
      localVirsh: true,
      dataDir: '/d',
      warnings: ['bad file'],
    }))
    .handle('hosts/list', () => [hostView('h1'), hostView('h2', 'disconnected')])
    .handle('prefs/get', () => Prefs.parse({ statsIntervalMs: 3000 }))
    .handle('domains/list', ({ hostId }) =>
      hostId === 'h1' ? [summary('a'), summary('b')] : [summary('c')],
    );
  const stores = createStores(api);
  const stop = startStores(stores);
  return { api, stores, stop };
}

describe('store wiring', () => {
  it('reads info, prefs, hosts and the VMs of connected hosts at start', async () => {
    const { api, stores } = setup();
    await syncStores(stores);
    await flush();
    expect(stores.session.getState().info?.version).toBe('1');
    expect(stores.prefs.getState().prefs.statsIntervalMs).toBe(3000);
    expect(stores.hosts.getState().order).toEqual(['h1', 'h2']);
    expect(api.callsOf('domains/list')).toEqual([{ hostId: 'h1' }]);
    expect(Object.keys(stores.domains.getState().byHost.h1!)).toEqual(['a', 'b']);
    expect(stores.activity.getState().notices[0]).toMatchObject({
      tone: 'error',
      params: { message: 'bad file' },
    });
  });

  it('loads a host once it connects and applies deltas without refetching', async () => {
    const { api, stores } = setup();
    await syncStores(stores);
    api.emit('hosts/status', { hostId: 'h2', state: 'connecting' });
    api.emit('hosts/status', { hostId: 'h2', state: 'connected' });
    await flush();
    expect(api.callsOf('domains/list')).toEqual([{ hostId: 'h1' }, { hostId: 'h2' }]);
    api.emit('domains/delta', { hostId: 'h1', reset: false, upsert: [summary('z')], remove: ['a'] });
    expect(Object.keys(stores.domains.getState().byHost.h1!).sort()).toEqual(['b', 'z']);
    expect(api.callsOf('domains/list')).toHaveLength(2);
  });

  it('prunes the selection and stats of removed VMs', async () => {
    const { api, stores } = setup();
    await syncStores(stores);
    await flush();
    stores.ui.getState().selectKeys(['h1/a', 'h1/b']);
    api.emit('stats/tick', { hostId: 'h1', at: 1, stats: [{ uuid: 'a', cpuPercent: 3, memoryKiB: 9 }] });
    expect(stores.stats.getState().byKey['h1/a']?.history.latest('cpuPercent')).toBe(3);
    api.emit('domains/delta', { hostId: 'h1', reset: false, upsert: [], remove: ['a'] });
    expect([...stores.ui.getState().selection]).toEqual(['h1/b']);
    expect(stores.stats.getState().byKey['h1/a']).toBeUndefined();
  });

  it('forgets a removed host and its VMs', async () => {
    const { api, stores } = setup();
    await syncStores(stores);
    await flush();
    api.emit('hosts/changed', [hostView('h2', 'disconnected')]);
    expect(stores.hosts.getState().order).toEqual(['h2']);
    expect(stores.domains.getState().byHost.h1).toBeUndefined();
  });

  it('queues prompts and drops them on dismiss or answer', async () => {
    const { api, stores } = setup();
    api.handle('prompts/answer', () => ({}));
    const request = { promptId: 'p1', hostId: 'h1', kind: 'password', user: 'root', host: 'kvm' } as const;
    api.emit('prompts/request', request);
    api.emit('prompts/request', { ...request, promptId: 'p2' });
    api.emit('prompts/dismiss', { promptId: 'p1' });
    expect(stores.prompts.getState().queue.map((p) => p.promptId)).toEqual(['p2']);
    await stores.prompts.getState().answer('p2', true, ['hunter2']);
    expect(stores.prompts.getState().queue).toEqual([]);
    expect(api.callsOf('prompts/answer')).toEqual([{ promptId: 'p2', accepted: true, answers: ['hunter2'] }]);
  });

  it('resyncs after the transport comes back and stops listening when stopped', async () => {
    const { api, stores, stop } = setup();
    await syncStores(stores);
    api.setTransport('down');
    expect(stores.session.getState().transport).toBe('down');
    api.setTransport('up');
    await flush();
    expect(stores.session.getState().epoch).toBe(1);
    expect(api.callsOf('hosts/list')).toHaveLength(2);
    stop();
    expect(api.listenerCount('domains/delta')).toBe(0);
  });

  it('marks a host failed when connecting throws', async () => {
    const { api, stores } = setup();
    await syncStores(stores);
    api.handle('hosts/connect', () => {
      throw Object.assign(new Error('x'), {});
    });
    await stores.hosts.getState().connect('h2');
    expect(stores.hosts.getState().byId.h2?.status.state).toBe('failed');
    expect(stores.hosts.getState().busy).toEqual({});
  });
});
