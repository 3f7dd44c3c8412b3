/**
 * Issue 14 benchmark (figures only), on the real test host, each beside virsh doing the same in the
 * same run:
 *   - Snapshots of a running 32 MiB VM with one qcow2 disk: VirtDesk's `snapshots/create` (internal,
 *     with memory, a job) and `snapshots/revert` (back to running), median of ROUNDS, beside
 *     `virsh snapshot-create-as` / `snapshot-revert --running` (a virsh process on the host).
 *   - Live migration of a 256 MiB guest whose memory holds 128 MiB of random bytes and whose CPU
 *     idles (`e2e/host/idle-guest.ts`; VD_BENCH_GUEST=spinning: the installer kernel that panics
 *     and spins a host core, as before) between the two test users' session daemons: VirtDesk's `domains/migrate` (peer-to-peer over SSH) one
 *     way, `virsh migrate --live --p2p --persistent --undefinesource` the other way, median of
 *     MIGRATIONS each — and, in the same rounds, `domains/migrate` relayed through the desktop
 *     (`route: 'relay'`: libvirt's connection piped through the desktop's two SSH connections, QEMU's
 *     own stream through a forwarded port; and the same with `tunnelled`: the data inside libvirt's
 *     connection) beside it peer-to-peer over SSH (`route: 'direct'`). Every kind runs once each way
 *     per round (the guest goes a→b→a→b→a→b→a), so direction does not favour one.
 *   - The same direct/relayed pair at a network link's speed (LINK_MIBS, default 110 MiB/s: 1 Gbit/s
 *     Ethernet), libvirt's `--bandwidth` on both: here both hosts are one machine and "direct" runs
 *     over loopback, a speed no two hosts see between them.
 */
import { cpus, loadavg as osLoadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { machineCpu, median } from './machine-cpu';
import { installerKernel, startBusyGuest } from '../e2e/host/busy-guest';
import { startIdleFilledGuest, staticBusybox } from '../e2e/host/idle-guest';
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
/** MiB/s of the link the `AtLink` runs emulate (libvirt's --bandwidth): 1 Gbit/s Ethernet's payload. */
const LINK_MIBS = Number(process.env.LINK_MIBS ?? 110);
const loadavg = () =>
  osLoadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
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
  const name = `vd-m5-bench-${process.pid}`;
  const idle = staticBusybox() !== undefined && process.env.VD_BENCH_GUEST !== 'spinning';
  const guest = idle
    ? await startIdleFilledGuest(host, name, 256, 128)
    : await startBusyGuest(host, name, 256);
  console.log(
    idle
      ? '  the guest: 256 MiB, 128 MiB of it random bytes, its CPU idle'
      : '  the guest: 256 MiB, the installer kernel that panicked (it spins a host core under TCG)',
  );
  const uriOf = (user: string) => `qemu+ssh://${user}@127.0.0.1:${host.port}/session`;
  const kinds = ['direct', 'relay', 'relayTunnelled', 'virsh', 'directAtLink', 'relayAtLink'] as const;
  type Kind = (typeof kinds)[number];
  const perKind = () => Object.fromEntries(kinds.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  // Each migration's time, by kind.
  const times = perKind();
  // The desktop's own CPU time (this process) per migration: what relaying costs the desktop.
  const desktopCpu = perKind();
  // How long the desktop's main thread (the one that answers the window) was kept from its events:
  // the longest delay of its event loop during each migration.
  const loopDelayMax = perKind();
  // Every CPU's busy time over each migration (/proc/stat): what the whole path costs this machine.
  const machineBusy = perKind();
  const ends = [
    { id: a, virsh: hostVirsh, uri: uriOf(host.user) },
    { id: b, virsh: peerVirsh, uri: uriOf(host.peer.user) },
  ];
  const once = async (kind: Kind, from: (typeof ends)[number], to: (typeof ends)[number]) => {
    // The destination's list must have heard that the guest left it (the previous migration).
    await pollUntil(
      () => h.call('domains/list', { hostId: to.id }).then((l) => l.some((d) => d.name === guest.name)),
      (there) => !there,
    );
    const uuid = (await pollUntil(
      () => h.call('domains/list', { hostId: from.id }).then((l) => l.find((d) => d.name === guest.name)),
      (d) => d?.state === 'running',
    ))!.uuid;
    const atLink = kind === 'directAtLink' || kind === 'relayAtLink';
    const options = { persistent: true, undefineSource: true, ...(atLink ? { bandwidth: LINK_MIBS } : {}) };
    const cpu0 = process.cpuUsage();
    const machine0 = machineCpu();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    times[kind].push(
      await timed(() =>
        kind === 'virsh'
          ? virshOk(from.virsh, [
              'migrate',
              '--live',
              '--p2p',
              '--persistent',
              '--undefinesource',
              guest.name,
              to.uri,
            ])
          : h.call('domains/migrate', {
              hostId: from.id,
              uuid,
              destHostId: to.id,
              ...options,
              route: kind === 'direct' || kind === 'directAtLink' ? 'direct' : 'relay',
              tunnelled: kind === 'relayTunnelled',
            }),
      ).finally(() => loop.disable()),
    );
    loopDelayMax[kind].push(loop.max / 1e6);
    const cpu = process.cpuUsage(cpu0);
    const machine = machineCpu().map((v, i) => v - machine0[i]!);
    desktopCpu[kind].push((cpu.user + cpu.system) / 1000);
    machineBusy[kind].push(machine[0]!);
    // JOBINFO=1: each run with what libvirt says the migration itself took (the destination's
    // completed job) and the CPU it cost, the desktop's and the whole machine's.
    if (process.env.JOBINFO) {
      const job = (await to.virsh(['domjobinfo', '--completed', guest.name])).stdout;
      const field = (name: string) => new RegExp(`^${name}:\\s+(.+)$`, 'm').exec(job)?.[1]?.trim() ?? '?';
      console.log(
        `    ${kind.padEnd(14)} ${fmt(times[kind].at(-1)!)}; libvirt's job ${field('Time elapsed')}, ` +
          `${field('Data processed')} at ${field('Memory bandwidth')}; desktop CPU user ` +
          `${(cpu.user / 1000).toFixed(0)} ms, system ${(cpu.system / 1000).toFixed(0)} ms; machine busy ` +
          `${machine[0]} ms, idle ${machine[1]} ms; main thread's longest wait ${(loop.max / 1e6).toFixed(0)} ms`,
      );
    }
  };
  try {
    // Let the loader put the kernel and initrd in memory before the first measurement.
    await new Promise((r) => setTimeout(r, 5000));
    // QUICK=1: only the two the target compares (direct and the native relay).
    const atLink: Kind[] = ['directAtLink', 'relayAtLink', 'relayAtLink', 'directAtLink'];
    const order: Kind[] = process.env.QUICK
      ? ['direct', 'relay', 'relay', 'direct', ...atLink]
      : [
          'direct',
          'relay',
          'relay',
          'direct',
          'virsh',
          'relayTunnelled',
          'relayTunnelled',
          'virsh',
          ...atLink,
        ];
    const loadBefore = loadavg();
    for (let i = 0; i < MIGRATIONS; i++)
      for (const [step, kind] of order.entries()) await once(kind, ends[step % 2]!, ends[(step + 1) % 2]!);
    const [direct, relay, relayTunnelled, virsh, directAtLink, relayAtLink] = kinds.map((k) =>
      median(times[k]),
    );
    console.log(
      `  live migration of a 256 MiB guest between two session daemons, median of ${2 * MIGRATIONS} (both ways):`,
    );
    console.log(`    VirtDesk domains/migrate, p2p over SSH   ${fmt(direct)}`);
    console.log(
      `    virsh migrate --live --p2p               ${fmt(virsh)}  (VirtDesk direct / virsh ${(direct / virsh).toFixed(2)}×)`,
    );
    console.log(
      `    VirtDesk relayed through the desktop     ${fmt(relay)}  (speed relay vs direct ${(direct / relay).toFixed(2)}×, target ≥ 0.8×)`,
    );
    console.log(
      `    desktop main thread's longest wait (median): relayed ${fmt(median(loopDelayMax.relay))}, ` +
        `direct ${fmt(median(loopDelayMax.direct))}`,
    );
    console.log(
      `    VirtDesk relayed, --tunnelled            ${fmt(relayTunnelled)}  (speed vs direct ${(direct / relayTunnelled).toFixed(2)}×: the Advanced choice)`,
    );
    // Both hosts are this one machine: "direct" is QEMU to QEMU over loopback (~1 GB/s here), which no
    // network between two hosts carries. The same pair at a link's speed (libvirt's --bandwidth, both
    // paths alike): what the relay costs where hosts are apart, and the desktop reaches both at that speed.
    console.log(
      `    at ${LINK_MIBS} MiB/s (what 1 Gbit/s Ethernet carries), both paths: direct ${fmt(directAtLink)}, ` +
        `relayed ${fmt(relayAtLink)}  (speed relay vs direct ${(directAtLink / relayAtLink).toFixed(2)}×, target ≥ 0.8×)`,
    );
    console.log(
      `    desktop CPU per migration (median): direct ${fmt(median(desktopCpu.direct))}, relayed ${fmt(median(desktopCpu.relay))}`,
    );
    console.log(
      `    machine CPU busy per migration (median, ${cpus().length} CPUs): direct ${fmt(median(machineBusy.direct))}, ` +
        `relayed ${fmt(median(machineBusy.relay))}`,
    );
    console.log(`    every run (ms): ${JSON.stringify(times)}`);
    console.log(`    load average (1, 5, 15 min) before ${loadBefore}, after ${loadavg()}`);
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
    if (process.env.MIGRATE_ONLY !== '1') await snapshotBench(h, a);
    await migrateBench(host, h, a);
  } finally {
    h.dispose();
  }
}

if (process.argv[1]?.endsWith('migrate-snapshot-bench.ts')) {
  await runMigrateSnapshotBench();
  process.exit(0);
}
