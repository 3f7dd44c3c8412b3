/**
 * The one place secrets are kept (console passwords the user asked to remember, …). Nothing else
 * writes a secret anywhere, and no implementation logs one.
 *
 * - MemorySecretStore: for serve mode and tests — there is no OS keychain behind a browser tab, so
 *   "remember" lasts as long as the backend process.
 * - The desktop app passes an Electron safeStorage-backed store from main.ts (electron/ only).
 */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

/** The key under which a VM's console password is remembered. */
export function consolePasswordKey(hostId: string, uuid: string): string {
  return `console-password:${hostId}:${uuid}`;
}
