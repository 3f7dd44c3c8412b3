// Why libvirt would not make a change on the running guest, in words a user can act on. A session
// connection (qemu:///session) runs QEMU without cgroups: libvirt refuses the CPU scheduler
// (`schedinfo`), block I/O weights (`blkiotune`), memory limits (`memtune`) and the NUMA node set
// (`numatune`) of a running guest there; the definition still holds the new value.
import type { FieldOutcome } from '../api/domain-edit';

export const NO_CGROUPS = 'live-needs-cgroups';

// libvirt 9.0's words (checked on the test host, docs/notes.md "fourth session — devices and tuning").
const CGROUP_REFUSAL = /cgroup|not available in session mode/i;

/** The outcome of a live attempt libvirt refused: next boot, with a code when the reason is known. */
export function liveRefusal(field: string, libvirtMessage: string): FieldOutcome {
  const what = field.split('.')[0] ?? field;
  return CGROUP_REFUSAL.test(libvirtMessage)
    ? {
        field,
        applied: 'next-boot',
        code: NO_CGROUPS,
        values: { what },
        message: `This connection has no cgroups (qemu:///session): ${what} cannot change on the running guest; it takes effect after the next shutdown (libvirt: ${libvirtMessage})`,
      }
    : { field, applied: 'next-boot', message: libvirtMessage };
}
