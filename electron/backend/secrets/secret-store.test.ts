import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SealedFileSecrets, type Sealer } from './sealed-file-secrets';
import { consolePasswordKey, SecretStore } from './secret-store';

/**
 * A stand-in for Electron's safeStorage (no Electron and no OS keychain here): AES-256-GCM under a
 * key that lives in this test process, as safeStorage's lives in the keychain.
 */
function testSealer(key = randomBytes(32)): Sealer & { on: boolean } {
  return {
    on: true,
    available() {
      return this.on;
    },
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    unseal(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vd-d-secrets-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const SECRET = 'hunter2 — ünïcødé $(id)';

describe('SecretStore: one store, a session tier and a persistent tier', () => {
  it('keeps session secrets (SSH passwords, passphrases) in memory only, never on disk', async () => {
    const dir = dataDir();
    const file = join(dir, 'secrets.json');
    const store = new SecretStore(new SealedFileSecrets(file, testSealer()));
    await store.set('password:u@h', SECRET, 'session');
    expect(await store.get('password:u@h')).toBe(SECRET);
    expect(existsSync(file)).toBe(false);
    await store.delete('password:u@h');
    expect(await store.get('password:u@h')).toBeUndefined();
    // A new process (a new store on the same file) has no session secret.
    await store.set('passphrase:/k', SECRET, 'session');
    expect(
      await new SecretStore(new SealedFileSecrets(file, testSealer())).get('passphrase:/k'),
    ).toBeUndefined();
  });

  it('remembers across restarts as ciphertext only; forgetting removes it from the file', async () => {
    const dir = dataDir();
    const file = join(dir, 'secrets.json');
    const sealer = testSealer();
    const key = consolePasswordKey('host-1', 'uuid-1');
    await new SecretStore(new SealedFileSecrets(file, sealer)).set(key, SECRET, 'remembered');
    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk).not.toContain('hunter2');
    expect(onDisk).toContain(key);
    const restarted = new SecretStore(new SealedFileSecrets(file, sealer));
    expect(await restarted.get(key)).toBe(SECRET);
    await restarted.delete(key);
    expect(readFileSync(file, 'utf8')).not.toContain(key);
    expect(await new SecretStore(new SealedFileSecrets(file, sealer)).get(key)).toBeUndefined();
  });

  it('refuses to remember without OS encryption rather than write plain text', async () => {
    const file = join(dataDir(), 'secrets.json');
    const sealer = testSealer();
    sealer.on = false;
    const store = new SecretStore(new SealedFileSecrets(file, sealer));
    await expect(store.set('k', SECRET, 'remembered')).rejects.toThrow(/keychain/);
    expect(existsSync(file)).toBe(false);
  });

  it('reads a value sealed under another key (another user, a new keyring) as absent', async () => {
    const file = join(dataDir(), 'secrets.json');
    await new SecretStore(new SealedFileSecrets(file, testSealer())).set('k', SECRET, 'remembered');
    expect(await new SecretStore(new SealedFileSecrets(file, testSealer())).get('k')).toBeUndefined();
  });

  it('without a persistent tier (serve mode) remembers for the life of the backend, in memory', async () => {
    const store = new SecretStore();
    await store.set('k', SECRET, 'remembered');
    expect(await store.get('k')).toBe(SECRET);
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
  });

  it('loses nothing when many are remembered at once', async () => {
    const file = join(dataDir(), 'secrets.json');
    const sealer = testSealer();
    const store = new SecretStore(new SealedFileSecrets(file, sealer));
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.set(`k${i}`, `v${i}`, 'remembered')));
    const restarted = new SecretStore(new SealedFileSecrets(file, sealer));
    for (let i = 0; i < 50; i++) expect(await restarted.get(`k${i}`)).toBe(`v${i}`);
  });
});
