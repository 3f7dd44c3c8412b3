import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OsEntry } from '../../../shared/api/wizard';
import { genericLinux } from '../../../shared/wizard/vm-defaults';
import { toApiError } from '../../api/api-error-from';
import { useStores } from '../../common/stores-context';
import type { Loaded } from '../use-wizard-data';
import type { WizardChoices } from '../wizard-choices';

const SHOWN = 200;

/**
 * Step 2: the OS, detected from the media by the host's libosinfo where possible, else searched by
 * name. When the db does not know the media's OS, it says so and picks the newest generic Linux.
 */
export function OsStep({
  c,
  set,
  osList,
}: {
  c: WizardChoices;
  set(patch: Partial<WizardChoices>): void;
  osList: Loaded<{ entries: OsEntry[]; message?: string }>;
}) {
  const { t } = useTranslation();
  const { wizardCalls } = useStores();
  const id = useId();
  const [query, setQuery] = useState('');
  const [note, setNote] = useState<string | undefined>();
  const [detecting, setDetecting] = useState(false);
  const entries = useMemo(() => (osList.state === 'ready' ? osList.value.entries : []), [osList]);
  const listReady = osList.state === 'ready';
  const detectPath = c.method?.detectPath;
  const fallbackId = genericLinux(entries)?.id;
  const { hostId } = c;

  // Detect once per media (the OS the method knows wins).
  useEffect(() => {
    if (c.osId || !hostId || !listReady) return;
    if (c.method?.osId) return set({ osId: c.method.osId });
    if (!detectPath) {
      if (fallbackId) set({ osId: fallbackId });
      return;
    }
    let live = true;
    setDetecting(true);
    wizardCalls.detectOs(hostId, detectPath).then(
      (r) => {
        if (!live) return;
        setDetecting(false);
        if (r.osId) {
          setNote(t('wizard.osDetected', { name: entries.find((e) => e.id === r.osId)?.name ?? r.osId }));
          set({ osId: r.osId });
        } else {
          setNote(t('wizard.osNotRecognised', { message: r.message }));
          if (fallbackId) set({ osId: fallbackId });
        }
      },
      (error: unknown) => {
        if (!live) return;
        setDetecting(false);
        setNote(toApiError(error).message);
        if (fallbackId) set({ osId: fallbackId });
      },
    );
    return () => {
      live = false;
    };
  }, [wizardCalls, hostId, listReady, detectPath, fallbackId, c.osId, c.method?.osId, set, t, entries]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return entries
      .filter(
        (e) =>
          (c.includeEol || !e.eol || e.id === c.osId) &&
          (!q || `${e.name} ${e.shortId}`.toLowerCase().includes(q)),
      )
      .slice(0, SHOWN);
  }, [entries, query, c.includeEol, c.osId]);
  const chosen = entries.find((e) => e.id === c.osId);

  return (
    <div className="wizard-step">
      {c.method?.volumeId && <p>{t('wizard.mediaVolumeId', { id: c.method.volumeId })}</p>}
      {detecting && <p role="status">{t('wizard.detecting')}</p>}
      {note && (
        <p role="status" className="wizard-os-note">
          {note}
        </p>
      )}
      {osList.state === 'loading' && <p role="status">{t('wizard.loadingOs')}</p>}
      {osList.state === 'failed' && <p role="alert">{osList.message}</p>}
      {osList.state === 'ready' && osList.value.message && <p role="alert">{osList.value.message}</p>}
      <p>
        {t('wizard.osChosen')} <strong>{chosen ? chosen.name : t('wizard.osNone')}</strong>
      </p>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('wizard.osSearch')}</label>
        <input id={`${id}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <label className="wizard-check">
        <input
          type="checkbox"
          checked={c.includeEol}
          onChange={(e) => set({ includeEol: e.target.checked })}
        />
        {t('wizard.includeEol')}
      </label>
      <div className="field">
        <label htmlFor={`${id}-list`}>{t('wizard.osList')}</label>
        <select
          id={`${id}-list`}
          size={8}
          value={c.osId ?? ''}
          onChange={(e) => {
            setNote(undefined);
            set({ osId: e.target.value });
          }}
        >
          {shown.map((e) => (
            <option key={e.id} value={e.id}>
              {e.eol ? t('wizard.osEol', { name: e.name }) : e.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
