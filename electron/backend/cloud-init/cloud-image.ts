import type { CloudImageBaseInfo, CloudImagePlan, SeedTool } from '../../../shared/api/cloud-init';
import { ApiError, refusal } from '../../../shared/api/errors';
import { check } from '../../../shared/checks/check-message';
import { problemMessage } from '../../../shared/cloud-init/problems';
import { validateCloudImageChoice } from '../../../shared/cloud-init/validate-choice';
import { formatBytes, serializeVolumeXml } from '../../../shared/xml';
import { buildNewVolume } from '../../../shared/xml/build/new-volume';
import type { LiveHost } from '../hosts/host-connection';
import { longRunner } from '../hosts/host-session';
import type { JobContext } from '../jobs/job-manager';
import { removePartialVolume } from '../storage/volumes/remove-volume';
import { capacityBytes, checkNameFree, checkVolumeName } from '../storage/volumes/volume-checks';
import { readVolumeXml } from '../storage/volumes/volume-reader';
import { putXml, XML_FILE } from '../virsh/put-xml';
import { inspectBase } from './base-image';
import { seedFiles } from './seed-files';
import { detectSeedTool, hostSeedVolume, ownSeedVolume } from './seed-volume';

export interface ResolvedCloudImagePlan {
  plan: CloudImagePlan;
  base: CloudImageBaseInfo;
  /** The disk's virtual size: the requested size, or the image's when none was asked. */
  capacity: number;
  builder: 'own' | SeedTool;
}

export interface VolumeRef {
  pool: string;
  name: string;
  path: string;
}

export interface PreparedCloudImage {
  disk: VolumeRef;
  seed: VolumeRef;
  /** Deletes both volumes (a later step of the caller failed); says what happened. */
  remove(): Promise<string>;
}

/** Every check of a plan, before anything is created; refusals say why. */
export async function checkCloudImagePlan(
  host: LiveHost,
  plan: CloudImagePlan,
): Promise<ResolvedCloudImagePlan> {
  const { choice, pool, diskName, seedName } = plan;
  const problems = Object.entries(validateCloudImageChoice(choice));
  if (problems.length > 0 || !choice.base)
    throw new ApiError('invalid-request', problems.map(([, p]) => problemMessage(p)).join('; '));
  checkVolumeName(diskName);
  checkVolumeName(seedName);
  if (diskName === seedName) throw refusal(check('volume.diskSeedSame')); // issue 15
  await checkNameFree(host.shell, pool, diskName);
  await checkNameFree(host.shell, pool, seedName);
  const base = await inspectBase(host, choice.base);
  const asked = choice.size.trim() === '' ? base.capacity : capacityBytes(choice.size);
  if (asked < base.capacity)
    throw new ApiError(
      'invalid-request',
      `${formatBytes(asked)} is smaller than the image's ${formatBytes(base.capacity)}: a cloud image can only grow`,
    );
  if (choice.mode === 'copy' && !base.volume)
    throw new ApiError(
      'invalid-request',
      `${base.path} is not in a storage pool: a full copy needs the image in a pool (or use it as a backing file)`,
    );
  return { plan, base, capacity: asked, builder: await seedBuilder(host, plan) };
}

async function seedBuilder(host: LiveHost, plan: CloudImagePlan): Promise<'own' | SeedTool> {
  const wanted = plan.seedBuilder ?? 'auto';
  if (wanted === 'own') return 'own';
  const found = await detectSeedTool(host.transport, wanted === 'auto' ? undefined : wanted);
  if (wanted === 'auto') return found ?? 'own';
  if (!found) throw new ApiError('invalid-request', `The host has no ${wanted}`);
  return found;
}

/**
 * Creates the VM's disk (a qcow2 overlay on the image, or a full copy, resized) and the NoCloud seed
 * volume, as phases of the caller's job. Failure or Cancel (checked between phases; the seed upload
 * stops at once) removes every volume it created and throws with what happened.
 */
export async function prepareCloudImage(
  host: LiveHost,
  resolved: ResolvedCloudImagePlan,
  context: JobContext,
): Promise<PreparedCloudImage> {
  const { plan, base, capacity, builder } = resolved;
  const { pool, diskName, seedName } = plan;
  const created: Array<{ pool: string; name: string }> = [];
  const steps = capacity > base.capacity && plan.choice.mode === 'copy' ? 4 : 3;
  const phase = (done: number, text: string) => {
    if (context.signal.aborted) throw new ApiError('cancelled', 'Cancelled');
    context.progress(done, steps, text);
  };
  try {
    phase(0, plan.choice.mode === 'backing' ? 'Creating the disk on the image' : 'Copying the image');
    await createDisk(host, resolved);
    created.push({ pool, name: diskName });
    if (steps === 4) {
      phase(1, 'Resizing the disk');
      await longRunner(host).run(['vol-resize', '--pool', pool, diskName, String(capacity)]);
    }
    phase(steps - 2, 'Building the cloud-init seed');
    const files = seedFiles(plan.choice);
    const target = { pool, name: seedName, created: () => created.push({ pool, name: seedName }) };
    if (builder === 'own') await ownSeedVolume(host, target, files, context);
    else await hostSeedVolume(host, target, files, builder);
    phase(steps - 1, 'Checking the volumes');
    const disk = await volumeRef(host, pool, diskName);
    const seed = await volumeRef(host, pool, seedName);
    context.progress(steps, steps, 'Ready');
    return { disk, seed, remove: () => removeVolumes(host, created) };
  } catch (error) {
    const cleanup = await removeVolumes(host, created);
    const cancelled = context.signal.aborted;
    const reason = error instanceof ApiError ? error : new ApiError('storage-error', String(error));
    throw new ApiError(
      cancelled ? 'cancelled' : reason.code,
      `${cancelled ? 'Cancelled' : reason.message}${cleanup ? `. ${cleanup}` : ''}`,
    );
  }
}

async function createDisk(host: LiveHost, { plan, base, capacity }: ResolvedCloudImagePlan): Promise<void> {
  const { pool, diskName } = plan;
  if (plan.choice.mode === 'backing') {
    const xml = serializeVolumeXml(
      buildNewVolume({
        name: diskName,
        format: 'qcow2',
        capacityBytes: capacity,
        allocateNow: false,
        backing: { path: base.path, format: base.format },
      }),
    );
    await putXml(host.transport, host.uri, ['vol-create', '--pool', pool, XML_FILE], xml);
    return;
  }
  const xml = serializeVolumeXml(
    buildNewVolume({
      name: diskName,
      format: 'qcow2',
      capacityBytes: Math.max(1, base.capacity),
      allocateNow: false,
    }),
  );
  await putXml(
    host.transport,
    host.uri,
    [
      'vol-create-from',
      '--pool',
      pool,
      '--file',
      XML_FILE,
      '--vol',
      base.volume!.name,
      '--inputpool',
      base.volume!.pool,
    ],
    xml,
  );
}

async function volumeRef(host: LiveHost, pool: string, name: string): Promise<VolumeRef> {
  const settings = await readVolumeXml(host.shell, pool, name);
  return { pool, name, path: settings.path ?? '' };
}

/** Deletes the volumes this preparation made, newest first; '' when there were none. */
async function removeVolumes(
  host: LiveHost,
  created: Array<{ pool: string; name: string }>,
): Promise<string> {
  if (created.length === 0) return '';
  const names = created.map((v) => v.name).join(' and ');
  if (!host.current()) return `The connection is gone: ${names} stay on the host; delete them by hand`;
  const left: string[] = [];
  for (const volume of [...created].reverse()) {
    await removePartialVolume(host.shell, volume.pool, volume.name).catch(() => left.push(volume.name));
  }
  created.length = 0;
  return left.length === 0 ? `Removed ${names}` : `Could not remove ${left.join(' and ')}: delete by hand`;
}
