// The disks a cloud-image VM gets in the wizard's domain builder: the prepared disk (first, so the
// OS boots from it) and the NoCloud seed as a read-only CD-ROM, as virt-install --cloud-init attaches it.
import type { NewDisk } from '../xml/build/new-domain';

export interface PreparedVolumes {
  disk: { path: string };
  seed: { path: string };
}

/**
 * Paths, not pool/volume references, as virt-install writes them. The seed stays attached after the
 * first boot (cloud-init ignores it once the instance-id has been seen); detaching it is a later step.
 */
export function cloudImageDisks(prepared: PreparedVolumes): NewDisk[] {
  return [
    { source: { file: prepared.disk.path }, format: 'qcow2' },
    { device: 'cdrom', source: { file: prepared.seed.path }, format: 'raw' },
  ];
}
