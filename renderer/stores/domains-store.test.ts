import { describe, expect, it } from 'vitest';
import { FakeApi } from '../testing/fake-api';
import { summary } from '../testing/fixtures';
import { createDomainsStore, reduceDomainMap } from './domains-store';

describe('reduceDomainMap', () => {
  it('replaces the whole map on reset', () => {
    const before = { a: summary('a'), b: summary('b') };
    const after = reduceDomainMap(before, { hostId: 'h', reset: true, upsert: [summary('c')], remove: [] });
    expect(Object.keys(after)).toEqual(['c']);
  });

  it('merges upserts into existing entries and deletes removed ones', () => {
    const before = { a: summary('a', { vcpus: 2, title: 'Alpha' }), b: summary('b') };
    const after = reduceDomainMap(before, {
      hostId: 'h',
      reset: false,
      upsert: [summary('a', { state: 'running' })],
      remove: ['b'],
    });
    expect(after.a).toMatchObject({ state: 'running', vcpus: 2, title: 'Alpha' });
    expect(after.b).toBeUndefined();
    expect(before.b).toBeDefined();
  });
});

describe('domains store', () => {
  it('applies deltas per host without calling the api', () => {
    const api = new FakeApi();
    const store = createDomainsStore(api);
    store
      .getState()
      .applyDelta({ hostId: 'h1', reset: true, upsert: [summary('a'), summary('b')], remove: [] });
    store.getState().applyDelta({ hostId: 'h2', reset: true, upsert: [summary('a')], remove: [] });
    const removed = store
      .getState()
      .applyDelta({ hostId: 'h1', reset: false, upsert: [], remove: ['a', 'zz'] });
    expect(removed).toEqual(['a']);
    expect(Object.keys(store.getState().byHost.h1!)).toEqual(['b']);
    expect(Object.keys(store.getState().byHost.h2!)).toEqual(['a']);
    expect(api.calls).toEqual([]);
  });

  it('reports the VMs a reset dropped', () => {
    const store = createDomainsStore(new FakeApi());
    store
      .getState()
      .applyDelta({ hostId: 'h', reset: true, upsert: [summary('a'), summary('b')], remove: [] });
    const removed = store
      .getState()
      .applyDelta({ hostId: 'h', reset: true, upsert: [summary('b')], remove: [] });
    expect(removed).toEqual(['a']);
  });

  it('keeps deltas that arrive while the list loads', async () => {
    let answer: (list: ReturnType<typeof summary>[]) => void = () => {};
    const api = new FakeApi().handle('domains/list', () => new Promise((resolve) => (answer = resolve)));
    const store = createDomainsStore(api);
    const loading = store.getState().load('h');
    store.getState().applyDelta({ hostId: 'h', reset: false, upsert: [summary('new')], remove: ['old'] });
    answer([summary('old'), summary('kept')]);
    await loading;
    expect(Object.keys(store.getState().byHost.h!).sort()).toEqual(['kept', 'new']);
    expect(store.getState().listedHosts.h).toBe(true);
  });

  it('drops a list that a pushed reset overtook', async () => {
    let answer: (list: ReturnType<typeof summary>[]) => void = () => {};
    const api = new FakeApi().handle('domains/list', () => new Promise((resolve) => (answer = resolve)));
    const store = createDomainsStore(api);
    const loading = store.getState().load('h');
    store.getState().applyDelta({ hostId: 'h', reset: true, upsert: [summary('fresh')], remove: [] });
    answer([summary('stale')]);
    await loading;
    expect(Object.keys(store.getState().byHost.h!)).toEqual(['fresh']);
  });

  it('tracks busy VMs', () => {
    const store = createDomainsStore(new FakeApi());
    store.getState().setBusy('h/a', 'start');
    expect(store.getState().busy['h/a']).toBe('start');
    store.getState().setBusy('h/a', null);
    expect(store.getState().busy).toEqual({});
  });
});
