/**
 * Issue 9 benchmark: a pool of 5,000 volumes on the real test host, read as the volumes pane reads
 * it — the renderer's volumes store over the real backend: `volumes/list` (names, paths, used by:
 * the first rows), then every row's XML behind it (`volumes/details`, 500 names a call, two at a
 * time) through the daemon reader (libvirt's remote protocol, one call per volume, many in flight):
 * the complete list. Beside it in the same run: the same read over a connection without the reader
 * (before it: `vol-list`, then one virsh apart per call), python3-libvirt `listAllVolumes()` +
 * `XMLDesc()` of each, and the host's connect time with that pool active and stopped (never read at
 * connect). VD_BENCH_VOLUMES_POOL names the pool (helpers use their prefix on the shared host).
 * Figures only; nothing passes or fails.
 */
import { execFile } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ensureTestHost, hostVirsh, type TestHost } from '../e2e/host/test-host';
import { ensureDirPool } from '../electron/backend/storage/volumes/testing/test-pool';
import { connectByKey, createHarness, type Harness } from '../electron/backend/testing/backend-harness';
import { LibvirtReader } from '../electron/backend/libvirt-rpc/libvirt-reader';
import { VolumeDetailsQueue } from '../renderer/stores/volume-details-queue';
import { sshWrapper } from './list-bench';

const run = promisify(execFile);
const POOL = process.env['VD_BENCH_VOLUMES_POOL'] ?? 'vd-volumes-many';
const COUNT = 5000;
const CONNECTS = 5;
const ROUNDS = 3;

/** 5,000 small files in the pool's directory, owned by the test user, then one pool-refresh. */
async function seed(host: TestHost): Promise<void> {
  const dir = `${host.home}/${POOL}`;
  await ensureDirPool(POOL, host.home);
  const script = `cd "$1" && i=1; while [ $i -le ${COUNT} ]; do f=$(printf 'vol-%05d.img' $i); [ -e "$f" ] || truncate -s 1M "$f"; i=$((i+1)); done; chown "$2" vol-*.img`;
  await run('sh', ['-c', script, 'sh', dir, host.user]);
  await hostVirsh(['pool-refresh', POOL], { timeoutMs: 300_000 });
}

/**
 * As the volumes store reads a pool for the pane, over the backend: the list (first rows), then
 * every row's XML through the store's own queue (`VolumeDetailsQueue`): the complete list.
 */
async function throughTheQueue(
  h: Harness,
  hostId: string,
): Promise<{ first: number; complete: number; rows: number }> {
  const t0 = performance.now();
  const rows = await h.call('volumes/list', { hostId, pool: POOL });
  const first = performance.now() - t0;
  await new Promise<void>((resolve) => {
    const queue: VolumeDetailsQueue = new VolumeDetailsQueue(
      (names) => h.call('volumes/details', { hostId, pool: POOL, names, users: false }),
      () => queue.details.size >= rows.length && resolve(),
    );
    queue.readAll(rows.map((v) => v.name));
  });
  const complete = performance.now() - t0;
  return { first, complete, rows: rows.length };
}

async function pythonLibvirt(
  host: TestHost,
  wrapper: string,
): Promise<{ first: number; complete: number; count: number }> {
  const uri = `qemu+ssh://${host.user}@${host.host}:${host.port}/session?keyfile=${host.privateKeyPath}&command=${wrapper}&no_tty=1`;
  const script = [
    'import libvirt, sys, time',
    'c = libvirt.open(sys.argv[1])',
    'p = c.storagePoolLookupByName(sys.argv[2])',
    't0 = time.perf_counter()',
    'vols = p.listAllVolumes()',
    't1 = time.perf_counter()',
    'xml = [v.XMLDesc(0) for v in vols]',
    'print((t1 - t0) * 1000, (time.perf_counter() - t0) * 1000, len(xml))',
  ].join('\n');
  const { stdout } = await run('/usr/bin/python3', ['-c', script, uri, POOL], { maxBuffer: 1 << 20 });
  const [first, complete, count] = stdout.trim().split(' ').map(Number);
  return { first: first!, complete: complete!, count: count! };
}

async function connectTime(host: TestHost): Promise<number> {
  const h = await createHarness();
  const t0 = performance.now();
  await connectByKey(h, host);
  const ms = performance.now() - t0;
  h.dispose();
  return ms;
}

/** Connect times with the pool active and stopped, alternating (the order of a run must not decide). */
async function connectTimes(host: TestHost): Promise<{ active: number; stopped: number }> {
  const active: number[] = [];
  const stopped: number[] = [];
  for (let i = 0; i < CONNECTS; i++) {
    active.push(await connectTime(host));
    await hostVirsh(['pool-destroy', POOL]);
    try {
      stopped.push(await connectTime(host));
    } finally {
      await hostVirsh(['pool-start', POOL], { timeoutMs: 300_000 });
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { active: median(active), stopped: median(stopped) };
}

export async function runVolumeListBench(): Promise<void> {
  const host = await ensureTestHost();
  await seed(host);
  const { active: withPool, stopped: withoutPool } = await connectTimes(host);
  const h = await createHarness();
  const hostId = await connectByKey(h, host);
  // Before the daemon reader: the same queue over a connection without one (vol-list, then one
  // virsh apart per call with every vol-dumpxml in one argument).
  const hBefore = await createHarness();
  const open = LibvirtReader.open.bind(LibvirtReader);
  LibvirtReader.open = () => Promise.resolve(undefined);
  const hostIdBefore = await connectByKey(hBefore, host).finally(() => (LibvirtReader.open = open));
  const wrapper = sshWrapper(host);
  // The machine is shared: rounds alternate VirtDesk (now, before) and python; medians are reported.
  const ours: Array<Awaited<ReturnType<typeof throughTheQueue>>> = [];
  const before: number[] = [];
  const pys: Array<Awaited<ReturnType<typeof pythonLibvirt>>> = [];
  const loads: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(await throughTheQueue(h, hostId));
    pys.push(await pythonLibvirt(host, wrapper));
    before.push((await throughTheQueue(hBefore, hostIdBefore)).complete);
    loads.push(loadavg()[0]!.toFixed(1));
  }
  h.dispose();
  hBefore.dispose();
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const first = median(ours.map((o) => o.first));
  const complete = median(ours.map((o) => o.complete));
  const shell = median(before);
  const py = {
    first: median(pys.map((p) => p.first)),
    complete: median(pys.map((p) => p.complete)),
    count: pys[0]!.count,
  };
  const ms = (x: number) => `${x.toFixed(0).padStart(7)} ms`;
  const ratio = (x: number) => `${(x / py.complete).toFixed(2).padStart(7)} ×`;
  console.log(
    `\nA pool of ${ours[0]!.rows} volumes (python3-libvirt saw ${py.count}); medians of ${ROUNDS} alternating rounds`,
  );
  console.log(`  connect, pool active (never read)             ${ms(withPool)}   (median of ${CONNECTS})`);
  console.log(`  connect, pool stopped                         ${ms(withoutPool)}   (target: the same)`);
  console.log(
    `  VirtDesk first rows (names, paths, used by)   ${ms(first)}   ${ratio(first)} python complete (target ≤ 0.5)`,
  );
  console.log(
    `  VirtDesk complete, every row's XML (now)      ${ms(complete)}   ${ratio(complete)} python complete (target ≤ 1.0)`,
  );
  console.log(
    `  VirtDesk complete, through virsh (before)     ${ms(shell)}   ${ratio(shell)} python complete`,
  );
  console.log(`  python3-libvirt listAllVolumes (names only)   ${ms(py.first)}`);
  console.log(`  python3-libvirt + XMLDesc each, complete      ${ms(py.complete)}`);
  console.log(`  load average (1 min) after each round         ${loads.join(', ')} on ${cpus().length} CPUs`);
}

if (process.argv[1]?.endsWith('volume-list-bench.ts')) await runVolumeListBench().then(() => process.exit(0));
