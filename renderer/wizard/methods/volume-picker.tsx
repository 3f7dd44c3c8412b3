import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreState, useStores } from '../../common/stores-context';
import { poolKey } from '../../stores/volumes-store';

export type PickedVolume = { pool: string; volume: string; path: string };

/**
 * A pool and one of its volumes, as two selects. `filter` narrows the volumes (ISOs only, …).
 * Pools are the host's running pools, read when the picker first shows.
 */
export function VolumePicker(props: {
  hostId: string;
  value: { pool: string; volume: string } | undefined;
  onChange(value: PickedVolume | undefined): void;
  filter?: (name: string, format: string | undefined) => boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const { pools, volumes } = useStores();
  const id = useId();
  const poolMap = useStoreState('pools', (s) => s.byHost[props.hostId]);
  const running = Object.values(poolMap ?? {})
    .filter((p) => p.state === 'running')
    .sort((a, b) => a.name.localeCompare(b.name));
  const [chosen, setChosen] = useState(props.value?.pool);
  const pool = chosen ?? running[0]?.name ?? '';
  const entry = useStoreState('volumes', (s) => (pool ? s.byPool[poolKey(props.hostId, pool)] : undefined));
  useEffect(() => {
    void pools.getState().load(props.hostId);
  }, [pools, props.hostId]);
  useEffect(() => {
    if (pool) void volumes.getState().load(props.hostId, pool);
  }, [volumes, props.hostId, pool]);
  const list = (entry?.volumes ?? []).filter((v) => props.filter?.(v.name, v.format) ?? true);
  return (
    <fieldset className="wizard-picker">
      <legend>{props.label}</legend>
      <div className="field">
        <label htmlFor={`${id}-pool`}>{t('wizard.pool')}</label>
        <select
          id={`${id}-pool`}
          value={pool}
          onChange={(e) => {
            setChosen(e.target.value);
            props.onChange(undefined);
          }}
        >
          {running.length === 0 && <option value="">{t('wizard.noPools')}</option>}
          {running.map((p) => (
            <option key={p.uuid} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-volume`}>{t('wizard.volume')}</label>
        <select
          id={`${id}-volume`}
          value={props.value?.pool === pool ? props.value.volume : ''}
          onChange={(e) => {
            const v = list.find((x) => x.name === e.target.value);
            props.onChange(v ? { pool, volume: v.name, path: v.path } : undefined);
          }}
        >
          <option value="">{entry?.loading ? t('wizard.loadingVolumes') : t('wizard.chooseVolume')}</option>
          {list.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
