import { describe, expect, it } from 'vitest';
import { parseDomainXml } from '../xml/objects';
import { fixture } from '../xml/testing/validate';
import { applyChanges } from './apply-changes';
import { parseIdList, topologyOf, type HostTopology } from './host-topology';
import { parseSize, showSize } from './size-input';
import { checkTuning, tuningProblemsOfEdit } from './tuning-checks';
import type { EditChange } from '../api/domain-edit';

// csr1kv-1's host in seed 003: 2 sockets × 24 threads (CPUs 0–47), NUMA nodes 0 and 1, 1 GiB pages.
const seedHost: HostTopology = {
  cpus: Array.from({ length: 48 }, (_, i) => i),
  cells: [0, 1],
  pageSizesKiB: [4, 2048, 1048576],
  session: false,
};
// The shared test host: two CPUs, one node, no 1 GiB pages configured but the size exists.
const smallHost: HostTopology = { cpus: [0, 1], cells: [0], pageSizesKiB: [4, 2048], session: true };

const edited = (changes: EditChange[], xml = fixture('csr1kv-1.xml')) => {
  const before = parseDomainXml(xml);
  const after = parseDomainXml(xml);
  applyChanges(after, changes);
  return { before, after };
};
const problemsOf = (changes: EditChange[], host: HostTopology) => {
  const { before, after } = edited(changes);
  return tuningProblemsOfEdit(before, after, host).map((p) => [p.field, p.code, p.message]);
};

describe('CPU and node lists', () => {
  it("reads libvirt's syntax: ranges, exclusions, spaces", () => {
    expect(parseIdList('0-3,^2, 8')).toEqual([0, 1, 3, 8]);
    expect(parseIdList('37-44')).toHaveLength(8);
    expect(parseIdList('1-')).toBeInstanceOf(Error);
    expect(parseIdList('3-1')).toBeInstanceOf(Error);
    expect(parseIdList('^1')).toBeInstanceOf(Error);
    expect(parseIdList('')).toBeInstanceOf(Error);
  });

  it('takes the topology from a host overview', () => {
    const t = topologyOf({
      uri: 'qemu+ssh://u@h/session',
      numaCells: [
        {
          id: 0,
          cpus: [0, 1],
          pages: [
            { sizeKiB: 4, total: 1 },
            { sizeKiB: 2048, total: 0 },
          ],
        },
      ],
    });
    expect(t).toEqual({ cpus: [0, 1], cells: [0], pageSizesKiB: [4, 2048], session: true });
    expect(topologyOf({ uri: 'qemu:///system', numaCells: [], cpus: 4 }).cpus).toEqual([0, 1, 2, 3]);
  });

  it('reads sizes with units and refuses units libvirt does not know', () => {
    expect(parseSize('1 GiB')).toBe(2 ** 30);
    expect(parseSize('1G')).toBe(2 ** 30);
    expect(parseSize('128M')).toBe(128 * 2 ** 20);
    expect(parseSize('1048576')).toBe(2 ** 30);
    expect(parseSize('2 GB')).toBe(2e9);
    expect((parseSize('2 GX') as Error).message).toBe('badUnit');
    expect((parseSize('lots') as Error).message).toBe('notANumber');
    expect(showSize(2 ** 30)).toBe('1 GiB');
    expect(showSize(1536 * 2 ** 20)).toBe('1536 MiB');
  });
});

describe('tuning checks (bad input refused before define)', () => {
  it('accepts the seed VM as its own host has it', () => {
    expect(checkTuning(parseDomainXml(fixture('csr1kv-1.xml')), seedHost)).toEqual([]);
  });

  it('refuses a pin to a host CPU that does not exist, naming the CPU and the host’s CPUs', () => {
    const vcpupin = [
      { vcpu: 0, cpuset: '0' },
      { vcpu: 1, cpuset: '7' },
    ];
    expect(problemsOf([{ target: 'domain', view: 'cputune', patch: { vcpupin } }], smallHost)).toEqual([
      ['cputune.vcpupin', 'cpu-not-on-host', 'vCPU 1: host CPU 7 does not exist (this host has CPUs 0, 1)'],
    ]);
    expect(
      problemsOf([{ target: 'domain', view: 'cputune', patch: { emulatorpin: '0-2' } }], smallHost),
    ).toEqual([
      [
        'cputune.emulatorpin',
        'cpu-not-on-host',
        'Emulator threads: host CPU 2 does not exist (this host has CPUs 0, 1)',
      ],
    ]);
    expect(
      problemsOf([{ target: 'domain', view: 'cputune', patch: { emulatorpin: '0-' } }], smallHost)[0]?.[1],
    ).toBe('cpuset-syntax');
    expect(
      problemsOf(
        [{ target: 'domain', view: 'cputune', patch: { vcpupin: [{ vcpu: 8, cpuset: '1' }] } }],
        seedHost,
      ),
    ).toEqual([['cputune.vcpupin', 'vcpu-not-in-vm', 'vCPU 8 does not exist (the VM has 8)']]);
  });

  it('refuses a node set outside the host’s NUMA nodes', () => {
    expect(problemsOf([{ target: 'domain', view: 'numatune', patch: { nodeset: '0-2' } }], seedHost)).toEqual(
      [['numatune.nodeset', 'node-not-on-host', 'Memory nodes: NUMA node 2 does not exist (nodes: 0, 1)']],
    );
  });

  it('refuses a hugepage size the host lacks', () => {
    const pages = [{ size: 16 * 2 ** 20 }];
    expect(problemsOf([{ target: 'domain', view: 'memoryBacking', patch: { pages } }], seedHost)).toEqual([
      [
        'memoryBacking.pages',
        'page-size-not-on-host',
        'The host has no 16384 KiB pages (it has 4 KiB, 2048 KiB, 1048576 KiB)',
      ],
    ]);
  });

  it('refuses hard < soft and swap < hard', () => {
    expect(
      problemsOf(
        [
          {
            target: 'domain',
            view: 'memtune',
            patch: { hardLimit: 2 ** 30, softLimit: 2 ** 31, swapHardLimit: 2 ** 29 },
          },
        ],
        seedHost,
      ),
    ).toEqual([
      ['memtune.softLimit', 'soft-above-hard', 'The soft limit is above the hard limit'],
      ['memtune.swapHardLimit', 'swap-below-hard', 'The swap hard limit must be at least the hard limit'],
    ]);
  });

  it('refuses a limit with a unit libvirt does not know (the XML editor’s path)', () => {
    const xml = fixture('csr1kv-1.xml').replace(
      '<vcpu ',
      "<memtune>\n    <hard_limit unit='XB'>1</hard_limit>\n  </memtune>\n  <vcpu ",
    );
    expect(checkTuning(parseDomainXml(xml), seedHost).map((p) => p.code)).toEqual(['bad-unit']);
  });

  it('refuses what a session connection cannot start a VM with', () => {
    expect(
      problemsOf([{ target: 'domain', view: 'memtune', patch: { hardLimit: 2 ** 30 } }], {
        ...seedHost,
        session: true,
      }),
    ).toEqual([
      [
        'memtune.hardLimit',
        'session-no-cgroups',
        'Memory tuning is not available on a session connection (qemu:///session): the VM would not start',
      ],
    ]);
    expect(
      problemsOf([{ target: 'domain', view: 'cputune', patch: { shares: 1 } }], seedHost).map((p) => p[1]),
    ).toEqual(['out-of-range']);
  });

  it('does not hold an unrelated edit hostage to what the VM already had', () => {
    // csr1kv-1 pins its emulator to 37-44: not on the small host, but a title edit is fine.
    expect(problemsOf([{ target: 'domain', view: 'general', patch: { title: 'x' } }], smallHost)).toEqual([]);
    expect(checkTuning(parseDomainXml(fixture('csr1kv-1.xml')), smallHost).length).toBeGreaterThan(0);
  });
});
