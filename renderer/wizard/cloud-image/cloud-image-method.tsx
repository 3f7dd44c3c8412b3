import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyCloudImageChoice, type CloudImageChoice } from '../../../shared/api/cloud-init';
import { validateCloudImageChoice } from '../../../shared/cloud-init/validate-choice';
import type { MethodResult, MethodStepProps } from '../methods/method-types';
import { useRunningPools } from '../steps/use-running-pools';
import { CloudImageStep } from './cloud-image-step';

/** The request the backend's `cloud-init` preparer reads (electron/backend/cloud-init/cloud-init-preparer.ts). */
interface CloudInitRequest {
  pool: string;
  choice: CloudImageChoice;
}

function requestOf(value: MethodResult | undefined): CloudInitRequest | undefined {
  const media = value?.media;
  return media?.kind === 'prepared' && media.preparer === 'cloud-init'
    ? (media.request as CloudInitRequest)
    : undefined;
}

/**
 * The wizard's "Cloud image" method: the cloud-image step plus the pool that receives the VM's disk
 * and seed (the image's own pool by default). Complete once every cloud-init field checks out; the
 * volumes are made at Finish, inside the wizard's job, and removed if it fails or is cancelled.
 */
export function CloudImageMethodStep({ hostId, value, onChange, onProblem }: MethodStepProps) {
  const { t } = useTranslation();
  const id = useId();
  const previous = requestOf(value);
  const [choice, setChoice] = useState<CloudImageChoice>(previous?.choice ?? emptyCloudImageChoice);
  const [poolName, setPoolName] = useState(previous?.pool);
  const running = useRunningPools(hostId);
  const basePool = choice.base?.kind === 'volume' ? choice.base.pool : undefined;
  const pool =
    running.find((p) => p.name === poolName) ?? running.find((p) => p.name === basePool) ?? running[0];
  const complete = choice.base !== null && Object.keys(validateCloudImageChoice(choice)).length === 0;
  useEffect(() => {
    onProblem(undefined);
    if (!complete || !pool || !choice.base) return onChange(undefined);
    const image = choice.base.kind === 'volume' ? choice.base.name : choice.base.path;
    onChange({
      media: { kind: 'prepared', preparer: 'cloud-init', request: { pool: pool.name, choice } },
      summary: t('wizard.cloudSummary', { image, pool: pool.name }),
    });
  }, [complete, choice, pool, onChange, onProblem, t]);
  return (
    <>
      <CloudImageStep hostId={hostId} value={choice} onChange={setChoice} />
      <div className="field">
        <label htmlFor={`${id}-pool`}>{t('wizard.cloudPool')}</label>
        <select id={`${id}-pool`} value={pool?.name ?? ''} onChange={(e) => setPoolName(e.target.value)}>
          {running.map((p) => (
            <option key={p.uuid} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
