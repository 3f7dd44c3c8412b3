import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh } from '../../../e2e/host/test-host';
import { createVmWithVolumes, volumesIn, type VmWithVolumes } from '../../../e2e/host/vm-with-volumes';
import { connectByKey, createHarness, type Harness } from '../testing/backend-harness';

// Real sshd + real libvirt session: a dir pool with two volumes, a VM using both and a CD-ROM.
const host = inject('testHost');
let fixture: VmWithVolumes;
let h: Harness;
let hostId: string;

beforeAll(async () => {
  fixture = await createVmWithVolumes(`del-${process.pid}`, ['keep.qcow2', 'drop.qcow2']);
  h = await createHarness();
  hostId = await connectByKey(h, host);
});

afterAll(async () => {
  h?.dispose();
  await fixture?.remove();
});

describe('Delete with storage', () => {
  it('lists the disks with their pool, checks its own volumes, and deletes only the chosen one', async () => {
    const { vm, pool, target } = fixture;
    const uuid = (await h.call('domains/list', { hostId })).find((d) => d.name === vm)!.uuid;
    const disks = await h.call('domains/disks', { hostId, uuid });
    expect(disks).toEqual([
      expect.objectContaining({ target: 'vda', path: `${target}/keep.qcow2`, pool, suggested: true }),
      expect.objectContaining({ target: 'vdb', path: `${target}/drop.qcow2`, pool, capacity: 1024 * 1024 }),
      expect.objectContaining({ target: 'sda', device: 'cdrom', suggested: false }),
    ]);
    // A path that is not one of this VM's volumes is refused, whatever the request says.
    const result = await h.call('domains/delete', {
      hostId,
      uuid,
      deleteVolumes: [`${target}/drop.qcow2`, '/etc/hostname'],
    });
    expect(result).toEqual({
      message: `${vm} deleted`,
      volumes: [
        { path: `${target}/drop.qcow2`, ok: true, message: `${target}/drop.qcow2 deleted` },
        {
          path: '/etc/hostname',
          ok: false,
          message: '/etc/hostname is not a volume of this VM in a storage pool; left in place',
        },
      ],
    });
    expect((await hostVirsh(['dominfo', vm])).code).not.toBe(0);
    const left = await volumesIn(pool);
    expect(left).toContain('keep.qcow2');
    expect(left).not.toContain('drop.qcow2');
  });

  it('suggests nothing for a VM whose disks are in no pool', async () => {
    const tiny = (await h.call('domains/list', { hostId })).find((d) => d.name === 'vd-tiny')!;
    const disks = await h.call('domains/disks', { hostId, uuid: tiny.uuid });
    expect(disks.filter((d) => d.suggested)).toEqual([]);
  });
});
