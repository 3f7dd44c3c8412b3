// Finish: create what the plan needs, define, start — and on failure or Cancel remove everything
// this run created, newest first, and say so.
import { ApiError, refusal } from '../../../shared/api/errors';
import { check } from '../../../shared/checks/check-message';
import type { NewVmPlan } from '../../../shared/api/wizard';
import { buildNewVolume } from '../../../shared/xml/build/new-volume';
import { serializeVolumeXml } from '../../../shared/xml/objects';
import { newDiskVolumeName, planToSpecs, type PlanExtras } from '../../../shared/wizard/plan-to-domain';
import { withInstallRecord, type CreatedVolume } from '../../../shared/wizard/install-record';
import type { LiveHost } from '../hosts/host-connection';
import type { JobContext } from '../jobs/job-manager';
import { putXmlOn, XML_FILE } from '../virsh/put-xml';
import { dirPoolPath, fetchedNames, fetchTreeKernel, kernelPool } from './install-tree';
import { planXml } from './plan-xml';
import { preparers } from './preparers';
import { definitionUndo, rollBack, volumeUndo, type Undo } from './undo';

const STEPS = 5;

/** Runs the plan on the host as a job's work; returns the message for the jobs panel. */
export async function createVm(
  host: LiveHost,
  plan: NewVmPlan,
  job: JobContext,
): Promise<{ message: string }> {
  const undo: Undo[] = [];
  /** The volumes this run made, oldest first (Customize before install records them in the VM). */
  const created: CreatedVolume[] = [];
  const made = (volume: CreatedVolume) => {
    created.push(volume);
    undo.push(volumeUndo(host, volume));
  };
  let done = 0;
  const step = (phase: string) => {
    if (job.signal.aborted) throw new ApiError('cancelled', 'Cancelled');
    job.progress(done++, STEPS, phase);
  };
  const extras: PlanExtras = {};
  try {
    step('Checking the name');
    await requireFreeName(host, plan);

    if (plan.storage.kind === 'new' && plan.media.kind !== 'import' && plan.media.kind !== 'prepared') {
      const { pool, capacityBytes, format } = plan.storage;
      const name = newDiskVolumeName(plan);
      step(`Creating the disk ${name}`);
      const xml = serializeVolumeXml(buildNewVolume({ name, format, capacityBytes, allocateNow: false }));
      await putXmlOn(host, ['vol-create', '--pool', pool, XML_FILE], xml);
      made({ pool, volume: name });
    }

    if (plan.media.kind === 'url') {
      step('Fetching the installer kernel');
      const pool = kernelPool(plan);
      const dir = await dirPoolPath(host, pool);
      const names = fetchedNames(plan);
      // Removed even when the download stopped halfway (the pool learns of the files first).
      undo.push({
        what: 'the fetched installer kernel',
        run: async () => {
          await host.shell.run(['pool-refresh', pool]).catch(() => undefined);
          for (const n of [names.kernel, names.initrd])
            await host.shell.run(['vol-delete', '--pool', pool, n]).catch(() => undefined);
        },
      });
      created.push({ pool, volume: names.kernel }, { pool, volume: names.initrd });
      extras.fetchedKernel = await fetchTreeKernel(host, plan.media.url, plan.arch, dir, names, job.signal);
      await host.shell.run(['pool-refresh', pool]);
    }

    if (plan.media.kind === 'prepared') {
      const preparer = preparers[plan.media.preparer];
      if (!preparer)
        throw new ApiError('invalid-request', `This build cannot prepare "${plan.media.preparer}" media yet`);
      step('Preparing the media');
      const prepared = await preparer(host, plan.media.request, {
        plan,
        signal: job.signal,
        progress: (phase) => job.progress(done, STEPS, phase),
      });
      undo.push({ what: 'the prepared media', run: () => prepared.undo() });
      created.push(...prepared.created);
      extras.preparedDisks = prepared.disks;
    }

    const { xml, installXml } = planXml(plan, extras);
    step(`Defining ${plan.name}`);
    // Customize / manual: define what boots the media first, so a later start installs. Customize
    // keeps what Begin / Cancel installation need in the VM's own metadata.
    const defined = plan.start ? xml : (installXml ?? xml);
    const media = plan.media.kind === 'cdrom' ? plan.media.source : undefined;
    const finalBoot = planToSpecs(plan, extras).final.boot ?? ['hd'];
    const phase = installXml ? { finalBoot, media } : undefined;
    await putXmlOn(
      host,
      ['define', XML_FILE],
      plan.customize && !plan.start
        ? withInstallRecord(defined, { uuid: plan.uuid, phase, created })
        : defined,
    );
    undo.push(definitionUndo(host, plan.uuid, plan.name));

    if (plan.start) {
      step(`Starting ${plan.name}`);
      // virt-install's way: the install boot runs with the same UUID; the definition stays as is.
      if (installXml) await putXmlOn(host, ['create', XML_FILE], installXml);
      else await host.shell.run(['start', '--domain', plan.uuid]);
      undo.push({
        what: `the running ${plan.name}`,
        run: () => host.shell.run(['destroy', '--domain', plan.uuid]).catch(() => undefined),
      });
    }
    job.progress(STEPS, STEPS, 'Done');
    if (job.signal.aborted) throw new ApiError('cancelled', 'Cancelled');
    return {
      message: plan.start ? `${plan.name} created and started` : `${plan.name} defined (not started)`,
    };
  } catch (error) {
    const report = await rollBack(undo);
    const cancelled = job.signal.aborted || (error instanceof ApiError && error.code === 'cancelled');
    const reason = error instanceof Error ? error.message : String(error);
    const head = cancelled
      ? `Creating ${plan.name} was cancelled`
      : `Creating ${plan.name} failed: ${reason}`;
    throw new ApiError(
      cancelled ? 'cancelled' : error instanceof ApiError ? error.code : 'internal',
      `${head}. ${report}`,
    );
  }
}

async function requireFreeName(host: LiveHost, plan: NewVmPlan): Promise<void> {
  const taken = await host.shell.run(['domuuid', plan.name]).then(
    () => true,
    () => false,
  );
  if (taken) throw refusal(check('vmName.taken', { name: plan.name })); // issue 15
}
