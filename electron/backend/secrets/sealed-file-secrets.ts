import { z } from 'zod';
import { JsonFile } from '../prefs/json-file';
import type { PersistentSecrets } from './secret-store';

/** Encryption by the OS (Electron's safeStorage: keychain / libsecret / DPAPI), given by main.ts. */
export interface Sealer {
  available(): boolean;
  seal(plain: string): Buffer;
  /** Throws when the ciphertext cannot be opened (another user's, a changed keyring). */
  unseal(sealed: Buffer): string;
}

const SealedSecrets = z.record(z.string(), z.string());

/**
 * The persistent tier: each value sealed by the OS, kept as base64 ciphertext in a 0600 file in the
 * data dir. Writes go through JsonFile: atomic, and serialised so that overlapping saves never lose
 * one. Without OS encryption nothing is written: "remember" is refused, never kept in plain text.
 */
export class SealedFileSecrets implements PersistentSecrets {
  private readonly file: JsonFile<typeof SealedSecrets>;
  private cache: Promise<Map<string, string>> | undefined;

  constructor(
    path: string,
    private readonly sealer: Sealer,
  ) {
    this.file = new JsonFile(path, SealedSecrets, () => ({}));
  }

  async get(key: string): Promise<string | undefined> {
    const sealed = (await this.load()).get(key);
    if (!sealed || !this.sealer.available()) return undefined;
    try {
      return this.sealer.unseal(Buffer.from(sealed, 'base64'));
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string): Promise<void> {
    if (!this.sealer.available()) throw new Error('No OS keychain is available to store secrets');
    const values = await this.load();
    values.set(key, this.sealer.seal(value).toString('base64'));
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
