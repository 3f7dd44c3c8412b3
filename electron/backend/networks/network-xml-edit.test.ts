import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkEditResult } from '../../../shared/api/network-edit';
import { createHarness, type Harness } from '../testing/backend-harness';

// A network's XML edited with a diff before apply (issue 10), through the real backend and the real
// virsh against libvirt's test driver (test:///default, a local connection): its `default` network
// is "running" there without touching this machine's networking.
let h: Harness;
let hostId: string;
let uuid: string;

const base = async () => (await h.call('networks/edit-base', { hostId, uuid })).xml;
const edit = (baseXml: string, xml: string, preview = false): Promise<NetworkEditResult> =>
  h.call('networks/edit-xml', { hostId, uuid, baseXml, xml, preview });
const liveXml = async () => (await h.call('networks/xml', { hostId, uuid })).xml;
const summary = async () => (await h.call('networks/list', { hostId })).find((n) => n.uuid === uuid);

beforeAll(async () => {
  h = await createHarness();
  const view = await h.call('hosts/add', { transport: 'local', uri: 'test:///default', autoconnect: false });
  hostId = view.config.id;
  expect((await h.call('hosts/connect', { hostId })).state).toBe('connected');
  uuid = (await h.call('networks/list', { hostId })).find((n) => n.name === 'default')!.uuid;
}, 60_000);
afterAll(() => h?.dispose());

describe('editing a network’s XML', () => {
  it('shows the diff first, then changes a running network’s DHCP range live', async () => {
    const before = await base();
    expect(before).toContain("<range start='192.168.122.2' end='192.168.122.254'/>");
    const next = before.replace(
      "start='192.168.122.2' end='192.168.122.254'",
      "start='192.168.122.100' end='192.168.122.199'",
    );
    const preview = await edit(before, next, true);
    expect(preview).toMatchObject({ outcome: 'preview', effect: 'live' });
    expect(preview.outcome === 'preview' && preview.diff).toMatch(
      /-\s*<range start='192.168.122.2' end='192.168.122.254'\/>\n\+\s*<range start='192.168.122.100' end='192.168.122.199'\/>/,
    );
    // Nothing was defined by the preview.
    expect(await base()).toBe(before);
    const applied = await edit(before, next);
    expect(applied).toMatchObject({ outcome: 'applied', effect: 'live' });
    expect(applied.outcome === 'applied' && applied.xml).toBe(await base());
    expect(await liveXml()).toContain("<range start='192.168.122.100' end='192.168.122.199'/>");
    expect((await summary())?.ips[0]?.dhcpRanges).toEqual([
      { start: '192.168.122.100', end: '192.168.122.199' },
    ]);
  });

  it('says a change libvirt reads only at start takes effect after a restart', async () => {
    const before = await base();
    const next = before.replace('</network>', "  <domain name='lab.test'/>\n</network>");
    expect(await edit(before, next, true)).toMatchObject({ outcome: 'preview', effect: 'restart' });
    expect(await edit(before, next)).toMatchObject({ outcome: 'applied', effect: 'restart' });
    expect(await liveXml()).not.toContain('lab.test');
    // (libvirt 9.0's test driver then drops the new definition of a running network, even across
    // destroy/start; the real session host checks the saved definition in networks.int.test.ts.)
  });

  it('refuses a stale base with what changed on the host, and defines nothing', async () => {
    const opened = await base();
    const range = /<range [^>]*\/>/;
    const elsewhere = opened.replace(range, "<range start='192.168.122.50' end='192.168.122.60'/>");
    expect(await edit(opened, elsewhere)).toMatchObject({ outcome: 'applied' });
    const mine = opened.replace(range, "<range start='192.168.122.70' end='192.168.122.80'/>");
    const result = await edit(opened, mine);
    expect(result.outcome).toBe('stale');
    if (result.outcome !== 'stale') return;
    expect(result.changes).toMatch(
      /-\s*<range start='192.168.122.100' end='192.168.122.199'\/>\n\+\s*<range start='192.168.122.50' end='192.168.122.60'\/>/,
    );
    expect(result.xml).toBe(await base());
    expect(await base()).toContain('192.168.122.50');
  });

  it('names the line and column of malformed XML, and refuses a rename', async () => {
    const before = await base();
    const broken = before.replace('</name>', '</nam>');
    const result = await edit(before, broken);
    expect(result).toMatchObject({ outcome: 'invalid', problems: [{ code: 'malformed', line: 2 }] });
    expect(result.outcome === 'invalid' && result.problems[0]?.column).toBeGreaterThan(1);
    expect(await edit(before, before.replace('<name>default</name>', '<name>renamed</name>'))).toMatchObject({
      outcome: 'invalid',
      problems: [
        {
          code: 'network-renamed',
          message:
            'The <name> must stay “default”: libvirt cannot rename a network (define a new one instead)',
          check: { key: 'network.renamed', values: { name: 'default' } }, // issue 15
        },
      ],
    });
    expect(await base()).toBe(before);
  });

  it('keeps libvirt’s own refusal and changes nothing', async () => {
    const before = await base();
    const outside = before.replace(/<range [^>]*\/>/, "<range start='10.1.0.5' end='10.1.0.9'/>");
    const result = await edit(before, outside);
    expect(result.outcome).toBe('invalid');
    if (result.outcome !== 'invalid') return;
    expect(result.problems[0]).toMatchObject({ code: 'libvirt' });
    expect(result.problems[0]?.message).toMatch(/10\.1\.0\.5/);
    expect(await base()).toBe(before);
  });

  it('a stopped network just saves the definition, used at its next start', async () => {
    await h.call('networks/action', { hostId, uuid, action: 'stop' });
    const before = await base();
    const next = before.replace('</network>', "  <domain name='stopped.test'/>\n</network>");
    expect(await edit(before, next)).toMatchObject({ outcome: 'applied', effect: 'saved' });
    expect(await base()).toContain("<domain name='stopped.test'/>");
    await h.call('networks/action', { hostId, uuid, action: 'start' });
    expect(await liveXml()).toContain("<domain name='stopped.test'/>");
  });
});
