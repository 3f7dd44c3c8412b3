/**
 * Issue "Foundation" benchmark: time from "connect" to a complete VM list with every domain's XML
 * read, on the real test host with 200 defined guests, side by side in one run with
 *   (a) python3-libvirt: open(qemu+ssh://…), listAllDomains(), XMLDesc() each (virt-manager's way);
 *   (b) one `ssh host virsh dumpxml …` per domain.
 * Also: first paint (the list before any XML) and the time from an outside `virsh start` to the
 * row turning running. Figures only; nothing passes or fails on machine speed.
 */
import { execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ensureTestHost, hostVirsh, seedMany, unseedMany, type TestHost } from '../e2e/host/test-host';
import { connectByKey, createHarness } from '../electron/backend/testing/backend-harness';

const run = promisify(execFile);
const GUESTS = 200;
/** This bench's own seeded guests (the test host is shared: never another prefix's). */
export const SEED_PREFIX = 'vd-sp-bench-';
const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(0).padStart(7)} ms`;

async function virtdeskConnect(
  host: TestHost,
): Promise<{ firstPaint: number; complete: number; count: number }> {
  const h = await createHarness();
  writeFileSync(join(h.homeDir, '.ssh', 'known_hosts'), `${host.knownHostsLine}\n`);
  const t0 = performance.now();
  let firstPaint = 0;
  const unsubscribe = h.backend.bus.subscribe((name, payload) => {
    if (name === 'domains/delta' && (payload as { reset: boolean }).reset && !firstPaint)
      firstPaint = performance.now() - t0;
  });
  const hostId = await connectByKey(h, host);
  const complete = performance.now() - t0;
  const list = await h.call('domains/list', { hostId });
  unsubscribe();
  h.dispose();
  if (!list.every((d) => d.detailsLoaded)) throw new Error('connect resolved before every XML was read');
  return { firstPaint, complete, count: list.length };
}

export function sshWrapper(host: TestHost): string {
  const dir = mkdtempSync(join(tmpdir(), 'vd-bench-'));
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, `${host.knownHostsLine}\n`);
  const wrapper = join(dir, 'ssh');
  writeFileSync(
    wrapper,
    `#!/bin/sh\nexec ssh -o UserKnownHostsFile=${knownHosts} -o StrictHostKeyChecking=yes -o BatchMode=yes "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  return wrapper;
}

export async function pythonLibvirt(host: TestHost, wrapper: string): Promise<{ ms: number; count: number }> {
  const uri = `qemu+ssh://${host.user}@${host.host}:${host.port}/session?keyfile=${host.privateKeyPath}&command=${wrapper}&no_tty=1`;
  const script = [
    'import libvirt, sys, time',
    't0 = time.perf_counter()',
    'c = libvirt.open(sys.argv[1])',
    'doms = c.listAllDomains()',
    'xml = []',
    // the host is shared: a VM another test removes between the list and its XML is skipped
    'for d in doms:',
    '    try: xml.append(d.XMLDesc(0))',
    '    except libvirt.libvirtError: pass',
    'print((time.perf_counter() - t0) * 1000, len(xml))',
  ].join('\n');
  const { stdout } = await run('/usr/bin/python3', ['-c', script, uri]);
  const [ms, count] = stdout.trim().split(' ').map(Number);
  return { ms: ms!, count: count! };
}

async function sshPerDomain(host: TestHost, wrapper: string, names: string[]): Promise<number> {
  const base = [`${host.user}@${host.host}`, '-p', String(host.port), '-i', host.privateKeyPath];
  const t0 = performance.now();
  await run(wrapper, [...base, 'virsh', '-c', host.uri, 'list', '--all', '--name']);
  for (const name of names) await run(wrapper, [...base, 'virsh', '-c', host.uri, 'dumpxml', name]);
  return performance.now() - t0;
}

async function eventLatency(host: TestHost): Promise<{ fromSpawn: number[]; fromReturn: number[] }> {
  const h = await createHarness();
  writeFileSync(join(h.homeDir, '.ssh', 'known_hosts'), `${host.knownHostsLine}\n`);
  const hostId = await connectByKey(h, host);
  const uuid = (await h.call('domains/list', { hostId })).find((d) => d.name === 'vd-tiny')!.uuid;
  const fromSpawn: number[] = [];
  const fromReturn: number[] = [];
  for (let i = 0; i < 5; i++) {
    h.events.splice(0);
    const running = h.waitFor('domains/delta', (d) =>
      d.upsert.some((s) => s.uuid === uuid && s.state === 'running'),
    );
    const t0 = performance.now();
    const child = spawn('bash', [
      join(import.meta.dirname, '../e2e/host/test-host.sh'),
      'virsh',
      'start',
      'vd-tiny',
    ]);
    const returned = new Promise<number>((resolve) => child.once('exit', () => resolve(performance.now())));
    await running;
    const seen = performance.now();
    const tReturn = await returned;
    fromSpawn.push(seen - t0);
    fromReturn.push(Math.max(0, seen - tReturn));
    await hostVirsh(['destroy', 'vd-tiny']);
  }
  h.dispose();
  return { fromSpawn, fromReturn };
}

export async function runListBench(): Promise<void> {
  const host = await ensureTestHost();
  await hostVirsh(['destroy', 'vd-tiny']);
  console.log(`\n# VM list on the test host: ${GUESTS} defined guests + vd-tiny, over SSH to 127.0.0.1`);
  const names = await seedMany(GUESTS, SEED_PREFIX);
  try {
    const wrapper = sshWrapper(host);
    await virtdeskConnect(host); // warm-up: libvirtd and sshd caches
    await pythonLibvirt(host, wrapper);
    const ours: Array<Awaited<ReturnType<typeof virtdeskConnect>>> = [];
    const python: Array<Awaited<ReturnType<typeof pythonLibvirt>>> = [];
    for (let i = 0; i < ROUNDS; i++) {
      ours.push(await virtdeskConnect(host));
      python.push(await pythonLibvirt(host, wrapper));
    }
    const perDomain = await sshPerDomain(host, wrapper, ['vd-tiny', ...names]);
    const oursMs = median(ours.map((o) => o.complete));
    const pyMs = median(python.map((p) => p.ms));
    console.log(`domains listed: VirtDesk ${ours[0]!.count}, python3-libvirt ${python[0]!.count}`);
    console.log(`median of ${ROUNDS} rounds               time        × python3-libvirt`);
    console.log(
      `VirtDesk first paint (no XML yet)  ${fmt(median(ours.map((o) => o.firstPaint)))}   ${(median(ours.map((o) => o.firstPaint)) / pyMs).toFixed(2)}×`,
    );
    console.log(
      `VirtDesk complete (every XML)      ${fmt(oursMs)}   ${(oursMs / pyMs).toFixed(2)}×   (target ≤ 0.90×)`,
    );
    console.log(`python3-libvirt (virt-manager way) ${fmt(pyMs)}   1.00×`);
    console.log(`ssh + virsh once per domain (1×)   ${fmt(perDomain)}   ${(perDomain / pyMs).toFixed(2)}×`);
  } finally {
    await unseedMany(SEED_PREFIX);
  }
  const latency = await eventLatency(host);
  console.log(`\n# outside \`virsh start vd-tiny\` → row turns running (5 runs, median)`);
  console.log(`from spawning virsh start          ${fmt(median(latency.fromSpawn))}`);
  console.log(`after virsh start returned         ${fmt(median(latency.fromReturn))}`);
}
