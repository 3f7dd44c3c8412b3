import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../shared/domain-edit/apply-changes';
import { checkDomain, keysBefore } from '../../shared/domain-edit/edit-checks';
import { parseDomainXml, serializeDomainXml } from '../../shared/xml/objects';
import { bootOrderChanges, moveEntry, readBootList } from './boot-order';

const XML = `<domain type='kvm'>
  <name>boot</name>
  <os><type arch='x86_64' machine='q35'>hvm</type><boot dev='cdrom'/><boot dev='hd'/></os>
  <devices>
    <disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>
    <disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk>
    <interface type='network'><mac address='52:54:00:00:00:09'/><source network='default'/></interface>
  </devices>
</domain>
`;

describe('boot order', () => {
  it('reads a <boot dev> list into the devices it ranks (network not listed: off)', () => {
    const list = readBootList(parseDomainXml(XML));
    expect(list.perDevice).toBe(true);
    expect(list.entries.map((e) => [e.id, e.enabled])).toEqual([
      ['disk:sda', true],
      ['disk:vda', true],
      ['interface:52:54:00:00:00:09', false],
    ]);
    expect(list.entries[0]).toMatchObject({ label: 'itemDisk', values: { device: 'CD-ROM', target: 'sda' } });
  });

  it('a dragged order becomes per-device <boot order>, the <boot dev> list removed, and passes the checks', () => {
    const doc = parseDomainXml(XML);
    const list = readBootList(doc);
    const moved = moveEntry(list.entries, 2, 0).map((e) => ({ ...e, enabled: e.id !== 'disk:sda' }));
    const keyOf = keysBefore(doc);
    applyChanges(doc, bootOrderChanges(doc, { perDevice: true, entries: moved }));
    expect(checkDomain(doc, {}, keyOf)).toEqual([]);
    const xml = serializeDomainXml(doc);
    expect(xml).not.toContain('<boot dev=');
    expect(xml).toMatch(/<interface type='network'>[\s\S]*<boot order='1'\/>/);
    expect(xml).toMatch(/<target dev='vda' bus='virtio'\/>\s*<boot order='2'\/>/);
    expect(xml).not.toMatch(/<target dev='sda' bus='sata'\/>\s*<boot/);
    expect(readBootList(parseDomainXml(xml)).entries.map((e) => e.id)).toEqual([
      'interface:52:54:00:00:00:09',
      'disk:vda',
      'disk:sda',
    ]);
  });

  it('a VM without disks or NICs keeps the <boot dev> list', () => {
    const doc = parseDomainXml(XML.replace(/<devices>[\s\S]*<\/devices>/, '<devices/>'));
    const list = readBootList(doc);
    expect(list.perDevice).toBe(false);
    expect(list.entries.map((e) => e.id)).toEqual(['dev:cdrom', 'dev:hd', 'dev:network', 'dev:fd']);
    expect(bootOrderChanges(doc, { ...list, entries: moveEntry(list.entries, 1, 0) })).toEqual([
      { target: 'domain', view: 'os', patch: { boot: [{ dev: 'hd' }, { dev: 'cdrom' }] } },
    ]);
  });

  it('moves ignore positions outside the list', () => {
    expect(moveEntry([1, 2, 3], 0, 2)).toEqual([2, 3, 1]);
    expect(moveEntry([1, 2, 3], 0, 5)).toEqual([1, 2, 3]);
  });
});
