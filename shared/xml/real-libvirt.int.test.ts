import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostVirsh } from '../../e2e/host/test-host';
import {
  parseDomainXml,
  readGeneral,
  readMemory,
  serializeDomainXml,
  writeGeneral,
  writeMemory,
} from './index';
import { expectValid, fixture } from './testing/validate';
import { lineChanges } from './testing/edit-assert';
import { GRAPHICS_FIXTURES, graphicsXml, listensIn } from './testing/graphics-shapes';
import { noOpWriteChanges, oneFieldEditProblems } from './testing/view-properties';

// The corpus as the test host's real libvirt (qemu:///session) writes it, and edits that real
// libvirt accepts back.
const GUESTS = ['vd-tiny', 'vd-vnc-pass', 'vd-spice', 'vd-serial2', 'vd-vnc-socket'];
const dump = async (name: string, live = false) => {
  const r = await hostVirsh(['dumpxml', ...(live ? [] : ['--inactive']), '--security-info', name]);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.stdout;
};
// A file the test user can read (Node's stdin pipes are sockets, which virsh cannot open as /dev/stdin).
const define = async (xml: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'vd-define-'));
  const file = join(dir, 'domain.xml');
  chmodSync(dir, 0o755);
  writeFileSync(file, xml, { mode: 0o644 });
  try {
    const r = await hostVirsh(['define', file]);
    if (r.code !== 0) throw new Error(r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe("real libvirt's domain XML", () => {
  let original = '';
  afterAll(async () => {
    if (original) await define(original);
  });

  it('round-trips every test guest byte for byte', async () => {
    for (const name of GUESTS) {
      const xml = await dump(name);
      expect(serializeDomainXml(parseDomainXml(xml)), name).toBe(xml);
    }
  });

  it('edits title and memory, touching only those lines; libvirt accepts it and keeps the VNC password', async () => {
    original = await dump('vd-vnc-pass');
    const doc = parseDomainXml(original);
    writeGeneral(doc, { title: 'Edited by VirtDesk <&>' });
    writeMemory(doc, { memory: 96 * 1024 * 1024, currentMemory: 96 * 1024 * 1024 });
    const edited = serializeDomainXml(doc);
    expectValid(edited, 'domain');
    const changes = lineChanges(original, edited);
    expect(changes.removed.every((l) => /<(title|memory|currentMemory)\b/.test(l))).toBe(true);
    expect(changes.added.every((l) => /<(title|memory|currentMemory)\b/.test(l))).toBe(true);

    await define(edited);
    const back = parseDomainXml(await dump('vd-vnc-pass'));
    expect(readGeneral(back).title).toBe('Edited by VirtDesk <&>');
    expect(readMemory(back)).toMatchObject({ memory: 96 * 1024 * 1024, currentMemory: 96 * 1024 * 1024 });
    expect(serializeDomainXml(back)).toMatch(/passwd='vd-pass1'/);
  });
});

/** The lossless-edit properties (testing/view-properties.ts) on one document; [] when they hold. */
const propertyProblems = (xml: string) => [...noOpWriteChanges(xml), ...oneFieldEditProblems(xml)];

// A throw-away guest around some <graphics> elements, named per run: the host is shared.
const guestWith = (name: string, graphics: string[]) =>
  `<domain type='qemu'><name>${name}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>` +
  `<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>${graphics.join('')}</devices></domain>`;

describe('lossless views on the XML real libvirt writes', () => {
  it(
    'every view and device of every test guest, inactive and live: write(read()) is a no-op, one-field edits stay put',
    { timeout: 180_000 },
    async () => {
      for (const name of GUESTS) {
        for (const live of [false, true]) {
          expect(propertyProblems(await dump(name, live)), `${name}${live ? ' (live)' : ''}`).toEqual([]);
        }
      }
    },
  );

  it(
    'several, socket and none listens: libvirt reads what the view reads, and its own XML keeps the properties',
    { timeout: 180_000 },
    async () => {
      // The host's qemu.conf has no SPICE TLS, so libvirt refuses this fixture's tlsPort; its listen
      // shape (attribute + address child) is vd-spice's.
      const files = GRAPHICS_FIXTURES.filter((f) => f !== 'libvirt/graphics-spice.x86_64-latest.xml');
      for (const [i, file] of files.entries()) {
        const name = `vd-listens-${process.pid}-${i}`;
        const source = fixture(file);
        await define(guestWith(name, graphicsXml(source)));
        try {
          const xml = await dump(name);
          expect(listensIn(xml), file).toEqual(listensIn(source));
          expect(propertyProblems(xml), file).toEqual([]);
        } finally {
          await hostVirsh(['undefine', name]);
        }
      }
    },
  );
});
