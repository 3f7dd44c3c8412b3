import { describe, expect, it } from 'vitest';
import { parseDomainXml, serializeDomainXml } from '../xml/objects';
import { fixture } from '../xml/testing/validate';
import { lineChanges } from '../xml/testing/edit-assert';
import { applyChanges, EditInputError } from './apply-changes';
import { checkEnglish } from '../checks/check-message';
import { checkDomain, keysBefore, macProblem } from './edit-checks';
import { pendingChanges } from './pending-changes';

describe('applyChanges', () => {
  it('changes only the nodes of the touched fields and keeps what it does not know', () => {
    const before = fixture('unknown-elements.xml');
    const doc = parseDomainXml(before);
    applyChanges(doc, [{ target: 'domain', view: 'memory', patch: { currentMemory: 2 ** 30 } }]);
    const after = serializeDomainXml(doc);
    const changes = lineChanges(before, after);
    expect(changes.removed.length).toBeLessThanOrEqual(1);
    expect(changes.added.join('\n')).toContain('currentMemory');
    expect(after).toContain('passwd=');
  });

  it('refuses unknown fields and changes of name or UUID', () => {
    const doc = parseDomainXml(fixture('csr1kv-1.xml'));
    expect(() => applyChanges(doc, [{ target: 'domain', view: 'memory', patch: { nope: 1 } }])).toThrow(
      EditInputError,
    );
    expect(() => applyChanges(doc, [{ target: 'domain', view: 'general', patch: { name: 'x' } }])).toThrow(
      /Name/,
    );
    expect(() =>
      applyChanges(doc, [{ target: 'device', kind: 'disk', key: 'disk:vdz', patch: { cache: 'none' } }]),
    ).toThrow(/no disk/);
  });
});

describe('checkDomain', () => {
  const edited = (change: Parameters<typeof applyChanges>[1][number]) => {
    const doc = parseDomainXml(fixture('csr1kv-1.xml'));
    const keyOf = keysBefore(doc);
    applyChanges(doc, [change]);
    return checkDomain(doc, { memoryKiB: 16 * 2 ** 20 }, keyOf).map((p) => `${p.field} ${p.code}`);
  };

  it('accepts the fixture as it is', () => {
    expect(checkDomain(parseDomainXml(fixture('csr1kv-1.xml')))).toEqual([]);
  });

  it('names each kind of bad input on its field', () => {
    expect(edited({ target: 'domain', view: 'memory', patch: { currentMemory: 2 ** 40 } })).toContain(
      'memory.currentMemory memory-above-max',
    );
    expect(
      edited({ target: 'domain', view: 'memory', patch: { memory: 2 ** 40, currentMemory: 2 ** 30 } }),
    ).toContain('memory.memory memory-above-host');
    expect(edited({ target: 'domain', view: 'vcpu', patch: { current: 9 } })).toContain(
      'vcpu.current vcpus-above-max',
    );
    expect(edited({ target: 'domain', view: 'cpu', patch: { sockets: 1, cores: 3, threads: 2 } })).toContain(
      'cpu.sockets topology-mismatch',
    );
    expect(
      edited({
        target: 'device',
        kind: 'interface',
        key: 'interface:52:54:00:36:95:f0',
        patch: { mac: '03:00:00:00:00:01' },
      }),
    ).toContain('device:interface:52:54:00:36:95:f0.mac mac-invalid');
  });

  it('finds a duplicate boot index', () => {
    const doc = parseDomainXml(fixture('csr1kv-1.xml'));
    applyChanges(doc, [
      { target: 'domain', view: 'os', patch: { boot: [] } },
      { target: 'device', kind: 'disk', key: 'disk:vda', patch: { bootOrder: 1 } },
      { target: 'device', kind: 'interface', key: 'interface:52:54:00:36:95:f0', patch: { bootOrder: 1 } },
    ]);
    expect(checkDomain(doc).map((p) => p.code)).toEqual(['boot-duplicate']);
  });

  it('gives each problem a check key with the values its text needs (issue 15)', () => {
    const checksOf = (change: Parameters<typeof applyChanges>[1][number]) => {
      const doc = parseDomainXml(fixture('csr1kv-1.xml'));
      const keyOf = keysBefore(doc);
      applyChanges(doc, [change]);
      return checkDomain(doc, { memoryKiB: 16 * 2 ** 20 }, keyOf);
    };
    const [over] = checksOf({ target: 'domain', view: 'memory', patch: { currentMemory: 2 ** 40 } });
    expect(over!.check).toEqual({
      key: 'domain.memoryAboveMax',
      values: { current: 2 ** 20, max: expect.any(Number) },
    });
    expect(over!.message).toBe(checkEnglish(over!.check!));
    const host = checksOf({
      target: 'domain',
      view: 'memory',
      patch: { memory: 2 ** 40, currentMemory: 2 ** 30 },
    });
    expect(host.map((p) => p.check)).toContainEqual({
      key: 'domain.memoryAboveHost',
      values: { memory: 2 ** 20, host: 16 * 2 ** 10 },
    });
    const topology = checksOf({ target: 'domain', view: 'cpu', patch: { sockets: 1, cores: 3, threads: 2 } });
    const mismatch = topology.find((p) => p.code === 'topology-mismatch')!;
    expect(mismatch.check).toEqual({
      key: 'domain.topologyMismatch',
      values: { product: 6, count: expect.any(Number) },
    });
    expect(mismatch.message).toMatch(/^The topology gives 6 vCPUs, not \d+$/);
    const vcpus = checksOf({ target: 'domain', view: 'vcpu', patch: { current: 9 } });
    expect(vcpus.find((p) => p.code === 'vcpus-above-max')!.check).toEqual({
      key: 'domain.vcpusAboveMax',
      values: { current: 9, max: expect.any(Number) },
    });
    const doc = parseDomainXml(fixture('csr1kv-1.xml'));
    applyChanges(doc, [
      { target: 'device', kind: 'disk', key: 'disk:vda', patch: { bootOrder: 1 } },
      { target: 'device', kind: 'interface', key: 'interface:52:54:00:36:95:f0', patch: { bootOrder: 1 } },
    ]);
    const [duplicate] = checkDomain(doc);
    expect(duplicate!.check).toEqual({
      key: 'domain.bootDuplicate',
      values: { order: 1, other: 'disk:vda' },
    });
    expect(duplicate!.message).toBe('Boot index 1 is already used by disk:vda');
  });

  it('checks MAC addresses as libvirt would take them for a NIC', () => {
    expect(macProblem('52:54:00:12:34:56')).toBeUndefined();
    expect(macProblem('01:00:5e:00:00:01')).toEqual({ key: 'mac.multicast' });
    expect(macProblem('52:54:00:12:34')).toEqual({ key: 'mac.notHex' });
    expect(macProblem('00:00:00:00:00:00')).toEqual({ key: 'mac.allZero' });
    expect(checkEnglish(macProblem('01:00:5e:00:00:01')!)).toMatch(/multicast/);
  });
});

describe('pendingChanges', () => {
  it('sees nothing when the running XML only adds run-time values', () => {
    const inactive = fixture('csr1kv-1.xml');
    const live = inactive
      .replace("<graphics type='spice' autoport='yes'", "<graphics type='spice' port='5900' autoport='yes'")
      .replace(
        "<source dev='eno1' mode='bridge'/>",
        "<source dev='eno1' mode='bridge'/>\n      <target dev='macvtap0'/>\n      <alias name='net0'/>",
      );
    expect(pendingChanges(parseDomainXml(inactive), parseDomainXml(live))).toEqual([]);
  });

  it('names the fields that wait for the next guest shutdown', () => {
    const inactive = parseDomainXml(fixture('csr1kv-1.xml'));
    const live = parseDomainXml(fixture('csr1kv-1.xml'));
    applyChanges(inactive, [
      { target: 'domain', view: 'memory', patch: { memory: 4 * 2 ** 30, currentMemory: 4 * 2 ** 30 } },
      { target: 'device', kind: 'disk', key: 'disk:vda', patch: { cache: 'writeback' } },
    ]);
    expect(pendingChanges(inactive, live)).toEqual(['memory.memory', 'device:disk:vda.cache']);
  });
});
