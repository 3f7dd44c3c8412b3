import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh } from '../../../e2e/host/test-host';
import { connectByKey, createHarness, type Harness } from '../testing/backend-harness';

// Real sshd + real libvirt session: a dir pool with two volumes, a VM using both and a CD-ROM.
const host = inject('testHost');
const pool = `vd-del-pool-${process.pid}`;
const target = `/tmp/${pool}`;
const vm = `vd-del-vm-${process.pid}`;
const xmlFile = `/tmp/${vm}.xml`;
let h: Harness;
let hostId: string;

async function virsh(args: string[]): Promise<string> {
  const result = await hostVirsh(args);
  if (result.code !== 0) throw new Error(`virsh ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

beforeAll(async () => {
  await virsh(['pool-define-as', pool, 'dir', '--target', target]);
  await virsh(['pool-build', pool]);
  await virsh(['pool-start', pool]);
  for (const name of ['keep.qcow2', 'drop.qcow2'])
    await virsh(['vol-create-as', pool, name, '1M', '--format', 'qcow2']);
  const disk = (file: string, dev: string) =>
    `<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='${target}/${file}'/><target dev='${dev}' bus='virtio'/></disk>`;
  writeFileSync(
    xmlFile,
    `<domain type='qemu'><name>${vm}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>` +
      `<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>` +
      disk('keep.qcow2', 'vda') +
      disk('drop.qcow2', 'vdb') +
      `<disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk>` +
      `</devices></domain>`,
  );
  chmodSync(xmlFile, 0o644);
  await virsh(['define', xmlFile]);
  h = await createHarness();
  hostId = await connectByKey(h, host);
});

afterAll(async () => {
  h?.dispose();
  await hostVirsh(['undefine', vm]);
  await hostVirsh(['pool-destroy', pool]);
  await hostVirsh(['pool-delete', pool]);
  await hostVirsh(['pool-undefine', pool]);
  rmSync(xmlFile, { force: true });
});

describe('Delete with storage', () => {
  it('lists the disks with their pool, checks its own volumes, and deletes only the chosen one', async () => {
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
    const left = await virsh(['vol-list', pool]);
    expect(left).toContain('keep.qcow2');
    expect(left).not.toContain('drop.qcow2');
  });

  it('suggests nothing for a VM whose disks are in no pool', async () => {
    const tiny = (await h.call('domains/list', { hostId })).find((d) => d.name === 'vd-tiny')!;
    const disks = await h.call('domains/disks', { hostId, uuid: tiny.uuid });
    expect(disks.filter((d) => d.suggested)).toEqual([]);
  });
});
