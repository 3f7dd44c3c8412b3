import { describe, expect, it } from 'vitest';
import { isExactDomainDelta } from './domain-delta-check';
import { DomainDelta } from './domains';

const full = {
  uuid: '6f1e2d3c-0000-4000-8000-000000000001',
  name: 'web1',
  title: 'Web server',
  state: 'running',
  vcpus: 2,
  memoryKiB: 1048576,
  maxMemoryKiB: 2097152,
  autostart: false,
  persistent: true,
  hasManagedSave: false,
  pendingChanges: false,
  detailsLoaded: true,
};
const listOnly = {
  uuid: '6f1e2d3c-0000-4000-8000-000000000002',
  name: 'db',
  state: 'shut off',
  detailsLoaded: false,
};
const base = () => ({
  hostId: 'h1',
  reset: true,
  upsert: [structuredClone(full), { ...listOnly }],
  remove: ['x'],
});

const odd: unknown[] = [
  undefined,
  null,
  '',
  'running',
  'nonsense',
  0,
  -0,
  -1,
  1.5,
  2 ** 53,
  NaN,
  Infinity,
  true,
  false,
  [],
  ['a'],
  {},
  { type: 'pci', address: '0000:01:00.0' },
];

/** Every delta reachable from `base` by changing, deleting or adding one value at any depth. */
function* variants(): Generator<{ label: string; value: unknown }> {
  const paths: (string | number)[][] = [['hostId'], ['reset'], ['upsert'], ['remove'], ['remove', 0]];
  for (const row of [0, 1]) {
    paths.push(['upsert', row]);
    for (const key of [...Object.keys(full), 'hostDevices', 'definedHostDevices', 'extra', '__proto__'])
      paths.push(['upsert', row, key]);
  }
  paths.push(['extra'], ['__proto__']);
  for (const path of paths) {
    for (const replacement of [...odd, 'delete']) {
      const value = base() as Record<string | number, unknown>;
      let parent = value;
      for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
      const last = path.at(-1)!;
      if (replacement === 'delete') delete parent[last];
      else
        Object.defineProperty(parent, last, {
          value: replacement,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      yield {
        label: `${path.join('.')} = ${replacement === 'delete' ? '(deleted)' : String(replacement)}`,
        value,
      };
    }
  }
  yield { label: 'not an object', value: [] };
  yield { label: 'null', value: null };
  yield {
    label: 'a class instance',
    value: Object.assign(Object.create({ inherited: 1 }) as object, base()),
  };
}

describe('isExactDomainDelta', () => {
  it('takes a plain list and an XML batch as they are', () => {
    const big = {
      hostId: 'h',
      reset: true,
      upsert: Array.from({ length: 207 }, (_, i) => ({ ...listOnly, name: `vm${i}` })),
      remove: [],
    };
    expect(isExactDomainDelta(big)).toBe(true);
    expect(isExactDomainDelta(base())).toBe(true);
    expect(DomainDelta.parse(base())).toEqual(base());
  });

  it('never takes what the contract refuses, and takes only what the contract returns unchanged', () => {
    let taken = 0;
    let refusedByContract = 0;
    for (const { label, value } of variants()) {
      const parsed = DomainDelta.safeParse(value);
      if (!parsed.success) refusedByContract++;
      if (!isExactDomainDelta(value)) continue;
      taken++;
      expect(parsed.success, label).toBe(true);
      expect(parsed.data, label).toStrictEqual(value);
    }
    // The variants reach both sides: many refusals, and values it takes.
    expect(refusedByContract).toBeGreaterThan(200);
    expect(taken).toBeGreaterThan(50);
  });

  it('takes empty host-device lists (every XML-read row has one)', () => {
    const read = base();
    Object.assign(read.upsert[0]!, { hostDevices: [], definedHostDevices: [] });
    expect(isExactDomainDelta(read)).toBe(true);
    expect(DomainDelta.parse(read)).toStrictEqual(read);
  });

  it('leaves host devices, a missing reset and stripped keys to the schema', () => {
    const withDevices = base();
    Object.assign(withDevices.upsert[0]!, { hostDevices: [{ type: 'pci', address: '0000:01:00.0' }] });
    expect(isExactDomainDelta(withDevices)).toBe(false);
    expect(DomainDelta.safeParse(withDevices).success).toBe(true);
    const { reset: _reset, ...noReset } = base();
    expect(isExactDomainDelta(noReset)).toBe(false);
    expect(isExactDomainDelta({ ...base(), extra: 1 })).toBe(false);
  });
});
