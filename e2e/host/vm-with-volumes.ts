// Test-only: a dir pool with qcow2 volumes and a VM (not started) whose disks are those volumes plus
// an empty CD-ROM drive, on the real test host (libvirt qemu:///session of the test user).
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { hostVirsh } from './test-host';

async function virsh(args: string[]): Promise<string> {
  const result = await hostVirsh(args);
  if (result.code !== 0) throw new Error(`virsh ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

export interface VmWithVolumes {
  vm: string;
  pool: string;
  /** The pool's directory; volume paths are `${target}/${file}`. */
  target: string;
  remove(): Promise<void>;
}

/** Pool `vd-<tag>-pool` in /tmp with 1 MiB qcow2 volumes `files`, and VM `vd-<tag>-vm` using them as vda, vdb, … */
export async function createVmWithVolumes(tag: string, files: readonly string[]): Promise<VmWithVolumes> {
  const pool = `vd-${tag}-pool`;
  const vm = `vd-${tag}-vm`;
  const target = `/tmp/${pool}`;
  const xmlFile = `/tmp/${vm}.xml`;
  await removeLeftovers(vm, pool);
  await virsh(['pool-define-as', pool, 'dir', '--target', target]);
  await virsh(['pool-build', pool]);
  await virsh(['pool-start', pool]);
  await deleteAllVolumes(pool); // left in the directory by a run that was killed
  for (const file of files) await virsh(['vol-create-as', pool, file, '1M', '--format', 'qcow2']);
  const disks = files.map(
    (file, i) =>
      `<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='${target}/${file}'/>` +
      `<target dev='vd${String.fromCharCode(97 + i)}' bus='virtio'/></disk>`,
  );
  writeFileSync(
    xmlFile,
    `<domain type='qemu'><name>${vm}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>` +
      `<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>${disks.join('')}` +
      `<disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk></devices></domain>`,
  );
  chmodSync(xmlFile, 0o644); // read by the test user's virsh
  try {
    await virsh(['define', xmlFile]);
  } finally {
    rmSync(xmlFile, { force: true });
  }
  return { vm, pool, target, remove: () => removeLeftovers(vm, pool) };
}

async function removeLeftovers(vm: string, pool: string): Promise<void> {
  await hostVirsh(['undefine', vm]);
  await deleteAllVolumes(pool); // pool-delete refuses a directory that is not empty
  await hostVirsh(['pool-destroy', pool]);
  await hostVirsh(['pool-delete', pool]);
  await hostVirsh(['pool-undefine', pool]);
}

async function deleteAllVolumes(pool: string): Promise<void> {
  const listed = await hostVirsh(['vol-list', pool]);
  if (listed.code !== 0) return;
  // A " Name   Path" table: every volume is a file in the pool's directory, so its path names it.
  for (const path of listed.stdout.match(/\/\S+/g) ?? []) await hostVirsh(['vol-delete', '--vol', path]);
}

/** The volume names left in a pool. */
export async function volumesIn(pool: string): Promise<string> {
  return virsh(['vol-list', pool]);
}
