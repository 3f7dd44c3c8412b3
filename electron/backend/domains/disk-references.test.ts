import { describe, expect, it } from 'vitest';
import type { DomainSummary } from '../../../shared/api/domains';
import { diskReferences, DiskUsers } from './disk-references';

const xml = `<domain type='kvm'><name>a</name><devices>
  <disk type='file' device='disk'><source file='/pool/a b &amp; c.qcow2'/><target dev='vda'/></disk>
  <disk type='volume' device='disk'><source pool='images' volume='data.raw'/><target dev='vdb'/></disk>
  <disk type='file' device='cdrom'><target dev='sda'/><readonly/></disk>
  <disk type='network' device='disk'><source protocol='rbd' name='p/img'/><target dev='vdc'/></disk>
</devices></domain>`;

const vm = (name: string, state: DomainSummary['state']): DomainSummary => ({
  uuid: `uuid-${name}`,
  name,
  state,
  autostart: false,
  persistent: true,
  hasManagedSave: false,
  detailsLoaded: true,
});

describe('the disk references of domain XML (one reader for "used by" and Delete)', () => {
  it('reads file, pool-volume, empty CD-ROM and network disks', () => {
    expect(diskReferences(xml)).toEqual([
      { target: 'vda', device: 'disk', path: '/pool/a b & c.qcow2', readonly: false, network: false },
      { target: 'vdb', device: 'disk', pool: 'images', volume: 'data.raw', readonly: false, network: false },
      { target: 'sda', device: 'cdrom', readonly: true, network: false },
      { target: 'vdc', device: 'disk', readonly: false, network: true },
    ]);
  });

  it('finds a volume’s users by its path or by its pool and name, each VM once', () => {
    const users = new DiskUsers([
      { domain: vm('a', 'running'), disks: [...diskReferences(xml), ...diskReferences(xml)] },
      {
        domain: vm('b', 'shut off'),
        disks: [{ target: 'vda', device: 'disk', path: '/images/data.raw', readonly: false, network: false }],
      },
    ]);
    expect(users.of({ path: '/pool/a b & c.qcow2' })).toEqual([{ uuid: 'uuid-a', name: 'a', running: true }]);
    expect(users.of({ path: '/images/data.raw', pool: 'images', name: 'data.raw' })).toEqual([
      { uuid: 'uuid-b', name: 'b', running: false },
      { uuid: 'uuid-a', name: 'a', running: true },
    ]);
    expect(users.of({ path: '/elsewhere' })).toEqual([]);
  });
});
