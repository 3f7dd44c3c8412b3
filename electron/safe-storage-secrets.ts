/**
 * Electron's safeStorage (the OS keychain / libsecret / DPAPI key) as the Sealer of the persistent
 * secret tier (backend/secrets/sealed-file-secrets.ts). Used from main.ts only (it imports
 * 'electron'); serve mode has no persistent tier and keeps remembered secrets in memory.
 */
import { safeStorage } from 'electron';
import type { Sealer } from './backend/secrets/sealed-file-secrets';

export const safeStorageSealer: Sealer = {
  available: () => safeStorage.isEncryptionAvailable(),
  seal: (plain) => safeStorage.encryptString(plain),
  unseal: (sealed) => safeStorage.decryptString(sealed),
};
