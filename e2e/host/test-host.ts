// Node-side handle on the real test host (e2e/host/test-host.sh): a real sshd on 127.0.0.1, real
// libvirt in session mode for an unprivileged user, and tiny disk-less QEMU guests.
// Used by the vitest globalSetup (integration) and by Playwright's global setup (e2e).
import { execFile, spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** The fields of STATE/host.json, as written by `test-host.sh up`. */
export interface TestHost {
  host: string;
  port: number;
  user: string;
  /** null when the script ran unprivileged (the current user; password auth untestable). */
  password: string | null;
  /** ed25519 client key without passphrase. */
  privateKeyPath: string;
  /** ed25519 client key protected by `passphrase`. */
  passphraseKeyPath: string;
  passphrase: string;
  /** "ssh-ed25519 AAAA…" */
  hostKeyPublic: string;
  /** "[127.0.0.1]:PORT ssh-ed25519 AAAA…", ready for a known_hosts file. */
  knownHostsLine: string;
  /** "SHA256:…", as OpenSSH prints it. */
  hostKeySha256: string;
  /** "qemu:///session" */
  uri: string;
  runtimeDir: string;
  stateDir: string;
  /** Serial output of guest NAME is logged to `${serialLogDir}/${NAME}.log`. */
  serialLogDir: string;
  /** The test user's home directory (where tests put the storage they create). */
  home: string;
  sshdPid: number;
  /** true when vd-tiny runs under KVM; false = TCG. */
  kvm: boolean;
  /** The VNC password of vd-vnc-pass (the console guests: vd-vnc-pass, vd-spice, vd-serial2). */
  vncPassword: string;
  /**
   * The second test user (migration, issue 14): same sshd, same client keys, its own libvirt session
   * daemon with its own host UUID. null when the script ran unprivileged (no second account).
   */
  peer?: TestPeer | null;
}

export interface TestPeer {
  user: string;
  home: string;
  runtimeDir: string;
  hostUuid: string;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** Absolute path of the shell script that manages the host. */
export const TEST_HOST_SCRIPT = path.join(here, 'test-host.sh');

/** The state directory (same default as the script). */
export function testHostStateDir(): string {
  return process.env.VIRTDESK_TEST_HOST_DIR || '/tmp/virtdesk-test-host';
}

/** Run `bash test-host.sh ARGS…` (argv, never a shell string), bounded by timeoutMs. */
function runScript(args: string[], timeoutMs: number, input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [TEST_HOST_SCRIPT, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // Own process group, so a timeout can kill the whole tree (runuser, virsh, timeout …).
      detached: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (timedOut) {
        reject(new Error(`test-host.sh ${args.join(' ')} timed out after ${timeoutMs} ms\n${stderr}`));
        return;
      }
      resolve({ stdout, stderr, code: code ?? (signal ? 128 : 1) });
    });
    child.stdin.on('error', () => undefined); // the script may not read stdin at all
    child.stdin.end(input ?? '');
  });
}

async function runScriptOk(args: string[], timeoutMs: number): Promise<RunResult> {
  const r = await runScript(args, timeoutMs);
  if (r.code !== 0) {
    throw new Error(`test-host.sh ${args.join(' ')} failed (exit ${r.code}):\n${r.stderr}${r.stdout}`);
  }
  return r;
}

function parseTestHost(json: string, origin: string): TestHost {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch (e) {
    throw new Error(`${origin}: not JSON: ${(e as Error).message}\n${json.slice(0, 500)}`, { cause: e });
  }
  const o = v as Record<string, unknown>;
  const strings = [
    'host',
    'user',
    'privateKeyPath',
    'passphraseKeyPath',
    'passphrase',
    'hostKeyPublic',
    'knownHostsLine',
    'hostKeySha256',
    'uri',
    'runtimeDir',
    'stateDir',
    'serialLogDir',
    'vncPassword',
  ] as const;
  const bad: string[] = [];
  if (typeof v !== 'object' || v === null) bad.push('(root)');
  else {
    for (const k of strings) if (typeof o[k] !== 'string') bad.push(k);
    if (!Number.isInteger(o.port)) bad.push('port');
    if (!Number.isInteger(o.sshdPid)) bad.push('sshdPid');
    if (typeof o.kvm !== 'boolean') bad.push('kvm');
    if (o.password !== null && typeof o.password !== 'string') bad.push('password');
  }
  if (bad.length > 0) throw new Error(`${origin}: missing/invalid fields: ${bad.join(', ')}`);
  return v as TestHost;
}

/**
 * Bring the test host up (or repair it) and return its details. Idempotent and fast (~0.2 s)
 * when it is already up; ~3 s from cold.
 */
export async function ensureTestHost(): Promise<TestHost> {
  const r = await runScriptOk(['up'], 300_000);
  return parseTestHost(r.stdout, 'test-host.sh up');
}

/** Read STATE/host.json of a host that is already up (does not start anything). */
export async function readTestHost(): Promise<TestHost> {
  const file = path.join(testHostStateDir(), 'host.json');
  return parseTestHost(await readFile(file, 'utf8'), file);
}

/**
 * `virsh -c qemu:///session ARGS…` as the test user, on the host side (not over SSH).
 * Arguments are passed as argv; nothing is interpreted by a shell.
 */
export function hostVirsh(
  args: string[],
  opts: { timeoutMs?: number; input?: string } = {},
): Promise<RunResult> {
  return runScript(['virsh', ...args], opts.timeoutMs ?? 60_000, opts.input);
}

/** `virsh -c qemu:///session ARGS…` as the second test user (its own session daemon). */
export function peerVirsh(args: string[], opts: { timeoutMs?: number } = {}): Promise<RunResult> {
  return runScript(['peer-virsh', ...args], opts.timeoutMs ?? 60_000);
}

/** `virt-install --connect qemu:///session ARGS…` as the test user (the wizard compares its XML with it). */
export function hostVirtInstall(args: string[], timeoutMs = 120_000): Promise<RunResult> {
  return runScript(['virt-install', ...args], timeoutMs);
}

/**
 * Starts guest NAME on the host and waits until its firmware has given up looking for a disk on
 * the serial console (the test guests have none): by then its display shows SeaBIOS's text.
 */
export async function bootGuest(name: string, timeoutMs = 60_000): Promise<void> {
  const started = await hostVirsh(['start', name]);
  if (started.code !== 0) throw new Error(`virsh start ${name} failed: ${started.stderr}`);
  await waitForSerialText(name, 'No bootable device', timeoutMs);
}

/** Kill the per-connection sshd processes (every open SSH connection drops); the listener stays. */
export async function killSshSessions(): Promise<void> {
  await runScriptOk(['kill-ssh-sessions'], 30_000);
}

/** Name of the i-th (1-based) benchmark guest, as `seed-many` defines it. */
export function benchGuestName(i: number, prefix = 'vd-bench-'): string {
  return `${prefix}${String(i).padStart(3, '0')}`;
}

/**
 * Define (not start) PREFIX001…N in one virsh process. Returns the names. The host is shared:
 * each helper seeds (and unseeds) under its own prefix (`vd-xx-bench-`).
 */
export async function seedMany(n: number, prefix = 'vd-bench-'): Promise<string[]> {
  if (!Number.isInteger(n) || n < 1 || n > 5000)
    throw new RangeError(`seedMany: n must be 1..5000, got ${n}`);
  await runScriptOk(['seed-many', String(n), prefix], 600_000);
  return Array.from({ length: n }, (_, i) => benchGuestName(i + 1, prefix));
}

/** Undefine every PREFIX* guest (only the caller's own prefix). */
export async function unseedMany(prefix = 'vd-bench-'): Promise<void> {
  await runScriptOk(['unseed-many', prefix], 600_000);
}

const DOMAIN_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;

/** Path of the serial log of DOMAIN (only guests defined with a <log> element have one). */
export function serialLogPath(domain: string, host?: Pick<TestHost, 'serialLogDir'>): string {
  if (!DOMAIN_NAME.test(domain))
    throw new Error(`invalid domain name for a serial log: ${JSON.stringify(domain)}`);
  const dir = host?.serialLogDir ?? path.join(testHostStateDir(), 'serial');
  return path.join(dir, `${domain}.log`);
}

/**
 * Wait until the serial console output of DOMAIN contains TEXT. Reads the serial log file
 * (truncated by libvirt on every start: append='off'), polling every 100 ms, bounded by timeoutMs.
 */
export async function waitForSerialText(
  domain: string,
  text: string,
  timeoutMs: number,
  /** Only output after this byte offset counts (see serialLogSize), e.g. a banner after a reboot. */
  after = 0,
): Promise<void> {
  const file = serialLogPath(domain);
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      last = (await readFile(file)).subarray(after).toString('latin1');
      if (last.includes(text)) return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const left = deadline - Date.now();
    if (left <= 0) break;
    await sleep(Math.min(100, left));
  }
  const tail = last.slice(-400).replace(/[^\x20-\x7e\n]/g, '.');
  throw new Error(
    `waitForSerialText: ${JSON.stringify(text)} did not appear on ${domain}'s serial console within ` +
      `${timeoutMs} ms (${file}); last output:\n${tail || '(none)'}`,
  );
}

/** Bytes logged so far from DOMAIN's serial console (0 before its first start). */
export async function serialLogSize(domain: string): Promise<number> {
  try {
    return (await stat(serialLogPath(domain))).size;
  } catch {
    return 0;
  }
}

/** Command lines (argv) of the host's processes whose argv contains every one of `words`. */
export async function hostProcesses(words: string[]): Promise<string[][]> {
  const found: string[][] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let argv: string[];
    try {
      argv = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0').filter(Boolean);
    } catch {
      continue;
    }
    if (words.every((w) => argv.includes(w))) found.push(argv);
  }
  return found;
}

/**
 * SSH connections to the test host's sshd held by process `pid` (default: this one), counted from
 * the kernel's socket table (`ss`): what the host sees as separate sshd sessions.
 */
export async function sshConnectionsOf(host: Pick<TestHost, 'port'>, pid = process.pid): Promise<number> {
  const out = await new Promise<string>((resolve, reject) => {
    execFile('ss', ['-Htnp', 'state', 'established', 'dport', '=', `:${host.port}`], (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
  return out.split('\n').filter((line) => line.includes(`pid=${pid},`)).length;
}
