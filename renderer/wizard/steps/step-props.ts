import type { HostCapabilities } from '../../../shared/api/wizard';
import type { WizardChoices } from '../wizard-choices';

export interface StepProps {
  c: WizardChoices;
  set(patch: Partial<WizardChoices>): void;
  caps: HostCapabilities;
}
