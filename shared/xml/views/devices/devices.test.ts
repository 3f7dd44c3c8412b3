import { describe, expect, it } from 'vitest';
import { parseDomainXml, serializeDomainXml } from '../../objects';
import { editFixture as edit } from '../../testing/edit-assert';
import { fixture } from '../../testing/validate';
import {
  addDevice,
  diskSuffix,
  listDevices,
  nextDiskTarget,
  parseDeviceXml,
  removeDevice,
} from './device-list';
import { addNewDevice, readDevice, updateDevice } from './device-views';

describe('device keys', () => {
  it('gives every csr1kv device a stable, unique key', () => {
    const keys = listDevices(parseDomainXml(fixture('csr1kv-1.xml'))).map((d) => d.key);
    expect(keys).toEqual([
      'disk:vda',
      'controller:usb/0',
      'controller:usb/0#2',
      'controller:usb/0#3',
      'controller:usb/0#4',
      'controller:pci/0',
      'controller:virtio-serial/0',
      'interface:52:54:00:36:95:f0',
      'interface:52:54:00:2d:87:99',
      'serial:port0',
      'console:port0',
      'channel:org.qemu.guest_agent.0',
      'channel:com.redhat.spice.0',
      'input:tablet/usb',
      'input:mouse/ps2',
      'input:keyboard/ps2',
      'graphics:spice',
      'video:#0',
      'redirdev:#0',
      'redirdev:#1',
      'memballoon:only',
      'rng:#0',
    ]);
  });

  it('keys survive a re-read and unrelated edits; a user alias wins', () => {
    const doc = parseDomainXml(fixture('kitchen-sink.xml'));
    const keys = listDevices(doc).map((d) => d.key);
    expect(keys).toContain('hostdev:pci/0000:1d:00.0');
    expect(keys).toContain('hostdev:usb/0x1234:0xbeef');
    expect(new Set(keys).size).toBe(keys.length);
    removeDevice(doc, 'disk:vdb');
    const again = listDevices(parseDomainXml(serializeDomainXml(doc))).map((d) => d.key);
    expect(again).toEqual(keys.filter((k) => k !== 'disk:vdb'));
    const aliased = parseDeviceXml("<video><model type='virtio'/><alias name='ua-screen'/></video>");
    expect(addDevice(doc, aliased)).toBe('video:ua-screen');
  });
});

describe('disks', () => {
  it('reads file, block, volume and network disks', () => {
    const doc = parseDomainXml(fixture('kitchen-sink.xml'));
    expect(readDevice(doc, 'disk', 'disk:vda')).toMatchObject({
      type: 'file',
      format: 'qcow2',
      cache: 'none',
      io: 'native',
      discard: 'unmap',
      sourceFile: '/var/lib/libvirt/images/kitchen sink & co.qcow2',
      targetBus: 'virtio',
      bootOrder: 1,
      serial: 'WD-WMAP9A966149',
      totalBytesSec: 10000000,
      readIopsSec: 400000,
    });
    expect(readDevice(doc, 'disk', 'disk:vdb')).toMatchObject({
      type: 'block',
      sourceDev: '/dev/vg0/data',
      shareable: true,
    });
    expect(readDevice(doc, 'disk', 'disk:vdc')).toMatchObject({
      sourcePool: 'kvm-host',
      sourceVolume: 'node1',
    });
    expect(readDevice(doc, 'disk', 'disk:sda')).toMatchObject({
      sourceProtocol: 'rbd',
      sourceName: 'pool/image',
      sourceHost: 'ceph.example.org',
      sourcePort: '6789',
    });
    expect(readDevice(doc, 'disk', 'disk:sdb')).toMatchObject({
      device: 'cdrom',
      readonly: true,
      bootOrder: 2,
    });
  });

  it('changes cache mode and adds an I/O limit without touching the disk’s address', () => {
    const r = edit('csr1kv-1.xml', (doc) =>
      updateDevice(doc, 'disk', 'disk:vda', { cache: 'none', discard: 'unmap', totalIopsSec: 5000 }),
    );
    expect(r.removed).toEqual(["<driver name='qemu' type='qcow2'/>"]);
    expect(r.added).toEqual([
      "<driver name='qemu' type='qcow2' cache='none' discard='unmap'/>",
      '<iotune>',
      '<total_iops_sec>5000</total_iops_sec>',
      '</iotune>',
    ]);
  });

  it('ejects and inserts media', () => {
    const r = edit('kitchen-sink.xml', (doc) =>
      updateDevice(doc, 'disk', 'disk:sdb', { sourceFile: undefined }),
    );
    expect(r.removed).toEqual(["<source file='/iso/ubuntu-24.04-live-server-amd64.iso'/>"]);
    expect(r.added).toEqual([]);
  });

  it('a new disk gets the next free target for its bus and lands after the last disk', () => {
    const r = edit('kitchen-sink.xml', (doc) => {
      expect(nextDiskTarget(doc, 'virtio')).toBe('vdd');
      expect(nextDiskTarget(doc, 'sata')).toBe('sdc');
      expect(nextDiskTarget(doc, 'ide')).toBe('hda');
      const key = addNewDevice(doc, 'disk', {
        type: 'file',
        device: 'disk',
        driverName: 'qemu',
        format: 'qcow2',
        sourceFile: '/var/lib/libvirt/images/extra.qcow2',
      });
      expect(key).toBe('disk:vdd');
    });
    expect(r.removed).toEqual([]);
    expect(r.added).toEqual([
      "<disk type='file' device='disk'>",
      "<driver name='qemu' type='qcow2'/>",
      "<source file='/var/lib/libvirt/images/extra.qcow2'/>",
      "<target dev='vdd' bus='virtio'/>",
      '</disk>',
    ]);
    expect(r.after).toMatch(/<readonly\/>\n {4}<\/disk>\n {4}<disk type='file' device='disk'>\n {6}<driver/);
  });

  it('names disks past z like libvirt (aa, ab, …)', () => {
    expect([0, 25, 26, 27, 701, 702].map(diskSuffix)).toEqual(['a', 'z', 'aa', 'ab', 'zz', 'aaa']);
  });
});

describe('interfaces', () => {
  it('reads macvtap, SR-IOV pool and hostdev NICs', () => {
    const doc = parseDomainXml(fixture('csr1kv-1.xml'));
    expect(readDevice(doc, 'interface', 'interface:52:54:00:36:95:f0')).toEqual({
      type: 'direct',
      mac: '52:54:00:36:95:f0',
      sourceDev: 'eno1',
      sourceMode: 'bridge',
      model: 'virtio',
    });
    expect(readDevice(doc, 'interface', 'interface:52:54:00:2d:87:99')).toMatchObject({
      sourceNetwork: 'eno2_sriov_pool',
    });
    const ks = parseDomainXml(fixture('kitchen-sink.xml'));
    expect(readDevice(ks, 'interface', 'interface:52:54:00:aa:bb:05')).toMatchObject({
      type: 'hostdev',
      managed: true,
      sourcePci: '0000:3b:10.1',
    });
    expect(readDevice(ks, 'interface', 'interface:52:54:00:aa:bb:01')).toMatchObject({
      queues: 4,
      linkState: 'up',
      portgroup: 'web',
    });
  });

  it('unplugs the link and sets multiqueue, touching only link and driver', () => {
    const r = edit('csr1kv-1.xml', (doc) =>
      updateDevice(doc, 'interface', 'interface:52:54:00:36:95:f0', {
        linkState: 'down',
        driverName: 'vhost',
        queues: 4,
      }),
    );
    expect(r.removed).toEqual([]);
    expect(r.added).toEqual(["<driver name='vhost' queues='4'/>", "<link state='down'/>"]);
    expect(r.after).toMatch(
      /<model type='virtio'\/>\n {6}<driver name='vhost' queues='4'\/>\n {6}<link state='down'\/>\n {6}<address/,
    );
  });

  it('a new NIC gets a 52:54:00 MAC from the given random source', () => {
    const r = edit('test-driver-domain.xml', (doc) => {
      const key = addNewDevice(
        doc,
        'interface',
        { type: 'bridge', sourceBridge: 'br0', model: 'virtio' },
        () => 0.25,
      );
      expect(key).toBe('interface:52:54:00:40:40:40');
    });
    expect(r.added).toEqual([
      "<interface type='bridge'>",
      "<mac address='52:54:00:40:40:40'/>",
      "<source bridge='br0'/>",
      "<model type='virtio'/>",
      '</interface>',
    ]);
  });
});
