import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { NetworkEditResult } from '../../../shared/api/network-edit';
import { hostVirsh } from '../../../e2e/host/test-host';
import { connectByKey, createHarness, type Harness } from '../testing/backend-harness';

// A network's XML edited on the real session host (issue 10). The network is isolated, has no
// <ip> (so no DHCP) and no <forward> (so no NAT), and is only defined, never started: session
// libvirt cannot make its bridge, and nothing here may start a network on the test machine.
const host = inject('testHost');
const NAME = 'vd-sn-xml-int';
const dir = mkdtempSync(join(tmpdir(), 'vd-sn-net-'));
chmodSync(dir, 0o755);
let h: Harness;
let hostId: string;
let uuid: string;

/** virsh run apart ends with one more newline than the shell's reply (docs/notes.md): compare trimmed. */
const inactive = async () => (await hostVirsh(['net-dumpxml', '--inactive', NAME])).stdout.trim();
/** `virsh net-define` behind VirtDesk's back (another admin's change). */
async function defineOnHost(xml: string): Promise<void> {
  const file = join(dir, 'net.xml');
  writeFileSync(file, xml, { mode: 0o644 });
  const r = await hostVirsh(['net-define', file]);
  expect(r.code, r.stderr).toBe(0);
}
const base = async () => (await h.call('networks/edit-base', { hostId, uuid })).xml;
const trimmed = async () => (await base()).trim();
const edit = (baseXml: string, xml: string, preview = false): Promise<NetworkEditResult> =>
  h.call('networks/edit-xml', { hostId, uuid, baseXml, xml, preview });

beforeAll(async () => {
  await hostVirsh(['net-undefine', NAME]);
  h = await createHarness();
  hostId = await connectByKey(h, host);
  await h.call('networks/list', { hostId });
  const listed = h.waitFor('networks/delta', (d) => d.upsert.some((n) => n.name === NAME), 60_000);
  await defineOnHost(`<network>\n  <name>${NAME}</name>\n  <bridge name='vdsnxml1'/>\n</network>\n`);
  uuid = (await listed).upsert.find((n) => n.name === NAME)!.uuid;
}, 120_000);
afterAll(async () => {
  h?.dispose();
  await hostVirsh(['net-undefine', NAME]);
  rmSync(dir, { recursive: true, force: true });
});

describe('editing a network’s XML on the real session host', () => {
  it('previews the diff, defines it with net-define, and libvirt has it', async () => {
    const before = await base();
    expect(before.trim()).toBe(await inactive());
    const next = before.replace(
      '</network>',
      "  <domain name='vd-sn.test'/>\n  <mtu size='9000'/>\n</network>",
    );
    const preview = await edit(before, next, true);
    expect(preview).toMatchObject({ outcome: 'preview', effect: 'saved' });
    expect(preview.outcome === 'preview' && preview.diff).toContain("+  <domain name='vd-sn.test'/>");
    expect(await inactive()).toBe(before.trim());
    const applied = await edit(before, next);
    expect(applied).toMatchObject({ outcome: 'applied', effect: 'saved' });
    const now = await inactive();
    expect(now).toContain("<domain name='vd-sn.test'/>");
    expect(now).toContain("<mtu size='9000'/>");
    expect(applied.outcome === 'applied' && applied.xml.trim()).toBe(now);
    expect(await trimmed()).toBe(now);
  });

  it('refuses to overwrite a definition changed on the host meanwhile, and shows that change', async () => {
    const opened = await base();
    await defineOnHost(opened.replace("<mtu size='9000'/>", "<mtu size='1400'/>"));
    const result = await edit(
      opened,
      opened.replace("<domain name='vd-sn.test'/>", "<domain name='mine.test'/>"),
    );
    expect(result.outcome).toBe('stale');
    if (result.outcome !== 'stale') return;
    expect(result.changes).toMatch(/-\s*<mtu size='9000'\/>\n\+\s*<mtu size='1400'\/>/);
    const now = await inactive();
    expect(now).toContain("<mtu size='1400'/>");
    expect(now).toContain('vd-sn.test');
  });

  it('names line and column of malformed XML; keeps the schema’s and libvirt’s refusals; changes nothing', async () => {
    const before = await base();
    const malformed = await edit(before, before.replace('<bridge', '<bridge <'));
    expect(malformed).toMatchObject({ outcome: 'invalid', problems: [{ code: 'malformed', line: 4 }] });
    const schema = await edit(
      before,
      before.replace('</network>', "  <forward mode='sideways'/>\n</network>"),
    );
    expect(schema).toMatchObject({ outcome: 'invalid', problems: [{ code: 'schema' }] });
    // Valid to the schema, refused by libvirt: a DHCP range outside its subnet (never started).
    const refused = await edit(
      before,
      before.replace(
        '</network>',
        "  <ip address='10.97.0.1' prefix='24'>\n    <dhcp>\n      <range start='10.96.0.5' end='10.96.0.9'/>\n    </dhcp>\n  </ip>\n</network>",
      ),
    );
    expect(refused.outcome).toBe('invalid');
    if (refused.outcome === 'invalid') {
      expect(refused.problems[0]?.code).toBe('libvirt');
      expect(refused.problems[0]?.message).toMatch(/10\.96\.0\.5/);
    }
    expect(await inactive()).toBe(before.trim());
  });
});
