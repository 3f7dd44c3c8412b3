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
import { expectValid } from './testing/validate';
import { lineChanges } from './testing/edit-assert';

// The corpus as the test host's real libvirt (qemu:///session) writes it, and edits that real
// libvirt accepts back.
const GUESTS = ['vd-tiny', 'vd-vnc-pass', 'vd-spice', 'vd-serial2', 'vd-vnc-socket'];
const dump = async (name: string) => {
  const r = await hostVirsh(['dumpxml', '--inactive', '--security-info', name]);
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
