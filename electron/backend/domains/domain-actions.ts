import { domainActionTable } from '../../../shared/api/domain-action-table';
import { ApiError } from '../../../shared/api/errors';
import type { DomainAction, DomainSummary } from '../../../shared/api/domains';
import type { VirshRunner } from '../virsh/virsh-runner';

export interface DomainActionRunners {
  /** The host's shared virsh shell: quick verbs. */
  shell: VirshRunner;
  /** Verbs that can take minutes (save, restore), so they never hold up the shared shell's queue. */
  long: VirshRunner;
}

/**
 * Runs one lifecycle action as the action table says; the domain is always addressed by UUID,
 * never by a name on a command line.
 */
export async function runDomainAction(
  runners: DomainActionRunners,
  domain: DomainSummary,
  action: DomainAction,
): Promise<string> {
  const row = domainActionTable[action];
  if (action === 'undefine') await undefine(runners.shell, domain);
  else {
    if (action === 'restore' && !domain.hasManagedSave)
      throw new ApiError('invalid-request', `${domain.name} has no saved state to restore`);
    const runner = row.job ? runners.long : runners.shell;
    await runner.run([row.verb, '--domain', domain.uuid, ...(row.args ?? [])]);
  }
  return `${domain.name} ${row.done}`;
}

async function undefine(virsh: VirshRunner, domain: DomainSummary): Promise<void> {
  const ref = ['--domain', domain.uuid];
  if (domain.state !== 'shut off') {
    // virt-manager's Delete stops a running VM first; undefining alone would leave it running as transient.
    await virsh.run(['destroy', ...ref]).catch((error: unknown) => {
      if (!(error instanceof ApiError) || !/not running/i.test(error.message)) throw error;
    });
  }
  const flags = domain.hasManagedSave ? ['--managed-save'] : [];
  try {
    await virsh.run(['undefine', ...ref, ...flags]);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // A transient VM vanishes when it stops: the VM is gone, which is what Delete asked for.
    if (error.code === 'domain-not-found') return;
    if (/nvram/i.test(error.message)) await virsh.run(['undefine', ...ref, ...flags, '--nvram']);
    else throw error;
  }
}
