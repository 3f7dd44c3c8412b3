import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloudImageChoice } from '../../../shared/api/cloud-init';
import type { CloudImageProblems } from '../../../shared/cloud-init/validate-choice';
import { useFormatBytes } from '../../i18n/use-format-bytes';
import { useStores, useStoreState } from '../../common/stores-context';
import { TextField } from '../../common/text-field';
import { poolKey } from '../../stores/volumes-store';
import { problemText } from './problem-text';
import type { BaseInfoState } from './use-base-info';

interface Props {
  hostId: string;
  value: CloudImageChoice;
  onChange(patch: Partial<CloudImageChoice>): void;
  problems: CloudImageProblems;
  baseInfo: BaseInfoState;
}

const EMPTY = {};
/** Formats read at most for this many volumes of one pool (a pool of 5,000 volumes is no image library). */
const MAX_FORMATS_READ = 500;

/** Which image (a pool's volume or a host path), overlay or copy, and the disk's size. */
export function BaseImageFields({ hostId, value, onChange, problems, baseInfo }: Props) {
  const { t } = useTranslation();
  const formatBytes = useFormatBytes(); // issue 15: sizes in the window's language
  const id = useId();
  const stores = useStores();
  const pools = useStoreState('pools', (s) => s.byHost[hostId] ?? EMPTY);
  const base = value.base;
  const pool = base?.kind === 'volume' ? base.pool : '';
  const volumes = useStoreState('volumes', (s) => (pool ? s.byPool[poolKey(hostId, pool)] : undefined));
  useEffect(() => void stores.pools.getState().load(hostId), [stores, hostId]);
  useEffect(() => {
    if (pool) void stores.volumes.getState().load(hostId, pool);
  }, [stores, hostId, pool]);
  // The volume list comes with names first and each volume's format once its XML is read: read it
  // for the candidates (not the ISOs), and offer a volume until its format says it is no image.
  const candidates = (volumes?.volumes ?? []).filter(
    (v) => v.format === 'qcow2' || v.format === 'raw' || (v.format === undefined && !/\.iso$/i.test(v.name)),
  );
  const unread = candidates.filter((v) => v.format === undefined).map((v) => v.name);
  const unreadKey = unread.slice(0, MAX_FORMATS_READ).join('\n');
  useEffect(() => {
    if (pool && unreadKey) stores.volumes.getState().ensureDetails(hostId, pool, unreadKey.split('\n'));
  }, [stores, hostId, pool, unreadKey]);
  const images = candidates;
  const kind = base?.kind ?? 'volume';
  const baseError =
    problemText(t, problems.base) ?? (baseInfo.state === 'failed' ? baseInfo.message : undefined);
  const info = baseInfo.state === 'read' ? baseInfo.info : undefined;

  return (
    <fieldset>
      <legend>{t('cloudImage.image')}</legend>
      <div role="radiogroup" aria-label={t('cloudImage.source')} className="field">
        {(['volume', 'path'] as const).map((k) => (
          <label key={k} className="check">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === k}
              onChange={() => onChange({ base: k === 'volume' ? null : { kind: 'path', path: '' } })}
            />
            {t(k === 'volume' ? 'cloudImage.fromVolume' : 'cloudImage.fromPath')}
          </label>
        ))}
      </div>
      {kind === 'volume' ? (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-pool`}>{t('cloudImage.pool')}</label>
            <select
              id={`${id}-pool`}
              value={pool}
              onChange={(e) =>
                onChange({ base: e.target.value ? { kind: 'volume', pool: e.target.value, name: '' } : null })
              }
            >
              <option value="">{t('cloudImage.choosePool')}</option>
              {Object.values(pools)
                .filter((p) => p.state === 'running')
                .map((p) => (
                  <option key={p.uuid}>{p.name}</option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-volume`}>{t('cloudImage.volume')}</label>
            <select
              id={`${id}-volume`}
              value={base?.kind === 'volume' ? base.name : ''}
              disabled={!pool}
              aria-invalid={baseError ? true : undefined}
              aria-describedby={baseError ? `${id}-base-error` : undefined}
              onChange={(e) => onChange({ base: { kind: 'volume', pool, name: e.target.value } })}
            >
              <option value="">
                {volumes?.loading ? t('cloudImage.loadingVolumes', { pool }) : t('cloudImage.chooseVolume')}
              </option>
              {images.map((v) => (
                <option key={v.name} value={v.name}>
                  {t('cloudImage.volumeOption', {
                    name: v.name,
                    format: v.format ?? '…',
                    size: v.capacity === undefined ? '?' : formatBytes(v.capacity),
                  })}
                </option>
              ))}
            </select>
            {pool && volumes && !volumes.loading && images.length === 0 && (
              <span className="field-hint">{t('cloudImage.noImages', { pool })}</span>
            )}
          </div>
        </div>
      ) : (
        <TextField
          label={t('cloudImage.path')}
          value={base?.kind === 'path' ? base.path : ''}
          onChange={(path) => onChange({ base: { kind: 'path', path } })}
          hint={t('cloudImage.pathHint')}
          spellCheck={false}
        />
      )}
      <p className="field-hint" aria-live="polite">
        {baseInfo.state === 'reading' && t('cloudImage.inspecting')}
        {info && t('cloudImage.baseInfo', { format: info.format, size: formatBytes(info.capacity) })}
      </p>
      {baseError && (
        <p id={`${id}-base-error`} className="field-error" role="alert">
          {baseError}
        </p>
      )}
      <div role="radiogroup" aria-label={t('cloudImage.mode')} className="field">
        {(['backing', 'copy'] as const).map((mode) => (
          <label key={mode} className="check">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={value.mode === mode}
              onChange={() => onChange({ mode })}
            />
            {t(`cloudImage.${mode}`)}
          </label>
        ))}
      </div>
      <TextField
        label={t('cloudImage.size')}
        value={value.size}
        onChange={(size) => onChange({ size })}
        hint={t('cloudImage.sizeHint', {
          base: info ? t('cloudImage.sizeHintBase', { size: formatBytes(info.capacity) }) : '',
        })}
        error={problemText(t, problems.size)}
      />
    </fieldset>
  );
}
