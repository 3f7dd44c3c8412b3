import { describe, expect, it } from 'vitest';
import type { EditChange } from '../../../shared/api/domain-edit';
import { applyChanges } from '../../../shared/domain-edit/apply-changes';
import { seedFixture } from '../../../shared/domain-edit/testing/seed-fixtures';
import type { XmlDocument } from '../../../shared/xml/document';
import { parseDomainXml, serializeDomainXml } from '../../../shared/xml/objects';
import { lineChanges } from '../../../shared/xml/testing/edit-assert';
import { expectValid, fixture, libvirtRoundTrip } from '../../../shared/xml/testing/validate';
import { fieldId, readValue, toInput } from '../field-defs';
import { hardwareItems } from '../hardware-items';
import { listId, readRows } from './list-edits';
import { iotuneFieldsFor } from '../pane-fields';
import { TUNING_PANES, type TuningPaneDefs } from './tuning-fields';

// The seeds' two tuned VMs, normalised and defined on libvirt's test driver (define + dumpxml
// --inactive --security-info on test:///default): what the tuning panes read from them, and what
// one edit per pane does to the document libvirt keeps.
const SEEDS = {
  'csr1kv-1': libvirtRoundTrip(fixture('csr1kv-1.xml')),
  node1: libvirtRoundTrip(seedFixture('node1-tuned.xml')),
};

type Pane = TuningPaneDefs;
const PANES: Record<string, (doc: XmlDocument) => Pane> = {
  ...Object.fromEntries(Object.entries(TUNING_PANES).map(([name, pane]) => [name, () => pane])),
  // The first disk's pane: its I/O limits (moved there from the Disk I/O tuning item).
  disk: () => ({ defs: iotuneFieldsFor('disk:vda'), lists: [] }),
};

/** What a pane's controls show: each field's text (or checkbox) and each list's rows; unset left out. */
function shown(doc: XmlDocument, pane: Pane) {
  const out: Record<string, unknown> = {};
  for (const def of pane.defs) {
    const value = toInput(def, readValue(doc, def));
    if (value !== '' && value !== false) out[fieldId(def)] = value;
  }
  for (const list of pane.lists) {
    const rows = readRows(doc, list).map((r) =>
      Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '')),
    );
    if (rows.length > 0) out[listId(list)] = rows;
  }
  return out;
}
const everyPane = (doc: XmlDocument) =>
  Object.fromEntries(Object.entries(PANES).map(([name, pane]) => [name, shown(doc, pane(doc))]));

describe('every tuning value of the seed VMs shows in the panes', () => {
  it('lists the tuning items after Boot options', () => {
    const labels = hardwareItems(parseDomainXml(SEEDS.node1)).map((i) => i.label);
    expect(labels.slice(6, 11)).toEqual([
      'itemCpuTuning',
      'itemMemoryTuning',
      'itemIoTuning',
      'itemFeatures',
      'itemClockPower',
    ]);
  });

  it('csr1kv-1 (seed 003): pins, hugepages, locked, KSM off, strict NUMA, clock, power, lifecycle', () => {
    expect(everyPane(parseDomainXml(SEEDS['csr1kv-1']))).toEqual({
      cpu: {
        'vcpu.placement': 'static',
        'cputune.emulatorpin': '37-44',
        'cputune.vcpupin': Array.from({ length: 8 }, (_, i) => ({ vcpu: String(i), cpuset: String(i + 1) })),
      },
      memory: {
        'memoryBacking.hugepages': true,
        'memoryBacking.locked': true,
        'memoryBacking.nosharepages': true,
        'memoryBacking.pages': [{ size: '1 GiB' }],
        'numatune.mode': 'strict',
        'numatune.nodeset': '0',
      },
      io: {},
      disk: {},
      features: { 'features.acpi': true, 'features.apic': true },
      clock: {
        'clock.offset': 'utc',
        'lifecycle.onPoweroff': 'destroy',
        'lifecycle.onReboot': 'restart',
        'lifecycle.onCrash': 'destroy',
        'lifecycle.suspendToMem': 'off',
        'lifecycle.suspendToDisk': 'off',
        'clock.timers': [
          { name: 'rtc', tickpolicy: 'catchup' },
          { name: 'pit', tickpolicy: 'delay' },
          { name: 'hpet', present: 'off' },
        ],
      },
    });
  });

  it('node1 (seed 000) with the tuning seed 000 documents element by element', () => {
    const hv = ['Relaxed', 'Vapic', 'Spinlocks', 'Vpindex', 'Runtime', 'Synic', 'Reset', 'VendorId']
      .concat(['Frequencies', 'Reenlightenment', 'Tlbflush', 'Ipi', 'Evmcs'])
      .map((n) => [`features.hv${n}`, 'on']);
    expect(everyPane(parseDomainXml(SEEDS.node1))).toEqual({
      cpu: { 'vcpu.placement': 'static', 'vcpu.cpuset': '0' },
      memory: {
        'memoryBacking.hugepages': true,
        'memoryBacking.locked': true,
        'memoryBacking.nosharepages': true,
        'memoryBacking.discard': true,
        'memoryBacking.source': 'file',
        'memoryBacking.access': 'shared',
        'memoryBacking.allocation': 'immediate',
        'memoryBacking.pages': [
          { size: '1 GiB', nodeset: '0-3,5' },
          { size: '2 MiB', nodeset: '4' },
        ],
        'memtune.hardLimit': '1 GiB',
        'memtune.softLimit': '128 MiB',
        'memtune.swapHardLimit': '2 GiB',
        'memtune.minGuarantee': '64 MiB',
        'numatune.mode': 'strict',
        // libvirt writes '1-4,^3' as the set it means
        'numatune.nodeset': '1-2,4',
        'numatune.memnodes': [
          { cellid: '0', mode: 'strict', nodeset: '1' },
          { cellid: '2', mode: 'preferred', nodeset: '2' },
        ],
        'cpu.numaCells': [
          { id: '0', cpus: '0', memory: '524288', unit: 'KiB' },
          { id: '1', cpus: '1', memory: '524288', unit: 'KiB' },
          ...[2, 3, 4, 5].map((id) => ({ id: String(id), memory: '262144', unit: 'KiB' })),
        ],
      },
      io: {
        'blkiotune.weight': '800',
        'lifecycle.partition': '/virtualmachines/production',
        'blkiotune.devices': [
          { path: '/dev/sda', weight: '1000' },
          {
            path: '/dev/sdb',
            weight: '500',
            readBytesSec: '10000',
            writeBytesSec: '10000',
            readIopsSec: '20000',
            writeIopsSec: '20000',
          },
        ],
      },
      disk: {},
      features: {
        'features.acpi': true,
        'features.apic': true,
        'features.pae': true,
        'features.pvspinlock': 'on',
        'features.smm': 'on',
        'features.vmcoreinfo': 'on',
        'features.kvmHidden': 'on',
        'features.hyperv': true,
        'features.hypervMode': 'custom',
        'features.hvSpinlockRetries': '4096',
        'features.hvVendorIdValue': 'KVM Hv',
        ...Object.fromEntries(hv),
      },
      clock: {
        'clock.offset': 'localtime',
        'lifecycle.onPoweroff': 'destroy',
        'lifecycle.onReboot': 'restart',
        'lifecycle.onCrash': 'restart',
        'lifecycle.onLockfailure': 'restart',
        'lifecycle.suspendToMem': 'on',
        'lifecycle.suspendToDisk': 'off',
      },
    });
  });
});

const domain = (view: Extract<EditChange, { target: 'domain' }>['view'], patch: Record<string, unknown>) =>
  ({ target: 'domain', view, patch }) as EditChange;

/** One edit per pane and seed: the changes, and exactly the lines it changes in libvirt's document. */
const EDITS: {
  seed: keyof typeof SEEDS;
  pane: string;
  changes: EditChange[];
  removed: string[];
  added: string[];
}[] = [
  {
    seed: 'csr1kv-1',
    pane: 'cpu',
    changes: [
      domain('cputune', {
        vcpupin: Array.from({ length: 8 }, (_, i) => ({
          vcpu: i,
          cpuset: i < 2 ? String(i + 9) : String(i + 1),
        })),
        emulatorpin: '37-40',
      }),
    ],
    removed: [
      "<vcpupin vcpu='0' cpuset='1'/>",
      "<vcpupin vcpu='1' cpuset='2'/>",
      "<emulatorpin cpuset='37-44'/>",
    ],
    added: [
      "<vcpupin vcpu='0' cpuset='9'/>",
      "<vcpupin vcpu='1' cpuset='10'/>",
      "<emulatorpin cpuset='37-40'/>",
    ],
  },
  {
    seed: 'csr1kv-1',
    pane: 'memory',
    changes: [domain('memtune', { hardLimit: 9 * 2 ** 30, softLimit: 8 * 2 ** 30 })],
    removed: [],
    added: [
      '<memtune>',
      "<hard_limit unit='KiB'>9437184</hard_limit>",
      "<soft_limit unit='KiB'>8388608</soft_limit>",
      '</memtune>',
    ],
  },
  {
    seed: 'csr1kv-1',
    pane: 'io',
    changes: [
      domain('blkiotune', { weight: 500 }),
      { target: 'device', kind: 'disk', key: 'disk:vda', patch: { totalIopsSec: 1000 } },
    ],
    removed: [],
    added: [
      '<blkiotune>',
      '<weight>500</weight>',
      '</blkiotune>',
      '<iotune>',
      '<total_iops_sec>1000</total_iops_sec>',
      '</iotune>',
    ],
  },
  {
    seed: 'csr1kv-1',
    pane: 'features',
    changes: [domain('features', { hyperv: true, hypervMode: 'custom', hvRelaxed: true, kvmHidden: true })],
    removed: [],
    added: [
      "<hyperv mode='custom'>",
      "<relaxed state='on'/>",
      '</hyperv>',
      '<kvm>',
      "<hidden state='on'/>",
      '</kvm>',
    ],
  },
  {
    seed: 'csr1kv-1',
    pane: 'clock',
    changes: [
      domain('clock', {
        timers: [
          { name: 'rtc', tickpolicy: 'catchup' },
          { name: 'pit', tickpolicy: 'delay' },
          { name: 'hpet', present: false },
          { name: 'kvmclock', present: true },
        ],
      }),
      domain('lifecycle', { onCrash: 'restart', suspendToMem: true }),
    ],
    removed: ['<on_crash>destroy</on_crash>', "<suspend-to-mem enabled='no'/>"],
    added: [
      "<timer name='kvmclock' present='yes'/>",
      '<on_crash>restart</on_crash>',
      "<suspend-to-mem enabled='yes'/>",
    ],
  },
  {
    seed: 'node1',
    pane: 'cpu',
    changes: [
      domain('cputune', {
        vcpupin: [
          { vcpu: 0, cpuset: '0' },
          { vcpu: 1, cpuset: '1' },
        ],
      }),
    ],
    removed: [],
    added: ['<cputune>', "<vcpupin vcpu='0' cpuset='0'/>", "<vcpupin vcpu='1' cpuset='1'/>", '</cputune>'],
  },
  {
    seed: 'node1',
    pane: 'memory',
    changes: [
      domain('memtune', { hardLimit: 2 * 2 ** 30 }),
      domain('memoryBacking', {
        pages: [
          { size: 2 ** 30, nodeset: '0-3' },
          { size: 2 * 2 ** 20, nodeset: '4-5' },
        ],
      }),
      domain('numatune', { nodeset: '1-2' }),
    ],
    removed: [
      "<hard_limit unit='KiB'>1048576</hard_limit>",
      "<page size='1048576' unit='KiB' nodeset='0-3,5'/>",
      "<page size='2048' unit='KiB' nodeset='4'/>",
      "<memory mode='strict' nodeset='1-2,4'/>",
    ],
    added: [
      "<hard_limit unit='KiB'>2097152</hard_limit>",
      "<page size='1048576' unit='KiB' nodeset='0-3'/>",
      "<page size='2048' unit='KiB' nodeset='4-5'/>",
      "<memory mode='strict' nodeset='1-2'/>",
    ],
  },
  {
    seed: 'node1',
    pane: 'io',
    changes: [
      domain('blkiotune', {
        devices: [
          { path: '/dev/sda', weight: 1000 },
          {
            path: '/dev/sdb',
            weight: 600,
            readBytesSec: 10000,
            writeBytesSec: 10000,
            readIopsSec: 20000,
            writeIopsSec: 20000,
          },
        ],
      }),
      domain('lifecycle', { partition: '/virtualmachines/test' }),
    ],
    removed: ['<weight>500</weight>', '<partition>/virtualmachines/production</partition>'],
    added: ['<weight>600</weight>', '<partition>/virtualmachines/test</partition>'],
  },
  {
    seed: 'node1',
    pane: 'features',
    changes: [domain('features', { hvSpinlockRetries: 8192, hvStimer: true, pmu: false })],
    removed: ["<spinlocks state='on' retries='4096'/>"],
    added: ["<spinlocks state='on' retries='8192'/>", "<stimer state='on'/>", "<pmu state='off'/>"],
  },
  {
    seed: 'node1',
    pane: 'clock',
    changes: [
      domain('clock', { offset: 'utc', timers: [{ name: 'rtc', tickpolicy: 'catchup' }] }),
      domain('lifecycle', { onLockfailure: 'poweroff', suspendToDisk: true }),
    ],
    removed: [
      "<clock offset='localtime'/>",
      '<on_lockfailure>restart</on_lockfailure>',
      "<suspend-to-disk enabled='no'/>",
    ],
    added: [
      "<clock offset='utc'>",
      "<timer name='rtc' tickpolicy='catchup'/>",
      '</clock>',
      '<on_lockfailure>poweroff</on_lockfailure>',
      "<suspend-to-disk enabled='yes'/>",
    ],
  },
];

describe('one edit per pane reads back identically, and nothing else changes', () => {
  for (const edit of EDITS) {
    it(`${edit.seed}: the ${edit.pane} pane`, () => {
      const base = SEEDS[edit.seed];
      const doc = parseDomainXml(base);
      applyChanges(doc, edit.changes);
      const sent = serializeDomainXml(doc);
      expectValid(sent, 'domain');
      const back = libvirtRoundTrip(sent);
      // libvirt stores exactly what VirtDesk sent: the edit reads back byte for byte …
      expect(back).toBe(sent);
      // … every pane shows the edited values …
      expect(everyPane(parseDomainXml(back))).toEqual(everyPane(doc));
      // … and only the edited lines differ from the document before (the rest is byte-identical).
      const changes = lineChanges(base, back);
      expect(changes.removed.sort()).toEqual([...edit.removed].sort());
      expect(changes.added.sort()).toEqual([...edit.added].sort());
    });
  }
});
