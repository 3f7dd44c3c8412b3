import { posix } from 'node:path';
import type { PoolSummary } from '../../../shared/api/pools';
import { ApiError } from '../../../shared/api/errors';
import { parseDomainXml, serializeDomainXml } from '../../../shared/xml';
import { listDevices } from '../../../shared/xml/views/devices/device-list';
import { readDeviceElement, updateDevice } from '../../../shared/xml/views/devices/device-views';

/** One disk copied into the destination's pool of the same name, at another path than on the source. */
export interface DiskMove {
  target: string;
  pool: string;
  from: string;
  to: string;
}

/**
 * Where copied disks go (copy storage): libvirt pre-creates each disk on the destination in the
 * pool whose target path is the disk's directory, so a disk lands at the SAME path there. Where
 * the destination's pool of the same name has another path, the disk moves into it: the returned
 * `xml` (the source's migratable XML with those disks' paths changed) goes to `virsh migrate --xml`
 * (and `--persistent-xml`). A disk in a pool the destination lacks is refused before anything runs;
 * a disk outside every pool is left to libvirt. `copied`: how many disks libvirt copies at most (one NBD
 * connection each).
 */
export function planCopiedDisks(
  migratableXml: string,
  sourcePools: readonly PoolSummary[],
  destPools: readonly PoolSummary[],
  destLabel: string,
): { xml?: string; moves: DiskMove[]; copied: number } {
  const doc = parseDomainXml(migratableXml);
  const moves: DiskMove[] = [];
  let copied = 0;
  for (const disk of listDevices(doc, 'disk')) {
    const settings = readDeviceElement('disk', disk.element);
    if (settings.readonly || (settings.device && settings.device !== 'disk')) continue;
    copied++;
    const from = settings.sourceFile;
    if (!from) continue;
    const dir = posix.dirname(from);
    const pool = sourcePools.find((p) => p.targetPath === dir);
    if (!pool) continue;
    const there = destPools.find((p) => p.name === pool.name);
    if (!there)
      throw new ApiError(
        'invalid-request',
        `${destLabel} has no storage pool named ${pool.name} to copy ${settings.targetDev ?? from} into: create one there first (any directory).`,
      );
    if (!there.targetPath || there.targetPath === dir) continue;
    const to = posix.join(there.targetPath, posix.basename(from));
    updateDevice(doc, 'disk', disk.key, { sourceFile: to });
    moves.push({ target: settings.targetDev ?? '', pool: pool.name, from, to });
  }
  return moves.length > 0 ? { xml: serializeDomainXml(doc), moves, copied } : { moves, copied };
}
