import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseCapacity } from '../../../shared/storage/parse-capacity';
import { volumeNameCheck } from '../../../shared/xml/build/new-volume';
import { useCheckText } from '../../i18n/check-text';
import { formatBytes } from '../../../shared/xml/units';
import { useStoreState, useStores } from '../../common/stores-context';
import { poolKey, type PoolVolumes } from '../../stores/volumes-store';
import { useVolumeActions } from './use-volume-actions';
import { VolumeCreateDialog } from './volume-create-dialog';
import { VolumeFieldDialog } from './volume-name-dialog';
import { VolumeTable } from './volume-table';
import { VolumeUploadDialog } from './volume-upload-dialog';
import { VolumeXmlDialog } from './volume-xml-dialog';
import { JobsPanel } from '../../jobs/jobs-panel';
import './volumes.css';

const NONE: PoolVolumes = { volumes: [], loading: true };
type Open = { kind: 'create' | 'resize' | 'clone' | 'xml' } | { kind: 'upload'; file: File } | null;

/**
 * The volumes of one storage pool (the pools view renders it for the selected pool): read when
 * shown, a virtualised table, and the actions on the selected volume. Long ones run as jobs.
 */
export function VolumesPane({ hostId, poolName }: { hostId: string; poolName: string }) {
  const { t } = useTranslation();
  const checkText = useCheckText(); // issue 15
  const { volumes: store } = useStores();
  const entry = useStoreState('volumes', (s) => s.byPool[poolKey(hostId, poolName)]) ?? NONE;
  const [selectedName, setSelected] = useState<string>();
  const [open, setOpen] = useState<Open>(null);
  const [shrink, setShrink] = useState(false);
  const actions = useVolumeActions(hostId, poolName);
  useEffect(() => {
    void store.getState().load(hostId, poolName);
  }, [store, hostId, poolName]);
  const selected = entry.volumes.find((v) => v.name === selectedName);
  const close = () => setOpen(null);
  const needsOne = !selected;

  return (
    <section className="volumes-pane" aria-label={t('volumes.label', { pool: poolName })}>
      <div role="toolbar" aria-label={t('volumes.toolbar')} className="volumes-toolbar">
        <button type="button" onClick={() => setOpen({ kind: 'create' })}>
          {t('volumes.create')}
        </button>
        <label className="button file-button">
          {t('volumes.upload')}
          <input
            type="file"
            className="sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) setOpen({ kind: 'upload', file });
            }}
          />
        </label>
        <button type="button" onClick={() => void store.getState().load(hostId, poolName, true)}>
          {t('volumes.refresh')}
        </button>
        <span className="toolbar-gap" />
        <button type="button" disabled={needsOne} onClick={() => selected && actions.download(selected)}>
          {t('volumes.download')}
        </button>
        <button type="button" disabled={needsOne} onClick={() => setOpen({ kind: 'resize' })}>
          {t('volumes.resize')}
        </button>
        <button type="button" disabled={needsOne} onClick={() => setOpen({ kind: 'clone' })}>
          {t('volumes.clone')}
        </button>
        <button type="button" disabled={needsOne} onClick={() => setOpen({ kind: 'xml' })}>
          {t('volumes.xml')}
        </button>
        <button type="button" disabled={needsOne} onClick={() => selected && void actions.wipe(selected)}>
          {t('volumes.wipe')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={needsOne}
          onClick={() => selected && void actions.remove(selected)}
        >
          {t('volumes.delete')}
        </button>
      </div>
      {entry.error && (
        <p role="alert" className="field-error">
          {t('volumes.listFailed', { pool: poolName, message: entry.error })}
        </p>
      )}
      <p className="volumes-status" aria-live="polite">
        {entry.loading && entry.volumes.length === 0
          ? t('volumes.loading', { pool: poolName })
          : entry.volumes.length === 0
            ? t('volumes.empty', { pool: poolName })
            : t('volumes.count', { count: entry.volumes.length })}
      </p>
      <VolumeTable
        label={t('volumes.label', { pool: poolName })}
        volumes={entry.volumes}
        selected={selectedName}
        onSelect={setSelected}
        onRowsInView={(names) => store.getState().ensureDetails(hostId, poolName, names)}
      />
      <JobsPanel hostId={hostId} />
      {open?.kind === 'create' && (
        <VolumeCreateDialog hostId={hostId} pool={poolName} volumes={entry.volumes} onClose={close} />
      )}
      {open?.kind === 'upload' && (
        <VolumeUploadDialog hostId={hostId} pool={poolName} file={open.file} onClose={close} />
      )}
      {open?.kind === 'xml' && selected && (
        <VolumeXmlDialog hostId={hostId} pool={poolName} name={selected.name} onClose={close} />
      )}
      {open?.kind === 'clone' && selected && (
        <VolumeFieldDialog
          title={t('volumes.cloneTitle', { name: selected.name })}
          label={t('volumes.cloneName')}
          initial={`${selected.name}-clone`}
          validate={(name) => {
            const problem = volumeNameCheck(name);
            return problem && checkText(problem);
          }}
          submitLabel={t('volumes.cloneButton')}
          onSubmit={(name) => actions.clone(selected, name)}
          onClose={close}
        />
      )}
      {open?.kind === 'resize' && selected && (
        <VolumeFieldDialog
          title={t('volumes.resizeTitle', { name: selected.name })}
          label={t('volumes.capacity')}
          // not per locale: the field's text is parsed back by parseCapacity
          initial={selected.capacity === undefined ? '' : formatBytes(selected.capacity)}
          hint={t('volumes.capacityHint')}
          validate={(text) => {
            const parsed = parseCapacity(text);
            return parsed.ok ? undefined : checkText(parsed.check);
          }}
          extra={
            <label className="field">
              <input type="checkbox" checked={shrink} onChange={(e) => setShrink(e.target.checked)} />
              {t('volumes.shrink')}
              {shrink && <span className="field-error">{t('volumes.shrinkWarning')}</span>}
            </label>
          }
          submitLabel={t('volumes.resizeButton')}
          onSubmit={(capacity) => actions.resize(selected, capacity, shrink)}
          onClose={() => {
            setShrink(false);
            close();
          }}
        />
      )}
    </section>
  );
}
