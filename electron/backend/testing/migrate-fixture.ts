import { hostVirsh, peerVirsh } from '../../../e2e/host/test-host';
import { pollUntil, type Harness } from './backend-harness';

/**
 * What the migration integration tests (issue 14) read from the backend's lists: a VM's row on a
 * host, the row once the VM runs there, and undefined once that host's list lost it. `harness` is
 * a getter: the harness is made in `beforeAll`.
 */
export function migrateViews(harness: () => Harness) {
  const row = (hostId: string, name: string) =>
    harness()
      .call('domains/list', { hostId })
      .then((list) => list.find((d) => d.name === name));
  return {
    row,
    runningOn: (hostId: string, name: string) =>
      pollUntil(
        () => row(hostId, name),
        (d) => d?.state === 'running',
      ),
    goneFrom: (hostId: string, name: string) =>
      pollUntil(
        () => row(hostId, name),
        (d) => d === undefined,
      ),
  };
}

/** Removes test VMs from both test users' daemons, wherever a migration left them. */
export async function removeFromBothUsers(names: readonly (string | undefined)[]): Promise<void> {
  for (const name of names) {
    if (!name) continue;
    await peerVirsh(['destroy', name]);
    await peerVirsh(['undefine', name]);
    await hostVirsh(['destroy', name]);
  }
}
