import type { CallRequest } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/errors';
import type { VolumeView } from '../../../../shared/api/volumes';
import { serializeVolumeXml } from '../../../../shared/xml';
import { buildNewVolume } from '../../../../shared/xml/build/new-volume';
import type { LiveHost } from '../../hosts/host-connection';
import type { HostSession } from '../../hosts/host-session';
import type { JobContext, JobManager } from '../../jobs/job-manager';
import { parseKeyValues } from '../../virsh/parse-list';
import { putXmlOn, XML_FILE } from '../../virsh/put-xml';
import { capacityBytes, checkFreeSpace, checkNameFree, checkVolumeName } from './volume-checks';
import { removePartialVolume } from './remove-volume';
import { readVolumeView, readVolumeXml } from './volume-reader';

/** How often a running allocation's progress is read (`vol-info`, when libvirt answers it). */
const PROGRESS_EVERY_MS = 500;

/**
 * Creates a volume. Every check runs first. A sparse volume is created at once; one allocated now
 * (which can take minutes where the file system cannot preallocate) is a **job** with progress and
 * Cancel, and the call answers when it ends. libvirt cannot abort an allocation, so Cancel waits
 * for it to end and then deletes the volume; a failed create deletes whatever was left. Either
 * way no half-created volume stays.
 */
export async function createVolume(
  jobs: JobManager,
  session: HostSession,
  req: CallRequest<'volumes/create'>,
): Promise<VolumeView> {
  const host = session.live();
  checkVolumeName(req.name);
  const bytes = capacityBytes(req.capacity);
  if (req.backingVolume && req.format !== 'qcow2')
    throw new ApiError('invalid-request', 'Only qcow2 volumes can have a backing volume');
  await checkNameFree(host.shell, req.pool, req.name);
  if (req.allocateNow) await checkFreeSpace(host.shell, req.pool, bytes);
  const backing = req.backingVolume
    ? await readVolumeXml(host.shell, req.pool, req.backingVolume)
    : undefined;
  if (backing && !backing.path) throw new ApiError('storage-error', `${req.backingVolume} has no path`);
  const xml = serializeVolumeXml(
    buildNewVolume({
      name: req.name,
      format: req.format,
      capacityBytes: bytes,
      allocateNow: req.allocateNow,
      ...(backing?.path ? { backing: { path: backing.path, format: backing.format ?? 'raw' } } : {}),
    }),
  );
  const create = () => putXmlOn(host, ['vol-create', '--pool', req.pool, XML_FILE], xml);
  if (!req.allocateNow) await create();
  else {
    const title = `Create ${req.name} in ${req.pool}`;
    await jobs.start({
      hostId: host.hostId,
      kind: 'volume-create',
      title,
      phase: 'Allocating',
      cancellable: true,
      run: (context) => allocate(host, req, bytes, create, context),
    }).finished;
  }
  return readVolumeView(host, req.pool, req.name, session.listDomains());
}

async function allocate(
  host: LiveHost,
  target: { pool: string; name: string },
  bytes: number,
  create: () => Promise<string>,
  { signal, progress }: JobContext,
): Promise<{ message: string }> {
  progress(0, bytes);
  let creating = true;
  const watching = (async () => {
    while (creating) {
      await sleep(PROGRESS_EVERY_MS);
      if (!creating) return;
      const allocated = await allocationOf(host, target);
      if (allocated !== undefined && creating) progress(Math.min(allocated, bytes), bytes);
    }
  })();
  signal.addEventListener('abort', () => progress(0, bytes, 'Cancelling: waiting for libvirt to finish'));
  try {
    await create();
  } catch (error) {
    await removePartialVolume(host.shell, target.pool, target.name).catch(() => undefined);
    throw error;
  } finally {
    creating = false;
    await watching;
  }
  if (signal.aborted) {
    await removePartialVolume(host.shell, target.pool, target.name);
    throw new ApiError(
      'cancelled',
      `${target.name} was allocated before libvirt could stop; it is deleted again`,
    );
  }
  progress(bytes, bytes);
  return { message: `${target.name} created in ${target.pool}` };
}

/** The volume's allocation so far; undefined while libvirt does not answer for it (still building). */
async function allocationOf(
  host: LiveHost,
  target: { pool: string; name: string },
): Promise<number | undefined> {
  try {
    const info = parseKeyValues(
      await host.shell.run(['vol-info', '--pool', target.pool, target.name, '--bytes']),
    );
    const allocation = Number.parseInt(info.get('Allocation') ?? '', 10);
    return Number.isFinite(allocation) ? allocation : undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
