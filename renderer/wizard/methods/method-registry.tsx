import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportStep, IsoPathStep, IsoVolumeStep } from './media-methods';
import type { InstallMethod, MethodStepProps } from './method-types';
import { KernelStep, ManualStep, PxeStep, UrlStep } from './network-methods';
import { UploadStep } from './upload-method';

/**
 * The cloud-image method's slot: its step (renderer/wizard/cloud-image/cloud-image-step.tsx) is
 * wired in here at merge (docs/wizard.md). Until then it says so and never completes.
 */
function CloudImagePlaceholder({ onChange, onProblem }: MethodStepProps) {
  const { t } = useTranslation();
  useEffect(() => {
    onChange(undefined);
    onProblem(t('wizard.cloudUnavailable'));
  }, [onChange, onProblem, t]);
  return null;
}

/** Every install method, in the order the first step lists them (virt-manager's, then cockpit's). */
export const installMethods: readonly InstallMethod[] = [
  { id: 'iso-volume', labelKey: 'wizard.method.isoVolume', Step: IsoVolumeStep },
  { id: 'iso-path', labelKey: 'wizard.method.isoPath', Step: IsoPathStep },
  { id: 'iso-upload', labelKey: 'wizard.method.isoUpload', Step: UploadStep },
  { id: 'url', labelKey: 'wizard.method.url', Step: UrlStep },
  { id: 'kernel', labelKey: 'wizard.method.kernel', Step: KernelStep },
  { id: 'pxe', labelKey: 'wizard.method.pxe', Step: PxeStep },
  { id: 'import', labelKey: 'wizard.method.import', Step: ImportStep, providesDisk: true },
  {
    id: 'cloud-image',
    labelKey: 'wizard.method.cloudImage',
    Step: CloudImagePlaceholder,
    providesDisk: true,
  },
  { id: 'manual', labelKey: 'wizard.method.manual', Step: ManualStep },
];
