import { ApiError } from '../../../../shared/api/errors';
import type { CallRequest, CallResponse } from '../../../../shared/api/contract';
import type { VolumeView } from '../../../../shared/api/volumes';
import { formatBytes } from '../../../../shared/xml';
import type { LiveHost } from '../../hosts/host-connection';
import { longRunner, type HostSession } from '../../hosts/host-session';
import type { JobManager } from '../../jobs/job-manager';
import {
  capacityBytes,
  checkDeletable,
  checkFreeSpace,
  checkNameFree,
  checkVolumeName,
} from './volume-checks';
import { createVolume } from './volume-create';
import { readDiskUsers } from '../../domains/disk-references';
import { readVolumeView, readVolumeXml } from './volume-reader';

/** Create, delete, resize, clone, wipe and XML of one volume. Every check runs before any change. */
export class VolumeOps {
  constructor(private readonly jobs: JobManager) {}

  /** Sparse at once; allocated now as a job with progress and Cancel (`volume-create.ts`). */
  create(session: HostSession, req: CallRequest<'volumes/create'>): Promise<VolumeView> {
    return createVolume(this.jobs, session, req);
  }

  async delete(session: HostSession, req: CallRequest<'volumes/delete'>): Promise<{ message: string }> {
    const host = session.live();
    const volume = await readVolumeXml(host.shell, req.pool, req.name);
    const users = (await readDiskUsers(host.shell, session.listDomains())).of({ ...volume, pool: req.pool });
    checkDeletable(req.name, users, req.confirmUsers === true);
    await host.shell.run(['vol-delete', '--pool', req.pool, req.name]);
    return { message: `${req.name} deleted from ${req.pool}` };
  }

  async resize(session: HostSession, req: CallRequest<'volumes/resize'>): Promise<VolumeView> {
    const host = session.live();
    const bytes = capacityBytes(req.capacity);
    const current = (await readVolumeXml(host.shell, req.pool, req.name)).capacity ?? 0;
    if (bytes < current && !req.shrink) {
      throw new ApiError(
        'invalid-request',
        `${formatBytes(bytes)} is smaller than ${req.name}'s ${formatBytes(current)}: shrinking loses the data past the new end, and needs Shrink ticked`,
      );
    }
    if (bytes !== current) {
      await longRunner(host).run([
        'vol-resize',
        '--pool',
        req.pool,
        req.name,
        String(bytes),
        ...(bytes < current ? ['--shrink'] : []),
      ]);
    }
    return readVolumeView(host, req.pool, req.name, session.listDomains());
  }

  async xml(session: HostSession, req: CallRequest<'volumes/xml'>): Promise<CallResponse<'volumes/xml'>> {
    const host = session.live();
    return { xml: await host.shell.run(['vol-dumpxml', '--pool', req.pool, req.name]) };
  }

  async clone(session: HostSession, req: CallRequest<'volumes/clone'>): Promise<{ jobId: string }> {
    const host = session.live();
    checkVolumeName(req.newName);
    await checkNameFree(host.shell, req.pool, req.newName);
    const source = await readVolumeXml(host.shell, req.pool, req.name);
    await checkFreeSpace(host.shell, req.pool, source.allocation ?? 0);
    return this.runJob(host, 'volume-clone', `Clone ${req.name} to ${req.newName}`, 'Copying', [
      'vol-clone',
      '--pool',
      req.pool,
      req.name,
      req.newName,
    ]);
  }

  async wipe(session: HostSession, req: CallRequest<'volumes/wipe'>): Promise<{ jobId: string }> {
    const host = session.live();
    const volume = await readVolumeXml(host.shell, req.pool, req.name);
    const users = (await readDiskUsers(host.shell, session.listDomains())).of({ ...volume, pool: req.pool });
    checkDeletable(
      req.name,
      users.filter((u) => u.running),
      false,
    );
    return this.runJob(host, 'volume-wipe', `Wipe ${req.name}`, 'Writing zeros', [
      'vol-wipe',
      '--pool',
      req.pool,
      req.name,
    ]);
  }

  private runJob(
    host: LiveHost,
    kind: 'volume-clone' | 'volume-wipe',
    title: string,
    phase: string,
    argv: string[],
  ): { jobId: string } {
    const { job } = this.jobs.start({
      hostId: host.hostId,
      kind,
      title,
      phase,
      cancellable: false,
      run: async () => {
        await longRunner(host).run(argv);
        return { message: `${title}: done` };
      },
    });
    return { jobId: job.jobId };
  }
}
