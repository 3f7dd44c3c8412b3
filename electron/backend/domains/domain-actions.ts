import { ApiError } from '../../../shared/api/errors';
import type { DomainAction, DomainSummary } from '../../../shared/api/domains';
import type { VirshRunner } from '../virsh/virsh-runner';

const VERB: Record<Exclude<DomainAction, 'autostart-on' | 'autostart-off' | 'undefine'>, string> = {
  start: 'start',
  pause: 'suspend',
  resume: 'resume',
  shutdown: 'shutdown',
  reboot: 'reboot',
  reset: 'reset',
  destroy: 'destroy',
  managedsave: 'managedsave',
  restore: 'start',
};

const DONE: Record<DomainAction, string> = {
  start: 'started',
  pause: 'paused',
  resume: 'resumed',
  shutdown: 'asked to shut down',
  reboot: 'asked to reboot',
  reset: 'reset',
  destroy: 'forced off',
  managedsave: 'saved',
  restore: 'restored',
  'autostart-on': 'set to start with the host',
  'autostart-off': 'no longer starts with the host',
  undefine: 'deleted',
};

export interface DomainActionRunners {
  /** The host's shared virsh shell: quick verbs. */
  shell: VirshRunner;
  /** Verbs that can take minutes (save, restore), so they never hold up the shared shell's queue. */
  long: VirshRunner;
}

/** Runs one lifecycle action; the domain is always addressed by UUID, never by a name on a command line. */
export async function runDomainAction(
  runners: DomainActionRunners,
  domain: DomainSummary,
  action: DomainAction,
): Promise<string> {
  const virsh = runners.shell;
  const ref = ['--domain', domain.uuid];
  switch (action) {
    case 'autostart-on':
      await virsh.run(['autostart', ...ref]);
      break;
    case 'autostart-off':
      await virsh.run(['autostart', ...ref, '--disable']);
      break;
    case 'undefine':
      await undefine(virsh, domain);
      break;
    case 'restore':
      if (!domain.hasManagedSave)
        throw new ApiError('invalid-request', `${domain.name} has no saved state to restore`);
      await runners.long.run(['start', ...ref]);
      break;
    case 'managedsave':
      await runners.long.run([VERB[action], ...ref]);
      break;
    default:
      await virsh.run([VERB[action], ...ref]);
  }
  return `${domain.name} ${DONE[action]}`;
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
