import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloudImageChoice, SeedTool } from '../../../shared/api/cloud-init';
import {
  validateCloudImageChoice,
  type CloudImageProblems,
} from '../../../shared/cloud-init/validate-choice';
import { useStores } from '../../common/stores-context';
import { BaseImageFields } from './base-image-fields';
import { CloudInitFields } from './cloud-init-fields';
import { useBaseInfo } from './use-base-info';

export { validateCloudImageChoice, type CloudImageProblems };

export interface CloudImageStepProps {
  hostId: string;
  value: CloudImageChoice;
  onChange(v: CloudImageChoice): void;
  /** Show every field's problem, also of fields not yet touched (the wizard sets it after a refused Next). */
  showAllProblems?: boolean;
}

/**
 * The cloud-image step of the New VM wizard: the image, overlay or copy, the size, and cloud-init's
 * user, password, SSH keys, host name and raw user-data. A field's problem shows once it was edited
 * (or when the wizard asks for all); `validateCloudImageChoice` gives the same checks to the wizard.
 */
export function CloudImageStep({ hostId, value, onChange, showAllProblems = false }: CloudImageStepProps) {
  const { t } = useTranslation();
  const { wizardCalls } = useStores();
  const [touched, setTouched] = useState<ReadonlySet<keyof CloudImageChoice>>(new Set());
  const [seedTool, setSeedTool] = useState<SeedTool | null | undefined>(undefined);
  const baseInfo = useBaseInfo(hostId, value.base);
  useEffect(() => {
    let live = true;
    wizardCalls.seedTool(hostId).then(
      (r) => live && setSeedTool(r.tool),
      () => live && setSeedTool(undefined),
    );
    return () => {
      live = false;
    };
  }, [wizardCalls, hostId]);

  const all = validateCloudImageChoice(
    value,
    baseInfo.state === 'read' ? { baseCapacity: baseInfo.info.capacity } : {},
  );
  const shown: CloudImageProblems = Object.fromEntries(
    Object.entries(all).filter(([field]) => showAllProblems || touched.has(field as keyof CloudImageChoice)),
  );
  const change = (patch: Partial<CloudImageChoice>) => {
    setTouched((before) => new Set([...before, ...(Object.keys(patch) as Array<keyof CloudImageChoice>)]));
    onChange({ ...value, ...patch });
  };

  return (
    <section className="cloud-image-step" aria-label={t('cloudImage.image')}>
      <BaseImageFields hostId={hostId} value={value} onChange={change} problems={shown} baseInfo={baseInfo} />
      <CloudInitFields value={value} onChange={change} problems={shown} />
      {seedTool !== undefined && (
        <p className="field-hint">
          {seedTool ? t('cloudImage.seedOnHost', { tool: seedTool }) : t('cloudImage.seedOwn')}
        </p>
      )}
    </section>
  );
}
