// Property-style tests, over every domain fixture:
//  - lossless edits: for every domain view and every device with a view, writing back what was read
//    changes no byte, and each one-field edit changes that field only (testing/view-properties.ts);
//  - random edits through the views (seeded, bounded), then serialize → virt-xml-validate → parse →
//    every edited value reads back, and what was not edited is unchanged.
import { describe, expect, it } from 'vitest';
import { documentRoot } from './document';
import { parseDomainXml, serializeDomainXml } from './objects';
import { parseXml } from './parse';
import { MiB } from './units';
import { expectValid, fixture, fixtureNames } from './testing/validate';
import { noOpWriteChanges, oneFieldEditProblems } from './testing/view-properties';
import { readGeneral, writeGeneral } from './views/domain-general';
import { readMemory, readMemtune, writeMemory, writeMemtune } from './views/domain-memory';
import { readCpu, readVcpu, writeCpu, writeVcpu } from './views/domain-cpu';
import { readOs, writeOs, type BootDevice } from './views/domain-os';
import { readClock, readFeatures, writeClock, writeFeatures } from './views/domain-features';
import { readLifecycle, readNumatune, writeLifecycle, writeNumatune } from './views/domain-tuning';
import { listDevices } from './views/devices/device-list';
import { addNewDevice, readDevice, updateDevice } from './views/devices/device-views';
import type { XmlDocument } from './document';

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const maybe = <T>(r: Rand, v: T): T | undefined => (r() < 0.25 ? undefined : v);
const TEXTS = ['plain', 'a & b', '<tag> "q" \'s\'', 'Ünïcødé 描述 🚀', 'two\nlines', '  padded  '];

/** One kind of edit: a patch generator plus the view's read and write. */
interface Edit {
  name: string;
  read(doc: XmlDocument): Record<string, unknown>;
  write(doc: XmlDocument, patch: Record<string, unknown>): void;
  patch(r: Rand, doc: XmlDocument): Record<string, unknown>;
}

const view = <P extends object>(
  name: string,
  read: (doc: XmlDocument) => P,
  write: (doc: XmlDocument, p: P) => void,
  patch: (r: Rand, doc: XmlDocument) => NoInfer<P>,
): Edit => ({
  name,
  read: (doc) => read(doc) as Record<string, unknown>,
  write: (doc, p) => write(doc, p as P),
  patch: (r, doc) => patch(r, doc) as Record<string, unknown>,
});

const firstDisk = (doc: XmlDocument): string => listDevices(doc, 'disk')[0]!.key;

const EDITS: Edit[] = [
  view('general', readGeneral, writeGeneral, (r) => ({
    name: `vm-${int(r, 0, 999)}`,
    title: maybe(r, pick(r, TEXTS).replace(/\n/g, ' ')),
    description: maybe(r, pick(r, TEXTS).trim()),
  })),
  view('memory', readMemory, writeMemory, (r) => {
    const memory = int(r, 1, 64) * 256 * MiB;
    return { memory, currentMemory: memory - int(r, 0, 3) * 64 * MiB };
  }),
  view('memtune', readMemtune, writeMemtune, (r) => ({ hardLimit: maybe(r, int(r, 1, 32) * 512 * MiB) })),
  view('vcpu', readVcpu, writeVcpu, (r) => {
    const count = int(r, 1, 16);
    return {
      count,
      current: maybe(r, int(r, 1, count)),
      placement: 'static' as const,
      cpuset: maybe(r, `0-${int(r, 1, 7)}`),
    };
  }),
  view('cpu', readCpu, writeCpu, (r) => ({
    mode: pick(r, ['host-passthrough', 'host-model', 'maximum'] as const),
    sockets: 1,
    cores: int(r, 1, 4),
    threads: int(r, 1, 2),
  })),
  view('os', readOs, writeOs, (r) => ({
    // Boot devices and direct kernel boot exclude each other in libvirt's schema.
    ...(r() < 0.7
      ? {
          boot: [{ dev: pick<BootDevice>(r, ['hd', 'cdrom', 'network']) }],
          kernel: undefined,
          initrd: undefined,
          cmdline: undefined,
        }
      : { boot: undefined, kernel: '/boot/vmlinuz', cmdline: pick(r, TEXTS).replace(/\n/g, ' ') }),
    bootMenu: maybe(r, r() < 0.5),
    biosUseSerial: maybe(r, r() < 0.5),
    biosRebootTimeout: maybe(r, int(r, -1, 32767)),
  })),
  view('features', readFeatures, writeFeatures, (r) => ({
    acpi: r() < 0.8,
    pae: r() < 0.5,
    hvRelaxed: maybe(r, r() < 0.5),
    hvVapic: maybe(r, r() < 0.5),
    hvSpinlocks: true,
    hvSpinlockRetries: int(r, 4095, 8191),
    kvmHidden: maybe(r, r() < 0.5),
    smm: maybe(r, r() < 0.5),
    vmport: maybe(r, false),
  })),
  view('clock', readClock, writeClock, (r) => ({
    offset: pick(r, ['utc', 'localtime'] as const),
    timers: [
      { name: 'rtc' as const, tickpolicy: pick(r, ['catchup', 'delay'] as const) },
      { name: 'hpet' as const, present: r() < 0.5 },
    ],
  })),
  view('lifecycle', readLifecycle, writeLifecycle, (r) => ({
    onPoweroff: pick(r, ['destroy', 'restart'] as const),
    onCrash: pick(r, ['destroy', 'restart', 'coredump-destroy'] as const),
    suspendToMem: maybe(r, r() < 0.5),
  })),
  view('numatune', readNumatune, writeNumatune, (r) => ({
    mode: 'strict' as const,
    nodeset: `0-${int(r, 0, 3)}`,
  })),
  view(
    'disk',
    (doc) => readDevice(doc, 'disk', firstDisk(doc))!,
    (doc, p) => updateDevice(doc, 'disk', firstDisk(doc), p),
    (r) => ({
      cache: pick(r, ['none', 'writeback', 'directsync'] as const),
      discard: maybe(r, 'unmap' as const),
      serial: maybe(r, `SN${int(r, 0, 99999)}`),
      readonly: r() < 0.2,
      // libvirt allows a total limit or read/write limits, not both.
      totalIopsSec: maybe(r, int(r, 100, 100000)),
      readIopsSec: undefined,
      writeIopsSec: undefined,
    }),
  ),
];

function applyRandomEdits(
  doc: XmlDocument,
  r: Rand,
  count: number,
): Map<string, [Edit, Record<string, unknown>]> {
  const expected = new Map<string, [Edit, Record<string, unknown>]>();
  for (let i = 0; i < count; i++) {
    const e = pick(r, EDITS);
    const patch = e.patch(r, doc);
    e.write(doc, patch);
    for (const [key, value] of Object.entries(patch)) expected.set(`${e.name}.${key}`, [e, { [key]: value }]);
    if (r() < 0.15)
      addNewDevice(
        doc,
        'disk',
        { type: 'file', device: 'disk', driverName: 'qemu', format: 'qcow2', sourceFile: `/img/${i}.qcow2` },
        r,
      );
  }
  return expected;
}

describe('random edits through the views', () => {
  it.each([
    ['kitchen-sink.xml', 1],
    ['csr1kv-1.xml', 2],
    ['test-driver-domain.xml', 3],
    ['kitchen-sink.xml', 4],
    ['csr1kv-1.xml', 5],
  ])(
    '%s, seed %i: validate, re-parse, read back',
    (file, seed) => {
      const r = prng(seed);
      for (let round = 0; round < 6; round++) {
        const source = fixture(file);
        const doc = parseDomainXml(source);
        const spice = /passwd="it's-secret"/.test(source);
        const expected = applyRandomEdits(doc, r, int(r, 3, 12));
        const xml = serializeDomainXml(doc);
        expectValid(xml, 'domain');
        const reread = parseDomainXml(xml);
        for (const [path, [edit, values]] of expected) {
          const [key] = Object.keys(values);
          expect(edit.read(reread)[key!], `${path} (seed ${seed}, round ${round})`).toEqual(values[key!]);
        }
        // Idempotent: serializing the re-read document gives the same text.
        expect(serializeDomainXml(reread)).toBe(xml);
        if (spice) expect(xml).toContain(`passwd="it's-secret"`);
      }
      // Six virt-xml-validate processes: ~2 s alone, past vitest's 5 s default on a loaded 2-core machine.
    },
    30_000,
  );
});

/** Every domain fixture (the malformed node1 as printed is a parser fixture, not a domain). */
const DOMAIN_FIXTURES = fixtureNames().filter(
  (f) => f !== 'node1-as-printed.xml' && documentRoot(parseXml(fixture(f))).name === 'domain',
);

describe.each(DOMAIN_FIXTURES)('lossless views of %s', (file) => {
  it('writing back what any view or device read changes no byte', () => {
    expect(noOpWriteChanges(fixture(file))).toEqual([]);
  });

  // Hundreds of edits for the kitchen sink: a second or two, more on a busy machine.
  it('a one-field edit reads back and changes that field’s nodes only', { timeout: 30_000 }, () => {
    expect(oneFieldEditProblems(fixture(file))).toEqual([]);
  });
});
