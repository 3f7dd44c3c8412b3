/**
 * The desktop secret store: values encrypted with Electron's safeStorage (the OS keychain / libsecret
 * / DPAPI key), kept as base64 ciphertext in a 0600 file in the user data directory. Used from
 * main.ts only (it imports 'electron'); serve mode keeps secrets in memory instead. Writes go
 * through JsonFile: atomic, and serialised so that overlapping saves never lose one.
 */
import { safeStorage } from 'electron';
import { z } from 'zod';
import { JsonFile } from './backend/prefs/json-file';
import type { SecretStore } from './backend/secrets/secret-store';

const SealedSecrets = z.record(z.string(), z.string());

export class SafeStorageSecretStore implements SecretStore {
  private readonly file: JsonFile<typeof SealedSecrets>;
  private cache: Promise<Map<string, string>> | undefined;

  constructor(path: string) {
    this.file = new JsonFile(path, SealedSecrets, () => ({}));
  }

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
    await this.file.save(Object.fromEntries(values));
  }

  async delete(key: string): Promise<void> {
    const values = await this.load();
    if (values.delete(key)) await this.file.save(Object.fromEntries(values));
  }

  private load(): Promise<Map<string, string>> {
    // One shared read: two first calls at once must not each start from their own empty map.
    this.cache ??= this.file.load().then(({ value }) => new Map(Object.entries(value)));
    return this.cache;
  }
}
