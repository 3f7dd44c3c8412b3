/**
 * The volumes of one storage pool (filled by the volumes work: list, create, upload, …). The pools
 * view renders it for the selected pool.
 */
export function VolumesPane(_props: { hostId: string; poolName: string }) {
  return null;
}
