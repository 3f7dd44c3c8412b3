/**
 * Issue 9 benchmark: uploading a file into a pool of the real test host through VirtDesk's backend
 * vs `scp` of the same file to the same host, in one run. VirtDesk twice: now (a volume file the SSH
 * user may write is written with `cat >` on its own channel) and before (`virsh vol-upload …
 * /dev/stdin`, still the route where the file is not writable); CPU seconds per GiB of each
 * pipeline, the backend's peak RSS growth (target: flat) and the machine's load. VD_BENCH_UPLOAD_MIB
 * sets the file size (default 4096: the 4 GiB), VD_BENCH_UPLOAD_POOL the pool.
 * Figures only; nothing passes or fails.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ensureTestHost, hostVirsh, type TestHost } from '../e2e/host/test-host';
import { ensureDirPool, uploadPath } from '../electron/backend/storage/volumes/testing/test-pool';
import { connectByKey, createHarness } from '../electron/backend/testing/backend-harness';
import { uploadRoute } from '../electron/backend/storage/volumes/volume-stream-job';
import { watchUserCpu } from './user-cpu';

const run = promisify(execFile);
// VD_BENCH_UPLOAD_POOL: a pool name of one's own on the shared test host (helpers use their prefix).
const POOL = process.env['VD_BENCH_UPLOAD_POOL'] ?? 'vd-volumes-bench';
const MiB = 2 ** 20;

/** `direct`: the volume's file written with `cat >` (now); else `vol-upload` (before). */
async function virtdeskUpload(host: TestHost, file: string, direct: boolean) {
  uploadRoute.directWhereWritable = direct;
  const h = await createHarness();
  const hostId = await connectByKey(h, host);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const hostCpu = watchUserCpu(host.user);
  const ownCpu = process.cpuUsage();
  const t0 = performance.now();
  const { jobId } = await uploadPath(h, { hostId, pool: POOL, name: 'bench.img' }, file);
  const job = await h.waitFor('jobs/finished', (j) => j.jobId === jobId, 30 * 60_000);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const own = process.cpuUsage(ownCpu);
  const cpu = { 'VirtDesk (this process)': (own.user + own.system) / 1e6, ...(await hostCpu()) };
  h.dispose();
  uploadRoute.directWhereWritable = true;
  await hostVirsh(['vol-delete', '--pool', POOL, 'bench.img']);
  if (job.state !== 'done') throw new Error(`upload failed: ${job.message}`);
  return { seconds, rssGrowth: peak - baseline, cpu };
}

async function scpUpload(host: TestHost, file: string) {
  const dir = mkdtempSync(join(tmpdir(), 'vd-bench-scp-'));
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, `${host.knownHostsLine}\n`);
  const target = `/home/${host.user}/${POOL}/scp.bin`;
  const opts = ['-i', host.privateKeyPath, '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'BatchMode=yes'];
  const hostCpu = watchUserCpu(host.user);
  const t0 = performance.now();
  const timed = await run('bash', [
    '-c',
    'TIMEFORMAT="%U %S"; time scp "$@"',
    'scp',
    '-q',
    ...opts,
    '-P',
    String(host.port),
    file,
    `${host.user}@${host.host}:${target}`,
  ]);
  const seconds = (performance.now() - t0) / 1000;
  const [user = 0, system = 0] = timed.stderr.trim().split(/\s+/).slice(-2).map(Number);
  const cpu = { 'scp (client)': user + system, ...(await hostCpu()) };
  await run('ssh', [...opts, '-p', String(host.port), `${host.user}@${host.host}`, 'rm', '-f', target]);
  rmSync(dir, { recursive: true, force: true });
  return { seconds, cpu };
}

/** CPU seconds per GiB, the largest first (what a machine busy with other work divides between them). */
function cpuLine(cpu: Record<string, number>, mib: number): string {
  const total = Object.values(cpu).reduce((a, b) => a + b, 0);
  const parts = Object.entries(cpu)
    .filter(([, s]) => s >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([name, s]) => `${name} ${((s * 1024) / mib).toFixed(1)}`);
  return `${((total * 1024) / mib).toFixed(1).padStart(7)} CPU-s/GiB   (${parts.join(', ')})`;
}

export async function runUploadBench(): Promise<void> {
  const host = await ensureTestHost();
  await ensureDirPool(POOL, `/home/${host.user}`);
  await hostVirsh(['vol-delete', '--pool', POOL, 'bench.img']);
  const mib = Number(process.env['VD_BENCH_UPLOAD_MIB'] ?? 4096);
  const dir = mkdtempSync(join(tmpdir(), 'vd-bench-upload-'));
  const file = join(dir, 'upload.bin');
  await run('sh', ['-c', `head -c ${mib * MiB} /dev/urandom > "$1"`, 'sh', file]);
  try {
    const loads = [loadavg()[0]!];
    const scp = await scpUpload(host, file);
    loads.push(loadavg()[0]!);
    const ours = await virtdeskUpload(host, file, true);
    loads.push(loadavg()[0]!);
    const before = await virtdeskUpload(host, file, false);
    loads.push(loadavg()[0]!);
    const rate = (s: number) => `${(mib / s).toFixed(1).padStart(7)} MiB/s`;
    const ratio = (s: number) => `${(scp.seconds / s).toFixed(2).padStart(7)} ×`;
    console.log(`\nUpload of ${mib} MiB to the test host (same file, same host, one run)`);
    console.log(`  scp                             ${rate(scp.seconds)}   (${scp.seconds.toFixed(1)} s)`);
    console.log(`  VirtDesk job, direct (now)      ${rate(ours.seconds)}   (${ours.seconds.toFixed(1)} s)`);
    console.log(
      `  VirtDesk job, vol-upload (before) ${rate(before.seconds)}   (${before.seconds.toFixed(1)} s)`,
    );
    console.log(`  VirtDesk / scp, now             ${ratio(ours.seconds)}   (target ≥ 0.9)`);
    console.log(`  VirtDesk / scp, before          ${ratio(before.seconds)}`);
    console.log(
      `  peak RSS growth (backend)       ${(ours.rssGrowth / MiB).toFixed(1).padStart(7)} MiB now, ${(before.rssGrowth / MiB).toFixed(1)} MiB before   (target < 100)`,
    );
    console.log(`  CPU, scp pipeline               ${cpuLine(scp.cpu, mib)}`);
    console.log(`  CPU, VirtDesk now               ${cpuLine(ours.cpu, mib)}`);
    console.log(`  CPU, VirtDesk before            ${cpuLine(before.cpu, mib)}`);
    console.log(
      `  load average (1 min) at start and after each: ${loads.map((l) => l.toFixed(1)).join(', ')}`,
    );
    console.log(
      `  load average now            ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} CPUs`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await hostVirsh(['vol-delete', '--pool', POOL, 'bench.img']);
  }
}

if (process.argv[1]?.endsWith('upload-bench.ts')) await runUploadBench().then(() => process.exit(0));
