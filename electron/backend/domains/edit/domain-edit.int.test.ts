import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EditChange } from '../../../../shared/api/domain-edit';
import { hostVirsh } from '../../../../e2e/host/test-host';
import { diskSourcePatch, nicSourcePatch } from '../../../../shared/domain-edit/source-patches';
import { pollUntil, type Harness } from '../../testing/backend-harness';
import { applied, setUpEditGuest, type EditGuest } from '../../testing/edit-guest';

// A real guest of the test host (qemu:///session, TCG): edited through the one edit path and
// checked with `virsh dumpxml` on the host, never through VirtDesk's own reading.
const host = inject('testHost');
const NAME = `vd-dt-edit-${process.pid}`;
const MEDIA = `/tmp/${NAME}.iso`;
const IMAGE = `/tmp/${NAME}.img`;
const MAC = '52:54:00:e1:00:01';
let h: Harness;
let hostId: string;
let uuid: string;

const GUEST = `<domain type='qemu'>
  <name>${NAME}</name>
  <title>Edit test</title>
  <metadata>
    <other:app xmlns:other="http://example.org/other-tool/1"><other:owner>ops</other:owner></other:app>
  </metadata>
  <memory unit='MiB'>64</memory>
  <currentMemory unit='MiB'>64</currentMemory>
  <vcpu placement='static' current='1'>2</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <boot dev='hd'/>
  </os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='${IMAGE}'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <target dev='hdc' bus='ide'/>
      <readonly/>
    </disk>
    <interface type='user'>
      <mac address='${MAC}'/>
      <model type='e1000'/>
    </interface>
    <serial type='pty'><target port='0'/></serial>
    <console type='pty'><target type='serial' port='0'/></console>
    <graphics type='vnc' autoport='yes' listen='127.0.0.1' passwd='vd-e-pw1'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>
    <video><model type='vga'/></video>
  </devices>
</domain>
`;

let guest: EditGuest;
const dumpxml = (...flags: string[]) => guest.dumpxml(...flags);
const base = () => guest.base();
/** One Apply from a freshly opened pane. */
const edit = (changes: EditChange[]) => guest.edit(changes);

beforeAll(async () => {
  guest = await setUpEditGuest(host, NAME, GUEST, [
    { path: MEDIA, bytes: 1 << 20, mode: 0o644 },
    { path: IMAGE, bytes: 1 << 20, mode: 0o666 },
  ]);
  ({ h, hostId, uuid } = guest);
});
afterAll(() => guest?.dispose());

describe('the edit path on a shut-off VM', () => {
  it('a boot-order edit keeps the VNC password and the foreign metadata (cockpit’s regression test)', async () => {
    const result = applied(
      await edit([{ target: 'domain', view: 'os', patch: { boot: [{ dev: 'cdrom' }, { dev: 'hd' }] } }]),
    );
    expect(result.fields).toEqual([{ field: 'os.boot', applied: 'saved' }]);
    const xml = await dumpxml('--inactive');
    expect(xml).toMatch(/<boot dev='cdrom'\/>\s*<boot dev='hd'\/>/);
    expect(xml).toContain("passwd='vd-e-pw1'");
    expect(xml).toContain('<other:owner>ops</other:owner>');
    expect(xml).toContain('xmlns:other="http://example.org/other-tool/1"');
  });

  it('changes memory and vCPUs, and the list shows them', async () => {
    const result = applied(
      await edit([
        { target: 'domain', view: 'memory', patch: { memory: 96 * 2 ** 20, currentMemory: 96 * 2 ** 20 } },
        { target: 'domain', view: 'vcpu', patch: { current: 2 } },
      ]),
    );
    expect(result.fields.every((f) => f.applied === 'saved')).toBe(true);
    const xml = await dumpxml('--inactive');
    expect(xml).toMatch(/<memory unit='KiB'>98304<\/memory>/);
    expect(xml).toMatch(/<vcpu placement='static'>2<\/vcpu>/);
    const list = await pollUntil(
      () => h.call('domains/list', { hostId }),
      (l) => l.some((d) => d.uuid === uuid && d.memoryKiB === 98304),
    );
    expect(list.find((d) => d.uuid === uuid)).toMatchObject({ memoryKiB: 98304, vcpus: 2 });
  });

  it('previews without defining', async () => {
    const before = await base();
    const result = await h.call('domains/edit', {
      hostId,
      uuid,
      baseXml: before,
      preview: true,
      changes: [{ target: 'device', kind: 'disk', key: 'disk:hdc', patch: { cache: 'none' } }],
    });
    expect(result).toMatchObject({ outcome: 'preview', diff: expect.stringContaining("cache='none'") });
    expect((await dumpxml('--inactive')).trim()).toBe(before.trim());
  });

  it('refuses a stale edit, says what changed, and defines nothing', async () => {
    const opened = await base();
    expect(
      (await hostVirsh(['desc', NAME, '--config', '--title', '--new-desc', 'Changed elsewhere'])).code,
    ).toBe(0);
    const result = await h.call('domains/edit', {
      hostId,
      uuid,
      baseXml: opened,
      changes: [{ target: 'domain', view: 'general', patch: { description: 'mine' } }],
    });
    expect(result).toMatchObject({ outcome: 'stale', changes: expect.stringContaining('Changed elsewhere') });
    expect(await dumpxml('--inactive')).not.toContain('mine');
  });

  it('refuses bad input with a message on the field and defines nothing', async () => {
    const before = await base();
    const cases = [
      [{ target: 'domain', view: 'memory', patch: { currentMemory: 2 ** 40 } }, 'memory.currentMemory'],
      [{ target: 'domain', view: 'vcpu', patch: { current: 3 } }, 'vcpu.current'],
      [{ target: 'domain', view: 'cpu', patch: { sockets: 1, cores: 3, threads: 1 } }, 'cpu.sockets'],
      [
        { target: 'device', kind: 'interface', key: `interface:${MAC}`, patch: { mac: '01:00:5e:00:00:01' } },
        `device:interface:${MAC}.mac`,
      ],
      [
        { target: 'device', kind: 'interface', key: `interface:${MAC}`, patch: { mac: 'zz:00' } },
        `device:interface:${MAC}.mac`,
      ],
    ] as const;
    for (const [change, field] of cases) {
      const result = await h.call('domains/edit', { hostId, uuid, baseXml: before, changes: [change] });
      expect(result.outcome, field).toBe('invalid');
      if (result.outcome === 'invalid') expect(result.problems.map((p) => p.field)).toContain(field);
    }
    expect((await dumpxml('--inactive')).trim()).toBe(before.trim());
  });

  it('edits XML: malformed is refused with its line, libvirt’s schema and define errors are quoted', async () => {
    const before = await base();
    const broken = before.replace('<title>', '<title><b>');
    const malformed = await h.call('domains/edit-xml', { hostId, uuid, baseXml: before, xml: broken });
    expect(malformed).toMatchObject({
      outcome: 'invalid',
      problems: [{ code: 'malformed', line: expect.any(Number) }],
    });
    const bad = before.replace(/<vcpu[^>]*>2<\/vcpu>/, "<vcpu placement='static'>two</vcpu>");
    const refused = await h.call('domains/edit-xml', { hostId, uuid, baseXml: before, xml: bad });
    expect(refused).toMatchObject({ outcome: 'invalid', problems: [{ field: 'xml' }] });
    // An element libvirt does not know: its define alone would drop it silently; its schema refuses it.
    const unknown = before.replace('</devices>', '<bogus-device/></devices>');
    const schema = await h.call('domains/edit-xml', { hostId, uuid, baseXml: before, xml: unknown });
    expect(schema).toMatchObject({
      outcome: 'invalid',
      problems: [{ field: 'xml', code: 'schema', message: expect.stringMatching(/schema/) }],
    });
    const previewed = await h.call('domains/edit-xml', {
      hostId,
      uuid,
      baseXml: before,
      xml: unknown,
      preview: true,
    });
    expect(previewed).toMatchObject({ outcome: 'invalid', problems: [{ code: 'schema' }] });
    expect((await dumpxml('--inactive')).trim()).toBe(before.trim());
    const good = before.replace(/<title>[^<]*<\/title>/, '<title>From the XML editor</title>');
    applied(await h.call('domains/edit-xml', { hostId, uuid, baseXml: before, xml: good }));
    expect(await dumpxml('--inactive')).toContain('<title>From the XML editor</title>');
  });

  it('edits one device as XML', async () => {
    const before = await base();
    const video = "<video>\n  <model type='cirrus'/>\n</video>\n";
    applied(
      await h.call('domains/edit-xml', { hostId, uuid, baseXml: before, xml: video, deviceKey: 'video:#0' }),
    );
    expect(await dumpxml('--inactive')).toMatch(/<model type='cirrus'/);
  });
});

describe('sources, firmware and boot order of a shut-off VM (third session)', () => {
  it('a disk gets a volume by its path, a NIC a virtual network', async () => {
    applied(
      await edit([
        {
          target: 'device',
          kind: 'disk',
          key: 'disk:vda',
          patch: diskSourcePatch({ kind: 'volume', pool: 'p', volume: 'v', path: MEDIA }),
        },
        {
          target: 'device',
          kind: 'interface',
          key: `interface:${MAC}`,
          patch: nicSourcePatch({ kind: 'network', network: 'vd-dt-net' }),
        },
      ]),
    );
    const xml = await dumpxml('--inactive');
    expect(xml).toMatch(new RegExp(`<source file='${MEDIA}'/>\\s*<target dev='vda'`));
    expect(xml).toMatch(/<interface type='network'>[\s\S]*<source network='vd-dt-net'\/>/);
    // Back to user networking for the live tests below.
    applied(
      await h.call('domains/edit-xml', {
        hostId,
        uuid,
        baseXml: await base(),
        xml: (await base())
          .replace(/<interface type='network'>/, "<interface type='user'>")
          .replace(/<source network='vd-dt-net'\/>\s*/, '')
          .replace(`<source file='${MEDIA}'/>`, `<source file='${IMAGE}'/>`),
      }),
    );
  });

  it('firmware: BIOS → UEFI through autoselection, Secure Boot refused on i440fx, back to BIOS', async () => {
    const efi = applied(await edit([{ target: 'firmware', firmware: 'efi' }]));
    expect(efi.fields).toContainEqual({ field: 'firmware', applied: 'saved' });
    expect(await dumpxml('--inactive')).toMatch(/<os firmware='efi'>/);
    const secure = await edit([{ target: 'firmware', firmware: 'efi-secure' }]);
    expect(secure).toMatchObject({
      outcome: 'invalid',
      problems: [{ field: 'firmware', code: 'firmware-needs-q35' }],
    });
    applied(await edit([{ target: 'firmware', firmware: 'bios' }]));
    const xml = await dumpxml('--inactive');
    expect(xml).not.toContain('firmware=');
    expect(xml).not.toContain('<loader');
  });

  it('per-device boot order replaces the <boot dev> list, the password kept', async () => {
    applied(
      await edit([
        { target: 'device', kind: 'interface', key: `interface:${MAC}`, patch: { bootOrder: 1 } },
        { target: 'device', kind: 'disk', key: 'disk:vda', patch: { bootOrder: 2 } },
        { target: 'domain', view: 'os', patch: { boot: [] } },
      ]),
    );
    const xml = await dumpxml('--inactive');
    expect(xml).not.toContain('<boot dev=');
    expect(xml).toMatch(/<boot order='1'\/>/);
    expect(xml).toMatch(/<target dev='vda' bus='virtio'\/>\s*<boot order='2'\/>/);
    expect(xml).toContain("passwd='vd-e-pw1'");
  });
});

describe('live changes on a running guest', () => {
  beforeAll(async () => {
    await guest.start();
  });

  it('inserts and ejects a CD-ROM live', async () => {
    const insert = applied(
      await edit([{ target: 'device', kind: 'disk', key: 'disk:hdc', patch: { sourceFile: MEDIA } }]),
    );
    expect(insert.fields).toEqual([{ field: 'device:disk:hdc.sourceFile', applied: 'live' }]);
    expect(await dumpxml()).toContain(`<source file='${MEDIA}'`);
    expect(await dumpxml('--inactive')).toContain(`<source file='${MEDIA}'`);
    applied(await edit([{ target: 'device', kind: 'disk', key: 'disk:hdc', patch: { sourceFile: null } }]));
    expect(await dumpxml()).not.toContain(MEDIA);
    expect(await dumpxml('--inactive')).not.toContain(MEDIA);
  });

  it('takes the link down and up live', async () => {
    const key = `interface:${MAC}`;
    const down = applied(
      await edit([{ target: 'device', kind: 'interface', key, patch: { linkState: 'down' } }]),
    );
    expect(down.fields[0]).toMatchObject({ applied: 'live' });
    expect(await dumpxml()).toContain("<link state='down'/>");
    expect(await dumpxml('--inactive')).toContain("<link state='down'/>");
    applied(await edit([{ target: 'device', kind: 'interface', key, patch: { linkState: 'up' } }]));
    expect(await dumpxml()).not.toContain("<link state='down'/>");
  });

  it('balloons memory live and leaves the maximum for the next boot; the list marks it until a restart', async () => {
    const result = applied(
      await edit([
        { target: 'domain', view: 'memory', patch: { currentMemory: 80 * 2 ** 20, memory: 128 * 2 ** 20 } },
      ]),
    );
    expect(result.fields).toEqual(
      expect.arrayContaining([
        { field: 'memory.currentMemory', applied: 'live' },
        { field: 'memory.memory', applied: 'next-boot' },
      ]),
    );
    expect(await dumpxml('--inactive')).toMatch(/<memory unit='KiB'>131072<\/memory>/);
    expect(await dumpxml()).toMatch(/<memory unit='KiB'>98304<\/memory>/);
    const marked = await pollUntil(
      () => h.call('domains/list', { hostId }),
      (l) => l.some((d) => d.uuid === uuid && d.pendingChanges === true),
    );
    expect(marked.find((d) => d.uuid === uuid)?.pendingChanges).toBe(true);
    const base2 = await h.call('domains/edit-base', { hostId, uuid });
    expect(base2.liveXml).toBeDefined();
    await h.call('domains/action', { hostId, uuid, action: 'destroy' });
    const restarted = await h.call('domains/action', { hostId, uuid, action: 'start' });
    expect(restarted.summary).toMatchObject({ state: 'running' });
    expect(restarted.summary?.pendingChanges).toBe(false);
    expect(await dumpxml()).toMatch(/<memory unit='KiB'>131072<\/memory>/);
  });

  it('reports a change that cannot be made live as waiting for the next shutdown', async () => {
    const result = applied(
      await edit([{ target: 'device', kind: 'video', key: 'video:#0', patch: { modelType: 'vga' } }]),
    );
    expect(result.fields[0]).toMatchObject({ field: 'device:video:#0.modelType', applied: 'next-boot' });
    const list = await pollUntil(
      () => h.call('domains/list', { hostId }),
      (l) => l.some((d) => d.uuid === uuid && d.pendingChanges === true),
    );
    expect(list.find((d) => d.uuid === uuid)?.pendingChanges).toBe(true);
  });

  it('grows a disk live with blockresize and refuses to shrink it', async () => {
    const grown = await h.call('domains/disk-resize', { hostId, uuid, target: 'vda', bytes: 2 << 20 });
    expect(grown.message).toMatch(/grow the partition/);
    expect(statSync(IMAGE).size).toBe(2 << 20);
    await expect(
      h.call('domains/disk-resize', { hostId, uuid, target: 'vda', bytes: 1 << 20 }),
    ).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });
});
