import { setTimeout as delay } from 'node:timers/promises';
import type { VirshRunner } from '../../virsh/virsh-runner';

/**
 * Deletes a volume that a transfer left half-written. libvirt refuses while the upload stream it
 * served is still closing ("still in use"); libvirt sends no event for that, so a few bounded retries.
 * A volume already gone counts as deleted.
 */
export async function removePartialVolume(shell: VirshRunner, pool: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await shell.run(['vol-delete', '--pool', pool, name]);
      return;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/not found|no storage vol/i.test(message)) return;
      if (!/in use/i.test(message) || attempt >= 40) throw error;
      await delay(250);
    }
  }
}
