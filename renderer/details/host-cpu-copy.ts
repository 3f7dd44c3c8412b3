// virt-manager's "Copy host CPU configuration" checkbox: the guest gets the host's CPU — as
// host-passthrough where the host's domcapabilities offer it (KVM), else host-model (QEMU under TCG
// offers no passthrough). Unchecking it goes back to the first other mode the host offers.
import type { EditChange } from '../../shared/api/domain-edit';

export type CopyMode = 'host-passthrough' | 'host-model';

/** The mode "copy host CPU" means on this host, or undefined when it offers neither. */
export function copyHostMode(modes: readonly string[]): CopyMode | undefined {
  if (modes.includes('host-passthrough')) return 'host-passthrough';
  if (modes.includes('host-model')) return 'host-model';
  return undefined;
}

/** Whether the VM's CPU is a copy of the host's now. */
export const isHostCopy = (mode: string | undefined): boolean =>
  mode === 'host-passthrough' || mode === 'host-model';

/** The change the checkbox makes (none when it matches the saved mode). */
export function hostCopyChanges(
  checked: boolean,
  savedMode: string | undefined,
  modes: readonly string[],
): EditChange[] {
  const copy = copyHostMode(modes);
  if (checked === isHostCopy(savedMode) || !copy) return [];
  if (checked)
    return [{ target: 'domain', view: 'cpu', patch: { mode: copy, model: null, match: null, check: null } }];
  const other = modes.find((m) => !isHostCopy(m) && m !== 'custom') ?? 'maximum';
  return [{ target: 'domain', view: 'cpu', patch: { mode: other } }];
}
