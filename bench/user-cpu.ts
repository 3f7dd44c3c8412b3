/**
 * CPU seconds used by one user's processes on this machine while something runs: the test host is
 * local (127.0.0.1), so its sshd, virsh and libvirtd can be watched in /proc. A child process samples
 * every 250 ms (so the sampling costs the measured process nothing) and counts each process's growth
 * from its first sample: a process that ends between two samples loses at most 250 ms of its time. Guests (`qemu-*`) are left out; other work of the same user
 * (another helper's virsh on the shared test host) is not, so read it as an upper bound. Linux only;
 * figures for benchmarks, never assertions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

function snapshot(uid: number): Map<string, { comm: string; ticks: number }> {
  const now = new Map<string, { comm: string; ticks: number }>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (statSync(`/proc/${pid}`).uid !== uid) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (comm.startsWith('qemu-')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      now.set(pid, { comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  return now;
}

/** Samples `uid`'s processes until stdin ends, then prints seconds per command as JSON. */
function sampleUntilStdinEnds(uid: number): void {
  const first = new Map<string, { comm: string; ticks: number }>();
  const last = new Map<string, { comm: string; ticks: number }>();
  const sample = () => {
    for (const [pid, entry] of snapshot(uid)) {
      if (!first.has(pid)) first.set(pid, entry);
      last.set(pid, entry);
    }
  };
  sample();
  const timer = setInterval(sample, 250);
  process.stdin.resume();
  process.stdin.on('end', () => {
    clearInterval(timer);
    sample();
    const seconds: Record<string, number> = {};
    for (const [pid, end] of last) {
      const used = (end.ticks - first.get(pid)!.ticks) / TICKS;
      if (used > 0) seconds[end.comm] = (seconds[end.comm] ?? 0) + used;
    }
    process.stdout.write(JSON.stringify(seconds));
  });
}

/** Starts watching `user`'s processes; the returned function stops and gives seconds per command. */
export function watchUserCpu(user: string): () => Promise<Record<string, number>> {
  const uid = execFileSync('id', ['-u', user]).toString().trim();
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), uid], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const ended = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return async () => {
    child.stdin.end();
    await ended;
    return JSON.parse(out || '{}') as Record<string, number>;
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) sampleUntilStdinEnds(Number(process.argv[2]));
