import type { ParsedRequest } from '../../../shared/api/contract';
import type { DomainSummary } from '../../../shared/api/domains';
import { ApiError } from '../../../shared/api/errors';
import type { HostConfig } from '../../../shared/api/hosts';
import type { LiveHost } from '../hosts/host-connection';
import { longRunner } from '../hosts/host-session';
import type { JobManager } from '../jobs/job-manager';
import { followDomainJob } from '../snapshots/domain-job-progress';
import { SAME_HOST_REASON, explainMigrateError } from './migrate-errors';
import { capabilitiesHostUuid, destinationUri, migrateArgs, migrateProblem } from './migrate-plan';

export interface MigrateEnds {
  source: LiveHost;
  dest: LiveHost;
  destConfig: HostConfig;
  /** A VM of this name already defined or running on the destination, if so. */
  destHasName: (name: string) => boolean;
}

const label = (config: HostConfig) => config.name || config.host || config.uri;

/** Every check that needs no migration: the VM's state and options, the destination, the host UUIDs. */
async function checkBefore(
  ends: MigrateEnds,
  domain: DomainSummary,
  request: ParsedRequest<'domains/migrate'>,
): Promise<string> {
  if (request.destHostId === request.hostId) throw new ApiError('invalid-request', SAME_HOST_REASON);
  const problem = migrateProblem(domain, request);
  if (problem) throw new ApiError('invalid-request', problem);
  const dest = destinationUri(ends.destConfig);
  if ('refused' in dest) throw new ApiError('invalid-request', dest.refused);
  const [sourceCaps, destCaps] = await Promise.all([
    ends.source.shell.run(['capabilities']),
    ends.dest.shell.run(['capabilities']),
  ]);
  const sourceUuid = capabilitiesHostUuid(sourceCaps);
  if (sourceUuid !== undefined && sourceUuid === capabilitiesHostUuid(destCaps))
    throw new ApiError('invalid-request', SAME_HOST_REASON);
  if (ends.destHasName(domain.name))
    throw new ApiError(
      'invalid-request',
      `A VM named ${domain.name} already exists on ${label(ends.destConfig)}: rename or remove one of them first.`,
    );
  return dest.uri;
}

/**
 * Migrates a VM to another connected host as a job: peer-to-peer (`virsh migrate --p2p` on the
 * source, whose libvirt opens `qemu+ssh://…` to the destination itself), progress from `domjobinfo`
 * once a second, Cancel via `domjobabort`. libvirt's refusals come back explained.
 */
export async function migrateDomain(
  ends: MigrateEnds,
  jobs: JobManager,
  domain: DomainSummary,
  request: ParsedRequest<'domains/migrate'>,
): Promise<{ message: string; path: 'peer-to-peer-ssh' }> {
  const destUri = await checkBefore(ends, domain, request);
  const argv = migrateArgs(domain, destUri, request);
  const offline = argv.includes('--offline');
  const to = label(ends.destConfig);
  const phase = offline ? 'Moving the definition' : 'Copying memory';
  const { finished } = jobs.start({
    hostId: ends.source.hostId,
    kind: 'domain-migrate',
    title: `Migrate ${domain.name} to ${to}`,
    phase,
    cancellable: !offline,
    run: async (context) => {
      const { source } = ends;
      const onAbort = () => source.shell.run(['domjobabort', '--domain', domain.uuid]).catch(() => undefined);
      context.signal.addEventListener('abort', onAbort);
      const stop = offline ? () => undefined : followDomainJob(source.shell, domain.uuid, context, phase);
      try {
        await longRunner(source).run(argv);
      } catch (error) {
        throw explainMigrateError(error);
      } finally {
        stop();
        context.signal.removeEventListener('abort', onAbort);
      }
      const how = offline ? 'its definition moved' : request.live ? 'live' : 'paused while copied';
      return {
        message:
          `${domain.name} migrated to ${to} (${how}; peer-to-peer: the source's libvirt connected to ` +
          `${destUri} over SSH${request.tunnelled ? ', data tunnelled through it' : ''}).`,
      };
    },
  });
  return { message: (await finished).message, path: 'peer-to-peer-ssh' };
}
