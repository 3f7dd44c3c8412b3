/**
 * Issue 9 benchmark: a pool of 5,000 volumes on the real test host. VirtDesk's `volumes/list`
 * (names and paths, then every volume's XML pipelined, plus "used by") vs python3-libvirt
 * `listAllVolumes()` + `XMLDesc()` each, in one run; and the host's connect time with that pool
 * defined (the list is never read at connect). Figures only; nothing passes or fails.
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

export async function runVolumeListBench(): Promise<void> {
  const host = await ensureTestHost();
  await seed(host);
  const h = await createHarness();
  const t0 = performance.now();
  const hostId = await connectByKey(h, host);
  const connect = performance.now() - t0;
  const t1 = performance.now();
  const list = await h.call('volumes/list', { hostId, pool: POOL });
  const ours = performance.now() - t1;
  h.dispose();
  const py = await pythonLibvirt(host, sshWrapper(host));
  const ms = (x: number) => `${x.toFixed(0).padStart(7)} ms`;
  console.log(`\nA pool of ${list.length} volumes (python3-libvirt saw ${py.count})`);
  console.log(`  connect (pool defined, never read)           ${ms(connect)}`);
  console.log(
    `  VirtDesk volumes/list, complete with XML     ${ms(ours)}   (one reply: first rows = complete)`,
  );
  console.log(`  python3-libvirt listAllVolumes (names only)  ${ms(py.first)}`);
  console.log(`  python3-libvirt + XMLDesc each, complete     ${ms(py.complete)}`);
  console.log(
    `  VirtDesk / python complete                   ${(ours / py.complete).toFixed(2).padStart(7)} ×   (target ≤ 1.0)`,
  );
}

if (process.argv[1]?.endsWith('volume-list-bench.ts')) await runVolumeListBench().then(() => process.exit(0));
