// Test-only: one spec per pool type (and the netfs formats), shared by the schema and test-driver tests.
import { PoolSpec, type PoolSpecInput } from '../../api/pool-spec';

const inputs: PoolSpecInput[] = [
  { type: 'dir', name: 'kvm_images', targetPath: '/home/data/kvm/pool' },
  { type: 'fs', name: 'fs1', sourceDevice: '/dev/sdb1', format: 'ext4', targetPath: '/mnt/fs1' },
  {
    type: 'netfs',
    name: 'nfs1',
    host: 'nas.example',
    sourcePath: '/export/vm',
    format: 'nfs',
    targetPath: '/mnt/nfs',
  },
  {
    type: 'netfs',
    name: 'cifs1',
    host: 'nas.example',
    sourcePath: 'vmshare',
    format: 'cifs',
    targetPath: '/mnt/cifs',
  },
  {
    type: 'netfs',
    name: 'gfs1',
    host: 'gl.example',
    sourcePath: '/gv0',
    format: 'glusterfs',
    targetPath: '/mnt/gl',
  },
  { type: 'logical', name: 'vg-existing', volumeGroup: 'vg0' },
  {
    type: 'logical',
    name: 'vg-new',
    volumeGroup: 'vgnew',
    devices: ['/dev/sdc', '/dev/sdd'],
    targetPath: '/dev/vgnew',
  },
  { type: 'disk', name: 'disk1', sourceDevice: '/dev/sde', format: 'gpt' },
  {
    type: 'iscsi',
    name: 'iscsi1',
    host: 'san.example',
    port: 3260,
    target: 'iqn.2013-06.com.example:iscsi-pool',
    initiator: 'iqn.2013-06.com.example:client',
  },
  {
    type: 'iscsi-direct',
    name: 'iscsid1',
    host: 'san.example',
    target: 'iqn.2013-06.com.example:iscsi-pool',
    initiator: 'iqn.2013-06.com.example:client',
  },
  { type: 'scsi', name: 'scsi1', adapter: 'host0' },
  { type: 'mpath', name: 'mpath1' },
  {
    type: 'rbd',
    name: 'rbd1',
    hosts: [{ host: 'mon1.example', port: 6789 }, { host: 'mon2.example' }],
    sourceName: 'rbdpool',
    authUser: 'admin',
    secretUuid: '2ec115d7-3a88-3ceb-bc12-0ac909a6fd87',
  },
  { type: 'gluster', name: 'gluster1', host: 'gl.example', volume: 'gv0', dir: '/' },
  { type: 'zfs', name: 'zfs1', zpool: 'tank', devices: ['/dev/sdf'] },
];

export const POOL_SPECS: PoolSpec[] = inputs.map((input) => PoolSpec.parse(input));
