/** The pages of a VM window, in tab order; `vm-pages.tsx` renders one entry per id. */
export const VM_PAGE_IDS = ['console', 'serial', 'details', 'snapshots'] as const;

export type VmPage = (typeof VM_PAGE_IDS)[number];

export function isVmPage(value: unknown): value is VmPage {
  return VM_PAGE_IDS.some((id) => id === value);
}
