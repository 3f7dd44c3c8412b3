import { describe, expect, it } from 'vitest';
import type { SnapshotView } from '../../shared/api/snapshots';
import { defaultSnapshotName, snapshotTreeRows } from './snapshot-tree';

const snap = (name: string, createdAt: number, parent?: string): SnapshotView => ({
  name,
  createdAt,
  ...(parent ? { parent } : {}),
  state: 'shutoff',
  description: '',
  location: 'internal',
  memory: false,
  current: false,
  files: [],
});

describe('snapshotTreeRows', () => {
  it('orders depth first with siblings oldest first, and counts descendants', () => {
    const rows = snapshotTreeRows([
      snap('b2', 40, 'a'),
      snap('c', 30, 'b1'),
      snap('b1', 20, 'a'),
      snap('a', 10),
      snap('z', 50),
    ]);
    expect(rows.map((r) => [r.snapshot.name, r.level, r.position, r.siblings, r.descendants])).toEqual([
      ['a', 1, 1, 2, 3],
      ['b1', 2, 1, 2, 1],
      ['c', 3, 1, 1, 0],
      ['b2', 2, 2, 2, 0],
      ['z', 1, 2, 2, 0],
    ]);
  });

  it('shows a snapshot whose parent is unknown as a root, and survives a cycle', () => {
    expect(snapshotTreeRows([snap('x', 1, 'gone')]).map((r) => r.level)).toEqual([1]);
    expect(snapshotTreeRows([snap('p', 1, 'q'), snap('q', 2, 'p')]).map((r) => r.snapshot.name)).toEqual([
      'p',
      'q',
    ]);
  });
});

describe('defaultSnapshotName', () => {
  it('is made from the time and never collides', () => {
    const now = new Date(2026, 10, 30, 8, 9, 5);
    expect(defaultSnapshotName(now, new Set())).toBe('snapshot-20261130-080905');
    expect(defaultSnapshotName(now, new Set(['snapshot-20261130-080905']))).toBe(
      'snapshot-20261130-080905-2',
    );
  });
});
