/**
 * The one place secrets are kept. Nothing else holds a secret beyond one call, nothing writes one
 * anywhere but the persistent tier below, and nothing here logs one. Two tiers:
 *
 * - **session** (memory only, this backend process): SSH passwords and key passphrases that worked,
 *   so a reconnect does not ask again. Never on disk, whatever the platform.
 * - **remembered** (kept across restarts): console passwords the user asked to remember. The desktop
 *   app passes a `PersistentSecrets` tier (`SealedFileSecrets` with Electron's safeStorage, from
 *   main.ts); without one (serve mode, tests: no OS keychain behind a browser tab) "remember" lasts
 *   as long as the backend process, in the session tier.
 */
export type SecretLifetime = 'session' | 'remembered';

/** Where remembered secrets outlive the process (encrypted; see sealed-file-secrets.ts). */
export interface PersistentSecrets {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export class SecretStore {
  private readonly session = new Map<string, string>();

  constructor(private readonly persistent?: PersistentSecrets) {}

  /** The session value if there is one, else the remembered one. */
  async get(key: string): Promise<string | undefined> {
    return this.session.get(key) ?? (await this.persistent?.get(key));
  }

  /** Keeps `value` for this session only, or remembered (persistent tier, else memory). */
  async set(key: string, value: string, lifetime: SecretLifetime): Promise<void> {
    if (lifetime === 'remembered' && this.persistent) {
      await this.persistent.set(key, value);
      this.session.delete(key); // one value per key: the remembered one now
    } else this.session.set(key, value);
  }

  /** Forgets `key` in both tiers. */
  async delete(key: string): Promise<void> {
    this.session.delete(key);
    await this.persistent?.delete(key);
  }
}

/** The key under which a VM's console password is remembered. */
export function consolePasswordKey(hostId: string, uuid: string): string {
  return `console-password:${hostId}:${uuid}`;
}
