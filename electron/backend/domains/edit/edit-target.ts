import { ApiError } from '../../../../shared/api/errors';
import type { HostManager } from '../../hosts/host-manager';
import { longRunner } from '../../hosts/host-session';

/**
 * What an edit of a VM works on: its host's session, the live connection, the target the edit
 * path runs on (with a runner for long commands apart from the shell) and the VM's summary.
 * Refused with `domain-not-found` when the host has no such VM.
 */
export function editTarget(hosts: HostManager, hostId: string, uuid: string) {
  const session = hosts.session(hostId);
  const host = session.live();
  const domain = session.domains.get(uuid);
  if (!domain) throw new ApiError('domain-not-found', `No VM with UUID ${uuid} on this host`);
  return { session, host, target: { ...host, apart: longRunner(host) }, domain };
}
