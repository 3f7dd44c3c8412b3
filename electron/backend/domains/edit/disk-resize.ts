import { ApiError } from '../../../../shared/api/errors';
import type { DomainSummary } from '../../../../shared/api/domains';
import { parseDomainXml } from '../../../../shared/xml/objects';
import { listDevices } from '../../../../shared/xml/views/devices/device-list';
import { readDeviceElement } from '../../../../shared/xml/views/devices/device-views';
import { parseKeyValues } from '../../virsh/parse-list';
import type { VirshRunner } from '../../virsh/virsh-runner';
import { isActive, readInactiveXml } from './edit-base';

/**
 * Grows a disk: `blockresize` on a running guest, the volume's resize when it is off. Shrinking is
 * refused (it loses data); the guest must still grow its partition and file system itself.
 */
export async function resizeDisk(
  virsh: VirshRunner,
  domain: DomainSummary,
  target: string,
  bytes: number,
): Promise<{ message: string }> {
  const info = parseKeyValues(await virsh.run(['domblkinfo', '--domain', domain.uuid, '--device', target]));
  const capacity = Number(info.get('Capacity'));
  if (Number.isFinite(capacity) && bytes <= capacity)
    throw new ApiError('invalid-request', `The new size must be larger than the current ${capacity} bytes`);
  if (isActive(domain)) {
    await virsh.run(['blockresize', '--domain', domain.uuid, '--path', target, '--size', `${bytes}B`]);
  } else {
    const doc = parseDomainXml(await readInactiveXml(virsh, domain.uuid));
    const disk = listDevices(doc, 'disk')
      .map((d) => readDeviceElement('disk', d.element))
      .find((d) => d.targetDev === target);
    const path = disk?.sourceFile ?? disk?.sourceDev;
    if (!path) throw new ApiError('invalid-request', `Disk ${target} has no volume to resize`);
    await virsh.run(['vol-resize', '--vol', path, '--capacity', `${bytes}B`]);
  }
  return { message: `${target} is now ${bytes} bytes; grow the partition inside the guest to use it` };
}
