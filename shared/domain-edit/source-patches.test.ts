import { describe, expect, it } from 'vitest';
import { parseDomainXml, serializeDomainXml } from '../xml/objects';
import { applyChanges } from './apply-changes';
import { diskSourcePatch, diskSourceText, nicSourceOf, nicSourcePatch } from './source-patches';

const XML = `<domain type='kvm'>
  <name>src</name>
  <devices>
    <disk type='volume' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source pool='default' volume='a.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <target dev='sdb' bus='sata'/>
      <readonly/>
    </disk>
    <interface type='direct'>
      <mac address='52:54:00:00:00:01'/>
      <source dev='eth0' mode='bridge'/>
      <model type='virtio'/>
    </interface>
  </devices>
</domain>
`;

const edited = (changes: Parameters<typeof applyChanges>[1]) => {
  const doc = parseDomainXml(XML);
  applyChanges(doc, changes);
  return serializeDomainXml(doc);
};

describe('disk sources', () => {
  it('a pool volume chosen by path becomes a file source, the old pool source gone', () => {
    const xml = edited([
      {
        target: 'device',
        kind: 'disk',
        key: 'disk:vda',
        patch: diskSourcePatch({ kind: 'volume', pool: 'vd', volume: 'b.qcow2', path: '/var/vd/b.qcow2' }),
      },
    ]);
    expect(xml).toMatch(
      /<disk type='file' device='disk'>\s*<driver name='qemu' type='qcow2'\/>\s*<source file='\/var\/vd\/b.qcow2'\/>/,
    );
    expect(xml).not.toContain("pool='default'");
  });

  it('a device node becomes a block source; an empty CD-ROM gets its media', () => {
    const xml = edited([
      {
        target: 'device',
        kind: 'disk',
        key: 'disk:vda',
        patch: diskSourcePatch({ kind: 'path', path: '/dev/vg/lv' }),
      },
      {
        target: 'device',
        kind: 'disk',
        key: 'disk:sdb',
        patch: diskSourcePatch({ kind: 'path', path: ' /iso/x.iso ' }),
      },
    ]);
    expect(xml).toContain("<disk type='block' device='disk'>");
    expect(xml).toContain("<source dev='/dev/vg/lv'/>");
    expect(xml).toMatch(/<source file='\/iso\/x.iso'\/>\s*<target dev='sdb'/);
  });

  it('says what a disk reads from', () => {
    expect(diskSourceText({ sourcePool: 'p', sourceVolume: 'v' })).toBe('p/v');
    expect(diskSourceText({ sourceDev: '/dev/sda' })).toBe('/dev/sda');
    expect(diskSourceText({})).toBeUndefined();
  });
});

describe('NIC sources', () => {
  it('macvtap → a virtual network: the type and the one source attribute, the mode gone', () => {
    const xml = edited([
      {
        target: 'device',
        kind: 'interface',
        key: 'interface:52:54:00:00:00:01',
        patch: nicSourcePatch({ kind: 'network', network: 'vd-net' }),
      },
    ]);
    expect(xml).toMatch(
      /<interface type='network'>\s*<mac address='52:54:00:00:00:01'\/>\s*<source network='vd-net'\/>/,
    );
    expect(xml).not.toContain('mode=');
  });

  it('→ a bridge, → macvtap with a mode', () => {
    const key = 'interface:52:54:00:00:00:01';
    expect(
      edited([
        {
          target: 'device',
          kind: 'interface',
          key,
          patch: nicSourcePatch({ kind: 'bridge', bridge: 'br0' }),
        },
      ]),
    ).toContain("<source bridge='br0'/>");
    expect(
      edited([
        {
          target: 'device',
          kind: 'interface',
          key,
          patch: nicSourcePatch({ kind: 'direct', dev: 'eno2', mode: 'vepa' }),
        },
      ]),
    ).toContain("<source dev='eno2' mode='vepa'/>");
  });

  it('reads what the picker shows', () => {
    expect(nicSourceOf({ type: 'direct', sourceDev: 'eth0', sourceMode: 'bridge' })).toEqual({
      kind: 'direct',
      dev: 'eth0',
      mode: 'bridge',
    });
    expect(nicSourceOf({ type: 'user' })).toEqual({ kind: 'other', type: 'user' });
    expect(nicSourceOf({ type: 'hostdev' })).toEqual({ kind: 'other', type: 'hostdev' });
  });
});
