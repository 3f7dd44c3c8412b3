import { ApiError } from '../../../shared/api/errors';
import { UEFI_REASON } from './snapshot-parse';

export const EXTERNAL_REVERT_REASON =
  'This host runs a libvirt older than 9.9, which cannot revert to external snapshots. ' +
  'Revert to an internal snapshot, or upgrade libvirt on the host.';

/** libvirt's messages that have a better explanation for people; the original text is kept after it. */
const EXPLAINED: ReadonlyArray<{ match: RegExp; reason: string }> = [
  { match: /pflash based firmware/i, reason: UEFI_REASON },
  { match: /revert to external snapshot not supported/i, reason: EXTERNAL_REVERT_REASON },
  {
    match: /deleting external snapshot that has internal snapshot as parent/i,
    reason:
      'libvirt cannot delete an external snapshot whose parent is an internal one. Delete the parent with its children instead.',
  },
  {
    match: /already exists/i,
    reason: 'A snapshot of this name already exists; choose another name.',
  },
];

/** Turns a failed snapshot command's error into one that says why, in words a user can act on. */
export function explainSnapshotError(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.code !== 'virsh-error') return error;
  const found = EXPLAINED.find((e) => e.match.test(error.message));
  return found ? new ApiError('virsh-error', `${found.reason} (libvirt: ${error.message})`) : error;
}
