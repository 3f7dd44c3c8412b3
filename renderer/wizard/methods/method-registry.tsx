import { CloudImageMethodStep } from '../cloud-image/cloud-image-method';
import { ImportStep, IsoPathStep, IsoVolumeStep } from './media-methods';
import type { InstallMethod } from './method-types';
import { KernelStep, ManualStep, PxeStep, UrlStep } from './network-methods';
import { UploadStep } from './upload-method';

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
    Step: CloudImageMethodStep,
    providesDisk: true,
  },
  { id: 'manual', labelKey: 'wizard.method.manual', Step: ManualStep },
];
