import { ApiError } from '../../../shared/api/errors';

export const SAME_HOST_REASON =
  'The source and the destination are the same host to libvirt (the same host UUID): a VM cannot migrate to the host it runs on.';

/** libvirt's migration messages that have a better explanation; libvirt's own text is kept after it. */
const EXPLAINED: ReadonlyArray<{ match: RegExp; reason: string }> = [
  { match: /migrate (?:guest )?to the same host/i, reason: SAME_HOST_REASON },
  {
    match:
      /guest CPU doesn't match|CPU is incompatible|host CPU does not provide required features|unsupported .*cpu/i,
    reason:
      "The destination's CPU cannot run this VM's CPU model. Choose a CPU model both hosts support (Details → CPUs), or a host with a compatible CPU.",
  },
  {
    match: /Migration without shared storage is unsafe/i,
    reason:
      'This VM has disks that are not on storage both hosts share: choose "copy storage" (all, or incremental when the destination already has a copy), or move the disks to shared storage first.',
  },
  {
    match:
      /Cannot access storage file|No such file or directory|cannot open .*(?:image|disk)|Could not open '/i,
    reason:
      'The destination cannot find this VM\'s disks. Put them on storage both hosts share, or choose "copy storage".',
  },
  {
    match: /cannot precreate storage|Unable to find pool|storage pool .* not found/i,
    reason:
      'The destination has no storage pool where the copied disks could go: create a pool with the same name and path on it first.',
  },
  {
    match:
      /Permission denied \(publickey|Host key verification failed|Could not resolve hostname|Connection refused|No route to host|Cannot recv data|End of file while reading data/i,
    reason:
      "The source host could not open an SSH connection to the destination: its libvirt connects by itself (peer-to-peer), so the source's user needs a key the destination accepts and the destination's host key in its known_hosts.",
  },
  {
    match: /already exists/i,
    reason: 'A VM of this name or UUID already exists on the destination.',
  },
  {
    match: /operation aborted|migration job: canceled|cancell?ed by client/i,
    reason: 'Migration cancelled.',
  },
];

const SSH_REASON = EXPLAINED.find((e) => e.reason.startsWith('The source host could not open'))!;
const RELAY_LOST =
  "The relay through this desktop lost libvirt's connection to the destination (the desktop's SSH connection to either host may have dropped).";

/**
 * Turns a failed `virsh migrate` into one that says why, in words a user can act on. Over the relay
 * the source never opens SSH itself: a lost connection is the relay's.
 */
export function explainMigrateError(error: unknown, relayed = false): unknown {
  if (!(error instanceof ApiError) || error.code !== 'virsh-error') return error;
  const found = EXPLAINED.find((e) => e.match.test(error.message));
  if (found === SSH_REASON && relayed)
    return new ApiError('virsh-error', `${RELAY_LOST} (libvirt: ${error.message})`);
  return found ? new ApiError('virsh-error', `${found.reason} (libvirt: ${error.message})`) : error;
}
