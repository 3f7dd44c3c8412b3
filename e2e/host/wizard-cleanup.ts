import { hostVirsh } from './test-host';

/** Removes every `vd-w-*` guest (stopped, undefined with its NVRAM and TPM) and `vd-w-*` volume of vd-images. */
export async function removeWizardLeftovers(): Promise<void> {
  const names = (await hostVirsh(['list', '--all', '--name'])).stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((n) => n.startsWith('vd-w-'));
  for (const name of names) {
    await hostVirsh(['destroy', name]);
    const undefined_ = await hostVirsh(['undefine', name, '--nvram', '--tpm']);
    if (undefined_.code !== 0) await hostVirsh(['undefine', name]);
  }
  for (const vol of await wizardVolumes()) await hostVirsh(['vol-delete', '--pool', 'vd-images', vol]);
}

export async function wizardVolumes(): Promise<string[]> {
  const out = (await hostVirsh(['vol-list', '--pool', 'vd-images'])).stdout;
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter((n) => n.startsWith('vd-w-'));
}

export async function wizardDomains(): Promise<string[]> {
  return (await hostVirsh(['list', '--all', '--name'])).stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((n) => n.startsWith('vd-w-'));
}
