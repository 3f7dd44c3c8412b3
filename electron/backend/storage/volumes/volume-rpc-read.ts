import { readVolumeQuick, type VolumeSettings } from '../../../../shared/xml/views/volume';
import type { LibvirtReader } from '../../libvirt-rpc/libvirt-reader';
import { RpcCallError } from '../../libvirt-rpc/rpc-connection';
import { classifyVirshError } from '../../virsh/virsh-shell';

/**
 * A pool's volumes through the daemon reader in one call (virsh's `vol-list` asks the daemon for
 * each volume's path, one after another: ~1 s for 5,000). The path is the volume's key where the
 * key is one (libvirt keys file, disk, mpath and zvol volumes by their path); elsewhere it stays
 * empty until the volume's XML is read. libvirt's refusal (no such pool, pool not running) is
 * thrown as virsh's would be.
 */
export async function listVolumesByReader(
  reader: LibvirtReader,
  pool: string,
): Promise<Array<{ name: string; path: string }>> {
  try {
    const volumes = await reader.volumes(await reader.pool(pool));
    return volumes
      .map((v) => ({ name: v.name, path: v.key.startsWith('/') ? v.key : '' }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    throw error instanceof RpcCallError ? classifyVirshError(error.message) : error;
  }
}

/**
 * Many volumes' XML through the daemon reader, all asked at once (the reader keeps a window in
 * flight) and parsed as they arrive. A volume that vanished since the list is left out; when none
 * could be read, libvirt's reason is thrown (the pool is gone). A reader whose connection broke
 * throws too (the caller reads through virsh then), after handing on what came.
 */
export async function readVolumesXmlByReader(
  reader: LibvirtReader,
  pool: string,
  names: readonly string[],
  onVolume: (volume: VolumeSettings) => void,
): Promise<void> {
  let broken: unknown;
  let refused: RpcCallError | undefined;
  let read = 0;
  await Promise.all(
    names.map((name) =>
      reader.volumeXml({ pool, name, key: '' }).then(
        (xml) => {
          try {
            onVolume(readVolumeQuick(xml));
            read++;
          } catch {
            // A document we cannot read is left out, as a failed vol-dumpxml is.
          }
        },
        (error: unknown) => {
          if (error instanceof RpcCallError) refused ??= error;
          else broken ??= error;
        },
      ),
    ),
  );
  if (broken !== undefined) throw broken;
  if (read === 0 && refused) throw classifyVirshError(refused.message);
}
