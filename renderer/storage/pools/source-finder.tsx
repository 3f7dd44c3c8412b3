import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolSource } from '../../../shared/api/pools';
import { toApiError } from '../../api/api-error-from';
import { FormError } from '../../common/form-error';
import { useStores } from '../../common/stores-context';
import { applySource, describeSource, isDiscoverable, type PoolForm } from './pool-form';

/** "Find sources" (`find-storage-pool-sources-as`) and a button per source found, which fills the form. */
export function SourceFinder({
  hostId,
  form,
  onUse,
}: {
  hostId: string;
  form: PoolForm;
  onUse: (form: PoolForm) => void;
}) {
  const { t } = useTranslation();
  const { poolCalls } = useStores();
  const [sources, setSources] = useState<PoolSource[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!isDiscoverable(form.type)) return null;
  const type = form.type;

  const find = async () => {
    setBusy(true);
    setError(null);
    try {
      const host = form.values.host?.trim() || undefined;
      const initiator = form.values.initiator?.trim() || undefined;
      setSources(await poolCalls.findSources({ hostId, type, host, initiator }));
    } catch (err) {
      setError(toApiError(err).message);
      setSources(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="source-finder">
      <button type="button" disabled={busy} onClick={() => void find()}>
        {busy ? t('pools.add.discovering') : t('pools.add.discover')}
      </button>
      <FormError message={error} />
      {sources && (
        <ul aria-label={t('pools.add.sources')}>
          {sources.length === 0 && <li>{t('pools.add.noSources')}</li>}
          {sources.map((source, i) => (
            <li key={i}>
              <button type="button" onClick={() => onUse(applySource(form, source))}>
                {t('pools.add.useSource', { source: describeSource(source) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
