import type { Handlers } from '../api/dispatch';
import type { HostManager } from '../hosts/host-manager';
import type { JobManager } from '../jobs/job-manager';
import { inspectBase } from './base-image';
import { checkCloudImagePlan, prepareCloudImage } from './cloud-image';
import { detectSeedTool } from './seed-volume';

type CloudImageCall = Extract<keyof Handlers, `cloud-image/${string}`>;

/** The cloud-image/* calls. Requests arrive validated; every check of content runs before any change. */
export function cloudImageHandlers(hosts: HostManager, jobs: JobManager): Pick<Handlers, CloudImageCall> {
  const live = (hostId: string) => hosts.session(hostId).live();
  return {
    'cloud-image/seed-tool': async ({ hostId }) => ({ tool: await detectSeedTool(live(hostId).transport) }),
    'cloud-image/inspect-base': ({ hostId, base }) => inspectBase(live(hostId), base),
    'cloud-image/prepare': async ({ hostId, plan }) => {
      const host = live(hostId);
      const resolved = await checkCloudImagePlan(host, plan);
      const title = `Prepare ${plan.diskName} from a cloud image`;
      const { job } = jobs.start({
        hostId,
        kind: 'cloud-image-prepare',
        title,
        phase: 'Starting',
        cancellable: true,
        run: async (context) => {
          const prepared = await prepareCloudImage(host, resolved, context);
          return {
            message: `${prepared.disk.name} and its cloud-init seed ${prepared.seed.name} are ready in ${plan.pool}`,
          };
        },
      });
      return { jobId: job.jobId };
    },
  };
}
