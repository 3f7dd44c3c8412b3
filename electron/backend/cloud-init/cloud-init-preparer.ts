import { z } from 'zod';
import { CloudImageChoice, SeedBuilder } from '../../../shared/api/cloud-init';
import { ApiError } from '../../../shared/api/errors';
import { cloudImageDisks } from '../../../shared/cloud-init/cloud-image-disks';
import type { Preparer } from '../wizard/preparers';
import { checkCloudImagePlan, prepareCloudImage } from './cloud-image';

/** What the wizard's cloud-image method sends as its `prepared` media's request. */
export const CloudInitRequest = z.object({
  /** The pool that receives the VM's disk and its seed. */
  pool: z.string().min(1).max(255),
  choice: CloudImageChoice,
  seedBuilder: SeedBuilder.optional(),
});
export type CloudInitRequest = z.infer<typeof CloudInitRequest>;

/** The volumes a cloud-image VM gets, named after it. */
export const cloudVolumeNames = (vmName: string) => ({
  diskName: `${vmName}.qcow2`,
  seedName: `${vmName}-cidata.iso`,
});

/**
 * The New VM wizard's `cloud-init` media: every check first, then the disk (overlay or copy, grown)
 * and the NoCloud seed as phases of the wizard's job; its undo removes both volumes.
 */
export const cloudInitPreparer: Preparer = async (host, request, { plan, signal, progress }) => {
  const parsed = CloudInitRequest.safeParse(request);
  if (!parsed.success)
    throw new ApiError('invalid-request', 'The cloud image choice is incomplete or malformed');
  const { pool, choice, seedBuilder } = parsed.data;
  const resolved = await checkCloudImagePlan(host, {
    pool,
    choice,
    seedBuilder,
    ...cloudVolumeNames(plan.name),
  });
  const prepared = await prepareCloudImage(host, resolved, {
    signal,
    progress: (_done, _total, phase) => {
      if (phase) progress(phase);
    },
  });
  return {
    disks: cloudImageDisks(prepared),
    undo: async () => {
      await prepared.remove();
    },
    created: [prepared.disk, prepared.seed].map(({ pool, name }) => ({ pool, volume: name })),
  };
};
