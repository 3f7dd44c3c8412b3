// Bad input, caught on the step where it was typed (issue 11, "Bad input").
import type { TFunction } from 'i18next';
import type { HostCapabilities } from '../../shared/api/wizard';
import { formatBytes, GiB, MiB } from '../../shared/xml/units';
import { typedNumber, type WizardChoices } from './wizard-choices';

export function resourceProblems(
  c: WizardChoices,
  caps: HostCapabilities,
  t: TFunction,
  locale?: string, // issue 15: sizes in the window's language
): { memory?: string; vcpus?: string; vcpusWarning?: string } {
  const out: { memory?: string; vcpus?: string; vcpusWarning?: string } = {};
  const memory = typedNumber(c.memoryMiB);
  const vcpus = typedNumber(c.vcpus);
  if (!Number.isFinite(memory) || memory < 1) out.memory = t('wizard.bad.memory');
  else if (caps.hostMemoryKiB && memory * 1024 > caps.hostMemoryKiB)
    out.memory = t('wizard.bad.memoryAboveHost', { size: formatBytes(caps.hostMemoryKiB * 1024, locale) });
  if (!Number.isFinite(vcpus) || vcpus < 1 || !Number.isInteger(vcpus)) out.vcpus = t('wizard.bad.vcpus');
  else if (caps.maxVcpus && vcpus > caps.maxVcpus) out.vcpus = t('wizard.bad.vcpusMax', { n: caps.maxVcpus });
  else if (caps.hostCpus && vcpus > caps.hostCpus)
    out.vcpusWarning = t('wizard.bad.vcpusOver', { n: caps.hostCpus });
  return out;
}

export function storageProblems(
  c: WizardChoices,
  freeBytes: number | undefined,
  t: TFunction,
  locale?: string,
): { size?: string; sizeWarning?: string; path?: string; volume?: string } {
  const out: { size?: string; sizeWarning?: string; path?: string; volume?: string } = {};
  if (c.storageKind === 'new') {
    const size = typedNumber(c.sizeGiB);
    if (!Number.isFinite(size) || size * GiB < MiB) out.size = t('wizard.bad.size');
    else if (freeBytes !== undefined && size * GiB > freeBytes)
      out.sizeWarning = t('wizard.bad.sizeOverFree', { free: formatBytes(freeBytes, locale) });
  }
  if (c.storageKind === 'path' && !c.storagePath.trim().startsWith('/')) out.path = t('wizard.pathAbsolute');
  if (c.storageKind === 'volume' && !c.storageVolume) out.volume = t('wizard.bad.volume');
  return out;
}
