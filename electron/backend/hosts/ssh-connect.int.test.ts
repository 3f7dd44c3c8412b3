import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { HostInput } from '../../../shared/api/hosts';
import { addSshHost, connectByKey, createHarness, type Harness } from '../testing/backend-harness';
import { knowHostKey, sshdSessions } from '../testing/ssh-test-host';

// Real sshd on 127.0.0.1, real libvirt (qemu:///session) for the test user: see e2e/host/.
const host = inject('testHost');

describe('connecting over SSH to the test host', () => {
  const harnesses: Harness[] = [];
  const harness = async (opts?: Parameters<typeof createHarness>[0]) => {
    const h = await createHarness(opts);
    harnesses.push(h);
    return h;
  };
  afterEach(() => harnesses.splice(0).forEach((h) => h.dispose()));

  it('by key: asks about the unknown host key with its SHA256 fingerprint, remembers it, lists the VMs', async () => {
    const h = await harness();
    const hostId = await connectByKey(h, host);
    expect(h.prompts).toEqual([
      expect.objectContaining({ kind: 'host-key', fingerprint: host.hostKeySha256, keyType: 'ssh-ed25519' }),
    ]);
    expect(readFileSync(join(h.dataDir, 'known_hosts'), 'utf8')).toBe(`${host.knownHostsLine}\n`);
    const domains = await h.call('domains/list', { hostId });
    expect(domains.map((d) => d.name)).toContain('vd-tiny');
    // Connecting again asks nothing: the key is now known.
    await h.call('hosts/disconnect', { hostId });
    h.prompts.splice(0);
    expect((await h.call('hosts/connect', { hostId })).state).toBe('connected');
    expect(h.prompts).toEqual([]);
  });

  it('cancelling the host-key question sends no credentials and says why', async () => {
    const h = await harness();
    h.setPromptPolicy((p) =>
      p.kind === 'host-key' ? { accepted: false } : { accepted: true, answers: ['x'] },
    );
    const { status } = await addAndConnect(h);
    expect(status).toMatchObject({ state: 'failed', error: { code: 'host-key-rejected' } });
    expect(h.prompts.map((p) => p.kind)).toEqual(['host-key']);
  });

  it('refuses a changed host key loudly, before any credential is sent', async () => {
    const h = await harness();
    const { publicKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    const blob = Buffer.concat([u32(11), Buffer.from('ssh-ed25519'), u32(32), raw]);
    writeFileSync(
      join(h.homeDir, '.ssh', 'known_hosts'),
      `[127.0.0.1]:${host.port} ssh-ed25519 ${blob.toString('base64')}\n`,
    );
    h.setPromptPolicy(() => ({ accepted: true, answers: [host.password ?? ''] }));
    const { status } = await addAndConnect(h);
    expect(status).toMatchObject({ state: 'failed', error: { code: 'host-key-changed' } });
    expect(status.error?.message).toMatch(/man-in-the-middle/);
    expect(h.prompts).toEqual([]);
  });

  // The password exists only when the test host runs as root (it creates the user); otherwise skipped.
  it.runIf(host.password)('by password, asked in the app; a wrong one is asked again', async () => {
    const h = await harness();
    knowHostKey(h, host);
    let asked = 0;
    h.setPromptPolicy((p) =>
      p.kind === 'password'
        ? { accepted: true, answers: [++asked === 1 ? 'wrong' : host.password!] }
        : undefined,
    );
    expect((await addAndConnect(h)).status.state).toBe('connected');
    expect(h.prompts.map((p) => p.kind)).toEqual(['password', 'password']);
    expect(h.prompts[0]).toMatchObject({ user: host.user, host: host.host });
    // Nothing secret reached the data dir.
    expect(readFileSync(join(h.dataDir, 'connections.json'), 'utf8')).not.toContain(host.password!);
  });

  it('with a passphrase-protected key, asking for the passphrase', async () => {
    const h = await harness();
    knowHostKey(h, host);
    h.setPromptPolicy((p) =>
      p.kind === 'passphrase' ? { accepted: true, answers: [host.passphrase] } : undefined,
    );
    const { status } = await addAndConnect(h, { privateKeyPath: host.passphraseKeyPath });
    expect(status.state).toBe('connected');
    expect(h.prompts).toEqual([
      expect.objectContaining({ kind: 'passphrase', keyPath: host.passphraseKeyPath }),
    ]);
  });

  it('through a ~/.ssh/config alias (HostName, Port, User, IdentityFile) and the user known_hosts', async () => {
    const h = await harness();
    knowHostKey(h, host);
    writeFileSync(
      join(h.homeDir, '.ssh', 'config'),
      `Host kvm-lab\n  HostName ${host.host}\n  Port ${host.port}\n  User ${host.user}\n  IdentityFile ${host.privateKeyPath}\n`,
    );
    const view = await h.call('hosts/add', { transport: 'ssh', host: 'kvm-lab', uri: host.uri });
    expect((await h.call('hosts/connect', { hostId: view.config.id })).state).toBe('connected');
    expect(h.prompts).toEqual([]);
    expect((await h.call('domains/list', { hostId: view.config.id })).map((d) => d.name)).toContain(
      'vd-tiny',
    );
  });

  it('through a ProxyJump host named in ~/.ssh/config (a second SSH connection tunnels the first)', async () => {
    const h = await harness();
    knowHostKey(h, host);
    const entry = (alias: string, extra = '') =>
      `Host ${alias}\n  HostName ${host.host}\n  Port ${host.port}\n  User ${host.user}\n  IdentityFile ${host.privateKeyPath}\n${extra}`;
    writeFileSync(
      join(h.homeDir, '.ssh', 'config'),
      entry('lab-jump') + entry('lab-behind-jump', '  ProxyJump lab-jump\n'),
    );
    const sessionsBefore = sshdSessions(host);
    const view = await h.call('hosts/add', { transport: 'ssh', host: 'lab-behind-jump', uri: host.uri });
    expect((await h.call('hosts/connect', { hostId: view.config.id })).state).toBe('connected');
    expect((await h.call('domains/list', { hostId: view.config.id })).map((d) => d.name)).toContain(
      'vd-tiny',
    );
    // One connection to the jump host, one through it to the target.
    expect(sshdSessions(host) - sessionsBefore).toBe(2);
  });

  it('reports refused authentication after the server refused every method', async () => {
    const h = await harness();
    knowHostKey(h, host);
    const stranger = join(h.homeDir, '.ssh', 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger]);
    h.setPromptPolicy((p) =>
      p.kind === 'password' ? { accepted: true, answers: ['not-the-password'] } : undefined,
    );
    const { status } = await addAndConnect(h);
    expect(status).toMatchObject({ state: 'failed', error: { code: 'auth-failed' } });
    expect(status.error?.message).toContain(`${host.user}@${host.host}`);
  });

  it('says why a host cannot be reached: refused port, unknown name, unreachable libvirt URI', async () => {
    const h = await harness();
    knowHostKey(h, host);
    const key = { privateKeyPath: host.privateKeyPath };
    expect((await addAndConnect(h, { ...key, host: '127.0.0.1', port: 1 })).status).toMatchObject({
      state: 'failed',
      error: { code: 'connect-refused' },
    });
    expect((await addAndConnect(h, { ...key, host: 'no-such-host.invalid', port: 22 })).status).toMatchObject(
      {
        state: 'failed',
        error: { code: 'connect-dns' },
      },
    );
    expect(
      (await addAndConnect(h, { ...key, uri: 'qemu+unix:///session?socket=/nonexistent' })).status,
    ).toMatchObject({
      state: 'failed',
      error: { code: 'libvirt-unreachable', message: expect.stringMatching(/connect/i) },
    });
  });
});

/** Adds the test host as an SSH connection (no key unless given) and tries to connect. */
async function addAndConnect(h: Harness, extra: Partial<HostInput> = {}) {
  const hostId = await addSshHost(h, host, extra);
  return { hostId, status: await h.call('hosts/connect', { hostId }) };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
