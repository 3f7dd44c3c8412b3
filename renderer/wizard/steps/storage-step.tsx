import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreState } from '../../common/stores-context';
import { TextField } from '../../common/text-field';
import { VolumePicker } from '../methods/volume-picker';
import { storageProblems } from '../wizard-checks';
import type { StorageKind } from '../wizard-choices';
import type { StepProps } from './step-props';
import { useRunningPools } from './use-running-pools';

const KINDS: readonly StorageKind[] = ['new', 'volume', 'path', 'none'];

/** Step 4: a new volume (the preferences' format) in a pool (size from the OS), an existing volume, a path, or none. */
export function StorageStep({ c, set }: StepProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const hostId = c.hostId!;
  const running = useRunningPools(hostId);
  const pool = running.find((p) => p.name === c.storagePool) ?? running[0];
  useEffect(() => {
    if (pool && c.storagePool !== pool.name) set({ storagePool: pool.name });
  }, [pool, c.storagePool, set]);
  const problems = storageProblems(c, pool?.available, t, i18n.language);
  // The format the new volume gets (issue 15: the preferences' new-VM disk format).
  const format = useStoreState('prefs', (state) => state.prefs.newVm.storageFormat);
  return (
    <div className="wizard-step">
      <fieldset>
        <legend>{t('wizard.storageLegend')}</legend>
        {KINDS.map((k) => (
          <label key={k} className="wizard-radio">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={c.storageKind === k}
              onChange={() => set({ storageKind: k })}
            />
            {t(`wizard.storage.${k}`)}
          </label>
        ))}
      </fieldset>
      {c.storageKind === 'new' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-pool`}>{t('wizard.pool')}</label>
            <select
              id={`${id}-pool`}
              value={pool?.name ?? ''}
              onChange={(e) => set({ storagePool: e.target.value })}
            >
              {running.map((p) => (
                <option key={p.uuid} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={t('wizard.sizeGiB')}
            value={c.sizeGiB}
            inputMode="decimal"
            onChange={(v) => set({ sizeGiB: v, touched: { ...c.touched, size: true } })}
            error={problems.size}
            hint={problems.sizeWarning ?? t(`preferences.storageFormats.${format}`)}
          />
        </>
      )}
      {c.storageKind === 'volume' && (
        <VolumePicker
          hostId={hostId}
          label={t('wizard.existingDisk')}
          value={c.storageVolume}
          onChange={(v) => set({ storageVolume: v ? { pool: v.pool, volume: v.volume } : undefined })}
        />
      )}
      {c.storageKind === 'path' && (
        <TextField
          label={t('wizard.diskPath')}
          value={c.storagePath}
          onChange={(v) => set({ storagePath: v })}
          error={c.storagePath.trim() ? problems.path : undefined}
        />
      )}
    </div>
  );
}
