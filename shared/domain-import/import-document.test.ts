import { describe, expect, it } from 'vitest';
import { serializeDomainXml } from '../xml/objects';
import { fixture } from '../xml/testing/validate';
import {
  adaptToHost,
  applyIdentityOptions,
  checkImport,
  parseImport,
  pathsToCheck,
  summarizeImport,
  type ImportHostFacts,
} from './import-document';

const CSR = fixture('csr1kv-1.xml');

/** This test machine's session host as the import sees it (Debian's QEMU, no KVM). */
const DEBIAN_HOST: ImportHostFacts = {
  domains: [{ name: 'other', uuid: '11111111-2222-3333-4444-555555555555' }],
  paths: new Map([
    ['/home/root/images/csr1000v-universalk9.17.02.01v.qcow2', false],
    ['/sys/class/net/eno1', false],
  ]),
  networks: new Map([['default', false]]),
  pools: new Map([['default', true]]),
  guests: [
    {
      arch: 'x86_64',
      virtTypes: ['qemu'],
      machines: ['pc', 'pc-i440fx-7.2', 'q35', 'pc-q35-7.2'],
      emulator: '/usr/bin/qemu-system-x86_64',
    },
  ],
  hostArch: 'x86_64',
};

const parse = (xml: string) => {
  const parsed = parseImport(xml);
  if ('problem' in parsed) throw new Error(parsed.problem.message);
  return parsed.doc;
};

describe('Import from XML: parsing', () => {
  it('node1 as printed (seed 000) is refused with its line and column, nothing half-read', () => {
    const source = fixture('node1-as-printed.xml');
    const parsed = parseImport(source);
    expect('problem' in parsed).toBe(true);
    if (!('problem' in parsed)) return;
    expect(parsed.problem).toMatchObject({ field: 'xml', code: 'malformed', line: 1 });
    const column = parsed.problem.column!;
    expect(source.slice(column - 1, column - 1 + '</interface>'.length)).toBe('</interface>');
    expect(parsed.problem.message).toMatch(/line 1, column \d+/);
    expect(parsed.problem.values).toEqual({ line: 1, column });
  });

  it('a document that is not a domain is refused at its root', () => {
    const parsed = parseImport('<network>\n  <name>n</name>\n</network>');
    expect('problem' in parsed && parsed.problem).toMatchObject({ code: 'malformed', line: 1, column: 1 });
  });
});

describe('Import from XML: what it will define', () => {
  it('csr1kv-1 (seed 003): name, memory, vCPUs, disks and NICs', () => {
    const summary = summarizeImport(parse(CSR));
    expect(summary).toEqual({
      name: 'csr1kv-1',
      uuid: '59581018-6387-49df-ab09-2bcf40fc12ba',
      virtType: 'kvm',
      memoryBytes: 8 * 1024 ** 3,
      vcpus: 8,
      disks: [
        {
          target: 'vda',
          device: 'disk',
          source: '/home/root/images/csr1000v-universalk9.17.02.01v.qcow2',
          present: 'unknown',
        },
      ],
      nics: [
        { type: 'direct', source: 'eno1', mac: '52:54:00:36:95:f0', present: 'unknown' },
        { type: 'network', source: 'eno2_sriov_pool', mac: '52:54:00:2d:87:99', present: 'unknown' },
      ],
      hostDevices: 0,
    });
    expect(pathsToCheck(summary, parse(CSR))).toEqual([
      '/home/root/images/csr1000v-universalk9.17.02.01v.qcow2',
      '/sys/class/net/eno1',
    ]);
  });

  it('as exported from a RHEL host: refused with each thing this host lacks, disks and NICs as warnings', () => {
    const { summary, problems, warnings } = checkImport(parse(CSR), DEBIAN_HOST);
    expect(problems.map((p) => p.code)).toEqual(['virt-type', 'emulator', 'machine']);
    expect(problems[1]!.message).toContain('/usr/libexec/qemu-kvm');
    expect(warnings.map((w) => [w.code, w.field])).toEqual([
      ['disk-missing', 'disk:vda'],
      ['interface-missing', 'interface:eno1'],
      ['network-missing', 'interface:eno2_sriov_pool'],
    ]);
    expect(summary.disks[0]!.present).toBe('no');
    expect(summary.nics.map((n) => n.present)).toEqual(['no', 'no']);
  });

  it('adapted to this host: qemu, its emulator, the pc machine; nothing else in the document changes', () => {
    const doc = parse(CSR);
    const changes = adaptToHost(doc, DEBIAN_HOST);
    expect(changes).toEqual([
      'type: kvm → qemu',
      'emulator: /usr/libexec/qemu-kvm → /usr/bin/qemu-system-x86_64',
      'machine: pc-i440fx-rhel7.0.0 → pc',
    ]);
    const after = serializeDomainXml(doc);
    const expected = CSR.replace("<domain type='kvm'>", "<domain type='qemu'>")
      .replace('/usr/libexec/qemu-kvm', '/usr/bin/qemu-system-x86_64')
      .replace("machine='pc-i440fx-rhel7.0.0'", "machine='pc'");
    expect(after).toBe(expected);
    expect(checkImport(doc, DEBIAN_HOST).problems).toEqual([]);
  });

  it('a name or UUID the host has is refused; a new identity drops the UUID and every MAC', () => {
    const taken: ImportHostFacts = {
      ...DEBIAN_HOST,
      domains: [{ name: 'csr1kv-1', uuid: '59581018-6387-49df-ab09-2bcf40fc12ba' }],
    };
    const doc = parse(CSR);
    adaptToHost(doc, taken);
    expect(checkImport(doc, taken).problems.map((p) => p.code)).toEqual(['name-taken', 'uuid-taken']);
    const changes = applyIdentityOptions(doc, { name: 'csr-copy', newIdentity: true, adaptToHost: false });
    expect(changes).toEqual([
      'name: csr1kv-1 → csr-copy',
      'uuid: a new one from libvirt',
      'mac 52:54:00:36:95:f0: a new one from libvirt',
      'mac 52:54:00:2d:87:99: a new one from libvirt',
    ]);
    const xml = serializeDomainXml(doc);
    expect(xml).not.toContain('<uuid>');
    expect(xml).not.toContain('<mac ');
    expect(checkImport(doc, taken).problems).toEqual([]);
  });

  it('a PCI host device the host does not have is refused; an inactive network is a warning', () => {
    const xml = CSR.replace(
      '<memballoon',
      "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x3b' slot='0x00' function='0x1'/></source></hostdev>\n    <memballoon",
    ).replace('eno2_sriov_pool', 'default');
    const doc = parse(xml);
    adaptToHost(doc, DEBIAN_HOST);
    const { problems, warnings, summary } = checkImport(doc, {
      ...DEBIAN_HOST,
      pciAddresses: new Set(['0000:00:1f.0']),
    });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'hostdev-missing', values: { address: '0000:3b:00.1' } }),
    ]);
    expect(warnings.map((w) => w.code)).toContain('network-inactive');
    expect(summary.hostDevices).toBe(1);
  });
});
