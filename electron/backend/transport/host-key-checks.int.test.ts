import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { PromptRequest } from '../../../shared/api/prompts';
import { addSshHost, createHarness, type Harness } from '../testing/backend-harness';

// Real sshd on 127.0.0.1 (an Ed25519 host key only), real libvirt: see e2e/host/.
const host = inject('testHost');

describe('host keys and the people who check them', () => {
  const harnesses: Harness[] = [];
  afterEach(() => harnesses.splice(0).forEach((h) => h.dispose()));
  const harness = async (opts?: Parameters<typeof createHarness>[0]) => {
    const h = await createHarness(opts);
    harnesses.push(h);
    return h;
  };

  it('refuses a host whose recorded key is of another type, as OpenSSH does, and says how to remove it', async () => {
    const h = await harness();
    // The user trusted an ECDSA key for this host; the server now shows only its Ed25519 key.
    const known = join(h.homeDir, '.ssh', 'known_hosts');
    writeFileSync(known, `[${host.host}]:${host.port} ${ecdsaBlobLine()}\n`);
    h.setPromptPolicy(() => ({ accepted: true, answers: [host.password ?? 'x'] }));
    const hostId = await addSshHost(h, host, { privateKeyPath: host.privateKeyPath });
    const status = await h.call('hosts/connect', { hostId });
    expect(status).toMatchObject({ state: 'failed', error: { code: 'host-key-changed' } });
    expect(status.error?.message).toMatch(/man-in-the-middle/);
    expect(status.error?.message).toContain('ecdsa-sha2-nistp256');
    expect(status.error?.message).toContain(`ssh-keygen -R '[${host.host}]:${host.port}' -f '${known}'`);
    // Not one question was asked (no "unknown key" prompt to click through), no key was added.
    expect(h.prompts).toEqual([]);
    expect(() => readFileSync(join(h.dataDir, 'known_hosts'), 'utf8')).toThrow();
  });

  it('waits for a person who takes longer than the network timeout to compare the fingerprint', async () => {
    const h = await harness({ sshReadyTimeoutMs: 400 });
    const asked: PromptRequest[] = [];
    h.backend.bus.subscribe((name, payload) => {
      if (name !== 'prompts/request') return;
      const prompt = payload as PromptRequest;
      asked.push(prompt);
      // A person reading the fingerprint: several times the network timeout.
      setTimeout(() => void h.call('prompts/answer', { promptId: prompt.promptId, accepted: true }), 2000);
    });
    const hostId = await addSshHost(h, host, { privateKeyPath: host.privateKeyPath });
    const status = await h.call('hosts/connect', { hostId });
    expect(status.state).toBe('connected');
    expect(asked).toEqual([expect.objectContaining({ kind: 'host-key', fingerprint: host.hostKeySha256 })]);
  });
});

function ecdsaBlobLine(): string {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const point = publicKey.export({ format: 'der', type: 'spki' }).subarray(-65);
  const field = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  };
  const blob = Buffer.concat([
    field(Buffer.from('ecdsa-sha2-nistp256')),
    field(Buffer.from('nistp256')),
    field(point),
  ]);
  return `ecdsa-sha2-nistp256 ${blob.toString('base64')}`;
}
