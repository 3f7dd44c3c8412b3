import type { ReactElement } from 'react';
import type { HostCapabilities, InstallMedia } from '../../../shared/api/wizard';

export type MethodId =
  'iso-volume' | 'iso-path' | 'iso-upload' | 'url' | 'kernel' | 'pxe' | 'import' | 'manual' | 'cloud-image';

/** What a method gives the rest of the wizard and, on Finish, the backend (docs/wizard.md). */
export interface MethodResult {
  media: InstallMedia;
  /** A path on the host for `osinfo-detect`. */
  detectPath?: string;
  /** An OS the method knows (a cloud image's name, …). */
  osId?: string;
  /** A volume id read from the media on the desktop (upload), shown on the OS step. */
  volumeId?: string;
  /** For the summary ("debian.iso in vd-images"). */
  summary: string;
}

export interface MethodStepProps {
  hostId: string;
  capabilities: HostCapabilities;
  /** What this step reported last time (Back keeps what was typed). */
  value: MethodResult | undefined;
  /** The step's current result; `undefined` = not complete (Next stays disabled). */
  onChange(result: MethodResult | undefined): void;
  /** A problem with what was typed (shown on the step, blocks Next); `undefined` clears it. */
  onProblem(message: string | undefined): void;
}

export interface InstallMethod {
  id: MethodId;
  /** i18n key of the method's label. */
  labelKey: string;
  /** Asked under the method list on step 1; none: nothing to ask. */
  Step?: (props: MethodStepProps) => ReactElement | null;
  /** The method brings its own boot disk (the Storage step is skipped). */
  providesDisk?: boolean;
}
