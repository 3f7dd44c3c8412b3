/**
 * The desktop secret store: values encrypted with Electron's safeStorage (the OS keychain / libsecret
 * / DPAPI key), kept as base64 ciphertext in a 0600 file in the user data directory. Used from
 * main.ts only (it imports 'electron'); serve mode keeps secrets in memory instead.
 */
import { safeStorage } from 'electron';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretStore } from './backend/secrets/secret-store';

export class SafeStorageSecretStore implements SecretStore {
  private cache: Map<string, string> | undefined;

  constructor(private readonly file: string) {}

  async get(key: string): Promise<string | undefined> {
    const sealed = (await this.load()).get(key);
    if (!sealed || !safeStorage.isEncryptionAvailable()) return undefined;
    try {
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string): Promise<void> {
    // Never fall back to plain text: without OS encryption, "remember" is refused.
    if (!safeStorage.isEncryptionAvailable()) throw new Error('No OS keychain is available to store secrets');
    const values = await this.load();
    values.set(key, safeStorage.encryptString(value).toString('base64'));
    await this.save(values);
  }

  async delete(key: string): Promise<void> {
    const values = await this.load();
    if (values.delete(key)) await this.save(values);
  }

  private async load(): Promise<Map<string, string>> {
    if (this.cache) return this.cache;
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as Record<string, unknown>;
      this.cache = new Map(
        Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
    } catch {
      this.cache = new Map();
    }
    return this.cache;
  }

  private async save(values: Map<string, string>): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    await writeFile(tmp, JSON.stringify(Object.fromEntries(values)), { mode: 0o600 });
    await rename(tmp, this.file);
  }
}
