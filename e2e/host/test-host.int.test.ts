// Proves the test host is real: OpenSSH with strict host-key checking, key / passphrase-key /
// password auth, libvirt session mode for the test user, and a QEMU guest that boots SeaBIOS.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, type ConnectConfig } from 'ssh2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh, killSshSessions, waitForSerialText } from './test-host';

const host = inject('testHost');

interface ExecResult {
  stdout: string;
  stderr: string;
  code: number;
}

function run(file: string, args: string[], timeoutMs = 30_000): Promise<ExecResult> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ stdout, stderr, code });
    });
  });
}

let tmp = '';
let knownHosts = '';

function sshArgs(knownHostsFile: string, remote: string[]): string[] {
  return [
    '-F',
    '/dev/null',
    '-o',
    'BatchMode=yes',
    '-o',
    `UserKnownHostsFile=${knownHostsFile}`,
    '-o',
    'GlobalKnownHostsFile=/dev/null',
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'ConnectTimeout=10',
    '-i',
    host.privateKeyPath,
    '-p',
    String(host.port),
    `${host.user}@${host.host}`,
    ...remote,
  ];
}

function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** Connect with ssh2 (the library the backend uses), verifying the host key by fingerprint. */
function connect(auth: Partial<ConnectConfig>): Promise<Client> {
  return new Promise((resolve, reject) => {
    const c = new Client();
    c.once('ready', () => resolve(c));
    c.once('error', reject);
    c.connect({
      host: host.host,
      port: host.port,
      username: host.user,
      readyTimeout: 15_000,
      hostVerifier: (key: Buffer) => fingerprint(key) === host.hostKeySha256,
      ...auth,
    });
  });
}

function remoteExec(c: Client, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    c.exec(command, (err, stream) => {
      if (err) return reject(err);
      let out = '';
      stream.on('data', (b: Buffer) => (out += b.toString('utf8')));
      stream.stderr.on('data', () => undefined);
      stream.on('close', () => resolve(out));
    });
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'vd-host-test-'));
  knownHosts = path.join(tmp, 'known_hosts');
  await writeFile(knownHosts, `${host.knownHostsLine}\n`, { mode: 0o600 });
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('test host', () => {
  it('host.json is complete and consistent', async () => {
    expect(host.host).toBe('127.0.0.1');
    expect(host.uri).toBe('qemu:///session');
    expect(host.passphrase).toBe('vd-passphrase');
    expect(host.knownHostsLine).toBe(`[127.0.0.1]:${host.port} ${host.hostKeyPublic}`);
    expect(host.hostKeyPublic).toMatch(/^ssh-ed25519 AAAA[A-Za-z0-9+/=]+$/);
    const pub = await readFile(path.join(host.stateDir, 'ssh_host_ed25519_key.pub'), 'utf8');
    expect(pub.startsWith(host.hostKeyPublic)).toBe(true);
    const blob = Buffer.from(host.hostKeyPublic.split(' ')[1] ?? '', 'base64');
    expect(fingerprint(blob)).toBe(host.hostKeySha256);
  });

  it('OpenSSH client with strict known_hosts runs virsh as the test user and lists vd-tiny', async () => {
    const r = await run('ssh', sshArgs(knownHosts, ['virsh', '-c', host.uri, 'list', '--all', '--name']));
    expect(r.stderr).not.toMatch(/WARNING|Permanently added/);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toContain('vd-tiny');

    const env = await run('ssh', sshArgs(knownHosts, ['printenv', 'XDG_RUNTIME_DIR;', 'id', '-un']));
    expect(env.code).toBe(0);
    expect(env.stdout.trim().split('\n')).toEqual([host.runtimeDir, host.user]);
  });

  it('a different host key in known_hosts is refused', async () => {
    const wrong = path.join(tmp, 'known_hosts_wrong');
    const otherKey = (await readFile(`${host.privateKeyPath}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');
    await writeFile(wrong, `[127.0.0.1]:${host.port} ${otherKey}\n`, { mode: 0o600 });
    const r = await run('ssh', sshArgs(wrong, ['true']));
    expect(r.code).toBe(255);
    expect(r.stderr).toMatch(/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
  });

  it('ssh2 authenticates with the passphrase-protected key', async () => {
    const c = await connect({
      privateKey: await readFile(host.passphraseKeyPath),
      passphrase: host.passphrase,
    });
    try {
      expect((await remoteExec(c, 'id -un')).trim()).toBe(host.user);
    } finally {
      c.end();
    }
  });

  // Only a test host run as root creates its own user with a password; otherwise there is none.
  it.skipIf(host.password === null)('ssh2 authenticates with the password', async () => {
    const c = await connect({ password: host.password ?? '', tryKeyboard: false });
    try {
      expect((await remoteExec(c, 'id -un')).trim()).toBe(host.user);
    } finally {
      c.end();
    }
  });

  it('ssh2 rejects a wrong password', async () => {
    await expect(connect({ password: 'definitely-not-the-password', tryKeyboard: false })).rejects.toThrow(
      /authentication/i,
    );
  });

  it('vd-tiny has no network interface', async () => {
    const r = await hostVirsh(['domiflist', 'vd-tiny']);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .split('\n')
      .filter((l) => l.trim() !== '' && !/^\s*Interface\s/.test(l) && !/^-+$/.test(l));
    expect(rows).toEqual([]);
    const xml = await hostVirsh(['dumpxml', '--inactive', 'vd-tiny']);
    expect(xml.stdout).not.toContain('<interface');
    expect(xml.stdout).not.toContain('<disk');
  });

  it('vd-tiny boots: SeaBIOS appears on its serial console', async () => {
    const state = await hostVirsh(['domstate', 'vd-tiny']);
    if (state.stdout.trim() === 'running') await hostVirsh(['destroy', 'vd-tiny']);
    const start = await hostVirsh(['start', 'vd-tiny']);
    expect(start.stderr).toBe('');
    expect(start.code).toBe(0);
    try {
      await waitForSerialText('vd-tiny', 'SeaBIOS', 30_000);
      await waitForSerialText('vd-tiny', 'No bootable device', 30_000);
    } finally {
      const d = await hostVirsh(['destroy', 'vd-tiny']);
      expect(d.code).toBe(0);
    }
    expect((await hostVirsh(['domstate', 'vd-tiny'])).stdout.trim()).toBe('shut off');
  });

  it('waitForSerialText gives up at its timeout', async () => {
    const t0 = Date.now();
    await expect(waitForSerialText('vd-tiny', 'text that never appears', 300)).rejects.toThrow(
      /within 300 ms/,
    );
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('killSshSessions drops open connections; the listener stays up', async () => {
    const c = await connect({ privateKey: await readFile(host.privateKeyPath) });
    const closed = new Promise<void>((resolve) => c.once('close', () => resolve()));
    c.on('error', () => undefined); // ECONNRESET is the expected way to go
    expect((await remoteExec(c, 'echo alive')).trim()).toBe('alive');
    await killSshSessions();
    await closed;
    const again = await run('ssh', sshArgs(knownHosts, ['echo', 'back']));
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe('back');
  });
});
