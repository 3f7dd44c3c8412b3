import { describe, expect, it } from 'vitest';
import { parseDomainXml } from '../objects';
import { GiB, KiB, MiB } from '../units';
import { editFixture as edit } from '../testing/edit-assert';
import { fixture } from '../testing/validate';
import { readGeneral, writeGeneral } from './domain-general';
import { getMetadata, listMetadata, setMetadata } from './domain-metadata';
import {
  readMemory,
  readMemoryBacking,
  readMemtune,
  writeMemory,
  writeMemoryBacking,
  writeMemtune,
} from './domain-memory';
import { readCpu, readCputune, readVcpu, writeCpu, writeCputune, writeVcpu } from './domain-cpu';
import { readOs, writeOs } from './domain-os';
import * as cpuViews from './domain-cpu';
import * as featureViews from './domain-features';
import * as generalViews from './domain-general';
import * as memoryViews from './domain-memory';
import * as osViews from './domain-os';
import * as tuningViews from './domain-tuning';
import * as iothreadViews from './domain-iothreads';
import { DOMAIN_FIELDS } from './domain-views';

describe('the domain view registry', () => {
  it('lists every domain field spec, so the lossless-edit properties cover each one', () => {
    const modules = [cpuViews, featureViews, generalViews, memoryViews, osViews, tuningViews, iothreadViews];
    const specs = modules.flatMap((m) => Object.entries(m).filter(([name]) => name.endsWith('Fields')));
    expect(specs.length).toBeGreaterThan(10);
    expect(new Set(Object.values(DOMAIN_FIELDS))).toEqual(new Set(specs.map(([, spec]) => spec)));
  });
});

describe('general and metadata', () => {
  it('reads name, title and a multi-line unicode description with entities decoded', () => {
    const g = readGeneral(parseDomainXml(fixture('kitchen-sink.xml')));
    expect(g).toMatchObject({ type: 'kvm', name: 'kitchen-sink', title: 'Kitchen sink & friends' });
    expect(g.description).toBe(`Ünïcødé 描述 with <angle> brackets, "quotes" and 'apostrophes'\nsecond line`);
  });

  it('renaming touches only <name>; adding a title lands after <uuid>', () => {
    const r = edit('csr1kv-1.xml', (doc) => writeGeneral(doc, { name: 'csr1kv-2', title: 'R&D router' }));
    expect(r.removed).toEqual(['<name>csr1kv-1</name>']);
    expect(r.added).toEqual(['<name>csr1kv-2</name>', '<title>R&amp;D router</title>']);
    expect(r.after).toContain('<uuid>59581018-6387-49df-ab09-2bcf40fc12ba</uuid>\n  <title>');
  });

  it('removing the description removes the element and nothing else', () => {
    const r = edit('kitchen-sink.xml', (doc) => writeGeneral(doc, { description: undefined }));
    expect(r.added).toEqual([]);
    expect(r.removed).toHaveLength(2);
    expect(r.removed[0]).toMatch(/^<description>Ünïcødé/);
  });

  it('lists, reads, replaces and removes one application’s metadata, leaving the others', () => {
    const r = edit('kitchen-sink.xml', (doc) => {
      expect(listMetadata(doc).map((m) => m.namespace)).toEqual([
        'http://libosinfo.org/xmlns/libvirt/domain/1.0',
        'http://app1.org/app1/',
        'urn:example:other',
      ]);
      expect(getMetadata(doc, 'http://app1.org/app1/')).toContain('<![CDATA[<me> & this]]>');
      setMetadata(
        doc,
        'urn:example:other',
        '<o:tags xmlns:o="urn:example:other"><o:tag>staging</o:tag></o:tags>',
      );
      setMetadata(doc, 'http://libosinfo.org/xmlns/libvirt/domain/1.0', undefined);
    });
    expect(r.added).toEqual(['<o:tags xmlns:o="urn:example:other">', '<o:tag>staging</o:tag>', '</o:tags>']);
    expect(r.removed).toEqual([
      '<libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">',
      '<libosinfo:os id="http://fedoraproject.org/fedora/40"/>',
      '</libosinfo:libosinfo>',
      '<other:tags xmlns:other="urn:example:other"><other:tag>prod</other:tag><other:tag/></other:tags>',
    ]);
  });

  it('refuses metadata that does not declare the namespace it is stored under', () => {
    const doc = parseDomainXml(fixture('test-driver-domain.xml'));
    expect(() => setMetadata(doc, 'urn:a', '<b:x xmlns:b="urn:b"/>')).toThrow(
      /must declare the namespace urn:a/,
    );
  });
});

describe('memory', () => {
  it('reads sizes in bytes with libvirt’s decimal and binary units', () => {
    const doc = parseDomainXml(fixture('kitchen-sink.xml'));
    expect(readMemory(doc)).toEqual({
      memory: 4 * GiB,
      currentMemory: 2048 * 1e6,
      maxMemory: 16 * GiB,
      maxMemorySlots: 16,
    });
    expect(readMemtune(doc)).toEqual({
      hardLimit: 8 * GiB,
      softLimit: 128 * MiB,
      swapHardLimit: 9 * GiB,
      minGuarantee: 67108864,
    });
    expect(readMemoryBacking(doc)).toMatchObject({
      hugepages: true,
      pages: [
        { size: GiB, nodeset: '0' },
        { size: 2 * MiB, nodeset: '1' },
      ],
      nosharepages: true,
      locked: true,
      source: 'file',
      access: 'shared',
      allocation: 'immediate',
      discard: true,
    });
  });

  it('changing memory keeps the unit the document uses', () => {
    const r = edit('csr1kv-1.xml', (doc) => writeMemory(doc, { memory: 16 * GiB, currentMemory: 8 * GiB }));
    expect(r.removed).toEqual(["<memory unit='KiB'>8388608</memory>"]);
    expect(r.added).toEqual(["<memory unit='KiB'>16777216</memory>"]);
  });

  it('adds maxMemory with slots before <memory>, and memtune in place', () => {
    const r = edit(
      'test-driver-domain.xml',
      (doc) => {
        writeMemory(doc, { maxMemory: 32 * GiB, maxMemorySlots: 8 });
        writeMemtune(doc, { hardLimit: 10 * GiB });
      },
      false,
    );
    expect(r.added).toEqual([
      "<maxMemory unit='KiB' slots='8'>33554432</maxMemory>",
      '<memtune>',
      "<hard_limit unit='KiB'>10485760</hard_limit>",
      '</memtune>',
    ]);
    expect(r.after.indexOf('<maxMemory')).toBeLessThan(r.after.indexOf('<memory'));
  });

  it('switches hugepages from 1 GiB to 2 MiB pages and drops locking; the rest of memoryBacking stays', () => {
    const r = edit('csr1kv-1.xml', (doc) =>
      writeMemoryBacking(doc, { pages: [{ size: 2 * MiB }], locked: false }),
    );
    expect(r.removed).toEqual(["<page size='1048576' unit='KiB'/>", '<locked/>']);
    expect(r.added).toEqual(["<page size='2048' unit='KiB'/>"]);
  });

  it('dropping the explicit page sizes keeps hugepages on, at the host’s default size', () => {
    const r = edit('csr1kv-1.xml', (doc) => writeMemoryBacking(doc, { pages: undefined }));
    expect(r.removed).toEqual(['<hugepages>', "<page size='1048576' unit='KiB'/>", '</hugepages>']);
    expect(r.added).toEqual(['<hugepages/>']);
    expect(readMemoryBacking(r.doc)).toMatchObject({ hugepages: true, locked: true });
  });

  it('removing the last memoryBacking setting prunes the empty element', () => {
    const r = edit('csr1kv-1.xml', (doc) =>
      writeMemoryBacking(doc, { hugepages: false, locked: false, nosharepages: false }),
    );
    expect(r.added).toEqual([]);
    expect(r.after).not.toContain('memoryBacking');
  });
});

describe('vCPUs and CPU model', () => {
  it('reads vcpu, vcpus, pinning and the CPU', () => {
    const doc = parseDomainXml(fixture('kitchen-sink.xml'));
    expect(readVcpu(doc)).toMatchObject({ count: 4, current: 2, placement: 'static', cpuset: '1-4,^3,6' });
    expect(readVcpu(doc).vcpus).toHaveLength(4);
    expect(readCputune(doc)).toMatchObject({ shares: 2048, quota: -1, emulatorpin: '6' });
    expect(readCpu(doc)).toMatchObject({ mode: 'host-model', sockets: 1, dies: 1, cores: 2, threads: 2 });
    expect(readCpu(doc).features).toEqual([
      { policy: 'require', name: 'vmx' },
      { policy: 'disable', name: 'svm' },
    ]);
  });

  it('re-pins one vCPU and changes emulatorpin without touching the other pins', () => {
    const r = edit('csr1kv-1.xml', (doc) => {
      const pins = readCputune(doc).vcpupin!;
      pins[3] = { vcpu: 3, cpuset: '12' };
      writeCputune(doc, { vcpupin: pins, emulatorpin: '37-40' });
    });
    expect(r.removed).toEqual(["<vcpupin vcpu='3' cpuset='4'/>", "<emulatorpin cpuset='37-44'/>"]);
    expect(r.added).toEqual(["<vcpupin vcpu='3' cpuset='12'/>", "<emulatorpin cpuset='37-40'/>"]);
  });

  it('sets a custom CPU model with topology; topology goes after model', () => {
    const r = edit('csr1kv-1.xml', (doc) => {
      writeVcpu(doc, { count: 8, current: 4 });
      writeCpu(doc, {
        mode: 'custom',
        match: 'exact',
        check: undefined,
        model: 'Skylake-Server',
        sockets: 1,
        cores: 4,
        threads: 2,
      });
    });
    expect(r.removed).toEqual([
      "<vcpu placement='static'>8</vcpu>",
      "<cpu mode='host-passthrough' check='none'/>",
    ]);
    expect(r.added).toEqual([
      "<vcpu placement='static' current='4'>8</vcpu>",
      "<cpu mode='custom' match='exact'>",
      '<model>Skylake-Server</model>',
      "<topology sockets='1' cores='4' threads='2'/>",
      '</cpu>',
    ]);
  });
});

describe('os and boot', () => {
  it('reads firmware, loader, nvram, kernel boot and BIOS options', () => {
    expect(readOs(parseDomainXml(fixture('kitchen-sink.xml')))).toMatchObject({
      type: 'hvm',
      arch: 'x86_64',
      machine: 'pc-q35-8.2',
      firmware: 'efi',
      loaderReadonly: true,
      loaderType: 'pflash',
      loaderSecure: true,
      nvramTemplate: '/usr/share/OVMF/OVMF_VARS.secboot.fd',
      bootMenu: true,
      bootMenuTimeout: 3000,
      biosUseSerial: true,
      biosRebootTimeout: 0,
      cmdline: 'console=ttyS0 root=/dev/vda1 quiet',
      smbios: 'sysinfo',
    });
  });

  it('edits boot order and menu in canonical order', () => {
    const r = edit('csr1kv-1.xml', (doc) =>
      writeOs(doc, {
        boot: [{ dev: 'cdrom' }, { dev: 'hd' }],
        bootMenu: true,
        biosUseSerial: true,
        biosRebootTimeout: 5000,
      }),
    );
    expect(r.removed).toEqual([]);
    expect(r.after).toContain("<boot dev='cdrom'/>\n    <boot dev='hd'/>\n    <bootmenu enable='yes'/>");
    expect(r.added).toEqual([
      "<boot dev='cdrom'/>",
      "<bootmenu enable='yes'/>",
      "<bios useserial='yes' rebootTimeout='5000'/>",
    ]);
  });

  it('direct kernel boot adds kernel/initrd/cmdline before <boot>', () => {
    const r = edit('test-driver-domain.xml', (doc) =>
      writeOs(doc, { kernel: '/boot/vmlinuz', initrd: '/boot/initrd', cmdline: 'console=ttyS0' }),
    );
    expect(r.after).toMatch(
      /<type arch='i686'>hvm<\/type>\n {4}<kernel>\/boot\/vmlinuz<\/kernel>\n {4}<initrd>\/boot\/initrd<\/initrd>\n {4}<cmdline>console=ttyS0<\/cmdline>\n {4}<boot dev='hd'\/>/,
    );
  });
});

describe('what must survive any edit', () => {
  it('passwords, unknown elements, foreign metadata, comments, PIs and CDATA survive edits everywhere', () => {
    const before = fixture('unknown-elements.xml');
    const r = edit(
      'unknown-elements.xml',
      (doc) => {
        writeGeneral(doc, { name: 'foreign2', title: 'T' });
        writeMemory(doc, { memory: 2 * GiB, currentMemory: 2 * GiB });
        writeCpu(doc, { mode: 'host-passthrough' });
        writeOs(doc, { boot: [{ dev: 'hd' }] });
      },
      false,
    );
    for (const keep of [
      "passwd='hunter2'",
      '<vendor:tuning knob="7"/>',
      "<vendor:hint level='high'/>",
      '<shiny-new-device model="2030" empty=""></shiny-new-device>',
      '<![CDATA[a CDATA <section> & more]]>',
      '<app2:x a=\'1\' b="2">text &#x263A; &#9731;</app2:x>',
      '<?virtdesk-note keep this processing instruction?>',
      '<!-- a comment between sections -->',
      '<unknown-top-level><child>value</child></unknown-top-level>',
    ]) {
      expect(before).toContain(keep);
      expect(r.after).toContain(keep);
    }
    expect(r.removed).toEqual([
      '<name>foreign</name>',
      "<memory unit='KiB'>1048576</memory>",
      "<boot dev='network'/>",
    ]);
  });
});

describe('edits validate and read back', () => {
  it('kitchen-sink with a CPU and memory edit still validates and reads back the new values', () => {
    const { doc } = edit('kitchen-sink.xml', (d) => {
      writeCpu(d, { sockets: 2, cores: 1, threads: 2 });
      writeMemory(d, { currentMemory: 3 * GiB + 512 * KiB });
    });
    expect(readCpu(doc)).toMatchObject({ sockets: 2, cores: 1, threads: 2, dies: 1 });
    expect(readMemory(doc).currentMemory).toBe(3 * GiB + 512 * KiB);
  });
});
