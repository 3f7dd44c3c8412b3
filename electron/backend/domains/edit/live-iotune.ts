// A disk's `<iotune>` throttles on a running guest: `blkdeviotune --live` (update-device cannot change
// them). Only the changed values are sent (libvirt keeps the others); a cleared one is sent as 0.
import type { EditChange } from '../../../../shared/api/domain-edit';
import type { XmlDocument } from '../../../../shared/xml/document';
import { IOTUNE_OPTIONS } from '../../../../shared/xml/views/devices/disk';
import { readDevice } from '../../../../shared/xml/views/devices/device-views';
import type { VirshRunner } from '../../virsh/virsh-runner';
import type { LiveSteps } from './live-tuning';

type DeviceChange = Extract<EditChange, { target: 'device' }>;

const isIotuneKey = (key: string): key is keyof typeof IOTUNE_OPTIONS => key in IOTUNE_OPTIONS;

/** A disk change split into its throttles (live through blkdeviotune) and the rest (update-device). */
export function splitIotune(change: DeviceChange): {
  iotune: DeviceChange | undefined;
  rest: DeviceChange | undefined;
} {
  if (change.kind !== 'disk') return { iotune: undefined, rest: change };
  const pick = (want: boolean) =>
    Object.fromEntries(Object.entries(change.patch).filter(([k]) => isIotuneKey(k) === want));
  const iotune = pick(true);
  const rest = pick(false);
  return {
    iotune: Object.keys(iotune).length > 0 ? { ...change, patch: iotune } : undefined,
    rest: Object.keys(rest).length > 0 ? { ...change, patch: rest } : undefined,
  };
}

/** The blkdeviotune command that gives the running disk `next`'s values for the changed keys. */
export function blkdeviotuneArgv(
  uuid: string,
  change: DeviceChange,
  next: XmlDocument,
): string[] | undefined {
  const disk = readDevice(next, 'disk', change.key) as Record<string, unknown> | undefined;
  const target = disk?.['targetDev'];
  if (!disk || typeof target !== 'string') return undefined;
  const argv = ['blkdeviotune', '--domain', uuid, '--device', target];
  for (const key of Object.keys(change.patch).filter(isIotuneKey)) {
    const value = disk[key];
    // A group name cannot be cleared live (libvirt keeps the group while a limit is set).
    if (key === 'iotuneGroup') {
      if (typeof value === 'string' && value) argv.push(IOTUNE_OPTIONS[key], value);
      continue;
    }
    argv.push(IOTUNE_OPTIONS[key], typeof value === 'number' ? String(value) : '0');
  }
  return [...argv, '--live'];
}

/** Applies a disk's throttle change to the running guest (refusals keep libvirt's words). */
export async function applyLiveIotune(
  shell: VirshRunner,
  uuid: string,
  change: DeviceChange,
  next: XmlDocument,
  steps: LiveSteps,
): Promise<void> {
  const fields = Object.keys(change.patch).map((k) => `device:${change.key}.${k}`);
  const argv = blkdeviotuneArgv(uuid, change, next);
  if (!argv) return steps.report(fields, 'next-boot');
  await steps.attempt(fields, () => shell.run(argv));
}
