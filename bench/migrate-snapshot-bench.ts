/**
 * Issue 14 benchmark (figures only), on the real test host, each beside virsh doing the same in the
 * same run:
 *   - Snapshots of a running 32 MiB VM with one qcow2 disk: VirtDesk's `snapshots/create` (internal,
 *     with memory, a job) and `snapshots/revert` (back to running), median of ROUNDS, beside
 *     `virsh snapshot-create-as` / `snapshot-revert --running` (a virsh process on the host).
 *   - Live migration of a 256 MiB guest whose memory holds the installer's kernel and initrd between
 *     the two test users' session daemons: VirtDesk's `domains/migrate` (peer-to-peer over SSH) one
 *     way, `virsh migrate --live --p2p --persistent --undefinesource` the other way, median of
 *     MIGRATIONS each. The relay through the desktop is not built, so there is no relay figure.
 */
import { performance } from 'node:perf_hooks';
import { installerKernel, startBusyGuest } from '../e2e/host/busy-guest';
import { ensureTestHost, hostVirsh, peerVirsh, type TestHost } from '../e2e/host/test-host';
import { createVmWithVolumes } from '../e2e/host/vm-with-volumes';
import {
  connectByKey,
  createHarness,
  pollUntil,
  type Harness,
} from '../electron/backend/testing/backend-harness';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const MIGRATIONS = Number(process.env.MIGRATIONS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(0).padStart(7)} ms`;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

async function virshOk(run: typeof hostVirsh, args: string[]): Promise<void> {
  const r = await run(args, { timeoutMs: 300_000 });
  if (r.code !== 0) throw new Error(`virsh ${args.join(' ')}: ${r.stderr}`);
}

async function snapshotBench(h: Harness, hostId: string) {
  const vm = await createVmWithVolumes(`mg-bench-${process.pid}`, ['sys.qcow2']);
  try {
    await virshOk(hostVirsh, ['start', vm.vm]);
    const uuid = (await pollUntil(
      () => h.call('domains/list', { hostId }).then((l) => l.find((d) => d.name === vm.vm)),
      (d) => d?.state === 'running',
    ))!.uuid;
    const ours = { create: [] as number[], revert: [] as number[] };
    const theirs = { create: [] as number[], revert: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      const name = `vd-b${i}`;
      ours.create.push(
        await timed(() =>
          h.call('snapshots/create', { hostId, uuid, name, memory: true, location: 'internal' }),
        ),
      );
      ours.revert.push(
        await timed(() => h.call('snapshots/revert', { hostId, uuid, name, then: 'running' })),
      );
      theirs.create.push(await timed(() => virshOk(hostVirsh, ['snapshot-create-as', vm.vm, `${name}-v`])));
      theirs.revert.push(
        await timed(() => virshOk(hostVirsh, ['snapshot-revert', vm.vm, `${name}-v`, '--running'])),
      );
    }
    console.log(`  snapshot create (internal, with memory, 32 MiB VM), median of ${ROUNDS}:`);
    console.log(`    VirtDesk snapshots/create   ${fmt(median(ours.create))}`);
    console.log(
      `    virsh snapshot-create-as    ${fmt(median(theirs.create))}  (ratio ${(median(ours.create) / median(theirs.create)).toFixed(2)}×)`,
    );
    console.log(`  snapshot revert (to running), median of ${ROUNDS}:`);
    console.log(`    VirtDesk snapshots/revert   ${fmt(median(ours.revert))}`);
    console.log(
      `    virsh snapshot-revert       ${fmt(median(theirs.revert))}  (ratio ${(median(ours.revert) / median(theirs.revert)).toFixed(2)}×)`,
    );
  } finally {
    await hostVirsh(['destroy', vm.vm]);
    await hostVirsh(['undefine', vm.vm, '--snapshots-metadata']);
    await vm.remove();
  }
}

async function migrateBench(host: TestHost, h: Harness, a: string) {
  if (!host.peer || !installerKernel(host)) {
    console.log('  migration: skipped (no second test user, or no installer kernel on the test host)');
    return;
  }
  const b = await connectByKey(h, { ...host, user: host.peer.user });
  const guest = await startBusyGuest(host, `vd-mg-bench-${process.pid}`, 256);
  const backUri = `qemu+ssh://${host.user}@127.0.0.1:${host.port}/session`;
  const ours: number[] = [];
  const theirs: number[] = [];
  try {
    // Let the loader put the kernel and initrd in memory before the first measurement.
    await new Promise((r) => setTimeout(r, 5000));
    for (let i = 0; i < MIGRATIONS; i++) {
      // The destination's list must have heard that the guest left it (the previous virsh migrate).
      await pollUntil(
        () => h.call('domains/list', { hostId: b }).then((l) => l.some((d) => d.name === guest.name)),
        (there) => !there,
      );
      const uuid = (await pollUntil(
        () => h.call('domains/list', { hostId: a }).then((l) => l.find((d) => d.name === guest.name)),
        (d) => d?.state === 'running',
      ))!.uuid;
      ours.push(
        await timed(() =>
          h.call('domains/migrate', {
            hostId: a,
            uuid,
            destHostId: b,
            persistent: true,
            undefineSource: true,
          }),
        ),
      );
      theirs.push(
        await timed(() =>
          virshOk(peerVirsh, [
            'migrate',
            '--live',
            '--p2p',
            '--persistent',
            '--undefinesource',
            guest.name,
            backUri,
          ]),
        ),
      );
    }
    console.log(`  live migration of a 256 MiB guest between two session daemons, median of ${MIGRATIONS}:`);
    console.log(`    VirtDesk domains/migrate (p2p over SSH)  ${fmt(median(ours))}`);
    console.log(
      `    virsh migrate --live --p2p               ${fmt(median(theirs))}  (ratio ${(median(ours) / median(theirs)).toFixed(2)}×)`,
    );
    console.log('    relay through the desktop: not built (no figure)');
  } finally {
    await guest.remove();
  }
}

export async function runMigrateSnapshotBench(): Promise<void> {
  console.log('\n== Snapshots and migration (issue 14) ==');
  const host = await ensureTestHost();
  const h = await createHarness();
  try {
    const a = await connectByKey(h, host);
    await snapshotBench(h, a);
    await migrateBench(host, h, a);
  } finally {
    h.dispose();
  }
}

if (process.argv[1]?.endsWith('migrate-snapshot-bench.ts')) {
  await runMigrateSnapshotBench();
  process.exit(0);
}
