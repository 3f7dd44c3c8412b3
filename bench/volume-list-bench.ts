/**
 * Issue 9 benchmark: a pool of 5,000 volumes on the real test host, read as the volumes pane reads
 * it: `volumes/list` (names and paths: the first rows), then `volumes/details` (the XML of the rows
 * in view: the complete table as a person sees it); then, for reference, every row's sizes in one
 * `vol-list --details`. Beside it, python3-libvirt `listAllVolumes()` + `XMLDesc()` of each, in the same run; and
 * the host's connect time with that pool active and stopped (the list is never read at connect).
 * Figures only; nothing passes or fails.
 */
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ensureTestHost, hostVirsh, type TestHost } from '../e2e/host/test-host';
import { ensureDirPool } from '../electron/backend/storage/volumes/testing/test-pool';
import { connectByKey, createHarness } from '../electron/backend/testing/backend-harness';
import { sshWrapper } from './list-bench';

const run = promisify(execFile);
const POOL = 'vd-volumes-many';
const COUNT = 5000;
/** Rows a volumes pane shows at once (plus overscan). */
const IN_VIEW = 40;
const CONNECTS = 3;
const ROUNDS = 3;

/** 5,000 small files in the pool's directory, owned by the test user, then one pool-refresh. */
async function seed(host: TestHost): Promise<void> {
  const dir = `/home/${host.user}/${POOL}`;
  await ensureDirPool(POOL, `/home/${host.user}`);
  const script = `cd "$1" && i=1; while [ $i -le ${COUNT} ]; do f=$(printf 'vol-%05d.img' $i); [ -e "$f" ] || truncate -s 1M "$f"; i=$((i+1)); done; chown "$2" vol-*.img`;
  await run('sh', ['-c', script, 'sh', dir, host.user]);
  await hostVirsh(['pool-refresh', POOL], { timeoutMs: 300_000 });
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

async function connectTimes(host: TestHost): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < CONNECTS; i++) {
    const h = await createHarness();
    const t0 = performance.now();
    await connectByKey(h, host);
    times.push(performance.now() - t0);
    h.dispose();
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

export async function runVolumeListBench(): Promise<void> {
  const host = await ensureTestHost();
  await seed(host);
  const withPool = await connectTimes(host);
  await hostVirsh(['pool-destroy', POOL]);
  const withoutPool = await connectTimes(host).finally(() => hostVirsh(['pool-start', POOL]));
  const h = await createHarness();
  const hostId = await connectByKey(h, host);
  const wrapper = sshWrapper(host);
  // The machine is shared: rounds alternate VirtDesk and python, and medians are reported.
  const ours: Array<{ first: number; complete: number; sized: number }> = [];
  const pys: Array<Awaited<ReturnType<typeof pythonLibvirt>>> = [];
  let rows: Awaited<ReturnType<typeof h.call<'volumes/list'>>> = [];
  for (let round = 0; round < ROUNDS; round++) {
    // As the volumes pane does: the names (the table paints them), then the XML of the rows in view.
    const t1 = performance.now();
    rows = await h.call('volumes/list', { hostId, pool: POOL });
    const first = performance.now() - t1;
    const names = rows.slice(0, IN_VIEW).map((v) => v.name);
    await h.call('volumes/details', { hostId, pool: POOL, names });
    const complete = performance.now() - t1;
    const t3 = performance.now();
    await h.call('volumes/list', { hostId, pool: POOL, sizes: true });
    ours.push({ first, complete, sized: performance.now() - t3 });
    pys.push(await pythonLibvirt(host, wrapper));
  }
  h.dispose();
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const first = median(ours.map((o) => o.first));
  const complete = median(ours.map((o) => o.complete));
  const sized = median(ours.map((o) => o.sized));
  const py = {
    first: median(pys.map((p) => p.first)),
    complete: median(pys.map((p) => p.complete)),
    count: pys[0]!.count,
  };
  const ms = (x: number) => `${x.toFixed(0).padStart(7)} ms`;
  const ratio = (x: number) => `${(x / py.complete).toFixed(2).padStart(7)} ×`;
  console.log(
    `\nA pool of ${rows.length} volumes (python3-libvirt saw ${py.count}); medians of ${ROUNDS} alternating rounds`,
  );
  console.log(`  connect, pool active (never read)             ${ms(withPool)}   (median of ${CONNECTS})`);
  console.log(`  connect, pool stopped                         ${ms(withoutPool)}   (target: the same)`);
  console.log(
    `  VirtDesk first rows (names, paths, used by)   ${ms(first)}   ${ratio(first)} python complete (target ≤ 0.5)`,
  );
  console.log(
    `  VirtDesk complete (+ XML of the ${IN_VIEW} in view)     ${ms(complete)}   ${ratio(complete)} python complete (target ≤ 1.0)`,
  );
  console.log(
    `  VirtDesk sizes of every row (--details)       ${ms(sized)}   ${ratio(sized)} (not needed to show the table)`,
  );
  console.log(`  python3-libvirt listAllVolumes (names only)   ${ms(py.first)}`);
  console.log(`  python3-libvirt + XMLDesc each, complete      ${ms(py.complete)}`);
}

if (process.argv[1]?.endsWith('volume-list-bench.ts')) await runVolumeListBench().then(() => process.exit(0));
