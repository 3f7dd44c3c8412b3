import type { ParsedRequest } from '../../../shared/api/contract';
import type { DomainSummary } from '../../../shared/api/domains';
import { ApiError } from '../../../shared/api/errors';
import type { SnapshotSupport } from '../../../shared/api/snapshots';
import {
  createElement,
  documentRoot,
  findChild,
  parseSnapshotXml,
  serializeSnapshotXml,
  setText,
} from '../../../shared/xml';
import { insertChild } from '../../../shared/xml/node-ops';
import type { LiveHost } from '../hosts/host-connection';
import { longRunner } from '../hosts/host-session';
import type { JobManager } from '../jobs/job-manager';
import { putXmlOn, XML_FILE } from '../virsh/put-xml';
import { followDomainJob } from './domain-job-progress';
import { isActiveState } from './snapshot-parse';
import { EXTERNAL_REVERT_REASON, explainSnapshotError } from './snapshot-errors';
import { currentSnapshot, readSnapshots, readSnapshotSupport } from './snapshot-reader';

export interface SnapshotTarget {
  host: LiveHost;
  domain: DomainSummary;
  jobs: JobManager;
}

async function explained<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw explainSnapshotError(error);
  }
}

/** virsh's `--memspec`/`--diskspec` values are comma separated; a comma inside a value is doubled. */
const specValue = (value: string) => value.replace(/,/g, ',,');

/** The checks a user's choice must pass before anything runs (each with a reason for people). */
export function checkCreate(
  request: Pick<ParsedRequest<'snapshots/create'>, 'memory' | 'location' | 'quiesce'>,
  active: boolean,
  support: SnapshotSupport,
): void {
  const refuse = (message: string) => {
    throw new ApiError('invalid-request', message);
  };
  if (request.memory && !active)
    refuse('The VM is shut off: there is no memory to include. Take a disk snapshot.');
  if (request.location === 'internal') {
    if (support.internalBlocked) refuse(support.internalBlocked);
    if (active && !request.memory)
      refuse(
        'libvirt takes internal snapshots of a running VM with its memory; choose external for disks only.',
      );
  }
  if (request.quiesce) {
    if (!support.agent) refuse('Quiescing needs a connected guest agent (qemu-guest-agent) in the VM.');
    if (request.location !== 'external' || request.memory)
      refuse('Quiescing applies to disk-only external snapshots.');
  }
}

/** `snapshot-create-as` arguments for a checked request. */
export function createArgs(
  request: ParsedRequest<'snapshots/create'>,
  domain: DomainSummary,
  support: SnapshotSupport,
): string[] {
  const argv = ['snapshot-create-as', '--domain', domain.uuid, '--name', request.name, '--atomic'];
  if (request.description !== '') argv.push('--description', request.description);
  if (request.location === 'internal') return argv;
  if (!request.memory) return [...argv, '--disk-only', ...(request.quiesce ? ['--quiesce'] : [])];
  const dir = support.disks.find((d) => d.path)?.path?.replace(/\/[^/]*$/, '');
  if (!dir)
    throw new ApiError('invalid-request', 'The VM has no disk file next to which its memory could be saved.');
  argv.push('--memspec', `file=${specValue(`${dir}/${domain.name}.${request.name}.mem`)},snapshot=external`);
  for (const disk of support.disks) argv.push('--diskspec', `${specValue(disk.target)},snapshot=external`);
  return argv;
}

export async function createSnapshot(
  { host, domain, jobs }: SnapshotTarget,
  request: ParsedRequest<'snapshots/create'>,
): Promise<{ message: string }> {
  const active = isActiveState(domain.state);
  const [existing, support] = await Promise.all([
    readSnapshots(host.shell, domain.uuid),
    readSnapshotSupport(host.shell, domain.uuid, active),
  ]);
  if (existing.some((s) => s.name === request.name))
    throw new ApiError('invalid-request', `${domain.name} already has a snapshot named “${request.name}”.`);
  checkCreate(request, active, support);
  const argv = createArgs(request, domain, support);
  const done = `Snapshot “${request.name}” of ${domain.name} created`;
  if (!request.memory) {
    await explained(longRunner(host).run(argv));
    return { message: done };
  }
  const phase = 'Saving memory';
  const { finished } = jobs.start({
    hostId: host.hostId,
    kind: 'snapshot-create',
    title: `Snapshot ${domain.name} (${request.name})`,
    phase,
    cancellable: true,
    run: async (context) => {
      const onAbort = () => host.shell.run(['domjobabort', '--domain', domain.uuid]).catch(() => undefined);
      context.signal.addEventListener('abort', onAbort);
      const stop = followDomainJob(host.shell, domain.uuid, context, phase);
      try {
        await explained(longRunner(host).run(argv));
      } finally {
        stop();
        context.signal.removeEventListener('abort', onAbort);
      }
      return { message: done };
    },
  });
  return { message: (await finished).message };
}

export async function revertSnapshot(
  { host, domain }: SnapshotTarget,
  request: ParsedRequest<'snapshots/revert'>,
): Promise<{ message: string }> {
  const snapshots = await readSnapshots(host.shell, domain.uuid);
  const snapshot = snapshots.find((s) => s.name === request.name);
  if (!snapshot)
    throw new ApiError('invalid-request', `${domain.name} has no snapshot named “${request.name}”.`);
  if (snapshot.location === 'external' || snapshot.location === 'mixed') {
    const support = await readSnapshotSupport(host.shell, domain.uuid, isActiveState(domain.state));
    if (!support.externalRevert) throw new ApiError('invalid-request', EXTERNAL_REVERT_REASON);
  }
  const then = request.then === 'running' ? ['--running'] : request.then === 'paused' ? ['--paused'] : [];
  await explained(
    longRunner(host).run([
      'snapshot-revert',
      '--domain',
      domain.uuid,
      '--snapshotname',
      request.name,
      ...then,
    ]),
  );
  return { message: `${domain.name} reverted to “${request.name}”` };
}

export async function deleteSnapshot(
  { host, domain }: SnapshotTarget,
  request: ParsedRequest<'snapshots/delete'>,
): Promise<{ message: string }> {
  const argv = ['snapshot-delete', '--domain', domain.uuid, '--snapshotname', request.name];
  await explained(longRunner(host).run(request.children ? [...argv, '--children'] : argv));
  return {
    message: request.children
      ? `Snapshot “${request.name}” of ${domain.name} and its children deleted`
      : `Snapshot “${request.name}” of ${domain.name} deleted`,
  };
}

/**
 * A new description: the snapshot's full XML, its `<description>` changed and nothing else, defined
 * again with `--redefine` (keeping it current if it was).
 */
export async function describeSnapshot(
  { host, domain }: SnapshotTarget,
  request: ParsedRequest<'snapshots/describe'>,
): Promise<{ message: string }> {
  const [xml, current] = await Promise.all([
    host.shell.run([
      'snapshot-dumpxml',
      '--domain',
      domain.uuid,
      '--snapshotname',
      request.name,
      '--security-info',
    ]),
    currentSnapshot(host.shell, domain.uuid),
  ]);
  const doc = parseSnapshotXml(xml);
  const root = documentRoot(doc);
  let description = findChild(root, 'description');
  if (!description) {
    description = createElement('description');
    insertChild(root, description, 0, ['name', 'description']);
  }
  setText(description, request.description);
  if (description.children.length > 0) description.selfClosing = false;
  const argv: Array<string | typeof XML_FILE> = [
    'snapshot-create',
    '--domain',
    domain.uuid,
    '--xmlfile',
    XML_FILE,
    '--redefine',
  ];
  await explained(
    putXmlOn(host, current === request.name ? [...argv, '--current'] : argv, serializeSnapshotXml(doc)),
  );
  return { message: `Description of “${request.name}” saved` };
}
