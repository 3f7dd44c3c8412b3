import { useTranslation } from 'react-i18next';
import { TextField } from '../../common/text-field';
import { resourceProblems } from '../wizard-checks';
import type { StepProps } from './step-props';

/** Step 3: memory and vCPUs, pre-filled from the OS, with what the host has. */
export function ResourcesStep({ c, set, caps }: StepProps) {
  const { t, i18n } = useTranslation();
  const problems = resourceProblems(c, caps, t, i18n.language);
  const hostMiB = caps.hostMemoryKiB ? Math.floor(caps.hostMemoryKiB / 1024) : undefined;
  return (
    <div className="wizard-step">
      <TextField
        label={t('wizard.memoryMiB')}
        value={c.memoryMiB}
        inputMode="numeric"
        onChange={(v) => set({ memoryMiB: v, touched: { ...c.touched, memory: true } })}
        hint={hostMiB !== undefined ? t('wizard.upToMemory', { n: hostMiB }) : undefined}
        error={problems.memory}
      />
      <TextField
        label={t('wizard.vcpus')}
        value={c.vcpus}
        inputMode="numeric"
        onChange={(v) => set({ vcpus: v, touched: { ...c.touched, vcpus: true } })}
        hint={caps.hostCpus !== undefined ? t('wizard.upToCpus', { n: caps.hostCpus }) : undefined}
        error={problems.vcpus}
      />
      {problems.vcpusWarning && <p className="field-hint">{problems.vcpusWarning}</p>}
    </div>
  );
}
