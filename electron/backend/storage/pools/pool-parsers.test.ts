import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../shared/xml/testing/validate';
import { parsePoolEventLine } from './parse-pool-event';
import { parsePoolCapabilities, parsePoolSources } from './pool-host-xml';
import { parsePoolUuids, summarizePool } from './pool-reader';

const INFO = `Name:           default-pool
UUID:           DFE224CB-28fb-8dd0-c4b2-64eb3f0f4566
State:          running
Persistent:     yes
Autostart:      no
Capacity:       107374182400
Allocation:     1024
Available:      107374181376
`;

describe('pool readers', () => {
  it('summarises pool-info --bytes and pool-dumpxml', () => {
    expect(summarizePool(INFO, fixture('test-driver-pool.xml'))).toEqual({
      uuid: 'dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566',
      name: 'default-pool',
      type: 'dir',
      state: 'running',
      autostart: false,
      persistent: true,
      capacity: 107374182400,
      allocation: 1024,
      available: 107374181376,
      targetPath: '/default-pool',
    });
  });

  it('reads UUIDs from pool-list --uuid, ignoring anything else', () => {
    expect(parsePoolUuids('\ndfe224cb-28fb-8dd0-c4b2-64eb3f0f4566\nnot a uuid\n')).toEqual([
      'dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566',
    ]);
  });
});

describe('pool-event lines (tools/virsh-pool.c)', () => {
  it.each([
    ["event 'lifecycle' for storage pool kvm_images: Started", 'kvm_images', 'Started'],
    ["event 'lifecycle' for storage pool a: b: Undefined", 'a: b', 'Undefined'],
    [`event 'lifecycle' for storage pool vd p"q: Created`, 'vd p"q', 'Created'],
  ])('%s', (line, pool, detail) => {
    expect(parsePoolEventLine(line)).toEqual({ kind: 'lifecycle', pool, detail });
  });

  it('reads refresh events and ignores noise', () => {
    expect(parsePoolEventLine("event 'refresh' for storage pool vd-images\r")).toEqual({
      kind: 'refresh',
      pool: 'vd-images',
    });
    expect(parsePoolEventLine('error: Disconnected from qemu:///session due to end of file')).toBeUndefined();
    expect(parsePoolEventLine('')).toBeUndefined();
  });
});

describe('pool capabilities and sources', () => {
  it('reads libvirt 9.0’s pool-capabilities (session mode)', () => {
    const xml = readFileSync(new URL('./fixtures/pool-capabilities-9.0.xml', import.meta.url), 'utf8');
    const caps = parsePoolCapabilities(xml);
    expect(caps.known).toBe(true);
    const byType = new Map(caps.types.map((t) => [t.type, t]));
    expect(byType.get('dir')?.supported).toBe(true);
    expect(byType.get('zfs')?.supported).toBe(false);
    expect(byType.get('netfs')?.sourceFormats).toEqual(['auto', 'nfs', 'glusterfs', 'cifs']);
    expect(byType.get('dir')?.sourceFormats).toEqual([]);
  });

  it('reads find-storage-pool-sources output', () => {
    const xml = `<sources>
  <source><host name='nas'/><dir path='/export/vm'/><format type='nfs'/></source>
  <source><device path='/dev/sda20'/><name>testvg1</name><format type='lvm2'/></source>
</sources>`;
    expect(parsePoolSources(xml)).toEqual([
      { host: 'nas', dir: '/export/vm', format: 'nfs', devices: [] },
      { name: 'testvg1', format: 'lvm2', devices: ['/dev/sda20'] },
    ]);
    expect(parsePoolSources('\n')).toEqual([]);
  });
});
