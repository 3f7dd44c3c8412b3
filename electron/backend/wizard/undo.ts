// What the wizard created, undone newest first: Finish's rollback on failure or Cancel, and
// "Cancel installation" of a customized VM (from the install record in its metadata).
import type { CreatedVolume } from '../../../shared/wizard/install-record';
import type { LiveHost } from '../hosts/host-connection';
import { removePartialVolume } from '../storage/volumes/remove-volume';

export interface Undo {
  what: string;
  run(): Promise<unknown>;
}

/** Undoes newest first; every step is tried and reported. */
export async function rollBack(undo: Undo[]): Promise<string> {
  if (undo.length === 0) return 'Nothing had been created.';
  const removed: string[] = [];
  const left: string[] = [];
  for (const u of [...undo].reverse()) {
    try {
      await u.run();
      removed.push(u.what);
    } catch (error) {
      left.push(`${u.what} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const parts = [];
  if (removed.length) parts.push(`Removed ${removed.join(', ')}.`);
  if (left.length) parts.push(`Could not remove ${left.join(', ')}.`);
  return parts.join(' ');
}

/** Deletes a volume the wizard created (one already gone counts as removed). */
export function volumeUndo(host: LiveHost, { pool, volume }: CreatedVolume): Undo {
  return { what: `the volume ${volume}`, run: () => removePartialVolume(host.shell, pool, volume) };
}

/** Undefines the VM with its NVRAM and TPM state (older libvirt: without those flags). */
export function definitionUndo(host: LiveHost, uuid: string, name: string): Undo {
  return {
    what: `the definition of ${name}`,
    run: () =>
      host.shell
        .run(['undefine', '--domain', uuid, '--nvram', '--tpm'])
        .catch(() => host.shell.run(['undefine', '--domain', uuid])),
  };
}
