import type { Handlers } from '../api/dispatch';
import type { HostManager } from '../hosts/host-manager';
import type { JobManager } from '../jobs/job-manager';
import { createVm } from './create-vm';
import { beginInstall, cancelInstall, pendingInstall } from './pending-installs';
import { planXml, previewExtras } from './plan-xml';
import { checkMedia, checkUrl, detectOs } from './wizard-host-data';

type WizardCall =
  | 'hosts/capabilities'
  | 'wizard/os-list'
  | 'wizard/os-detect'
  | 'wizard/os-details'
  | 'wizard/check-media'
  | 'wizard/check-url'
  | 'wizard/preview'
  | 'wizard/create'
  | 'wizard/begin-install'
  | 'wizard/cancel-install'
  | 'wizard/pending-install';

/** The New VM wizard's calls (docs/wizard.md). */
export function wizardHandlers(hosts: HostManager, jobs: JobManager): Pick<Handlers, WizardCall> {
  const live = (hostId: string) => hosts.session(hostId).live();
  const data = (hostId: string) => hosts.session(hostId).wizardData;
  return {
    'hosts/capabilities': ({ hostId, arch, virtType, machine }) =>
      data(hostId).capabilities(live(hostId), { arch, virtType, machine }),
    'wizard/os-list': ({ hostId }) => data(hostId).listOs(live(hostId)),
    'wizard/os-detect': ({ hostId, path }) => detectOs(live(hostId), path),
    'wizard/os-details': ({ hostId, osId, arch }) =>
      data(hostId).osDetails(live(hostId), osId, arch ?? 'x86_64'),
    'wizard/check-media': ({ hostId, source }) => checkMedia(live(hostId), source),
    'wizard/check-url': ({ hostId, url }) => checkUrl(live(hostId), url),
    'wizard/preview': async ({ hostId, plan }) => planXml(plan, await previewExtras(live(hostId), plan)),
    'wizard/create': async ({ hostId, plan }) => {
      const host = live(hostId);
      const { job } = jobs.start({
        hostId,
        kind: 'vm-create',
        title: `Create ${plan.name}`,
        phase: 'Starting',
        cancellable: true,
        run: (context) => createVm(host, plan, context),
      });
      return { jobId: job.jobId };
    },
    'wizard/begin-install': ({ hostId, uuid }) => beginInstall(live(hostId), uuid),
    'wizard/cancel-install': ({ hostId, uuid }) => cancelInstall(live(hostId), uuid),
    'wizard/pending-install': async ({ hostId, uuid }) => {
      const pending = await pendingInstall(live(hostId), uuid);
      return pending ? { pending } : {};
    },
  };
}
