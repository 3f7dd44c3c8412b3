import { hostVirsh } from './test-host';

/**
 * Removes every guest named PREFIX* (stopped, undefined with its NVRAM and TPM) and PREFIX* volume
 * of vd-images. `vd-w-` is the wizard suite's, `vd-wz-` the customize and cloud-image specs'.
 */
export async function removeWizardLeftovers(prefix = 'vd-w-'): Promise<void> {
  const names = (await hostVirsh(['list', '--all', '--name'])).stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((n) => n.startsWith(prefix));
  for (const name of names) {
    await hostVirsh(['destroy', name]);
    const undefined_ = await hostVirsh(['undefine', name, '--nvram', '--tpm']);
    if (undefined_.code !== 0) await hostVirsh(['undefine', name]);
  }
  for (const vol of await wizardVolumes(prefix)) await hostVirsh(['vol-delete', '--pool', 'vd-images', vol]);
}

export async function wizardVolumes(prefix = 'vd-w-'): Promise<string[]> {
  const out = (await hostVirsh(['vol-list', '--pool', 'vd-images'])).stdout;
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter((n) => n.startsWith(prefix));
}

export async function wizardDomains(prefix = 'vd-w-'): Promise<string[]> {
  return (await hostVirsh(['list', '--all', '--name'])).stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((n) => n.startsWith(prefix));
}
