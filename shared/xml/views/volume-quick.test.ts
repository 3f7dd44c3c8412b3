import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseVolumeXml } from '../objects';
import { readVolume, readVolumeQuick } from './volume';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8');

// As libvirt 9.0 prints them (vol-dumpxml), plus what a hostile or odd document may hold.
const documents: Record<string, string> = {
  'test driver': fixture('test-driver-volume.xml'),
  'qcow2 with a backing store, permissions and compat': `<volume type='file'>
  <name>it&apos;s a &quot;disk&quot; &amp; more &#x865A;.qcow2</name>
  <key>/var/lib/libvirt/images/a&amp;b.qcow2</key>
  <capacity unit='bytes'>10737418240</capacity>
  <allocation unit='bytes'>200704</allocation>
  <physical unit='bytes'>196624</physical>
  <target>
    <path>/var/lib/libvirt/images/a&amp;b.qcow2</path>
    <format type='qcow2'/>
    <permissions>
      <mode>0600</mode>
      <owner>1001</owner>
    </permissions>
    <compat>1.1</compat>
    <clusterSize unit='B'>65536</clusterSize>
  </target>
  <backingStore>
    <path>/var/lib/libvirt/images/base.qcow2</path>
    <format type='raw'/>
    <permissions><mode>0644</mode></permissions>
  </backingStore>
</volume>`,
  'a comment, CDATA elsewhere, a unit other than bytes, a block volume': `<?xml version="1.0"?>
<!-- <name>not this</name> -->
<volume type="block"><name>lv0</name><capacity unit="G">4</capacity>
  <source><device path='/dev/sda'><extent start='0' end='4'/></device></source>
  <target><path>/dev/vg/lv0</path><format type="none"/></target>
  <description><![CDATA[ <path>not this</path> ]]></description>
</volume>`,
  'no target, empty name, a size that is no number': `<volume><name></name><key>k</key><capacity>x</capacity></volume>`,
};

describe('readVolumeQuick: the volumes table read without the lossless model', () => {
  it.each(Object.entries(documents))('reads the same fields as the lossless model: %s', (_, xml) => {
    expect(readVolumeQuick(xml)).toEqual(readVolume(parseVolumeXml(xml)));
  });

  it('reads the fields a person sees in the table', () => {
    expect(readVolumeQuick(documents['qcow2 with a backing store, permissions and compat']!)).toMatchObject({
      type: 'file',
      name: 'it\'s a "disk" & more 虚.qcow2',
      capacity: 10737418240,
      allocation: 200704,
      path: '/var/lib/libvirt/images/a&b.qcow2',
      format: 'qcow2',
      backingPath: '/var/lib/libvirt/images/base.qcow2',
      backingFormat: 'raw',
      mode: '0600',
      compat: '1.1',
    });
  });

  it('a character reference beyond Unicode: the lossless model refuses it, the quick read keeps it as written', () => {
    const xml = `<volume>\n<name>a&#x110000;</name></volume>`;
    expect(() => parseVolumeXml(xml)).toThrow(/line 2/);
    expect(readVolumeQuick(xml).name).toBe('a&#x110000;');
  });

  it('refuses a document that is not a volume, or is cut off', () => {
    expect(() => readVolumeQuick('<pool><name>p</name></pool>')).toThrow(/volume/);
    expect(() => readVolumeQuick("<volume><name attr='x>p")).toThrow();
  });
});
