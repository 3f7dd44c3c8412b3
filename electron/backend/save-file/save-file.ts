import type { ParsedRequest } from '../../../shared/api/contract';
import type { DomainSummary } from '../../../shared/api/domains';
import { ApiError } from '../../../shared/api/errors';
import type { LiveHost } from '../hosts/host-connection';
import { longRunner } from '../hosts/host-session';
import type { JobManager } from '../jobs/job-manager';
import { runToEnd } from '../virsh/one-off-process';
import { hostScript, words } from '../virsh/quote';
import { followDomainJob } from '../snapshots/domain-job-progress';

/**
 * What is wrong with `path` on the host for saving (`write`) or restoring (`read`), if anything: one
 * small script as the SSH user, who in session mode is the user libvirt writes as.
 */
async function pathProblem(host: LiveHost, path: string, use: 'write' | 'read'): Promise<string | undefined> {
  const p = words([path]);
  const command =
    use === 'write'
      ? hostScript`d=$(dirname -- ${p}); if [ -e ${p} ]; then echo exists; elif [ ! -d "$d" ]; then echo nodir; elif [ ! -w "$d" ]; then echo unwritable; else echo ok; fi`
      : hostScript`if [ ! -f ${p} ]; then echo missing; elif [ ! -r ${p} ]; then echo unreadable; else echo ok; fi`;
  const { output } = await runToEnd(await host.transport.exec(command));
  const dir = path.replace(/\/[^/]*$/, '') || '/';
  const answers: Record<string, string> = {
    exists: `${path} exists on the host; choose a new file name (it is not overwritten).`,
    nodir: `${dir} does not exist on the host.`,
    unwritable: `${dir} is not writable on the host; choose a folder you can write to.`,
    missing: `${path} is not a file on the host.`,
    unreadable: `${path} cannot be read on the host.`,
  };
  const answer = output.trim();
  return answer === 'ok' ? undefined : (answers[answer] ?? `Could not check ${path} on the host`);
}

const thenArgs = (then: 'as-saved' | 'running' | 'paused') =>
  then === 'running' ? ['--running'] : then === 'paused' ? ['--paused'] : [];

const ABORT_REPEAT_MS = 150;

/** `virsh save` to a file of the user's choosing, as a job with progress and Cancel (`domjobabort`). */
export async function saveToFile(
  host: LiveHost,
  jobs: JobManager,
  domain: DomainSummary,
  request: ParsedRequest<'domains/save-to-file'>,
): Promise<{ message: string }> {
  if (domain.state !== 'running' && domain.state !== 'paused' && domain.state !== 'idle')
    throw new ApiError('invalid-request', `${domain.name} is not running: there is no memory to save.`);
  const problem = await pathProblem(host, request.path, 'write');
  if (problem) throw new ApiError('invalid-request', problem);
  const phase = 'Saving memory to the file';
  const { finished } = jobs.start({
    hostId: host.hostId,
    kind: 'domain-save',
    title: `Save ${domain.name} to ${request.path}`,
    phase,
    cancellable: true,
    run: async (context) => {
      // Cancel can come before libvirt's job is under way ("no job is active"), or before QEMU's
      // migration to the file began (libvirt's migrate_cancel then does nothing and the save goes
      // on): domjobabort is repeated until `virsh save` returns.
      let aborting: ReturnType<typeof setInterval> | undefined;
      const abort = () =>
        void host.shell.run(['domjobabort', '--domain', domain.uuid]).catch(() => undefined);
      const onAbort = () => {
        abort();
        aborting = setInterval(abort, ABORT_REPEAT_MS);
      };
      context.signal.addEventListener('abort', onAbort);
      const stop = followDomainJob(host.shell, domain.uuid, context, phase);
      try {
        await longRunner(host).run([
          'save',
          '--domain',
          domain.uuid,
          '--file',
          request.path,
          '--bypass-cache',
          ...thenArgs(request.then),
        ]);
      } finally {
        stop();
        clearInterval(aborting);
        context.signal.removeEventListener('abort', onAbort);
      }
      return { message: `${domain.name} saved to ${request.path}` };
    },
  });
  return { message: (await finished).message };
}

/** `virsh restore` from such a file, as a job (libvirt offers no progress or abort for it). */
export async function restoreFromFile(
  host: LiveHost,
  jobs: JobManager,
  request: ParsedRequest<'domains/restore-from-file'>,
): Promise<{ message: string }> {
  const problem = await pathProblem(host, request.path, 'read');
  if (problem) throw new ApiError('invalid-request', problem);
  const { finished } = jobs.start({
    hostId: host.hostId,
    kind: 'domain-restore',
    title: `Restore from ${request.path}`,
    phase: 'Restoring memory from the file',
    cancellable: false,
    run: async () => {
      await longRunner(host).run([
        'restore',
        '--file',
        request.path,
        '--bypass-cache',
        ...thenArgs(request.then),
      ]);
      return { message: `Restored from ${request.path}` };
    },
  });
  return { message: (await finished).message };
}
