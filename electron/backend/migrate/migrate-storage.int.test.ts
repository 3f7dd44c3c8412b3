import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh, peerVirsh } from '../../../e2e/host/test-host';
import { createVmWithVolumes, type VmWithVolumes } from '../../../e2e/host/vm-with-volumes';
import { connectByKey, createHarness, pollUntil, type Harness } from '../testing/backend-harness';
import { migrateViews, removeFromBothUsers } from '../testing/migrate-fixture';

// Copy storage for real (issue 14): a running guest with a qcow2 disk in pool P of the first test
// user migrates with --copy-storage-all to the second, whose pool P has another directory (both
// users share one machine, so the same path would be the same file): the disk lands in the
// destination's P with the data the source wrote, and both definitions there point at it.
const host = inject('testHost');
const peer = host.peer;
const run = promisify(execFile);
let h: Harness;
let a: string;
let b: string;
let vm: VmWithVolumes;
const destDir = `/tmp/vd-m5-copy-${process.pid}-dst`;

const { row, runningOn, goneFrom } = migrateViews(() => h);
const peerOk = async (args: string[]) => {
  const r = await peerVirsh(args);
  if (r.code !== 0) throw new Error(`virsh ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
/** qemu-io reads 64 KiB at 0 and checks every byte (-U: no lock, the guest runs; -r: read only). */
const holdsPattern = async (file: string, pattern: string) => {
  const { stdout } = await run('qemu-io', [
    '-U',
    '-r',
    '-f',
    'qcow2',
    '-c',
    `read -P ${pattern} 0 64k`,
    file,
  ]);
  return !/Pattern verification failed/.test(stdout);
};
const removeDestPool = async () => {
  if (!vm) return;
  await peerVirsh(['vol-delete', '--vol', `${destDir}/a.qcow2`]);
  await peerVirsh(['pool-destroy', vm.pool]);
  await peerVirsh(['pool-delete', vm.pool]);
  await peerVirsh(['pool-undefine', vm.pool]);
};

beforeAll(async () => {
  if (!peer) return;
  vm = await createVmWithVolumes(`m5-copy-${process.pid}`, ['a.qcow2']);
  await removeDestPool();
  // What the source's guest wrote: 64 KiB of 0x5a at the start of its disk.
  await run('qemu-io', ['-f', 'qcow2', '-c', 'write -P 0x5a 0 64k', `${vm.target}/a.qcow2`]);
  h = await createHarness();
  a = await connectByKey(h, host);
  b = await connectByKey(h, { ...host, user: peer.user });
});

afterAll(async () => {
  h?.dispose();
  if (!peer || !vm) return;
  await removeFromBothUsers([vm.vm]);
  await removeDestPool();
  await vm.remove();
});

// Skipped without root only: the script then has no second account to migrate to (peer_enabled).
describe.skipIf(!peer)('Migrate with copy storage (real test host, two session daemons)', () => {
  it('refuses when the destination has no pool of that name, and nothing moves', async () => {
    await hostVirsh(['start', vm.vm]);
    const uuid = (await runningOn(a, vm.vm))!.uuid;
    await expect(
      h.call('domains/migrate', { hostId: a, uuid, destHostId: b, copyStorage: 'all' }),
    ).rejects.toThrow(new RegExp(`has no storage pool named ${vm.pool} to copy vda into`));
    expect((await hostVirsh(['domstate', vm.vm])).stdout.trim()).toBe('running');
  });

  it("copies the disk into the destination's same-named pool: the data is there", async () => {
    await peerOk(['pool-define-as', vm.pool, 'dir', '--target', destDir]);
    await peerOk(['pool-build', vm.pool]);
    await peerOk(['pool-start', vm.pool]);
    await pollUntil(
      () => h.call('pools/list', { hostId: b }),
      (pools) => pools.some((p) => p.name === vm.pool && p.state === 'running'),
    );
    const uuid = (await row(a, vm.vm))!.uuid;
    const done = await h.call('domains/migrate', {
      hostId: a,
      uuid,
      destHostId: b,
      copyStorage: 'all',
      persistent: true,
      undefineSource: true,
    });
    expect(done.message).toMatch(`vda copied into pool ${vm.pool} at ${destDir}/a.qcow2;`);
    expect((await peerOk(['domstate', vm.vm])).trim()).toBe('running');
    expect(await peerOk(['domblklist', vm.vm])).toMatch(new RegExp(`vda\\s+${destDir}/a\\.qcow2`));
    expect(await peerOk(['dumpxml', '--inactive', vm.vm])).toContain(`<source file='${destDir}/a.qcow2'`);
    expect(await holdsPattern(`${destDir}/a.qcow2`, '0x5a')).toBe(true);
    expect((await runningOn(b, vm.vm))?.state).toBe('running');
    expect(await goneFrom(a, vm.vm)).toBeUndefined();
  });

  // Back over the native relay: QEMU's memory on one forwarded port, the NBD copy of vda on a second
  // (--disks-port); the source's old copy is deleted first so the data can only have come through it.
  it('copies storage back over the relay through the desktop (NBD on its own forwarded port)', async () => {
    const uuid = (await row(b, vm.vm))!.uuid;
    await run('rm', ['-f', `${vm.target}/a.qcow2`]);
    await hostVirsh(['pool-refresh', vm.pool]);
    const done = await h.call('domains/migrate', {
      hostId: b,
      uuid,
      destHostId: a,
      copyStorage: 'all',
      persistent: true,
      undefineSource: true,
      route: 'relay',
    });
    expect(done.path).toBe('relay-through-desktop');
    expect(done.message).toMatch(
      new RegExp(
        `vda copied into pool ${vm.pool} at ${vm.target}/a\\.qcow2; relayed through this desktop: .*QEMU's own stream relayed from ports \\d+ and \\d+ of the source's 127\\.0\\.0\\.1 to the destination's 127\\.0\\.0\\.2`,
      ),
    );
    expect((await hostVirsh(['domstate', vm.vm])).stdout.trim()).toBe('running');
    expect((await hostVirsh(['domblklist', vm.vm])).stdout).toMatch(
      new RegExp(`vda\\s+${vm.target}/a\\.qcow2`),
    );
    expect(await holdsPattern(`${vm.target}/a.qcow2`, '0x5a')).toBe(true);
    expect(await goneFrom(b, vm.vm)).toBeUndefined();
  });
});
