import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreState, useStores } from '../../common/stores-context';
import { poolKey } from '../../stores/volumes-store';

export type StorageMode = 'new' | 'existing' | 'path';

export interface StorageChoice {
  mode: StorageMode;
  pool: string;
  volumeName: string;
  sizeGiB: string;
  /** The existing volume's path, or the typed path. */
  path: string;
}

/** Where a new disk's storage comes from: a new volume in a pool, an existing volume, or a path. */
export function StorageSource({
  hostId,
  choice,
  onChange,
  mediaOnly,
}: {
  hostId: string;
  choice: StorageChoice;
  onChange: (next: StorageChoice) => void;
  /** CD-ROM and floppy: a path (or an existing volume), possibly empty. */
  mediaOnly: boolean;
}) {
  const { t } = useTranslation();
  const { pools, volumes } = useStores();
  const poolList = useStoreState('pools', (s) => s.byHost[hostId]);
  const listed = useStoreState('volumes', (s) => s.byPool[poolKey(hostId, choice.pool)]);
  useEffect(() => {
    if (!poolList) void pools.getState().load(hostId);
  }, [pools, hostId, poolList]);
  const names = Object.values(poolList ?? {})
    .map((p) => p.name)
    .sort();
  const pool = choice.pool || names[0] || '';
  useEffect(() => {
    if (pool && pool !== choice.pool) onChange({ ...choice, pool });
    if (pool && choice.mode === 'existing' && !listed) void volumes.getState().load(hostId, pool);
  }, [pool, choice, listed, volumes, hostId, onChange]);
  const set = (patch: Partial<StorageChoice>) => onChange({ ...choice, ...patch });
  const modes: StorageMode[] = mediaOnly ? ['path', 'existing'] : ['new', 'existing', 'path'];
  const label = { new: 'newVolume', existing: 'existing', path: 'path' } as const;
  return (
    <fieldset className="storage-source">
      <legend>{t('hardware.storage.source')}</legend>
      {modes.map((mode) => (
        <label key={mode}>
          <input
            type="radio"
            name="storage-mode"
            checked={choice.mode === mode}
            onChange={() => set({ mode })}
          />{' '}
          {t(`hardware.storage.${label[mode]}`)}
        </label>
      ))}
      {choice.mode !== 'path' && (
        <div className="field-row">
          <label htmlFor="hw-pool">{t('hardware.storage.pool')}</label>
          <select id="hw-pool" value={pool} onChange={(e) => set({ pool: e.target.value, path: '' })}>
            {names.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </div>
      )}
      {choice.mode === 'new' && (
        <>
          <div className="field-row">
            <label htmlFor="hw-volume-name">{t('hardware.storage.volumeName')}</label>
            <input
              id="hw-volume-name"
              value={choice.volumeName}
              onChange={(e) => set({ volumeName: e.target.value })}
            />
          </div>
          <div className="field-row">
            <label htmlFor="hw-volume-size">{t('hardware.storage.size')}</label>
            <input
              id="hw-volume-size"
              inputMode="decimal"
              value={choice.sizeGiB}
              onChange={(e) => set({ sizeGiB: e.target.value })}
            />
          </div>
        </>
      )}
      {choice.mode === 'existing' && (
        <div className="field-row">
          <label htmlFor="hw-volume">{t('hardware.storage.volume')}</label>
          <select id="hw-volume" value={choice.path} onChange={(e) => set({ path: e.target.value })}>
            <option value="">{listed?.volumes.length ? '' : t('hardware.storage.noVolumes')}</option>
            {(listed?.volumes ?? []).map((v) => (
              <option key={v.path} value={v.path}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {choice.mode === 'path' && (
        <div className="field-row">
          <label htmlFor="hw-path">{t('hardware.storage.pathLabel')}</label>
          <input id="hw-path" value={choice.path} onChange={(e) => set({ path: e.target.value })} />
        </div>
      )}
    </fieldset>
  );
}
