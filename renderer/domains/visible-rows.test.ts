import { describe, expect, it } from 'vitest';
import { hostView, summary } from '../testing/fixtures';
import { buildRows, matchesFilter, reuseRows, type RowQuery } from './visible-rows';

const query: RowQuery = {
  filterText: '',
  stateFilter: 'all',
  sort: { column: 'name', direction: 'asc' },
  collapsedHosts: {},
};
const hosts = { h1: hostView('h1'), h2: hostView('h2', 'disconnected') };
const byHost = {
  h1: {
    a: summary('a', { name: 'web10', state: 'running', vcpus: 4, memoryKiB: 4096 }),
    b: summary('b', { name: 'web2', state: 'shut off', vcpus: 1, memoryKiB: 8192 }),
    c: summary('c', { name: 'db', title: 'Zeta database', state: 'paused', vcpus: 2 }),
    d: summary('d', { name: 'broken', state: 'crashed', vcpus: 2, memoryKiB: 1024 }),
  },
  h2: { x: summary('x') },
};
const names = (rows: ReturnType<typeof buildRows>) =>
  rows.map((row) => (row.kind === 'host' ? `[${row.hostId}]` : byHost.h1[row.uuid as 'a']?.name));

describe('buildRows', () => {
  it('lists hosts with the VMs of connected, expanded hosts, by name (title first, numeric)', () => {
    expect(names(buildRows(['h1', 'h2'], hosts, byHost, query))).toEqual([
      '[h1]',
      'broken',
      'web2',
      'web10',
      'db',
      '[h2]',
    ]);
  });

  it('orders VMs that share a title by their names', () => {
    const same = (id: string, name: string) => summary(id, { name, title: 'Test guest' });
    const rows = buildRows(
      ['h1'],
      hosts,
      { h1: { a: same('a', 'vm-10'), b: same('b', 'vm-2'), c: same('c', 'vm-1') } },
      query,
    );
    expect(rows.map((r) => (r.kind === 'domain' ? r.uuid : r.hostId))).toEqual(['h1', 'c', 'b', 'a']);
  });

  it('hides the VMs of a collapsed host', () => {
    expect(names(buildRows(['h1'], hosts, byHost, { ...query, collapsedHosts: { h1: true } }))).toEqual([
      '[h1]',
    ]);
  });

  it('sorts by a numeric column with ties by name and missing values last, either way', () => {
    const vcpus = { ...query, sort: { column: 'vcpus', direction: 'desc' } } as const;
    expect(names(buildRows(['h1'], hosts, byHost, vcpus))).toEqual(['[h1]', 'web10', 'broken', 'db', 'web2']);
    const memory = { ...query, sort: { column: 'memory', direction: 'asc' } } as const;
    expect(names(buildRows(['h1'], hosts, byHost, memory))).toEqual([
      '[h1]',
      'broken',
      'web10',
      'web2',
      'db',
    ]);
  });

  it('sorts by state rank and by the latest CPU sample', () => {
    const state = { ...query, sort: { column: 'state', direction: 'asc' } } as const;
    expect(names(buildRows(['h1'], hosts, byHost, state))).toEqual(['[h1]', 'web10', 'db', 'broken', 'web2']);
    const cpu = { ...query, sort: { column: 'cpu', direction: 'desc' } } as const;
    const cpuOf = (key: string) => ({ 'h1/a': 5, 'h1/d': 50 })[key];
    expect(names(buildRows(['h1'], hosts, byHost, cpu, cpuOf))).toEqual([
      '[h1]',
      'broken',
      'web10',
      'web2',
      'db',
    ]);
  });

  it('filters by name or title, case-insensitively, and by state bucket', () => {
    expect(names(buildRows(['h1'], hosts, byHost, { ...query, filterText: 'WEB' }))).toEqual([
      '[h1]',
      'web2',
      'web10',
    ]);
    expect(names(buildRows(['h1'], hosts, byHost, { ...query, filterText: 'zeta' }))).toEqual(['[h1]', 'db']);
    expect(names(buildRows(['h1'], hosts, byHost, { ...query, stateFilter: 'other' }))).toEqual([
      '[h1]',
      'broken',
    ]);
    expect(matchesFilter(summary('q', { state: 'idle' }), '', 'running')).toBe(true);
    expect(matchesFilter(summary('q', { state: 'shut off' }), '', 'shutoff')).toBe(true);
  });

  it('keeps the row objects of rows still there, so memoised rows skip a render', () => {
    const first = buildRows(['h1'], hosts, byHost, query);
    const again = reuseRows(
      new Map(first.map((row) => [row.id, row])),
      buildRows(['h1'], hosts, byHost, query),
    );
    expect(again).toEqual(first);
    again.forEach((row, i) => expect(row).toBe(first[i]));
  });
});
