import { ApiError, refusal } from '../../../../shared/api/errors';
import { check } from '../../../../shared/checks/check-message';
import type { VolumeUser } from '../../../../shared/api/volumes';
import { parseCapacity } from '../../../../shared/storage/parse-capacity';
import { documentRoot, findChild, getText, parsePoolXml, formatBytes } from '../../../../shared/xml';
import { volumeNameCheck } from '../../../../shared/xml/build/new-volume';
import type { VirshRunner } from '../../virsh/virsh-runner';

/** Checks that run before anything is created: each refuses with a message for people. */

export function checkVolumeName(name: string): void {
  const problem = volumeNameCheck(name);
  if (problem) throw refusal(problem);
}

export function capacityBytes(text: string): number {
  const parsed = parseCapacity(text);
  if (!parsed.ok) throw refusal(parsed.check);
  return parsed.bytes;
}

/** Refuses a name the pool already has (libvirt would say so too, but only after work began). */
export async function checkNameFree(shell: VirshRunner, pool: string, name: string): Promise<void> {
  const taken = await shell.run(['vol-info', '--pool', pool, name]).then(
    () => true,
    () => false,
  );
  if (taken) throw refusal(check('volume.nameTaken', { pool, name }));
}

/** Refuses `bytes` that do not fit in the pool's free space. */
export async function checkFreeSpace(shell: VirshRunner, pool: string, bytes: number): Promise<void> {
  const root = documentRoot(parsePoolXml(await shell.run(['pool-dumpxml', pool])));
  const node = findChild(root, 'available');
  const available = node ? Number(getText(node)) : NaN;
  if (Number.isFinite(available) && bytes > available) {
    throw new ApiError(
      'storage-error',
      `Pool ${pool} has ${formatBytes(available)} free; ${formatBytes(bytes)} do not fit`,
    );
  }
}

/** Delete's rule: never while a running VM uses the volume; other users only once confirmed. */
export function checkDeletable(name: string, users: readonly VolumeUser[], confirmed: boolean): void {
  const running = users.filter((u) => u.running).map((u) => u.name);
  if (running.length > 0) {
    throw new ApiError(
      'storage-error',
      `${name} is in use by running VM${running.length > 1 ? 's' : ''} ${running.join(', ')}: shut ${running.length > 1 ? 'them' : 'it'} down first`,
    );
  }
  if (users.length > 0 && !confirmed) {
    throw new ApiError(
      'invalid-request',
      `${name} is a disk of ${users.map((u) => u.name).join(', ')}; confirm to delete it anyway`,
    );
  }
}
