/**
 * Issue 14 (figures only): how fast any relay through the desktop's two SSH connections can go on this
 * machine, with no QEMU and no libvirt — the ceiling the relayed migration's data phase runs into.
 * The same bytes (what a migration of the benchmark's guest sends) go, in the same run:
 *   - through the desktop with ssh2, VirtDesk's SSH library: `head -c N /dev/zero` on one connection's
 *     channel piped into `cat >/dev/null` on the other's, writes gathered per tick as the relay does;
 *   - through OpenSSH's own client: `ssh host head … | ssh host cat …` (its login subtracted; the
 *     same cipher);
 *   - through no SSH at all: `head | cat` on a pipe (what the direct migration's plain TCP is closer to).
 * Each with the whole machine's CPU busy time (/proc/stat): here the source's sshd, the destination's
 * sshd and the desktop share the same cores, as the migration's two QEMUs do too.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import { promisify } from 'node:util';
import ssh2, { type Client, type ClientChannel } from 'ssh2';
import { tuneGarbageCollection } from '../electron/backend/runtime/garbage-collection';
import { ensureTestHost, type TestHost } from '../e2e/host/test-host';
import { machineCpu, median } from './machine-cpu';

const MIB = Number(process.env.RELAY_MIB ?? 160);
const ROUNDS = Number(process.env.RELAY_ROUNDS ?? 3);
const BYTES = MIB * 1024 * 1024;

function login(host: TestHost): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    client.once('ready', () => resolve(client)).once('error', reject);
    client.connect({
      host: host.host,
      port: host.port,
      username: host.user,
      privateKey: readFileSync(host.privateKeyPath),
      hostVerifier: (key: Buffer) => host.knownHostsLine.endsWith(key.toString('base64')),
    });
    client.setNoDelay(true);
  });
}

function exec(client: Client, command: string): Promise<ClientChannel> {
  return new Promise((resolve, reject) =>
    client.exec(command, (error, channel) => (error ? reject(error) : resolve(channel))),
  );
}

/** As the relay does (`gatherWritesWhileReading`): the packets made during one tick go in one writev. */
function gatherWrites(into: Client, from: ClientChannel): void {
  const sock = (into as unknown as { _sock?: Writable })._sock;
  let corked = false;
  from.on('data', () => {
    if (corked || !sock) return;
    corked = true;
    sock.cork();
    process.nextTick(() => {
      corked = false;
      sock.uncork();
    });
  });
}

/** ms to relay BYTES from one connection's channel to the other's, through this process. */
async function throughSsh2(source: Client, dest: Client): Promise<number> {
  const sink = await exec(dest, 'cat >/dev/null');
  sink.resume(); // its stdout: nothing, but the channel only closes once read
  const done = new Promise<void>((resolve) => sink.once('close', () => resolve()));
  const t0 = performance.now();
  const from = await exec(source, `head -c ${BYTES} /dev/zero`);
  gatherWrites(dest, from);
  from.pipe(sink);
  await done;
  return performance.now() - t0;
}

async function run(command: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  await promisify(execFile)(command, args, { maxBuffer: 1024 * 1024 });
  return performance.now() - t0;
}

/** ms for OpenSSH's client to relay BYTES between two of its connections (one login subtracted). */
async function throughOpenSsh(host: TestHost, knownHosts: string): Promise<number> {
  const ssh = [
    'ssh',
    ...['-o', 'BatchMode=yes', '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'StrictHostKeyChecking=yes'],
    // The cipher ssh2 negotiates with this sshd (AES-NI): the same work per byte.
    ...['-c', 'aes128-gcm@openssh.com'],
    ...['-i', host.privateKeyPath, '-p', String(host.port), `${host.user}@${host.host}`],
  ]
    .map((w) => `'${w}'`)
    .join(' ');
  const loginMs = await run('bash', ['-c', `${ssh} true`]);
  const pipeline = `set -o pipefail; ${ssh} 'head -c ${BYTES} /dev/zero' | ${ssh} 'cat >/dev/null'`;
  return (await run('bash', ['-c', pipeline])) - loginMs;
}

/** ms for a local pipe to carry BYTES. */
function throughPipe(): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `head -c ${BYTES} /dev/zero | cat >/dev/null`], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - t0));
  });
}

export async function runRelayCeilingBench(): Promise<void> {
  console.log(`\n== What a relay through the desktop can carry on this machine (issue 14), ${MIB} MiB ==`);
  tuneGarbageCollection(); // as in the desktop's process
  const host = await ensureTestHost();
  const dir = mkdtempSync(join(tmpdir(), 'vd-relay-ceiling-'));
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, `${host.knownHostsLine}\n`);
  const [source, dest] = await Promise.all([login(host), login(host)]);
  const kinds = {
    'ssh2 (the desktop relays)': () => throughSsh2(source, dest),
    "OpenSSH's client (ssh | ssh)": () => throughOpenSsh(host, knownHosts),
    'no SSH (head | cat)': throughPipe,
  };
  const results: Record<string, { ms: number[]; busy: number[] }> = {};
  try {
    for (let round = 0; round < ROUNDS; round++)
      for (const [name, measure] of Object.entries(kinds)) {
        const busy0 = machineCpu()[0];
        const ms = await measure();
        const busy = machineCpu()[0] - busy0;
        (results[name] ??= { ms: [], busy: [] }).ms.push(ms);
        results[name]!.busy.push(busy);
      }
    for (const [name, { ms, busy }] of Object.entries(results)) {
      const m = median(ms);
      console.log(
        `  ${name.padEnd(30)} ${(MIB / (m / 1000)).toFixed(0).padStart(5)} MiB/s (median of ${ROUNDS}); ` +
          `machine busy ${((median(busy) / m) * 100).toFixed(0)}% of one CPU (${cpus().length} CPUs)`,
      );
    }
  } finally {
    source.end();
    dest.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('relay-ceiling-bench.ts')) {
  await runRelayCeilingBench();
  process.exit(0);
}
